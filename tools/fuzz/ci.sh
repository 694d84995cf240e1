#!/usr/bin/env bash
# tools/fuzz/ci.sh: the fuzzer's fixed CI run (.ci/run calls it).
#
# Builds the plugin for LLVM 19 and 22 if needed (tools/setup.sh), then
#   - 20 generated programs (seeds 1-20), each validated (-O0 ASan+UBSan,
#     gcc) and run in 3 of the 22 configurations (LLVM 19 and 22 x
#     O1 O2 O3 Os lto thin asan big verify noinl prof; rotating, so each
#     configuration runs about 3 times): 60 runs;
#   - 10 IR modules (llvm-stress seeds 1-10 with allocations spliced in) on
#     each release, through heap2stack -verify-each and print<escape<verbose>>.
# A few minutes on a small machine. Prints
#     fuzz: 20 programs, 60 runs, 0 failed (IR: 20 modules, 40 runs, 0 failed)
# and exits non-zero on any finding, keeping the work directory.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for v in 19 22; do
	bash "$root/tools/setup.sh" "$v" || exit 1
done
work=$(mktemp -d /tmp/fuzz-ci.XXXXXX)
status=0
python3 "$here/driver.py" 20 --seed 1 --per-program 3 --validate --quiet \
	--out "$work/c" >"$work/c.log" 2>&1 || status=1
python3 "$here/ir.py" 10 --seed 1 --quiet --out "$work/ir" >"$work/ir.log" 2>&1 || status=1
c=$(grep '^fuzz: ' "$work/c.log" | tail -n 1)
i=$(grep '^fuzz-ir: ' "$work/ir.log" | tail -n 1)
if [ "$status" -ne 0 ] || [ -z "$c" ] || [ -z "$i" ]; then
	cat "$work/c.log" "$work/ir.log"
	echo "fuzz: work directory kept: $work"
	status=1
else
	rm -rf "$work"
fi
echo "${c:-fuzz: generated programs did not run} (IR: ${i#fuzz-ir: })"
exit "$status"
