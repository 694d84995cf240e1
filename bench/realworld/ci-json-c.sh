#!/usr/bin/env bash
# bench/realworld/ci-json-c.sh: the real-package check of CI.
#
# Builds Debian's json-c with its own CMake build and clang-22 -O2 three
# ways (plain; heap2stack per translation unit, -fpass-plugin; heap2stack at
# link time with full LTO) and runs json-c's test suite (ctest) in each.
# Exits non-zero when a build fails, when a heap2stack suite fails, or when
# the plain suite fails (the check would prove nothing). Installs what it
# needs (deb-src entries, cmake, the plugin via tools/setup.sh 22) without
# asking. Takes about a minute on 2 cores once the plugin is built.
#
#   bench/realworld/ci-json-c.sh [--out DIR]   (default bench/realworld/work/ci)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/work/ci
if [ "${1:-}" = --out ] && [ -n "${2:-}" ]; then out=$2; fi
mkdir -p "$out" && rm -f "$out/results.tsv"

"$here/run.sh" --packages json-c --configs "plain h2s lto" --out "$out" --work "$out" >"$out/run.log" 2>&1
rc=$?
if [ $rc -ne 0 ] || [ ! -s "$out/results.tsv" ]; then
	echo "ci-json-c: the runner failed (status $rc):" >&2
	tail -n 40 "$out/run.log" >&2
	exit 1
fi

status=0
while IFS=$'\t' read -r pkg cfg build _cs bs suite pass fail _skip ss sites _d allocs _a _n names; do
	[ "$pkg" = package ] && continue
	echo "ci-json-c: $pkg $cfg: build $build (${bs}s), suite $suite: $pass passed, $fail failed (${ss}s), sites demoted $sites, program allocations $allocs"
	if [ "$build" != ok ] || [ "$suite" != pass ]; then
		echo "ci-json-c: FAILED: $cfg: build $build, suite $suite, failing tests: $names" >&2
		status=1
	fi
done <"$out/results.tsv"
if [ $status -ne 0 ]; then
	echo "ci-json-c: logs: $out/logs/json-c.*.log" >&2
	for f in "$out"/logs/json-c.*.suite.log; do
		grep -q -E 'tests failed|Failed|\(Failed\)' "$f" 2>/dev/null && tail -n 30 "$f" >&2
	done
fi
exit $status
