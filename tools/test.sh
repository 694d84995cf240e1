#!/usr/bin/env bash
# tools/test.sh [19|22|all]  (default all)
#
# For each LLVM release: tools/setup.sh (install, configure, build into
# build-llvmN/), then the lit suites (`cmake --build build-llvmN --target
# check`). Prints one line per release and a total, in the form
#     llvm22: 40 passed, 0 failed
# and exits non-zero when any release fails.
set -uo pipefail

which=${1:-all}
case $which in
19 | 22) versions=("$which") ;;
all) versions=(19 22) ;;
*)
	echo "usage: tools/test.sh [19|22|all]" >&2
	exit 2
	;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export H2S_APT_STAMP=$tmp/apt-updated # apt-get update once for all versions

# Sum of the counts lit prints for the given result kinds ("  Passed     : 12").
lit_count() {
	local log=$1 kind n total=0
	shift
	for kind in "$@"; do
		n=$(sed -n "s/^ *$kind *: *\([0-9][0-9]*\).*/\1/p" "$log" | tail -n 1)
		total=$((total + ${n:-0}))
	done
	echo "$total"
}

status=0
summary=()
all_pass=0 all_fail=0 all_skip=0
for v in "${versions[@]}"; do
	log=$tmp/check-$v.log
	echo "== LLVM $v"
	if ! bash "$root/tools/setup.sh" "$v"; then
		summary+=("llvm$v: setup or build failed")
		all_fail=$((all_fail + 1))
		status=1
		continue
	fi
	cmake --build "$root/build-llvm$v" --target check 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	pass=$(lit_count "$log" Passed "Expectedly Failed")
	fail=$(lit_count "$log" Failed Unresolved "Timed Out" "Unexpectedly Passed")
	skip=$(lit_count "$log" Unsupported)
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		fail=1 # lit itself failed (configuration error, ...)
	fi
	[ "$rc" -eq 0 ] || status=1
	summary+=("llvm$v: $pass passed, $fail failed, $skip skipped")
	all_pass=$((all_pass + pass))
	all_fail=$((all_fail + fail))
	all_skip=$((all_skip + skip))
done

echo
printf '%s\n' "${summary[@]}"
echo "total: $all_pass passed, $all_fail failed, $all_skip skipped"
exit $status
