#!/usr/bin/env python3
"""bench/micro/pair.py: a kernel built by heap2stack against a hand-written
stack version of it, timed side by side.

    python3 bench/micro/pair.py strbuild strbuild_stack [-n REPS]

Builds KERNEL with -O2 and the plugin (h2s), and KERNEL with plain -O2 and
BASELINE with plain -O2, checks that the three print the same checksum,
then times them interleaved, REPS rounds (default 11) of (KERNEL h2s,
BASELINE plain, KERNEL plain), CPU seconds (user + system) per process.
Prints the medians and the median over rounds of the per-round ratios
h2s/baseline and h2s/plain. Times are measured, never asserted.
"""
import argparse
import os
import statistics
import sys
import tempfile

from run import CONFIG_FLAGS, HERE, compiler, sh, timed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kernel")
    ap.add_argument("baseline")
    ap.add_argument("-n", "--reps", type=int, default=11)
    args = ap.parse_args()
    runs = [(args.kernel, "h2s"), (args.baseline, "plain"), (args.kernel, "plain")]
    with tempfile.TemporaryDirectory() as tmp:
        bins = []
        for name, cfg in runs:
            src = next(f for f in os.listdir(HERE)
                       if os.path.splitext(f)[0] == name and f.endswith((".c", ".cpp")))
            out = os.path.join(tmp, f"{name}.{cfg}")
            sh([compiler(src), "-O2", *CONFIG_FLAGS[cfg], os.path.join(HERE, src), "-o", out])
            bins.append(out)
        sums = {timed(b)[2].split("checksum=")[-1].strip() for b in bins}
        if len(sums) != 1:
            sys.exit(f"pair.py: the three builds disagree: {sorted(sums)}")
        cpu = [[] for _ in runs]
        for _ in range(args.reps):
            for i, b in enumerate(bins):
                cpu[i].append(timed(b)[1])
    for (name, cfg), t in zip(runs, cpu):
        print(f"{name} {cfg}: median CPU {statistics.median(t):.4f} s")
    for j, label in ((1, "baseline"), (2, "plain")):
        ratio = statistics.median(a / b for a, b in zip(cpu[0], cpu[j]))
        print(f"{args.kernel} h2s / {runs[j][0]} {runs[j][1]} ({label}): {ratio:.3f}")


if __name__ == "__main__":
    main()
