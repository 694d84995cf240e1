#!/usr/bin/env bash
# tools/fuzz/ir.sh N [--seed START] [--llvm 19|22|both] [--out DIR] [--quiet]
#
# IR mode: N llvm-stress modules (seeds START..) with malloc/calloc/
# aligned_alloc/posix_memalign/new/free/realloc calls spliced in
# (tools/fuzz/splice.py), each through
#   opt -load-pass-plugin=heap2stack.so -passes=heap2stack -verify-each
#   opt -load-pass-plugin=heap2stack.so -passes='print<escape<verbose>>'
# on each chosen LLVM release. Crashes and verifier failures are kept under
# DIR/failures/ (default /tmp/fuzz-ir); reduce one with
# tools/fuzz/reduce-ir.sh DIR/failures/SEED-V. Last line:
# `fuzz-ir: N modules, R runs, F failed`; exit status 1 when F > 0.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/ir.py" "$@"
