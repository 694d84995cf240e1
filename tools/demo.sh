#!/usr/bin/env bash
# tools/demo.sh: heap2stack on a program a user would recognise.
#
# Builds the plugin for LLVM 22 (tools/setup.sh 22), compiles
# examples/demo.c at -O2 without and with the plugin, prints what the pass
# decided for each allocation site, runs both binaries under alloccount.so to
# count the heap allocations they make, and checks that their outputs are
# identical. Exits non-zero on any failure.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tools/setup.sh" 22

build=$root/build-llvm22
clang=/usr/lib/llvm-22/bin/clang
plugin=$build/pass/heap2stack.so
alloccount=$build/tools/alloccount/alloccount.so
src=examples/demo.c
for f in "$plugin" "$alloccount"; do
	[ -f "$f" ] || { echo "demo.sh: $f was not built" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root" # so that positions read examples/demo.c:LINE:COL

"$clang" -O2 -g "$src" -o "$tmp/demo.plain"
"$clang" -O2 -g -fpass-plugin="$plugin" -Rpass=heap2stack \
	-Rpass-missed=heap2stack -fno-caret-diagnostics "$src" \
	-o "$tmp/demo.h2s" 2>"$tmp/remarks"

# The Go-style report: escape-report compiles the file with clang and the
# plugin at -O2 and prints what the plugin decided, in Go's words.
echo "== escape-report $src"
"$build/tools/escape-report/escape-report" "$src"
echo

# The remarks: one per allocation site, [-Rpass=...] for a site moved
# to the stack, [-Rpass-missed=...] for one kept on the heap; sorted by
# position (clang prints them in the order the pass visits functions).
echo "== heap2stack on $src (clang -O2 -Rpass=heap2stack -Rpass-missed=heap2stack)"
sort -t: -k1,1 -k2,2n -k3,3n "$tmp/remarks"
demoted=$(grep -c -e '\[-Rpass=heap2stack\]' "$tmp/remarks" || true)
kept=$(grep -c -e '\[-Rpass-missed=heap2stack\]' "$tmp/remarks" || true)
echo "allocation sites: $demoted demoted to the stack, $kept kept on the heap"

# program= counts the allocation calls made by the program itself (see
# tools/alloccount/alloccount.c).
count() {
	env LD_PRELOAD="$alloccount" ALLOCCOUNT_OUT="$tmp/$1.count" \
		"$tmp/demo.$1" >"$tmp/$1.out"
	sed -n 's/^alloccount: program=\([0-9]*\) .*/\1/p' "$tmp/$1.count"
}
n_plain=$(count plain)
n_h2s=$(count h2s)

echo
echo "== output of the program built with the plugin"
cat "$tmp/h2s.out"
echo
echo "heap allocations at run time: without plugin $n_plain, with plugin $n_h2s"
if cmp -s "$tmp/plain.out" "$tmp/h2s.out"; then
	echo "outputs without and with the plugin: identical"
else
	echo "outputs without and with the plugin: DIFFERENT"
	diff "$tmp/plain.out" "$tmp/h2s.out" || true
	exit 1
fi
