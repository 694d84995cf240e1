#!/usr/bin/env bash
# tools/alloc-stats.sh [-v 19|22] FILE.c|FILE.cpp ...
#
# For each program: the allocation sites heap2stack demotes and keeps (from
# its remarks at -O2) and the heap allocations the program makes at run time
# without and with the plugin (tools/alloccount, program= count), as one
# table row. Needs the build of tools/setup.sh (build-llvmN/). Programs are
# run with no arguments and their output discarded; a program whose output
# differs between the two builds is reported as a MISMATCH (exit status 1).
set -euo pipefail

version=22
if [ "${1:-}" = -v ]; then
	version=$2
	shift 2
fi
[ $# -gt 0 ] || { echo "usage: tools/alloc-stats.sh [-v 19|22] FILE..." >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-llvm$version
bin=/usr/lib/llvm-$version/bin
plugin=$build/pass/heap2stack.so
count=$build/tools/alloccount/alloccount.so
for f in "$plugin" "$count"; do
	[ -f "$f" ] || { echo "alloc-stats.sh: $f missing: run tools/setup.sh $version" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
printf '%-28s %8s %6s %14s %14s\n' program demoted kept "allocs plain" "allocs h2s"
for src in "$@"; do
	cc=$bin/clang
	case $src in *.cpp) cc=$bin/clang++ ;; esac
	name=$(basename "$src")
	if ! "$cc" -O2 "$src" -o "$tmp/plain" 2>"$tmp/err" ||
		! "$cc" -O2 -fpass-plugin="$plugin" -Rpass=heap2stack \
			-Rpass-missed=heap2stack "$src" -o "$tmp/h2s" 2>"$tmp/remarks"; then
		printf '%-28s does not build on its own\n' "$name"
		status=1
		continue
	fi
	demoted=$(grep -c -e '\[-Rpass=heap2stack\]' "$tmp/remarks" || true)
	kept=$(grep -c -e '\[-Rpass-missed=heap2stack\]' "$tmp/remarks" || true)
	for b in plain h2s; do
		rm -f "$tmp/$b.count"
		env LD_PRELOAD="$count" ALLOCCOUNT_OUT="$tmp/$b.count" \
			"$tmp/$b" >"$tmp/$b.out" 2>/dev/null </dev/null || true
	done
	n_plain=$(sed -n 's/^alloccount: program=\([0-9]*\) .*/\1/p' "$tmp/plain.count" | awk '{s+=$1} END {print s+0}')
	n_h2s=$(sed -n 's/^alloccount: program=\([0-9]*\) .*/\1/p' "$tmp/h2s.count" | awk '{s+=$1} END {print s+0}')
	note=
	if ! cmp -s "$tmp/plain.out" "$tmp/h2s.out"; then
		note=" MISMATCH"
		status=1
	fi
	printf '%-28s %8s %6s %14s %14s%s\n' "$name" "$demoted" "$kept" "$n_plain" "$n_h2s" "$note"
done
exit $status
