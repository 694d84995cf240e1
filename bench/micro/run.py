#!/usr/bin/env python3
"""bench/micro/run.py: the allocation-heavy kernels, three builds side by side.

Called by bench/micro/run.sh (which builds the plugin first). For every kernel
in bench/micro/ (each *.c and *.cpp file but kernel.h) it

  1. builds it three ways with clang 22:
       plain  -O2
       h2s    -O2 -fpass-plugin=build-llvm22/pass/heap2stack.so
       attr   -O2 -mllvm -attributor-enable=module   (LLVM's Attributor)
     and collects heap2stack's remarks (-Rpass=heap2stack
     -Rpass-missed=heap2stack, on a separate -g compile) to count the
     allocation sites it demoted and kept;
  2. runs each build once under tools/alloccount (LD_PRELOAD) to count the
     heap allocations the kernel's own code makes (alloccount's `program=`),
     and compares the three outputs: a kernel prints one checksum line, so
     any difference is a miscompile;
  3. times the three builds interleaved, REPS rounds of (plain, h2s, attr),
     wall-clock and CPU (user+system) seconds per process, checking every
     run's output again; a kernel K with a hand-written stack version
     K_stack (the baseline heap2stack's build of K is judged against) has
     K_stack's plain build timed in the same rounds, (plain, h2s, attr,
     hand), and K_stack's checksum must be K's;

and writes, under the output directory (default bench/micro/results/):

  micro.tsv          one row per kernel: median seconds of each build, the
                     median over rounds of the per-round ratios h2s/plain and
                     attr/plain (wall, then CPU), allocation counts, sites
                     demoted/kept, whether the outputs matched, and for a
                     kernel with a hand-written version its name, median
                     CPU seconds and the median per-round CPU ratio
                     h2s/hand (empty otherwise)
  micro-times.tsv    every timed run (kernel, round, build, wall and CPU s)
  micro-remarks.txt  heap2stack's remarks for every kernel
  micro-env.tsv      date, machine, compiler, commit, command

Exit status: 0 when all outputs matched; 1 when a heap2stack build's output
differed from plain -O2 (a heap2stack miscompile), or a hand-written version's
checksum from its kernel's; 3 when only Attributor builds differed (a
miscompile by LLVM's Attributor, recorded as a result).
Times are measured, never asserted.
"""
import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "report"))
from benchenv import first_line_of, git_commit, machine  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
LLVM_BIN = "/usr/lib/llvm-22/bin"
PLUGIN = os.path.join(ROOT, "build-llvm22/pass/heap2stack.so")
ALLOCCOUNT = os.path.join(ROOT, "build-llvm22/tools/alloccount/alloccount.so")

CONFIGS = ["plain", "h2s", "attr"]
CONFIG_FLAGS = {
    "plain": [],
    "h2s": ["-fpass-plugin=" + PLUGIN],
    "attr": ["-mllvm", "-attributor-enable=module"],
}


def kernels():
    out = []
    for f in sorted(os.listdir(HERE)):
        name, ext = os.path.splitext(f)
        if ext in (".c", ".cpp"):
            out.append((name, f))
    return out


def hand_version(name, ks):
    """(name, source) of KERNEL_stack, the hand-written stack version of
    kernel `name`, or None."""
    return next((k for k in ks if k[0] == name + "_stack"), None)


def checksum(out):
    """The checksum a kernel prints (`NAME checksum=HEX`), without its name."""
    return out.strip().rsplit("checksum=", 1)[-1]


def compiler(src):
    return os.path.join(LLVM_BIN, "clang++" if src.endswith(".cpp") else "clang")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build(name, src, builddir):
    """Builds the three binaries; returns the remarks text of the h2s build."""
    path = os.path.join(HERE, src)
    for c in CONFIGS:
        sh([compiler(src), "-O2", *CONFIG_FLAGS[c], path, "-o",
            os.path.join(builddir, f"{name}.{c}")])
    # Remarks with positions need -g; compiled separately so that the timed
    # binaries are exactly `clang -O2 [flags]`. Run from bench/micro so that
    # positions read like tokenize.c:22:16.
    r = subprocess.run(
        [compiler(src), "-O2", "-g", *CONFIG_FLAGS["h2s"], "-Rpass=heap2stack",
         "-Rpass-missed=heap2stack", "-fno-caret-diagnostics", "-c", src,
         "-o", os.devnull],
        cwd=HERE, check=True, capture_output=True, text=True)
    return "".join(l + "\n" for l in r.stderr.splitlines() if "heap2stack]" in l)


def count_allocs(binary, tmp):
    """Runs binary once under alloccount; returns (stdout, program allocations)."""
    out_file = os.path.join(tmp, "count")
    if os.path.exists(out_file):
        os.unlink(out_file)
    env = dict(os.environ, LD_PRELOAD=ALLOCCOUNT, ALLOCCOUNT_OUT=out_file)
    r = subprocess.run([binary], env=env, capture_output=True, text=True, check=True)
    with open(out_file) as f:
        m = re.search(r"alloccount: program=(\d+)", f.read())
    return r.stdout, int(m.group(1))


def timed(binary):
    """Runs binary once; returns (wall s, CPU s = user + system, stdout)."""
    t0 = time.perf_counter()
    p = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read().decode(errors="replace")
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.stdout.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"run.py: {binary} failed with status {os.waitstatus_to_exitcode(status)}")
    return wall, ru.ru_utime + ru.ru_stime, out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--reps", type=int, default=11, help="timed rounds (default 11)")
    ap.add_argument("-k", "--kernels", default="", help="comma-separated subset")
    ap.add_argument("-o", "--out", default=os.path.join(HERE, "results"))
    ap.add_argument("--build", default=os.path.join(HERE, "build"))
    args = ap.parse_args()

    for f in (PLUGIN, ALLOCCOUNT):
        if not os.path.exists(f):
            sys.exit(f"run.py: {f} is missing: run tools/setup.sh 22")
    os.makedirs(args.out, exist_ok=True)
    os.makedirs(args.build, exist_ok=True)
    ks = kernels()
    if args.kernels:
        want = args.kernels.split(",")
        ks = [k for k in ks if k[0] in want]
        missing = set(want) - {k[0] for k in ks}
        if missing:
            sys.exit("run.py: no such kernel: " + ", ".join(sorted(missing)))

    load_before = os.getloadavg()[0]
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    rows, times, remarks_all = [], [], []
    h2s_bad, attr_bad, hand_bad = [], [], []
    ks_all = kernels()
    tmp = tempfile.mkdtemp(prefix="h2s-micro-")
    for name, src in ks:
        print(f"== {name}: building", flush=True)
        remarks = build(name, src, args.build)
        remarks_all.append(remarks)
        demoted = remarks.count("[-Rpass=heap2stack]")
        kept = remarks.count("[-Rpass-missed=heap2stack]")
        bins = {c: os.path.join(args.build, f"{name}.{c}") for c in CONFIGS}

        outs, allocs = {}, {}
        for c in CONFIGS:
            outs[c], allocs[c] = count_allocs(bins[c], tmp)
        ref = outs["plain"]
        diff = {c: 0 for c in CONFIGS}
        for c in ("h2s", "attr"):
            if outs[c] != ref:
                diff[c] += 1

        # the hand-written stack version, timed in the same rounds
        hand = hand_version(name, ks_all)
        timed_cfgs = list(CONFIGS)
        if hand:
            bins["hand"] = os.path.join(args.build, f"{hand[0]}.hand")
            sh([compiler(hand[1]), "-O2", os.path.join(HERE, hand[1]), "-o", bins["hand"]])
            hand_ref = count_allocs(bins["hand"], tmp)[0]
            if checksum(hand_ref) != checksum(ref):
                hand_bad.append(name)
                print(f"!! {name}: {hand[0]} prints {hand_ref.strip()}, not the checksum of "
                      f"{ref.strip()}: not the same work", file=sys.stderr)
            timed_cfgs.append("hand")

        print(f"== {name}: timing {args.reps} rounds", flush=True)
        t = {c: [] for c in timed_cfgs}   # wall seconds
        u = {c: [] for c in timed_cfgs}   # CPU seconds
        for i in range(args.reps):
            for c in timed_cfgs:
                wall, cpu, out = timed(bins[c])
                t[c].append(wall)
                u[c].append(cpu)
                times.append((name, i + 1, c, wall, cpu))
                if c != "hand" and out != ref:
                    diff[c] += 1
        med = {c: statistics.median(t[c]) for c in CONFIGS}
        medu = {c: statistics.median(u[c]) for c in CONFIGS}
        ratio = {c: statistics.median(t[c][i] / t["plain"][i] for i in range(args.reps))
                 for c in ("h2s", "attr")}
        ratiou = {c: statistics.median(u[c][i] / u["plain"][i] for i in range(args.reps))
                  for c in ("h2s", "attr")}
        status = []
        for c, label, bad in (("h2s", "heap2stack", h2s_bad), ("attr", "Attributor", attr_bad)):
            if diff[c]:
                bad.append(name)
                status.append(f"{c} differs")
                print(f"!! {name}: OUTPUT OF THE {label.upper()} BUILD DIFFERS from plain -O2 "
                      f"in {diff[c]} of {args.reps + 1} runs: MISCOMPILE", file=sys.stderr)
                print(f"!!   plain: {ref.strip()}\n!!   {c}:  {outs[c].strip()}", file=sys.stderr)
        out_status = ", ".join(status) if status else "identical"
        rows.append([name, src, "%.4f" % med["plain"], "%.4f" % med["h2s"], "%.4f" % med["attr"],
                     "%.3f" % ratio["h2s"], "%.3f" % ratio["attr"],
                     "%.4f" % medu["plain"], "%.4f" % medu["h2s"], "%.4f" % medu["attr"],
                     "%.3f" % ratiou["h2s"], "%.3f" % ratiou["attr"],
                     allocs["plain"], allocs["h2s"], allocs["attr"], demoted, kept, out_status,
                     hand[0] if hand else "",
                     "%.4f" % statistics.median(u["hand"]) if hand else "",
                     "%.3f" % statistics.median(u["h2s"][i] / u["hand"][i]
                                                for i in range(args.reps)) if hand else ""])
        print(f"   wall: plain {med['plain']:.3f}s  h2s {med['h2s']:.3f}s ({ratio['h2s']:.3f})  "
              f"attr {med['attr']:.3f}s ({ratio['attr']:.3f});  cpu ratios {ratiou['h2s']:.3f} "
              f"{ratiou['attr']:.3f};  allocations "
              f"{allocs['plain']}/{allocs['h2s']}/{allocs['attr']}  sites {demoted} demoted, "
              f"{kept} kept  outputs: {out_status}", flush=True)

    header = ["kernel", "source", "plain_s", "h2s_s", "attr_s", "h2s_over_plain",
              "attr_over_plain", "plain_cpu_s", "h2s_cpu_s", "attr_cpu_s", "h2s_over_plain_cpu",
              "attr_over_plain_cpu", "allocs_plain", "allocs_h2s", "allocs_attr",
              "sites_demoted", "sites_kept", "outputs", "hand", "hand_cpu_s",
              "h2s_over_hand_cpu"]
    with open(os.path.join(args.out, "micro.tsv"), "w") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    with open(os.path.join(args.out, "micro-times.tsv"), "w") as f:
        f.write("kernel\tround\tbuild\twall_s\tcpu_s\n")
        for k, i, c, w, cpu in times:
            f.write(f"{k}\t{i}\t{c}\t{w:.4f}\t{cpu:.4f}\n")
    with open(os.path.join(args.out, "micro-remarks.txt"), "w") as f:
        f.write("".join(remarks_all))
    cpu, mem = machine()
    env = [
        ("date", started),
        ("command", "bash bench/micro/run.sh" + "".join(" " + a for a in sys.argv[1:])),
        ("reps", str(args.reps)),
        ("cpu", cpu),
        ("nproc", str(os.cpu_count())),
        ("memory", mem),
        ("kernel", platform.release()),
        ("clang", first_line_of([os.path.join(LLVM_BIN, "clang"), "--version"])),
        ("heap2stack commit", git_commit()),
        ("load average before", "%.2f" % load_before),
        ("load average after", "%.2f" % os.getloadavg()[0]),
        ("builds", "plain: clang -O2 | h2s: clang -O2 -fpass-plugin=heap2stack.so | "
                   "attr: clang -O2 -mllvm -attributor-enable=module"),
    ]
    with open(os.path.join(args.out, "micro-env.tsv"), "w") as f:
        for k, v in env:
            f.write(f"{k}\t{v}\n")
    print(f"results in {os.path.relpath(args.out, ROOT)}/micro.tsv")
    if h2s_bad:
        print("micro: FAIL: heap2stack changed the output of: " + ", ".join(h2s_bad), file=sys.stderr)
        return 1
    if hand_bad:
        print("micro: FAIL: the hand-written version does other work than: "
              + ", ".join(hand_bad), file=sys.stderr)
        return 1
    if attr_bad:
        print("micro: the Attributor build changed the output of: " + ", ".join(attr_bad)
              + " (heap2stack builds all matched)", file=sys.stderr)
        return 3
    print("micro: all outputs identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
