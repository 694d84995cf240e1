#!/usr/bin/env python3
"""bench/profile/overhead.py [-n ROUNDS] [-k KERNEL,...]

What heap2stack-profile costs a program, side by side in one run: each
kernel of bench/micro is built twice with clang 22 -O2 -g, plainly and with
-finstrument-functions-after-inlining, and run three ways in interleaved
rounds:

  plain       the plain build
  hooks       the instrumented build without the profiler (glibc's empty
              __cyg_profile_func_enter/exit run)
  profiled    the instrumented build under `heap2stack-profile run`

CPU time (user + system of the process and its children) per run; the
median over ROUNDS rounds (default 5). Writes bench/profile/results/
overhead.tsv and prints it. Needs build-llvm22/ (tools/setup.sh 22).
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLANG = "/usr/lib/llvm-22/bin/clang"
TOOL = os.path.join(ROOT, "build-llvm22/tools/profile/heap2stack-profile")
DEFAULT = ["tree", "tokenize", "strbuild", "request", "histogram"]


def cpu_of(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=5)
    ap.add_argument("-k", default=",".join(DEFAULT))
    args = ap.parse_args()
    if not os.path.exists(TOOL):
        sys.exit("overhead.py: %s not built (tools/setup.sh 22)" % TOOL)
    tmp = tempfile.mkdtemp(prefix="h2s-overhead.")
    rows = []
    for k in args.k.split(","):
        src = os.path.join(ROOT, "bench/micro", k + ".c")
        plain = os.path.join(tmp, k + ".plain")
        inst = os.path.join(tmp, k + ".inst")
        prof = os.path.join(tmp, k + ".prof")
        for out, extra in ((plain, []), (inst, ["-finstrument-functions-after-inlining"])):
            subprocess.run([CLANG, "-O2", "-g", "-I", os.path.join(ROOT, "bench/micro")]
                           + extra + [src, "-o", out], check=True)
        runs = {"plain": [], "hooks": [], "profiled": []}
        for _ in range(args.n):
            runs["plain"].append(cpu_of([plain]))
            runs["hooks"].append(cpu_of([inst]))
            runs["profiled"].append(cpu_of([TOOL, "run", "-o", prof, "--", inst]))
        m = {key: statistics.median(v) for key, v in runs.items()}
        rows.append((k, m["plain"], m["hooks"], m["profiled"]))
    os.makedirs(os.path.join(ROOT, "bench/profile/results"), exist_ok=True)
    out = os.path.join(ROOT, "bench/profile/results/overhead.tsv")
    with open(out, "w") as f:
        f.write("# command: python3 bench/profile/overhead.py -n %d -k %s\n" % (args.n, args.k))
        f.write("kernel\tplain_s\thooks_s\tprofiled_s\thooks_x\tprofiled_x\n")
        for k, p, h, r in rows:
            f.write("%s\t%.3f\t%.3f\t%.3f\t%.2f\t%.2f\n" % (k, p, h, r, h / p, r / p))
    with open(out) as f:
        sys.stdout.write(f.read())


if __name__ == "__main__":
    main()
