#!/usr/bin/env python3
"""The differential fuzzer's driver (run through tools/fuzz/run.sh).

For each seed: generate a program (gen.py), build the reference (clang-22
-O0, no plugin), then build and run it in K configurations chosen from the
seed (rotating, so every configuration gets the same share), and compare
output and exit status with the reference. See docs/testing.md.

Stdlib only. One process at a time: the machine is shared.
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

COMPILE_TIMEOUT = 120
RUN_TIMEOUT = 20

# Every configuration, per LLVM release. Kinds:
#   tu      per translation unit: clang OPT -fpass-plugin (both TUs, one link)
#   lto     full LTO, the plugin given to lld
#   thin    ThinLTO, the plugin given to lld
#   asan    -O2 -fsanitize=address with the plugin, run with
#           detect_stack_use_after_return=1
#   verify  -O2 IR of both TUs, llvm-link, opt -passes=heap2stack
#           -verify-each and print<escape<verbose>>, then the transformed
#           module compiled and run
# noinl is -O2 with LLVM's inliner held back (a threshold no call meets):
# the static helpers that free a block stay calls, so heap2stack's own
# inlining of callees that free (docs/design.md) runs; with 256 bytes of
# recursive-stack, a generated recursion's frames past the first few take
# their blocks from malloc (the depth guard's other side). prof is lto with
# a profile: the program built with the profiler's hooks runs under
# heap2stack-profile, whose sizes file the plugin then reads (profile=:
# guarded buffers and growth slots sized by it, hot sites inlined within
# hot-inline-budget).
KINDS = [
    ("O1", "tu", ["-O1", "-g"], None),
    ("O2", "tu", ["-O2"], None),
    ("O3", "tu", ["-O3"], None),
    ("Os", "tu", ["-Os", "-g"], None),
    ("lto", "lto", ["-O2", "-g"], None),
    ("thin", "thin", ["-O2"], None),
    ("asan", "asan", ["-O2"], None),
    ("big", "tu", ["-O2"],
     "max-size=65536;frame-budget=262144;recursive-budget=16384"),
    ("verify", "verify", ["-O2"], None),
    ("noinl", "tu", ["-O2", "-mllvm", "-inline-threshold=-30000"],
     "recursive-stack=256"),
    ("prof", "prof", ["-O2"], None),
]


def all_configs(llvms):
    out = []
    # Interleave the releases so consecutive configurations differ.
    for name, kind, flags, opts in KINDS:
        for v in llvms:
            out.append(("%s-%s" % (name, v), v, kind, flags, opts))
    return out


def tool(v, name):
    return "/usr/lib/llvm-%s/bin/%s" % (v, name)


def plugin(v):
    return os.path.join(ROOT, "build-llvm%s" % v, "pass", "heap2stack.so")


def profiler(v):
    return os.path.join(ROOT, "build-llvm%s" % v, "tools", "profile", "heap2stack-profile")


def run(cmd, timeout, env=None, cwd=None):
    """(returncode, stdout, stderr); returncode 124 on timeout."""
    e = dict(os.environ)
    if env:
        e.update(env)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env=e, cwd=cwd)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as ex:
        out = ex.stdout.decode("utf-8", "replace") if ex.stdout else ""
        err = ex.stderr.decode("utf-8", "replace") if ex.stderr else ""
        return 124, out, err + "\n[timeout after %ds]" % timeout


CC_BASE = ["-w", "-pthread"]
ASAN_ENV = {"ASAN_OPTIONS": "detect_stack_use_after_return=1:detect_leaks=0",
            "UBSAN_OPTIONS": "print_stacktrace=1"}
SAN_MARKS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer",
             "WARNING: ThreadSanitizer")
CRASH_MARKS = ("PLEASE submit a bug report", "Stack dump:", "Assertion",
               "LLVM ERROR", "error: input module is broken", "Broken module",
               "Instruction does not dominate", "verification failed")


# helpers.c's allocator wrappers: they return their allocation, so their own
# sites never move; counted apart so the rate says how much of the
# generated code's allocations is demoted.
WRAPPERS = ("xmalloc", "xcalloc", "xstrdup")


def is_wrapper(fn):
    """fn is one of WRAPPERS (C++: its mangled name)."""
    return re.match(r"^(_Z\d+)?(%s)" % "|".join(WRAPPERS), fn) is not None


def count_remarks(paths):
    """(sites, demoted, wrapper sites) from the YAML remarks files PATHS (and
    each one's PATH.thin.N, ThinLTO's per back-end files): a site is a
    heap2stack Demoted (Passed) or KeptOnHeap (Missed) remark, a wrapper
    site one whose Function is a wrapper."""
    sites = dem = wrap = 0
    text = ""
    for path in paths:
        for f in [path] + glob.glob(glob.escape(path) + ".thin.*"):
            try:
                with open(f) as fp:
                    text += fp.read()
            except OSError:
                pass
    # a DebugLoc with a long file name continues on indented lines
    for m in re.finditer(r"^--- !(\w+)\nPass:\s+heap2stack\nName:\s+(\w+)\n"
                         r"(?:DebugLoc:.*\n(?:[ \t]+.*\n)*)?Function:\s+(\S+)",
                         text, re.M):
        if (m.group(1), m.group(2)) not in (("Passed", "Demoted"), ("Missed", "KeptOnHeap")):
            continue
        sites += 1
        if m.group(2) == "Demoted":
            dem += 1
        if is_wrapper(m.group(3).strip("'\"")):
            wrap += 1
    return sites, dem, wrap


class Program:
    def __init__(self, seed, d):
        self.seed = seed
        self.dir = d
        # gen.py --cxx writes main.cpp and helpers.cpp
        self.cxx = os.path.exists(os.path.join(d, "main.cpp"))
        ext = "cpp" if self.cxx else "c"
        self.main = os.path.join(d, "main." + ext)
        self.helpers = os.path.join(d, "helpers." + ext)

    def cc(self, v):
        return tool(v, "clang++" if self.cxx else "clang")

    def gcc(self):
        return "g++" if self.cxx else "gcc"

    def srcs(self):
        return [self.main, self.helpers]


def build_reference(p):
    exe = os.path.join(p.dir, "ref")
    rc, out, err = run([p.cc(22), "-O0"] + CC_BASE + p.srcs() + ["-o", exe], COMPILE_TIMEOUT)
    if rc != 0:
        return None, "reference compile failed (generator bug?):\n" + err[-3000:]
    rc, out, err = run([exe], RUN_TIMEOUT)
    return (rc, out), None


def validate(p, ref):
    """The program is valid: clang -O0 ASan+UBSan and gcc -O0 agree with the
    reference and report nothing. Returns None or the reason."""
    exe = os.path.join(p.dir, "val-san")
    rc, _, err = run([p.cc(22), "-O0", "-g", "-fsanitize=address,undefined",
                      "-fno-sanitize-recover=all"] + CC_BASE + p.srcs() + ["-o", exe], COMPILE_TIMEOUT)
    if rc != 0:
        return "sanitizer build failed: " + err[-2000:]
    rc, out, err = run([exe], RUN_TIMEOUT * 3, env={"ASAN_OPTIONS": "detect_leaks=0"})
    if ref is None or rc != ref[0] or out != ref[1] or any(m in err for m in SAN_MARKS):
        return "-O0 ASan/UBSan run differs or reports (rc %d):\n%s" % (rc, err[-3000:])
    if ref[0] != 0:
        return "reference exits %d" % ref[0]
    exe = os.path.join(p.dir, "val-gcc")
    rc, _, err = run([p.gcc(), "-O0", "-w", "-pthread"] + p.srcs() + ["-o", exe], COMPILE_TIMEOUT)
    if rc != 0:
        return "gcc build failed: " + err[-2000:]
    rc, out, err = run([exe], RUN_TIMEOUT)
    if rc != ref[0] or out != ref[1]:
        return "gcc -O0 output differs (rc %d)" % rc
    return None


def config_commands(p, cfg, with_plugin=True):
    """The commands building cfg into an executable; returns (cmds, exe,
    remarks files, env)."""
    name, v, kind, flags, opts = cfg
    cc = p.cc(v)
    so = plugin(v)
    tag = name if with_plugin else name + "-plain"
    exe = os.path.join(p.dir, tag)
    rem = os.path.join(p.dir, tag + ".yaml")
    env = None
    mllvm = []
    if with_plugin and opts:
        # clang 19 knows the plugin's options only when it loads it as a
        # clang plugin too
        if str(v) == "19":
            mllvm += ["-fplugin=" + so]
        mllvm += ["-mllvm", "-escape-options=" + opts]
    if kind in ("tu", "asan"):
        cmd = [cc] + flags + CC_BASE
        if kind == "asan":
            cmd += ["-fsanitize=address"]
            env = ASAN_ENV
        if not with_plugin:
            return [cmd + p.srcs() + ["-o", exe]], exe, [], env
        # one compile per unit: clang writes one remarks file per unit,
        # and a compile of both would write both to the same file
        cmds, objs, rems = [], [], []
        for src, unit in ((p.main, "main"), (p.helpers, "helpers")):
            obj = os.path.join(p.dir, "%s.%s.o" % (tag, unit))
            r = os.path.join(p.dir, "%s.%s.yaml" % (tag, unit))
            cmds.append(cmd + ["-fpass-plugin=" + so] + mllvm +
                        ["-fsave-optimization-record=yaml", "-foptimization-record-file=" + r,
                         "-foptimization-record-passes=heap2stack", "-c", src, "-o", obj])
            objs.append(obj)
            rems.append(r)
        return cmds + [cmd + objs + ["-o", exe]], exe, rems, env
    if kind == "prof":
        cmd = [cc] + flags + CC_BASE + ["-g", "-flto", "-fuse-ld=lld"]
        if not with_plugin:
            return [cmd + p.srcs() + ["-o", exe]], exe, [], env
        inst = os.path.join(p.dir, tag + ".inst")
        prof = os.path.join(p.dir, tag + ".profile")
        sizes = os.path.join(p.dir, tag + ".sizes")
        return [cmd + ["-finstrument-functions-after-inlining"] + p.srcs() + ["-o", inst],
                [profiler(v), "run", "-o", prof, "--", inst],
                [profiler(v), "sizes", "-o", sizes, prof],
                cmd + ["-Wl,-mllvm,-load=" + so, "-Wl,--load-pass-plugin=" + so,
                       "-Wl,-mllvm,-escape-options=profile=" + sizes,
                       "-Wl,--plugin-opt=opt-remarks-filename=" + rem,
                       "-Wl,--plugin-opt=opt-remarks-passes=heap2stack"] +
                p.srcs() + ["-o", exe]], exe, [rem], env
    if kind in ("lto", "thin"):
        lto = "-flto" if kind == "lto" else "-flto=thin"
        cmd = [cc] + flags + CC_BASE + [lto, "-fuse-ld=lld"]
        if with_plugin:
            # ThinLTO writes one remarks file per back-end, REM.thin.N
            cmd += ["-Wl,--load-pass-plugin=" + so,
                    "-Wl,--plugin-opt=opt-remarks-filename=" + rem,
                    "-Wl,--plugin-opt=opt-remarks-passes=heap2stack"]
        return [cmd + p.srcs() + ["-o", exe]], exe, [rem] if with_plugin else [], env
    # verify
    mll = os.path.join(p.dir, tag + ".main.ll")
    hll = os.path.join(p.dir, tag + ".helpers.ll")
    lll = os.path.join(p.dir, tag + ".linked.ll")
    oll = os.path.join(p.dir, tag + ".h2s.ll")
    cmds = [[cc] + flags + CC_BASE + ["-S", "-emit-llvm", p.main, "-o", mll],
            [cc] + flags + CC_BASE + ["-S", "-emit-llvm", p.helpers, "-o", hll],
            [tool(v, "llvm-link"), "-S", mll, hll, "-o", lll]]
    if with_plugin:
        cmds += [[tool(v, "opt"), "-load-pass-plugin=" + so, "-passes=heap2stack", "-verify-each",
                  "-pass-remarks-output=" + rem, "-pass-remarks-filter=heap2stack",
                  "-S", lll, "-o", oll],
                 [tool(v, "opt"), "-load-pass-plugin=" + so, "-passes=print<escape<verbose>>",
                  "-disable-output", lll]]
    else:
        cmds += [["cp", lll, oll]]
    cmds += [[cc] + flags + CC_BASE + ["-Wno-override-module", oll, "-o", exe]]
    return cmds, exe, [rem] if with_plugin else [], env


def build_and_run(p, cfg, with_plugin=True):
    """Returns dict(status=..., rc, out, err, sites, demoted, log)."""
    cmds, exe, rems, env = config_commands(p, cfg, with_plugin)
    for f in rems:
        for g in [f] + glob.glob(glob.escape(f) + ".thin.*"):
            os.remove(g) if os.path.exists(g) else None
    log = []
    for cmd in cmds:
        rc, out, err = run(cmd, COMPILE_TIMEOUT)
        log.append("$ " + " ".join(cmd))
        if rc != 0 or any(m in err for m in CRASH_MARKS):
            log.append(err[-6000:])
            return {"status": "compile", "rc": rc, "err": err, "log": log, "sites": 0,
                    "demoted": 0, "wrappers": 0}
    sites, dem, wrap = count_remarks(rems)
    rc, out, err = run([exe], RUN_TIMEOUT, env=env)
    log.append("$ " + exe + " (rc %d)" % rc)
    if err:
        log.append(err[-6000:])
    return {"status": "ran", "rc": rc, "out": out, "err": err, "log": log,
            "sites": sites, "demoted": dem, "wrappers": wrap}


def check(p, cfg, ref):
    """None when cfg agrees with the reference, else a failure dict."""
    r = build_and_run(p, cfg)
    res = {"sites": r["sites"], "demoted": r["demoted"], "wrappers": r["wrappers"]}
    why = None
    if r["status"] == "compile":
        why = "compiler failure (exit %d)" % r["rc"]
    elif any(m in r["err"] for m in SAN_MARKS):
        why = "sanitizer report"
    elif r["rc"] != ref[0]:
        why = "exit status %d, reference %d" % (r["rc"], ref[0])
    elif r["out"] != ref[1]:
        why = "output differs"
    if why is None:
        return res, None
    fail = {"seed": p.seed, "config": cfg[0], "why": why, "log": r["log"]}
    if r["status"] == "ran":
        fail["out"] = r["out"]
    # Triage: is the program valid, and does the same build without the
    # plugin agree with the reference?
    v = validate(p, ref)
    if v:
        fail["class"] = "generator"
        fail["validation"] = v
    else:
        q = build_and_run(p, cfg, with_plugin=False)
        ok = q["status"] == "ran" and q["rc"] == ref[0] and q["out"] == ref[1] and \
            not any(m in q["err"] for m in SAN_MARKS)
        fail["class"] = "plugin" if ok else "compiler-or-program"
        if not ok:
            fail["plain_log"] = q["log"]
    return res, fail


def save_failure(outdir, p, fail, ref):
    d = os.path.join(outdir, "failures", "%d-%s" % (p.seed, fail["config"]))
    os.makedirs(d, exist_ok=True)
    for f in (p.main, p.helpers):
        shutil.copy(f, d)
    with open(os.path.join(d, "reference.out"), "w") as fp:
        fp.write(ref[1] if ref else "")
    if "out" in fail:
        with open(os.path.join(d, "config.out"), "w") as fp:
            fp.write(fail["out"])
    with open(os.path.join(d, "failure.json"), "w") as fp:
        json.dump(fail, fp, indent=1)
    return d


STRICT = ["-Werror=implicit-function-declaration", "-Werror=implicit-int",
          "-Werror=int-conversion", "-Werror=incompatible-pointer-types",
          "-Werror=return-type", "-Werror=uninitialized"]


def interesting(cfg_name, d, sig=None):
    """cvise's interestingness test (tools/fuzz/reduce.sh): exit 0 when the
    program in d is still valid (compiles without the warnings that mean
    undefined behaviour, runs clean under -O0 ASan+UBSan, gcc -O0 and the
    plain build of the configuration agree with it) and the plugin build of
    the configuration still fails the same way (sig: a compiler crash's
    message; otherwise a different output, exit status or sanitizer report)."""
    cfg = [c for c in all_configs(["19", "22"]) if c[0] == cfg_name]
    if not cfg:
        return 2
    cfg = cfg[0]
    p = Program(0, d)
    # Cheapest and most selective checks first: a candidate usually fails
    # to compile, or no longer fails with the plugin.
    exe = os.path.join(d, "strict")
    strict = STRICT if not p.cxx else ["-Werror=return-type", "-Werror=uninitialized"]
    rc, _, err = run([p.cc(22), "-O0", "-Wall"] + strict + ["-pthread"] + p.srcs()
                     + ["-o", exe], COMPILE_TIMEOUT)
    if rc != 0:
        return 1
    rc, out, err = run([exe], RUN_TIMEOUT)
    ref = (rc, out)
    if rc != 0:
        return 1
    if sig:
        r = build_and_run(p, cfg)
        if not (r["status"] == "compile" and sig in r["err"]):
            return 1
    else:
        r = build_and_run(p, cfg)
        if r["status"] != "ran":
            return 1
        if r["rc"] == ref[0] and r["out"] == ref[1] and not any(m in r["err"] for m in SAN_MARKS):
            return 1
        q = build_and_run(p, cfg, with_plugin=False)
        if q["status"] != "ran" or q["rc"] != ref[0] or q["out"] != ref[1] or \
                any(m in q["err"] for m in SAN_MARKS):
            return 1
    rc, _, err = run([p.gcc(), "-O2", "-Wall", "-Werror=uninitialized", "-Werror=maybe-uninitialized",
                      "-Werror=array-bounds", "-Werror=use-after-free", "-Werror=free-nonheap-object",
                      "-pthread", "-c", p.main, "-o", "/dev/null"], COMPILE_TIMEOUT)
    if rc != 0:
        return 1
    return 1 if validate(p, ref) else 0


def prereduce(cfg_name, d, sig=None):
    """Before cvise: drop whole test-function calls from main (three lines
    each, r = tN(...); printf; MIX) while the failure stays interesting;
    cvise then removes the functions left unused quickly."""
    path = Program(0, d).main
    with open(path) as fp:
        lines = fp.read().split("\n")
    calls = [i for i, l in enumerate(lines) if re.match(r"\s+r = \w+\(opaque\(\d+u\)\);$", l)]
    for i in reversed(calls):
        trial = lines[:i] + lines[i + 3:]
        with open(path, "w") as fp:
            fp.write("\n".join(trial))
        if interesting(cfg_name, d, sig) == 0:
            lines = trial
            print("prereduce: dropped the test call at main.c:%d" % (i + 1), flush=True)
    with open(path, "w") as fp:
        fp.write("\n".join(lines))
    return 0


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "--prereduce":
        sys.exit(prereduce(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None))
    if len(sys.argv) >= 3 and sys.argv[1] == "--summary":
        summarize(sys.argv[2:])
        return
    if len(sys.argv) >= 4 and sys.argv[1] == "--interesting":
        sys.exit(interesting(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None))
    ap = argparse.ArgumentParser(prog="tools/fuzz/run.sh")
    ap.add_argument("n", type=int, help="number of programs")
    ap.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    ap.add_argument("--llvm", default="both", choices=["19", "22", "both"])
    ap.add_argument("--per-program", type=int, default=2,
                    help="configurations per program (rotating; 0 = all)")
    ap.add_argument("--configs", default="",
                    help="comma-separated configuration names (default: all)")
    ap.add_argument("--out", default="/tmp/fuzz-run", help="work and results directory")
    ap.add_argument("--validate", action="store_true",
                    help="validate every program (ASan/UBSan -O0, gcc) up front")
    ap.add_argument("--keep", action="store_true", help="keep every program's directory")
    ap.add_argument("--cxx-every", type=int, default=4,
                    help="every Nth seed (seed %% N == N-1) is a C++ program (gen.py --cxx); 0: none")
    ap.add_argument("--quiet", action="store_true", help="no line per program")
    args = ap.parse_args()

    llvms = ["19", "22"] if args.llvm == "both" else [args.llvm]
    for v in llvms:
        if not os.path.exists(plugin(v)):
            sys.exit("run.sh: %s missing: run tools/setup.sh %s" % (plugin(v), v))
    configs = all_configs(llvms)
    if args.configs:
        want = args.configs.split(",")
        configs = [c for c in configs if c[0] in want or c[0].rsplit("-", 1)[0] in want]
        if not configs:
            sys.exit("run.sh: no configuration matches --configs")
    L = len(configs)
    K = L if args.per_program <= 0 else min(args.per_program, L)
    os.makedirs(args.out, exist_ok=True)
    results = open(os.path.join(args.out, "results.jsonl"), "a")
    stats = {c[0]: {"runs": 0, "failed": 0, "sites": 0, "demoted": 0, "wrappers": 0}
             for c in configs}
    failures = []
    nprog = nruns = 0
    t0 = time.time()
    for seed in range(args.seed, args.seed + args.n):
        d = os.path.join(args.out, "work", str(seed))
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        cxx = args.cxx_every > 0 and seed % args.cxx_every == args.cxx_every - 1
        rc, _, err = run([sys.executable, os.path.join(HERE, "gen.py"), str(seed), "-o", d]
                         + (["--cxx"] if cxx else []), 60)
        p = Program(seed, d)
        nprog += 1
        t1 = time.time()
        entry = {"seed": seed, "runs": {}}
        ref, why = (None, "gen.py failed: " + err[-2000:]) if rc else build_reference(p)
        if ref is not None and ref[0] != 0:
            why = "reference exits %d" % ref[0]
        if why is None and args.validate:
            why = validate(p, ref)
        if why:
            fail = {"seed": seed, "config": "reference", "why": why, "class": "generator", "log": []}
            failures.append((fail, save_failure(args.out, p, fail, ref)))
            entry["generator"] = why
            print("seed %d: GENERATOR: %s" % (seed, why.splitlines()[0]), flush=True)
            results.write(json.dumps(entry) + "\n")
            continue
        chosen = [configs[(seed * K + j) % L] for j in range(K)]
        line = []
        bad = False
        for cfg in chosen:
            res, fail = check(p, cfg, ref)
            nruns += 1
            st = stats[cfg[0]]
            st["runs"] += 1
            st["sites"] += res["sites"]
            st["demoted"] += res["demoted"]
            st["wrappers"] += res["wrappers"]
            entry["runs"][cfg[0]] = {"ok": fail is None, "sites": res["sites"],
                                     "demoted": res["demoted"], "wrappers": res["wrappers"]}
            if fail:
                st["failed"] += 1
                bad = True
                fd = save_failure(args.out, p, fail, ref)
                failures.append((fail, fd))
                line.append("%s FAIL (%s, %s)" % (cfg[0], fail["why"], fail["class"]))
            else:
                line.append("%s ok %d/%d" % (cfg[0], res["demoted"], res["sites"]))
        entry["seconds"] = round(time.time() - t1, 2)
        results.write(json.dumps(entry) + "\n")
        results.flush()
        if not args.quiet or bad:
            print("seed %d: %s (%.1fs)" % (seed, ", ".join(line), time.time() - t1), flush=True)
        if not args.keep:
            shutil.rmtree(d, ignore_errors=True)
    results.close()
    el = time.time() - t0
    print()
    print_table([c[0] for c in configs], stats)
    print("time: %.0fs, %.2fs per program" % (el, el / nprog if nprog else 0))
    if failures:
        print("failures:")
        for fail, fd in failures:
            print("  seed %d %s: %s [%s] -> %s" % (fail["seed"], fail["config"], fail["why"],
                                                  fail.get("class", "?"), fd))
    nfailed = len(failures)
    print("fuzz: %d programs, %d runs, %d failed" % (nprog, nruns, nfailed))
    sys.exit(1 if nfailed else 0)


def print_table(names, stats):
    print("%-12s %6s %6s %8s %8s %6s %12s" % ("config", "runs", "failed", "sites", "demoted",
                                             "rate", "w/o wrappers"))
    for n in names:
        st = stats[n]
        rate = 100.0 * st["demoted"] / st["sites"] if st["sites"] else 0.0
        own = st["sites"] - st["wrappers"]
        rate2 = 100.0 * st["demoted"] / own if own else 0.0
        print("%-12s %6d %6d %8d %8d %5.1f%% %11.1f%%" % (n, st["runs"], st["failed"], st["sites"],
                                                        st["demoted"], rate, rate2))
    ts = sum(s["sites"] for s in stats.values())
    td = sum(s["demoted"] for s in stats.values())
    tw = sum(s["wrappers"] for s in stats.values())
    print("demotion rate: %d of %d allocation sites left at the end of the pipeline (%.1f%%); "
          "%.1f%% without the %d sites of the allocator wrappers xmalloc/xcalloc/xstrdup"
          % (td, ts, 100.0 * td / ts if ts else 0.0,
             100.0 * td / (ts - tw) if ts - tw else 0.0, tw))


def summarize(files):
    """Totals over results.jsonl files of several runs (tools/fuzz/run.sh
    --summary FILE...)."""
    stats = {}
    nprog = nruns = nfail = ngen = 0
    secs = 0.0
    seeds = set()
    for f in files:
        with open(f) as fp:
            for line in fp:
                e = json.loads(line)
                seeds.add(e["seed"])
                nprog += 1
                if "generator" in e:
                    ngen += 1
                    continue
                secs += e.get("seconds", 0)
                for name, r in e["runs"].items():
                    st = stats.setdefault(name, {"runs": 0, "failed": 0, "sites": 0,
                                                 "demoted": 0, "wrappers": 0})
                    nruns += 1
                    st["runs"] += 1
                    st["failed"] += 0 if r["ok"] else 1
                    nfail += 0 if r["ok"] else 1
                    st["sites"] += r["sites"]
                    st["demoted"] += r["demoted"]
                    st["wrappers"] += r.get("wrappers", 0)
    order = [c[0] for c in all_configs(["19", "22"])]
    print_table([n for n in order if n in stats], stats)
    print("programs: %d (%d distinct seeds), %.2fs per program" % (nprog, len(seeds),
                                                                  secs / max(1, nprog - ngen)))
    print("fuzz: %d programs, %d runs, %d failed" % (nprog, nruns, nfail + ngen))


if __name__ == "__main__":
    main()
