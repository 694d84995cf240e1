#!/usr/bin/env bash
# bench/micro/run.sh [-n REPS] [-k KERNEL,...] [-o OUTDIR]
#
# The allocation-heavy kernels of bench/micro/, each built three ways with
# clang 22 (plain -O2; -O2 with heap2stack; -O2 with LLVM's Attributor),
# checked for identical output, counted for heap allocations (alloccount)
# and timed interleaved, REPS rounds (default 11). Writes
# bench/micro/results/micro*.tsv; see run.py for the details.
#
# Builds the plugin first (tools/setup.sh 22, which installs LLVM 22 from
# Debian's packages when needed); H2S_SKIP_SETUP=1 uses build-llvm22/ as it is.
#
# Exit status: 1 if heap2stack changed a kernel's output (a miscompile),
# 3 if only the Attributor did, 0 otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${H2S_SKIP_SETUP:-0}" != 1 ]; then
	bash "$root/tools/setup.sh" 22
fi
exec python3 "$root/bench/micro/run.py" "$@"
