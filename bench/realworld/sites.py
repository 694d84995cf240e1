#!/usr/bin/env python3
"""bench/realworld/sites.py: counts allocation sites demoted in one build.

    sites.py yaml DIR PASS NAME   remarks files DIR/*.yaml (clang's
                                  -fsave-optimization-record, lld's
                                  --opt-remarks-filename): the number of
                                  '!Passed' remarks of pass PASS named NAME
    sites.py attributor DIR       the Attributor emits no remark for its
                                  HeapToStack in clang or lld (its remarks
                                  need an OREGetter only OpenMPOpt gives it),
                                  so every unit logged in DIR/compiles by
                                  cc-wrapper.sh is recompiled to IR with value
                                  names kept and its '.h2s = alloca's (the
                                  name AAHeapToStack gives its slots) counted

Prints: total distinct
  total     every remark (every demoted call instruction of every unit or
            link; a file linked into several programs counts once per link)
  distinct  distinct (function, location, message) keys; a key that occurs
            k times in one file counts k times (two equal sites in one
            function), but a key seen in several files counts once per the
            largest such k
"""
import collections
import glob
import os
import re
import subprocess
import sys


def parse_yaml(path, pass_name, name):
    keys = []
    cur = None
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("--- !"):
                cur = {"kind": line[5:].strip(), "args": []}
                keys.append(cur)
            elif cur is None:
                continue
            elif line.startswith("Pass:"):
                cur["pass"] = line.split(":", 1)[1].strip()
            elif line.startswith("Name:"):
                cur["name"] = line.split(":", 1)[1].strip()
            elif line.startswith("Function:"):
                cur["fn"] = line.split(":", 1)[1].strip()
            elif line.startswith("DebugLoc:"):
                cur["loc"] = line.split(":", 1)[1].strip()
            elif line.lstrip().startswith("- String:"):
                cur["args"].append(line.split(":", 1)[1].strip())
    out = []
    for r in keys:
        if r["kind"] == "Passed" and r.get("pass") == pass_name and \
                r.get("name") == name:
            out.append((r.get("fn"), r.get("loc"), " ".join(r["args"])))
    return out


def summarize(per_file):
    total = sum(len(v) for v in per_file)
    best = collections.Counter()
    for keys in per_file:
        for k, n in collections.Counter(keys).items():
            best[k] = max(best[k], n)
    return total, sum(best.values())


def strip_output_args(args):
    """Drops -o X, dependency-file options and -c from a compile command."""
    out = []
    skip = False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD", "-MP") or a.startswith("-Wp,-M") or \
                (a.startswith("-o") and len(a) > 2) or \
                a.startswith("-MF") or a.startswith("-fsave-optimization") or \
                a.startswith("-foptimization-record"):
            continue
        out.append(a)
    return out


def attributor(d):
    log = os.path.join(d, "compiles")
    per_file = []
    if not os.path.exists(log):
        return per_file
    data = open(log, "rb").read().decode(errors="replace")
    for rec in data.split("\0\n"):
        if not rec:
            continue
        fields = rec.split("\0")
        cwd, real, args = fields[0], fields[1], fields[2:]
        cmd = [real] + strip_output_args(args) + \
            ["-S", "-emit-llvm", "-fno-discard-value-names", "-o", "-"]
        try:
            p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, timeout=600)
        except (OSError, subprocess.TimeoutExpired):
            continue
        keys = []
        fn = None
        for line in p.stdout.decode(errors="replace").splitlines():
            m = re.match(r"define .*@([^(]+)\(", line)
            if m:
                fn = m.group(1)
            m = re.match(r"\s*%([-\w.$]*\.h2s\d*) = alloca", line)
            if m:
                keys.append((fn, m.group(1), "h2s"))
        per_file.append(keys)
    return per_file


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "yaml":
        d, pass_name, name = sys.argv[2:5]
        per_file = [parse_yaml(f, pass_name, name)
                    for f in sorted(glob.glob(os.path.join(d, "*.yaml")))]
    elif len(sys.argv) == 3 and sys.argv[1] == "attributor":
        per_file = attributor(sys.argv[2])
    else:
        sys.exit(__doc__)
    total, distinct = summarize(per_file)
    print(total, distinct)


if __name__ == "__main__":
    main()
