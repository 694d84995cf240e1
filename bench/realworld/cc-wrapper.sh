#!/usr/bin/env bash
# bench/realworld/cc-wrapper.sh: the CC (and, as cxx-wrapper, the CXX) that
# run.sh gives every build system. It runs clang (H2S_REAL_CC / H2S_REAL_CXX)
# with the arguments it got, plus:
#   - when the command links (no -c, -S, -E): $H2S_LINK_FLAGS, and when
#     H2S_RECORD names a directory and H2S_LINK_REMARKS names passes, lld's
#     optimisation remarks of that link into a file of its own there (so
#     every link of the build is counted, whatever it is called);
#   - when it compiles (-c) and H2S_RECORD is set: with H2S_CC_REMARKS, the
#     remarks of those passes into a file of its own; with H2S_LOG_COMPILES=1,
#     the command (directory and arguments) appended to H2S_RECORD/compiles,
#     so run.sh can recompile each unit to IR afterwards;
#   - heap2stack's records (-escape-records, docs/escape-report.md) into a
#     file of their own in H2S_RECORD (rec.PID.RANDOM: parallel appends to
#     one file could interleave): with H2S_CC_RECORDS=1 at each compile (-c),
#     with H2S_LINK_RECORDS=1 at each link (lld's LTO; H2S_LINK_FLAGS must
#     load the plugin with -Wl,-mllvm,-load= first, so lld knows the option).
# Build systems drop or reorder LDFLAGS and swallow stderr; a wrapper does
# neither. H2S_RECORD is set only while make runs, not during configure, so
# configure's test programs are not counted.
case ${0##*/} in
cxx*) real=${H2S_REAL_CXX:-clang++-22} ;;
*) real=${H2S_REAL_CC:-clang-22} ;;
esac

compile=0
for a in "$@"; do
	case $a in
	-c | -S | -E | -M | -MM) compile=1 ;;
	esac
done

extra=()
if [ $compile -eq 0 ]; then
	# shellcheck disable=SC2206
	extra+=($H2S_LINK_FLAGS)
	if [ -n "${H2S_RECORD:-}" ] && [ -n "${H2S_LINK_REMARKS:-}" ]; then
		extra+=("-Wl,--opt-remarks-filename,$H2S_RECORD/link.$$.$RANDOM.yaml"
			"-Wl,--opt-remarks-passes,$H2S_LINK_REMARKS")
	fi
	if [ -n "${H2S_RECORD:-}" ] && [ "${H2S_LINK_RECORDS:-}" = 1 ]; then
		extra+=("-Wl,-mllvm,-escape-records=$H2S_RECORD/rec.$$.$RANDOM")
	fi
	# a compile and link in one command (no -c) compiles its sources too
	if [ -n "${H2S_RECORD:-}" ] && [ "${H2S_CC_RECORDS:-}" = 1 ]; then
		for a in "$@"; do
			case $a in
			*.c | *.cc | *.cpp | *.cxx)
				extra+=(-mllvm "-escape-records=$H2S_RECORD/rec.$$.$RANDOM")
				break
				;;
			esac
		done
	fi
elif [ -n "${H2S_RECORD:-}" ]; then
	is_c=0
	for a in "$@"; do [ "$a" = -c ] && is_c=1; done
	if [ $is_c -eq 1 ] && [ -n "${H2S_CC_REMARKS:-}" ]; then
		extra+=(-fsave-optimization-record=yaml
			"-foptimization-record-passes=$H2S_CC_REMARKS"
			"-foptimization-record-file=$H2S_RECORD/cc.$$.$RANDOM.yaml")
	fi
	if [ $is_c -eq 1 ] && [ "${H2S_CC_RECORDS:-}" = 1 ]; then
		extra+=(-mllvm "-escape-records=$H2S_RECORD/rec.$$.$RANDOM")
	fi
	if [ $is_c -eq 1 ] && [ "${H2S_LOG_COMPILES:-}" = 1 ]; then
		{
			printf '%s\0' "$PWD" "$real" "$@"
			printf '\n'
		} >>"$H2S_RECORD/compiles"
	fi
fi
exec "$real" "$@" "${extra[@]}"
