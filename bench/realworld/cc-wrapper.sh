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
#   - heap2stack's records (its remarks, docs/escape-report.md) into a file
#     of their own in H2S_RECORD, rec.PID.RANDOM.yaml: with H2S_CC_RECORDS=1
#     at each compile (-c, or a compile and link of one source; one of
#     several sources is listed in H2S_RECORD/unrecorded instead, as clang
#     would write them all to the one file), with H2S_LINK_RECORDS=1 at each
#     link (lld's LTO). clang and lld write one remarks file per compile or
#     link, so where H2S_CC_REMARKS or H2S_LINK_REMARKS asks for other
#     passes' remarks too, they go into the rec file (passes
#     heap2stack|THOSE) instead of one of their own; readers skip the
#     passes they do not count.
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

# The passes a compile's or link's remarks file keeps: heap2stack when
# records are asked for ($1 = 1), and those of $2.
passes() {
	local p=${2:-}
	if [ "$1" = 1 ]; then
		case $p in
		'' | heap2stack) p=heap2stack ;;
		*) p="heap2stack|$p" ;;
		esac
	fi
	printf '%s' "$p"
}
# The name of that file: rec.* with records, else PREFIX.* ($2).
remarks_file() {
	if [ "$1" = 1 ]; then
		printf '%s' "$H2S_RECORD/rec.$$.$RANDOM.yaml"
	else
		printf '%s' "$H2S_RECORD/$2.$$.$RANDOM.yaml"
	fi
}

extra=()
if [ $compile -eq 0 ]; then
	# shellcheck disable=SC2206
	extra+=($H2S_LINK_FLAGS)
	recs=${H2S_LINK_RECORDS:-}
	p=$(passes "$recs" "${H2S_LINK_REMARKS:-}")
	if [ -n "${H2S_RECORD:-}" ] && [ -n "$p" ]; then
		extra+=("-Wl,--opt-remarks-filename,$(remarks_file "$recs" link)"
			"-Wl,--opt-remarks-passes,$p")
	fi
	# a compile and link in one command (no -c) compiles its sources too
	if [ -n "${H2S_RECORD:-}" ] && [ "${H2S_CC_RECORDS:-}" = 1 ]; then
		nsrc=0
		for a in "$@"; do
			case $a in
			*.c | *.cc | *.cpp | *.cxx) nsrc=$((nsrc + 1)) ;;
			esac
		done
		if [ $nsrc -eq 1 ]; then
			extra+=(-fsave-optimization-record=yaml
				"-foptimization-record-passes=heap2stack"
				"-foptimization-record-file=$(remarks_file 1)")
		elif [ $nsrc -gt 1 ]; then
			printf '%s\n' "$PWD: $real $*" >>"$H2S_RECORD/unrecorded"
		fi
	fi
elif [ -n "${H2S_RECORD:-}" ]; then
	is_c=0
	for a in "$@"; do [ "$a" = -c ] && is_c=1; done
	recs=${H2S_CC_RECORDS:-}
	p=$(passes "$recs" "${H2S_CC_REMARKS:-}")
	if [ $is_c -eq 1 ] && [ -n "$p" ]; then
		extra+=(-fsave-optimization-record=yaml
			"-foptimization-record-passes=$p"
			"-foptimization-record-file=$(remarks_file "$recs" cc)")
	fi
	if [ $is_c -eq 1 ] && [ "${H2S_LOG_COMPILES:-}" = 1 ]; then
		{
			printf '%s\0' "$PWD" "$real" "$@"
			printf '\n'
		} >>"$H2S_RECORD/compiles"
	fi
fi
exec "$real" "$@" "${extra[@]}"
