#!/usr/bin/env bash
# tools/fuzz/reduce-ir.sh FAILURE_DIR
#
# Reduces a module kept by ir.sh (FAILURE_DIR/input.ll, failure.txt) with
# llvm-reduce of the same release; the test re-runs the failing opt command
# and looks for the same message (failure.txt's signature line). Writes
# FAILURE_DIR/reduced.ll.
set -euo pipefail
fail=$(cd "$1" && pwd)
cmd=$(sed -n '1s/^\$ //p' "$fail/failure.txt")
sig=$(sed -n 's/^signature: //p' "$fail/failure.txt")
opt=${cmd%% *}
llvm_bin=$(dirname "$opt")
test=$fail/interesting.sh
# The command with the module replaced by the candidate ($1).
args=$(echo "$cmd" | sed 's/ [^ ]*\.ll$//')
cat >"$test" <<SH
#!/usr/bin/env bash
$args "\$1" 2>&1 | grep -qF -- $(printf %q "$sig")
SH
chmod +x "$test"
"$test" "$fail/input.ll" || { echo "reduce-ir.sh: not reproducible" >&2; exit 1; }
nice -n 10 "$llvm_bin/llvm-reduce" --test="$test" "$fail/input.ll" -o "$fail/reduced.ll"
echo "reduce-ir.sh: $fail/reduced.ll"
