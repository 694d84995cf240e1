#!/usr/bin/env python3
"""bench/compile/run.py: clang -O2 -c compile time without and with heap2stack.

Called by bench/compile/run.sh, which builds the plugin and makes the inputs.
Inputs:

  sqlite3        the sqlite3 amalgamation (bench/compile/work/sqlite3.c, made
                 from Debian's sqlite3 source package by run.sh): one
                 allocation site
  regex          m4's lib/regex.c (gnulib's regex engine), configured:
                 dense with allocation sites
  pcre2_compile  pcre2's src/pcre2_compile.c: no allocation site
  lua-lvm        lua5.4's src/lvm.c: no allocation site
  gen-1x         bench/compile/gen.py with UNIT copies of its unit of
  gen-4x         allocation-heavy code (default UNIT=20, about 5,200 lines),
  gen-16x        4 x UNIT and 16 x UNIT copies

For every round (default 7) and every input it compiles the input twice,
`clang -O2 -c` and `clang -O2 -fpass-plugin=heap2stack.so -c`, back to back
(the order alternates between rounds), measuring wall-clock and CPU
(user+system) seconds of the clang process. Then, per input, it isolates
the plugin's own cost (`opt -passes=heap2stack -time-passes` on the IR
clang -O2 produces, see plugin_time()), and compiles once more with
-Rpass=heap2stack -Rpass-missed=heap2stack to count the sites it demoted and
kept. With --before PLUGIN, plugin_time() also times that build of the
plugin on the same IR, interleaved with the current one, for before/after
figures.

Writes under the output directory (default bench/compile/results/):

  compile.tsv         one row per input: lines, copies, median seconds of
                      each build, median over rounds of the per-round ratio
                      with/without (wall and CPU), the plugin's own CPU time
                      (all, and the analysis alone) and its share of the
                      plain compile's CPU time, sites demoted and kept, and
                      with --before the same three figures for that plugin
  compile-times.tsv   every timed compile
  compile-env.tsv     date, machine, compiler, commit, command
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "bench", "report"))
import benchenv  # noqa: E402

CLANG = "/usr/lib/llvm-22/bin/clang"
OPT = "/usr/lib/llvm-22/bin/opt"
PLUGIN = os.path.join(ROOT, "build-llvm22/pass/heap2stack.so")
CONFIGS = ["plain", "h2s"]
# Files of Debian source packages (run.sh fetches them into work/), with the
# flags they are compiled with (from their own directory).
PACKAGE_INPUTS = [
    ("regex", "m4/src/lib/regex.c", ["-DHAVE_CONFIG_H", "-I.", "-I.."]),
    ("pcre2_compile", "pcre2/src/src/pcre2_compile.c",
     ["-DHAVE_CONFIG_H", "-DPCRE2_CODE_UNIT_WIDTH=8"]),
    ("lua-lvm", "lua5.4/src/src/lvm.c", ["-DLUA_COMPAT_5_3", "-DLUA_USE_LINUX"]),
]
FLAGS = {"plain": [], "h2s": ["-fpass-plugin=" + PLUGIN]}


def compile_once(src, cfg, extra=(), obj=os.devnull, flags=()):
    """Returns (wall s, cpu s, stderr) of one clang -O2 -c."""
    cmd = [CLANG, "-O2", *FLAGS[cfg], *flags, *extra, "-c", src, "-o", obj]
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         cwd=os.path.dirname(src))
    err = p.stderr.read().decode(errors="replace")
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"compile.py: failed ({p.returncode}): {' '.join(cmd)}\n{err}")
    return wall, ru.ru_utime + ru.ru_stime, err


def time_passes(plugin, ll):
    """(all, analysis) CPU seconds of one `opt -passes=heap2stack -time-passes`."""
    r = subprocess.run([OPT, "-load-pass-plugin=" + plugin, "-passes=heap2stack",
                        "-disable-output", "-disable-verify", "-time-passes", ll],
                       capture_output=True, text=True, check=True)
    table, in_table = [], False
    for line in r.stderr.split("Pass execution timing report", 1)[1].splitlines():
        if "--- Name ---" in line:
            in_table = True
        elif in_table:
            table.append(line)
            if line.rstrip().endswith(" Total"):
                break

    def cpu(name):
        # columns: user, system, user+system, wall; each "secs (pct%)"
        for line in table:
            if line.rstrip().endswith(" " + name):
                return float(re.findall(r"(\d+\.\d+) \(\s*[\d.]+%\)", line)[2])
        return 0.0
    return cpu("Total"), cpu("Heap2StackPass")


def plugin_time(src, ll, flags, plugins, runs):
    """The plugin's own cost on src, isolated: per plugin, (all, analysis) CPU seconds.

    `clang -O2 -S -emit-llvm` without the plugin gives the IR the plugin sees
    in the clang pipeline (it runs at OptimizerLast, the end of the IR
    pipeline); `opt -passes=heap2stack -time-passes` on that IR reports the
    pass (analysis and rewrite) and the SROA, InstCombine and SimplifyCFG
    runs it makes on the functions it changed. `all` is the total of that
    report, `analysis` the Heap2StackPass row, both user+system time;
    medians of `runs` runs, the plugins interleaved in each.
    """
    compile_once(src, "plain", ["-S", "-emit-llvm"], obj=ll, flags=flags)
    samples = [([], []) for _ in plugins]
    for _ in range(runs):
        for i, p in enumerate(plugins):
            a, h = time_passes(p, ll)
            samples[i][0].append(a)
            samples[i][1].append(h)
    os.unlink(ll)
    return [(statistics.median(a), statistics.median(h)) for a, h in samples]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--reps", type=int, default=7, help="rounds (default 7)")
    ap.add_argument("--unit", type=int, default=20, help="copies of gen.py's unit in gen-1x")
    ap.add_argument("--sqlite", default=os.path.join(HERE, "work", "sqlite3.c"))
    ap.add_argument("--skip-sqlite", action="store_true")
    ap.add_argument("--skip-packages", action="store_true",
                    help="leave out regex, pcre2_compile and lua-lvm")
    ap.add_argument("--before", metavar="PLUGIN",
                    help="also time this build of the plugin alone (before/after figures)")
    ap.add_argument("--before-label", default="",
                    help="what --before is (e.g. the commit it was built from)")
    ap.add_argument("--plugin-runs", type=int, default=5,
                    help="runs of opt -time-passes per plugin and input (default 5)")
    ap.add_argument("-o", "--out", default=os.path.join(HERE, "results"))
    args = ap.parse_args()

    work = os.path.join(HERE, "work")
    os.makedirs(work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    inputs = []  # (name, path, copies, flags)
    if not args.skip_sqlite:
        if not os.path.exists(args.sqlite):
            sys.exit(f"compile.py: {args.sqlite} is missing: run bench/compile/run.sh")
        inputs.append(("sqlite3", os.path.abspath(args.sqlite), 0, []))
    if not args.skip_packages:
        for name, path, flags in PACKAGE_INPUTS:
            path = os.path.join(work, path)
            if not os.path.exists(path):
                sys.exit(f"compile.py: {path} is missing: run bench/compile/run.sh")
            inputs.append((name, path, 0, flags))
    gen = os.path.join(HERE, "gen.py")
    for f in (1, 4, 16):
        path = os.path.join(work, f"gen-{f}x.c")
        subprocess.run([sys.executable, gen, str(f * args.unit), path], check=True)
        inputs.append((f"gen-{f}x", path, f * args.unit, []))

    load_before = os.getloadavg()[0]
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    obj = os.path.join(work, "out.o")
    samples = {(n, c): [] for n, _, _, _ in inputs for c in CONFIGS}
    raw = []
    for r in range(args.reps):
        order = CONFIGS if r % 2 == 0 else CONFIGS[::-1]
        for name, path, _, flags in inputs:
            for c in order:
                wall, cpu, _ = compile_once(path, c, obj=obj, flags=flags)
                samples[(name, c)].append((wall, cpu))
                raw.append((name, r + 1, c, wall, cpu))
            print(f"round {r + 1}/{args.reps} {name}: plain {samples[(name, 'plain')][-1][0]:.2f}s "
                  f"h2s {samples[(name, 'h2s')][-1][0]:.2f}s", flush=True)

    rows = []
    plugins = [PLUGIN] + ([os.path.abspath(args.before)] if args.before else [])
    for name, path, copies, flags in inputs:
        with open(path, "rb") as f:
            lines = f.read().count(b"\n")
        p, h = samples[(name, "plain")], samples[(name, "h2s")]
        med = lambda xs, i: statistics.median(x[i] for x in xs)  # noqa: E731
        wall_ratio = statistics.median(h[i][0] / p[i][0] for i in range(args.reps))
        cpu_ratio = statistics.median(h[i][1] / p[i][1] for i in range(args.reps))
        times = plugin_time(path, os.path.join(work, name + ".ll"), flags, plugins,
                            args.plugin_runs)
        plugin_s, analysis_s = times[0]
        share = plugin_s / med(p, 1)
        _, _, rem = compile_once(path, "h2s", ["-Rpass=heap2stack", "-Rpass-missed=heap2stack"],
                                 flags=flags)
        demoted = rem.count("[-Rpass=heap2stack]")
        kept = rem.count("[-Rpass-missed=heap2stack]")
        row = [name, lines, copies, "%.3f" % med(p, 0), "%.3f" % med(h, 0), "%.4f" % wall_ratio,
               "%.3f" % med(p, 1), "%.3f" % med(h, 1), "%.4f" % cpu_ratio,
               "%.4f" % plugin_s, "%.4f" % analysis_s, "%.5f" % share, demoted, kept]
        msg = (f"{name}: {lines} lines, plain {med(p, 0):.2f}s, h2s {med(h, 0):.2f}s, "
               f"ratio wall {wall_ratio:.3f} cpu {cpu_ratio:.3f}; plugin alone {plugin_s:.4f}s CPU "
               f"({100 * share:.3f}% of the plain compile, analysis {analysis_s:.4f}s)")
        if args.before:
            b_s, b_an = times[1]
            row += ["%.4f" % b_s, "%.4f" % b_an, "%.5f" % (b_s / med(p, 1))]
            msg += f", before {b_s:.4f}s ({100 * b_s / med(p, 1):.3f}%, analysis {b_an:.4f}s)"
        rows.append(row)
        print(msg + f"; sites {demoted} demoted, {kept} kept", flush=True)

    header = ["input", "lines", "copies", "plain_wall_s", "h2s_wall_s", "wall_ratio",
              "plain_cpu_s", "h2s_cpu_s", "cpu_ratio", "plugin_s", "analysis_s", "plugin_share",
              "sites_demoted", "sites_kept"]
    if args.before:
        header += ["before_plugin_s", "before_analysis_s", "before_plugin_share"]
    with open(os.path.join(args.out, "compile.tsv"), "w") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    with open(os.path.join(args.out, "compile-times.tsv"), "w") as f:
        f.write("input\tround\tbuild\twall_s\tcpu_s\n")
        for n, i, c, w, u in raw:
            f.write(f"{n}\t{i}\t{c}\t{w:.4f}\t{u:.4f}\n")
    cpu, mem = benchenv.machine()
    sqlite_src = ""
    stamp = os.path.join(work, "sqlite3.source")
    if os.path.exists(stamp):
        with open(stamp) as f:
            sqlite_src = f.read().strip()
    env = [
        ("date", started),
        ("command", "bash bench/compile/run.sh" + "".join(" " + a for a in sys.argv[1:])),
        ("reps", str(args.reps)),
        ("unit", str(args.unit)),
        ("sqlite3.c", sqlite_src),
        ("cpu", cpu),
        ("nproc", str(os.cpu_count())),
        ("memory", mem),
        ("clang", benchenv.first_line_of([CLANG, "--version"])),
        ("heap2stack commit", benchenv.git_commit()),
        ("load average before", "%.2f" % load_before),
        ("load average after", "%.2f" % os.getloadavg()[0]),
        ("builds", "plain: clang -O2 -c | h2s: clang -O2 -fpass-plugin=heap2stack.so -c"),
        ("plugin runs", str(args.plugin_runs)),
    ]
    if args.before:
        env.append(("before plugin", args.before_label or args.before))
    for name, path, _ in PACKAGE_INPUTS:
        stamp = os.path.join(work, path.split("/")[0], "ready")
        if not args.skip_packages and os.path.exists(stamp):
            with open(stamp) as f:
                env.append((name + " source", f.read().strip()))
    with open(os.path.join(args.out, "compile-env.tsv"), "w") as f:
        for k, v in env:
            f.write(f"{k}\t{v}\n")
    print(f"results in {os.path.relpath(args.out, ROOT)}/compile.tsv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
