#!/usr/bin/env bash
# tools/fuzz/run.sh N [--seed START] [--llvm 19|22|both] [--per-program K]
#                     [--configs LIST] [--out DIR] [--validate] [--keep] [--quiet]
#
# Differential fuzzing of heap2stack: N programs from tools/fuzz/gen.py
# (seeds START..START+N-1), each built and run in K configurations (default
# 2, rotating over every configuration of the chosen releases, so each gets
# the same share; 0 = all of them) and compared with the plain -O0 build.
# Failures are kept under DIR/failures/ (default DIR: /tmp/fuzz-run) and
# listed at the end; the last line is `fuzz: N programs, R runs, F failed`.
# Exit status 1 when anything failed. See docs/testing.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "$here/driver.py" "$@"
