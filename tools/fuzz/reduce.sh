#!/usr/bin/env bash
# tools/fuzz/reduce.sh FAILURE_DIR [OUT_DIR]
#
# Reduces a failing program kept by run.sh (FAILURE_DIR holds main.c,
# helpers.c and failure.json naming the configuration) with cvise (or
# creduce). The interestingness test (driver.py --interesting) keeps the
# program valid (no UB warnings, clean -O0 ASan+UBSan run, gcc and the plain
# build of the configuration agree) and failing the same way with the
# plugin. The result goes to OUT_DIR (default FAILURE_DIR/reduced), with
# repro.sh, the commands that show the failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fail=$(cd "$1" && pwd)
out=${2:-$fail/reduced}
cfg=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["config"])' "$fail/failure.json")
why=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["why"])' "$fail/failure.json")
sig=""
if [[ $why == compiler* ]]; then
	# The first line that names the crash.
	sig=$(python3 - "$fail/failure.json" <<'PY'
import json, sys
log = "\n".join(json.load(open(sys.argv[1]))["log"])
for l in log.splitlines():
    if any(m in l for m in ("Assertion", "LLVM ERROR", "does not dominate", "Broken module", "error:")):
        print(l.strip()); break
else:
    print("PLEASE submit a bug report")
PY
)
fi
work=$(mktemp -d /tmp/fuzz-reduce.XXXXXX)
ext=c
[ -e "$fail/main.cpp" ] && ext=cpp
cp "$fail/main.$ext" "$fail/helpers.$ext" "$work/"
cat >"$work/interesting.sh" <<SH
#!/usr/bin/env bash
exec nice -n 10 python3 "$here/driver.py" --interesting "$cfg" "\$PWD" ${sig:+"$(printf %q "$sig")"}
SH
chmod +x "$work/interesting.sh"
cd "$work"
if ! ./interesting.sh; then
	echo "reduce.sh: $fail is not interesting to start with (flaky, or a generator bug)" >&2
	exit 1
fi
# Drop the test functions that do not matter first (cheap), then cvise.
nice -n 10 python3 "$here/driver.py" --prereduce "$cfg" "$work" ${sig:+"$sig"}
if command -v cvise >/dev/null; then
	nice -n 10 cvise --n 1 --timeout 120 ./interesting.sh main.$ext helpers.$ext
else
	nice -n 10 creduce --n 1 --timeout 120 ./interesting.sh main.$ext helpers.$ext
fi
mkdir -p "$out"
cp main.$ext helpers.$ext "$out/"
(cd "$out" && python3 - "$here" "$cfg" "$out" <<'PY' >"$out/repro.sh"
import shlex
import sys
sys.path.insert(0, sys.argv[1])
import driver
cfg = [c for c in driver.all_configs(["19", "22"]) if c[0] == sys.argv[2]][0]
p = driver.Program(0, ".")
cc = "clang++-22" if p.cxx else "clang-22"
p.main, p.helpers = [x[2:] for x in (p.main, p.helpers)]
print("#!/usr/bin/env bash\n# %s: the plain build agrees with -O0, the plugin build does not." % cfg[0])
print("set -x")
print("%s -O0 -pthread %s %s -o ref && ./ref > ref.out" % (cc, p.main, p.helpers))
for with_plugin in (False, True):
    cmds, exe, *_ = driver.config_commands(p, cfg, with_plugin)
    for c in cmds:
        print(shlex.join(c))
    print("%s%s > %s.out; diff ref.out %s.out" % (
        "ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0 " if cfg[2] == "asan" else "",
        exe, exe, exe))
PY
)
chmod +x "$out/repro.sh"
echo "reduce.sh: reduced program in $out"
