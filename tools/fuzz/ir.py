#!/usr/bin/env python3
"""IR mode of the fuzzer (run through tools/fuzz/ir.sh): llvm-stress modules
with heap allocations spliced in (splice.py), through opt with heap2stack
and -verify-each, and through print<escape<verbose>>. Reports crashes and
verifier failures; failing modules are kept under OUT/failures/."""
import argparse
import os
import re
import shlex
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import run, tool, plugin, CRASH_MARKS  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
PIPELINES = [
    "heap2stack",
    "heap2stack<max-size=65536;frame-budget=1048576;recursive-budget=65536>",
    "heap2stack<no-loops;max-size=64>",
]


def signature(err):
    """The line that identifies a failure (for llvm-reduce's test): an
    assertion or fatal error, else the first line that is not part of the
    crash banner (a verifier message), else the banner."""
    lines = [l.strip() for l in err.splitlines() if l.strip()]
    for l in lines:
        if "Assertion" in l or "LLVM ERROR" in l:
            return l[:300]
    for l in lines:
        if l.startswith(("PLEASE", "Stack dump", "#", "Program arguments", "Running pass")) or \
                re.match(r"\d+\.\s", l) or "Segmentation fault" in l:
            continue
        return l[:300]
    return "PLEASE submit a bug report"


def main():
    ap = argparse.ArgumentParser(prog="tools/fuzz/ir.sh")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--llvm", default="both", choices=["19", "22", "both"])
    ap.add_argument("--out", default="/tmp/fuzz-ir")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    llvms = ["19", "22"] if args.llvm == "both" else [args.llvm]
    work = os.path.join(args.out, "work")
    os.makedirs(work, exist_ok=True)
    failures = []
    nmod = nruns = 0
    t0 = time.time()
    for seed in range(args.seed, args.seed + args.n):
        for v in llvms:
            nmod += 1
            base = os.path.join(work, "%d-%s" % (seed, v))
            st, sp = base + ".stress.ll", base + ".ll"
            size = 30 + (seed * 37) % 170
            rc, _, err = run([tool(v, "llvm-stress"), "-seed=%d" % seed, "-size=%d" % size, "-o", st], 60)
            if rc == 0:
                rc, _, err = run([sys.executable, os.path.join(HERE, "splice.py"), str(seed), st, sp], 60)
            if rc == 0:
                rc, _, err = run([tool(v, "opt"), "-passes=verify", "-disable-output", sp], 60)
            if rc != 0:
                failures.append((seed, v, "splice", "module not valid before heap2stack (splice.py bug): "
                                 + signature(err), base))
                print("seed %d llvm%s: SPLICE %s" % (seed, v, signature(err)), flush=True)
                continue
            pipe = PIPELINES[seed % len(PIPELINES)]
            for what, cmd in (
                    (pipe, [tool(v, "opt"), "-load-pass-plugin=" + plugin(v), "-passes=" + pipe,
                            "-verify-each", "-disable-output", sp]),
                    ("print<escape<verbose>>", [tool(v, "opt"), "-load-pass-plugin=" + plugin(v),
                                                "-passes=print<escape<verbose>>", "-disable-output", sp])):
                nruns += 1
                rc, _, err = run(cmd, 120)
                if rc != 0 or any(m in err for m in CRASH_MARKS):
                    sig = signature(err)
                    d = os.path.join(args.out, "failures", "%d-%s" % (seed, v))
                    os.makedirs(d, exist_ok=True)
                    shutil.copy(sp, os.path.join(d, "input.ll"))
                    with open(os.path.join(d, "failure.txt"), "w") as fp:
                        fp.write("$ %s\nexit %d\nsignature: %s\n\n%s" % (shlex.join(cmd), rc, sig, err[-8000:]))
                    failures.append((seed, v, what, sig, d))
                    print("seed %d llvm%s %s: FAIL %s" % (seed, v, what, sig), flush=True)
            if not args.quiet:
                print("seed %d llvm%s: %s ok" % (seed, v, pipe), flush=True)
            for f in (st, sp):
                if os.path.exists(f):
                    os.remove(f)
    print()
    print("time: %.0fs" % (time.time() - t0))
    if failures:
        print("failures:")
        for seed, v, what, sig, d in failures:
            print("  seed %d llvm%s %s: %s -> %s" % (seed, v, what, sig, d))
    print("fuzz-ir: %d modules, %d runs, %d failed" % (nmod, nruns, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
