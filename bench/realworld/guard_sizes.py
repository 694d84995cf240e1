#!/usr/bin/env python3
"""bench/realworld/guard_sizes.py [--config CFG] [JSON...]: the sizes that
sites with run-time sizes ask for, from the profiler's JSON reports, for
choosing guard-size (docs/design.md, Knobs).

A site counts when its requests were not all one size (its smallest and
largest differ) and some of its blocks were freed inside their function
(k=0): the allocations a guarded buffer could serve. For each candidate
K it prints the share of those k=0 allocations whose site's mean request
fits in K (bytes / allocations) and whose largest request fits (the
largest after realloc growth: what a buffer that also serves growth
would need). The reports hold per-site extremes and means, not
histograms, so these are bounds on the distribution, not the
distribution itself. Default input: every bench/realworld/results/profile/
*.CFG.json (CFG default profile-lto)."""
import argparse
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
KS = (32, 64, 128, 256, 512, 1024, 4096)


def rows(paths):
    out = []
    for p in paths:
        pkg = os.path.basename(p).split(".")[0]
        with open(p) as f:
            d = json.load(f)
        for s in d["sites"]:
            if s.get("origin") != "program" or not s["k0"] or not s["allocations"]:
                continue
            if s["min_size"] == s["max_size"]:
                continue
            out.append((pkg, s["k0"], s["bytes"] / s["allocations"], s["max_size"]))
    return out


def table(title, r):
    total = sum(x[1] for x in r)
    print("%s: %d sites, %d k=0 allocations (%s)" %
          (title, len(r), total, ", ".join(sorted(set(x[0] for x in r)))))
    if not total:
        return
    print("  %6s %12s %12s" % ("K", "mean fits", "largest fits"))
    for k in KS:
        mean = sum(x[1] for x in r if x[2] <= k) / total
        big = sum(x[1] for x in r if x[3] <= k) / total
        print("  %6d %11.1f%% %11.1f%%" % (k, 100 * mean, 100 * big))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", default="profile-lto")
    ap.add_argument("json", nargs="*")
    a = ap.parse_args()
    paths = a.json or sorted(glob.glob(os.path.join(
        HERE, "results", "profile", "*.%s.json" % a.config)))
    r = rows(paths)
    table("all", r)
    for pkg in sorted(set(x[0] for x in r)):
        table(pkg, [x for x in r if x[0] == pkg])


if __name__ == "__main__":
    main()
