#!/usr/bin/env bash
# The end-to-end recipe of test/e2e, as lit's %e2e and %e2e_cxx (lit.cfg.py):
#
#     e2e.sh CC PLUGIN [--asan-options=OPTS] OUT FLAGS... SOURCE...
#
# builds the program three times with CC and FLAGS: plain (OUT.plain), with
# the plugin (OUT.h2s), and with the plugin under AddressSanitizer
# (OUT.asan); runs each, writing OUT.plain.out, OUT.h2s.out and
# OUT.asan.out; and fails unless the three outputs are identical. ASan runs
# with detect_stack_use_after_return=1 (a demoted block used after its
# function returned is then reported) and detect_leaks=0 (tests free what
# they must, not everything), plus OPTS. Every command is echoed to stderr,
# so a failing test shows which step failed.
set -euo pipefail

if [ $# -lt 5 ]; then
	echo "usage: e2e.sh CC PLUGIN [--asan-options=OPTS] OUT FLAGS... SOURCE..." >&2
	exit 2
fi
cc=$1 plugin=$2
shift 2
asan_options=detect_stack_use_after_return=1:detect_leaks=0
while [ $# -gt 0 ] && [ "${1#--asan-options=}" != "$1" ]; do
	asan_options=$asan_options:${1#--asan-options=}
	shift
done
out=$1
shift

step() {
	echo "e2e: $*" >&2
	"$@"
}

step "$cc" "$@" -o "$out.plain"
step "$cc" "$@" -fpass-plugin="$plugin" -o "$out.h2s"
step "$cc" "$@" -fsanitize=address -fpass-plugin="$plugin" -o "$out.asan"
step "$out.plain" >"$out.plain.out"
step "$out.h2s" >"$out.h2s.out"
step env ASAN_OPTIONS="$asan_options" "$out.asan" >"$out.asan.out"
step diff "$out.plain.out" "$out.h2s.out"
step diff "$out.plain.out" "$out.asan.out"
