#!/bin/bash
# bench/realworld/regex-link.sh M4DIR SIZES: the cost of a larger inlining
# budget on m4's test-regex. In 5 interleaved rounds, links
# M4DIR/tests/test-regex with LTO without heap2stack (plain), with it
# (default), with it and the sizes file SIZES (profile: hot sites get
# hot-inline-budget) and with inline-budget=4096 everywhere; prints
# "round config user sys text-bytes" per link. M4DIR is an m4 source tree
# configured with CC=clang-22 CFLAGS="-O2 -g -flto" and its lib/ built
# (bench/realworld/results/notes.md, 2026-12-08).
set -u
[ $# -eq 2 ] || { echo "usage: regex-link.sh M4DIR SIZES" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
sizes=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
cd "$1/tests" || exit 1
P=$here/../../build-llvm22/pass/heap2stack.so
declare -A OPT=([plain]="" [default]="inline-budget=256" [profile]="profile=$sizes" [budget4096]="inline-budget=4096")
for r in 1 2 3 4 5; do
  for k in plain default profile budget4096; do
    rm -f test-regex
    if [ "$k" = plain ]; then L="-flto -fuse-ld=lld"; else L="-flto -fuse-ld=lld -Wl,-mllvm,-load=$P -Wl,--load-pass-plugin=$P '-Wl,-mllvm,-escape-options=${OPT[$k]}'"; fi
    t=$(mktemp)
    /usr/bin/time -o "$t" -f "%U %S" make -s test-regex LDFLAGS="$L" >/dev/null 2>&1 || { echo "link failed: $k" >&2; exit 1; }
    u=$(tail -1 "$t"); rm -f "$t"
    sz=$(size -A test-regex | awk '$1==".text"{print $2}')
    echo "$r $k $u $sz"
  done
done
