#!/usr/bin/env python3
"""bench/report/results.py: docs/results.md and its charts, from the runners' TSVs.

    python3 bench/report/results.py

Reads
  bench/micro/results/micro.tsv, micro-env.tsv, micro-remarks.txt
                                          (bench/micro/run.sh)
  bench/compile/results/compile.tsv, compile-env.tsv
                                          (bench/compile/run.sh)
  bench/realworld/results/results.tsv, run-info.txt
                                          (bench/realworld/run.sh), if present
  bench/realworld/results/profile.tsv     (run.sh's profile configurations)
and writes docs/results.md and docs/img/*.svg. Every number in the document
comes from those files; a section whose files are missing says so and which
command fills it. Run it again after any runner.
"""
import csv
import json
import math
import os
import re
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import charts  # noqa: E402

MICRO = os.path.join(ROOT, "bench/micro/results")
COMPILE = os.path.join(ROOT, "bench/compile/results")
REAL = os.path.join(ROOT, "bench/realworld/results")
DOCS = os.path.join(ROOT, "docs")
IMG = os.path.join(DOCS, "img")


def read_tsv(path):
    if not os.path.exists(path):
        return None
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def read_env(path):
    env = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                if "\t" in line:
                    k, v = line.rstrip("\n").split("\t", 1)
                    env[k] = v
    return env


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def fmt_int(n):
    return f"{int(n):,}"


def pct(x, signed=False):
    """A percentage with enough decimals to show a small but non-zero value."""
    d = 1 if abs(x) >= 0.1 or x == 0 else 3
    return ("%+.*f%%" if signed else "%.*f%%") % (d, x)


def share(x):
    """A share of a compile (a percentage) with the digits a 0.1% target needs."""
    return ("%.2f%%" if abs(x) >= 0.1 else "%.3f%%") % x


def pct_change(a, b):
    """a relative to b, as a signed percentage."""
    return pct(100.0 * (a - b) / b, signed=True) if b else "n/a"


def kernel_summary(src):
    """The description paragraph and the 'Expected:' paragraph of a kernel's header comment."""
    with open(os.path.join(ROOT, "bench/micro", src)) as f:
        text = f.read()
    m = re.match(r"/\*(.*?)\*/", text, re.S)
    if not m:
        return "", ""
    paras, cur = [], []
    for line in m.group(1).splitlines():
        line = line.strip().lstrip("*").strip()
        if line:
            cur.append(line)
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    first = re.sub(r"^[\w]+: ", "", paras[0]) if paras else ""
    exp = next((p[len("Expected: "):] for p in paras if p.startswith("Expected: ")), "")
    return first, exp


# ---------------------------------------------------------------- micro

def micro_section(out, summary):
    rows = read_tsv(os.path.join(MICRO, "micro.tsv"))
    env = read_env(os.path.join(MICRO, "micro-env.tsv"))
    out.append("## Allocation-heavy kernels (`bench/micro/`)")
    out.append("")
    if not rows:
        out.append("**Not run yet**: `bench/micro/results/micro.tsv` is missing. "
                   "Run `bash bench/micro/run.sh`, then `python3 bench/report/results.py`.")
        out.append("")
        return env
    reps = env.get("reps", "?")
    out.append(f"Each kernel is a small program of ours that allocates the way everyday C "
               f"does (source and intent in its header comment), built three ways with "
               f"clang 22: plain `-O2`, `-O2 -fpass-plugin=heap2stack.so`, and `-O2 -mllvm "
               f"-attributor-enable=module` (LLVM's Attributor, whose AAHeapToStack is the "
               f"closest peer). Each build runs once under `alloccount.so` to count the heap "
               f"allocations made by the kernel's own code, and its output (one checksum "
               f"line) is compared with plain `-O2`'s; then the three builds are timed "
               f"interleaved, {reps} rounds of (plain, heap2stack, Attributor). A ratio is "
               f"the median over rounds of (build's time / plain's time in the same round), "
               f"below 1 is faster; CPU is user+system time of the process.")
    out.append("")
    out.append("A kernel `K` with a hand-written stack version `K_stack` (the same work, "
               "written the way heap2stack rewrites it: the baseline heap2stack is judged "
               "against) has `K_stack`'s plain build timed in the same rounds, and the last "
               "column is the median over rounds of (heap2stack's `K` / `K_stack`), in CPU "
               "time. The `_stack` rows themselves are baselines: they are left out of the "
               "means over kernels below.")
    out.append("")
    out.append("| kernel | plain -O2 (s) | heap2stack / plain | Attributor / plain | "
               "heap2stack / plain (CPU) | Attributor / plain (CPU) | allocations: plain | "
               "heap2stack | Attributor | sites demoted / kept | outputs | "
               "heap2stack / hand-written (CPU) |")
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|")
    bad = []
    for r in rows:
        outputs = r["outputs"]
        if outputs != "identical":
            bad.append(r)
            outputs = f"**{outputs}**"
        out.append("| `{k}` | {p} | {h} | {a} | {hc} | {ac} | {ap} | {ah} | {aa} | {d} / {kp} | {o} | {hh} |".format(
            k=r["kernel"], p="%.3f" % float(r["plain_s"]), h=r["h2s_over_plain"],
            a=r["attr_over_plain"], hc=r["h2s_over_plain_cpu"], ac=r["attr_over_plain_cpu"],
            ap=fmt_int(r["allocs_plain"]), ah=fmt_int(r["allocs_h2s"]),
            aa=fmt_int(r["allocs_attr"]), d=r["sites_demoted"], kp=r["sites_kept"], o=outputs,
            hh=(f"{r['h2s_over_hand_cpu']} (`{r['hand']}`)" if r.get("hand") else "")))
    out.append("")
    baselines = [r for r in rows if r["kernel"].endswith("_stack")]
    rows = [r for r in rows if not r["kernel"].endswith("_stack")]
    hr = [float(r["h2s_over_plain"]) for r in rows]
    ar = [float(r["attr_over_plain"]) for r in rows]
    hc = [float(r["h2s_over_plain_cpu"]) for r in rows]
    ac = [float(r["attr_over_plain_cpu"]) for r in rows]
    ap = sum(int(r["allocs_plain"]) for r in rows)
    ah = sum(int(r["allocs_h2s"]) for r in rows)
    aa = sum(int(r["allocs_attr"]) for r in rows)
    demoting = [r for r in rows if int(r["allocs_h2s"]) < int(r["allocs_plain"])]
    attr_demoting = [r for r in rows if int(r["allocs_attr"]) < int(r["allocs_plain"])]
    apart = (f" ({len(baselines)} hand-written baselines apart)" if baselines else "")
    out.append(f"Over the {len(rows)} kernels{apart}, geometric mean of the ratios: "
               f"heap2stack / plain "
               f"**{geomean(hc):.3f}** in CPU time ({geomean(hr):.3f} wall), Attributor / plain "
               f"**{geomean(ac):.3f}** ({geomean(ar):.3f} wall). Allocations: plain "
               f"{fmt_int(ap)}, heap2stack {fmt_int(ah)} ({pct_change(ah, ap)}), Attributor "
               f"{fmt_int(aa)} ({pct_change(aa, ap)}). heap2stack removed allocations in "
               f"{len(demoting)} of the {len(rows)} kernels, the Attributor in {len(attr_demoting)}.")
    if demoting:
        best = min(demoting, key=lambda r: float(r["h2s_over_plain_cpu"]))
        out.append(f"On the {len(demoting)} kernels where heap2stack removed allocations the "
                   f"geometric mean CPU-time ratio is "
                   f"**{geomean([float(r['h2s_over_plain_cpu']) for r in demoting]):.3f}** "
                   f"({geomean([float(r['h2s_over_plain']) for r in demoting]):.3f} wall); the "
                   f"best is `{best['kernel']}` at {float(best['h2s_over_plain_cpu']):.3f}.")
    # KERNEL_stack.c: the same kernel written by hand the way heap2stack
    # rewrites it, timed in KERNEL's rounds
    handed = [r for r in rows if r.get("hand")]
    if handed:
        worst = max(handed, key=lambda r: float(r["h2s_over_hand_cpu"]))
        hand_mean = geomean([float(r["h2s_over_hand_cpu"]) for r in handed])
        out.append(f"Against the hand-written stack versions ({len(handed)} kernels have one), "
                   f"heap2stack's builds take **{hand_mean:.3f}** of their CPU time (geometric "
                   f"mean of the per-kernel medians); the furthest is `{worst['kernel']}` at "
                   f"{float(worst['h2s_over_hand_cpu']):.3f}. (`python3 bench/micro/pair.py K "
                   f"K_stack` times one pair interleaved on its own.)")
    out.append("")
    out.append("CPU time is the steadier measure here: on a 2-core machine shared with other "
               "work, wall-clock time also counts the time a process waits for a core.")
    out.append("")
    summary.append(f"- Kernels (`bench/micro`, {len(rows)} programs, medians of {reps} "
                   f"interleaved rounds): CPU time heap2stack / plain -O2, geometric mean "
                   f"**{geomean(hc):.3f}** (wall {geomean(hr):.3f}); "
                   + (f"{geomean([float(r['h2s_over_plain_cpu']) for r in demoting]):.3f} over the "
                      f"{len(demoting)} kernels where it removed allocations, best "
                      f"{float(best['h2s_over_plain_cpu']):.3f} (`{best['kernel']}`); " if demoting else "")
                   + (f"{hand_mean:.3f} of the hand-written stack versions' over the "
                      f"{len(handed)} kernels that have one; " if handed else "")
                   + f"the Attributor {geomean(ac):.3f}. Heap allocations "
                   f"{fmt_int(ap)} → {fmt_int(ah)} with heap2stack ({pct_change(ah, ap)}), "
                   f"{fmt_int(aa)} with the Attributor ({pct_change(aa, ap)}).")
    if bad:
        out.append("### Output mismatches")
        out.append("")
        for r in bad:
            out.append(f"- **`{r['kernel']}`: {r['outputs']}** from plain -O2 (a miscompile; "
                       f"the kernel is clean under `-fsanitize=address,undefined`).")
            who = []
            if "h2s differs" in r["outputs"]:
                who.append("the **heap2stack** build's (a heap2stack miscompile)")
            if "attr differs" in r["outputs"]:
                who.append("the Attributor build's (an LLVM Attributor miscompile)")
            summary.append(f"- **Output mismatch** in kernel `{r['kernel']}`: "
                           + " and ".join(who) + " output differs from plain -O2"
                           + ("; heap2stack's matches." if "h2s differs" not in r["outputs"] else "."))
        if any(r["kernel"] == "strbuild" and "attr differs" in r["outputs"] for r in bad):
            out.append("")
            out.append("  `strbuild` under the Attributor prints a different checksum on every "
                       "run. Bisecting clang's pipeline (`-mllvm -opt-bisect-limit=N`) "
                       "points at the DSE run on `render()`: the Attributor has tagged the "
                       "loads of the final hash loop over the string builder's (realloc'd) "
                       "buffer `!invariant.load`, so dead-store elimination deletes the "
                       "stores of `\", \"` and `\"]}\"` into that buffer, and the hash then "
                       "reads uninitialised bytes. Disabling the Attributor's heap-to-stack "
                       "conversion (`-mllvm -enable-heap-to-stack-conversion=false`) does not "
                       "change this: it is not a heap-to-stack bug.")
        out.append("")
    charts.hbars(os.path.join(IMG, "micro-time.svg"),
                 "Kernel CPU time relative to plain -O2 (lower is faster)",
                 [r["kernel"] for r in rows],
                 ["heap2stack (CPU)", "Attributor (CPU)", "heap2stack (wall)"],
                 [[float(r["h2s_over_plain_cpu"]), float(r["attr_over_plain_cpu"]),
                   float(r["h2s_over_plain"])] for r in rows],
                 fmt="{:.2f}", ref=1.0, ref_label="plain -O2 = 1", xmax=1.25,
                 xlabel="median over rounds of (time / plain time in the same round)",
                 subtitle=f"clang 22 -O2, {reps} interleaved rounds; source: bench/micro/results/micro.tsv")
    charts.hbars(os.path.join(IMG, "micro-allocs.svg"),
                 "Heap allocations left, % of plain -O2",
                 [r["kernel"] for r in rows], ["heap2stack", "Attributor"],
                 [[100.0 * int(r["allocs_h2s"]) / max(int(r["allocs_plain"]), 1),
                   100.0 * int(r["allocs_attr"]) / max(int(r["allocs_plain"]), 1)] for r in rows],
                 fmt="{:.0f}%", ref=100.0, ref_label="plain", xmax=110,
                 xlabel="allocation calls made by the kernel's code (alloccount program=)",
                 notes=[["(%s)" % fmt_int(r["allocs_h2s"]), "(%s)" % fmt_int(r["allocs_attr"])] for r in rows],
                 subtitle="source: bench/micro/results/micro.tsv")
    # What each kernel does, what was expected, and heap2stack's verdicts.
    remarks = {}
    rp = os.path.join(MICRO, "micro-remarks.txt")
    if os.path.exists(rp):
        with open(rp) as f:
            for line in f:
                remarks.setdefault(line.split(":", 1)[0], []).append(line.strip())
    out.append("![kernel run time relative to plain -O2](img/micro-time.svg)")
    out.append("")
    out.append("![heap allocations left](img/micro-allocs.svg)")
    out.append("")
    missed = []
    for r in rows:
        _, exp = kernel_summary(r["source"])
        if "heap2stack demotes" in exp and int(r["allocs_h2s"]) >= int(r["allocs_plain"]):
            missed.append(r)
    if missed:
        out.append("### Expected to be demoted, but kept on the heap")
        out.append("")
        for r in missed:
            # (remarks stored before the wording became Go's say "kept on
            # the heap")
            why = [l for l in remarks.get(r["source"], [])
                   if ("escapes to heap:" in l or "kept on the heap:" in l)
                   and "too large" not in l]
            out.append(f"- `{r['kernel']}`: " + "; ".join(
                "`" + re.sub(r"\s*\[-Rpass-missed=heap2stack\]", "", w).replace(" remark: ", " ") + "`"
                for w in why))
        out.append("")
    out.append("What each kernel does, what we expected, and heap2stack's remarks "
               "(`-Rpass=heap2stack -Rpass-missed=heap2stack`, from "
               "`bench/micro/results/micro-remarks.txt`):")
    out.append("")
    for r in rows:
        first, exp = kernel_summary(r["source"])
        out.append(f"- **`{r['kernel']}`** ([{r['source']}](../bench/micro/{r['source']})): {first}"
                   + (f" *Expected:* {exp}" if exp else ""))
        for rem in remarks.get(r["source"], []):
            rem = re.sub(r"\s*\[-Rpass(-missed)?=heap2stack\]", "", rem)
            rem = rem.replace(" remark: ", " ")
            out.append(f"  - `{rem}`")
    out.append("")
    return env


# -------------------------------------------------------------- compile

def compile_section(out, summary):
    rows = read_tsv(os.path.join(COMPILE, "compile.tsv"))
    env = read_env(os.path.join(COMPILE, "compile-env.tsv"))
    out.append("## Compile time (`bench/compile/`)")
    out.append("")
    if not rows:
        out.append("**Not run yet**: `bench/compile/results/compile.tsv` is missing. "
                   "Run `bash bench/compile/run.sh`, then `python3 bench/report/results.py`.")
        out.append("")
        return env
    reps = env.get("reps", "?")
    pkgs = "; ".join(env[k] for k in ("regex source", "pcre2_compile source", "lua-lvm source")
                     if k in env)
    out.append(f"`clang -O2 -c` without and with `-fpass-plugin=heap2stack.so`, {reps} rounds, "
               f"the two back to back in each round (order alternating). Inputs: the sqlite3 "
               f"amalgamation ({env.get('sqlite3.c', 'sqlite3.c')}; one allocation site), three "
               f"files of Debian source packages ({pkgs or 'm4, pcre2, lua5.4'}): `regex` is "
               f"gnulib's `lib/regex.c` from m4 (dense with allocation sites), `pcre2_compile` "
               f"is PCRE2's `src/pcre2_compile.c` and `lua-lvm` Lua's virtual machine "
               f"`src/lvm.c` (neither has an allocation site: both allocate through function "
               f"pointers), and modules generated by "
               f"`bench/compile/gen.py`: gen-1x holds {env.get('unit', '?')} copies of its unit "
               f"(about 260 lines, 19 functions that allocate, renamed per copy), gen-4x and "
               f"gen-16x four and sixteen times as many. Ratios are medians over rounds of "
               f"(with / without) in the same round. *Plugin alone* isolates the plugin's own "
               f"cost: `opt -passes=heap2stack -time-passes` on the IR that `clang -O2` "
               f"produces (what the plugin sees at the end of the pipeline), user+system time "
               f"(median of {env.get('plugin runs', '?')} runs), counting the analysis and "
               f"rewrite and the cleanup it runs on the functions it changed (SROA, then "
               f"InstCombine or InstSimplify, then SimplifyCFG; see `docs/design.md`); "
               f"*analysis* is the Heap2StackPass row alone; the share is of the plain "
               f"compile's CPU time. The analyses the cleanup's passes request (dominator "
               f"tree, alias analysis) are in -time-passes' separate analysis table and not "
               f"counted here.")
    out.append("")
    before = rows and "before_plugin_s" in rows[0]
    head = ("| input | lines | plain (s) | heap2stack (s) | ratio (wall) | ratio (CPU) | "
            "plugin alone (s) | of which analysis (s) | plugin / plain compile | ")
    rule = "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
    if before:
        head += "before: plugin alone (s) | before: plugin / plain compile | "
        rule += "--:|--:|"
    out.append(head + "sites demoted / kept |")
    out.append(rule + "--:|")
    for r in rows:
        line = "| {i} | {l} | {p} | {h} | {w} | {c} | {ps} | {an} | {sh} | ".format(
            i=r["input"], l=fmt_int(r["lines"]), p=r["plain_cpu_s"], h=r["h2s_cpu_s"],
            w="%.3f" % float(r["wall_ratio"]), c="%.3f" % float(r["cpu_ratio"]),
            ps="%.4f" % float(r["plugin_s"]), an="%.4f" % float(r["analysis_s"]),
            sh=share(100 * float(r["plugin_share"])))
        if before:
            line += "%.4f | %s | " % (float(r["before_plugin_s"]),
                                      share(100 * float(r["before_plugin_share"])))
        out.append(line + "{d} / {k} |".format(d=r["sites_demoted"], k=r["sites_kept"]))
    out.append("")
    if before:
        out.append(f"*Before* is the plugin built from {env.get('before plugin', 'the previous commit')}, "
                   f"timed in the same runs, interleaved with the current one. Plain and "
                   f"heap2stack compile times are CPU seconds (medians). What changed between "
                   f"the two is in the commits between them; the steps that made the analysis "
                   f"fast, and what each one changed, are in this page's history (70e854b to "
                   f"954b79a at 954b79a, the cleanup at 9339eb0, the graph freed early and the "
                   f"incremental solver at f691470).")
        out.append("")
    # What issue 8 asked of the plugin alone, per kind of input.
    targets = [(r, COMPILE_TARGETS[r["input"]]) for r in rows if r["input"] in COMPILE_TARGETS]
    if targets:
        out.append("Targets for the plugin alone, as a share of the plain compile: a module "
                   "with no allocation site under 0.1%; the sqlite3 amalgamation under 0.5%; "
                   "modules dense with sites under 1%.")
        out.append("")
        out.append("| input | target | plugin / plain compile | analysis / plain compile | met |")
        out.append("|---|--:|--:|--:|---|")
        for r, t in targets:
            plain = float(r["plain_cpu_s"])
            sh = 100 * float(r["plugin_share"])
            an = 100 * float(r["analysis_s"]) / plain
            met = "yes" if sh < t else ("analysis only" if an < t else "**no**")
            out.append(f"| {r['input']} | {t:g}% | {share(sh)} | {share(an)} | {met} |")
        out.append("")
    raw = read_tsv(os.path.join(COMPILE, "compile-times.tsv"))
    if raw:
        per = {}
        for x in raw:
            per.setdefault((x["input"], x["round"]), {})[x["build"]] = float(x["cpu_s"])
        rs = [v["h2s"] / v["plain"] for v in per.values() if "h2s" in v and "plain" in v]
        if rs:
            out.append(f"The end-to-end ratios are the noisier figure: over all inputs and "
                       f"rounds the per-round CPU-time ratio ranged from {min(rs):.3f} to "
                       f"{max(rs):.3f} (`bench/compile/results/compile-times.tsv`), a spread "
                       f"larger than the plugin's cost, so *plugin alone* is the precise "
                       f"measure of that cost.")
            out.append("")
    gen = [r for r in rows if r["input"].startswith("gen-")]
    if len(gen) >= 2:
        a, b = gen[0], gen[-1]
        growth = float(b["copies"]) / float(a["copies"])
        pg = float(b["plugin_s"]) / float(a["plugin_s"])
        ag = float(b["analysis_s"]) / float(a["analysis_s"])
        cg = float(b["plain_cpu_s"]) / float(a["plain_cpu_s"])
        per = ", ".join("%s %.2f ms" % (r["input"], 1000 * float(r["plugin_s"]) / float(r["copies"]))
                        for r in gen)
        out.append(f"Linearity: from {a['input']} to {b['input']} the module grows "
                   f"{growth:.0f}x; the plugin's own time grows {pg:.1f}x (analysis alone "
                   f"{ag:.1f}x) and the plain compile {cg:.1f}x. Plugin time per copy of the "
                   f"unit: {per}.")
        out.append("")
        charts.lines(os.path.join(IMG, "compile-linear.svg"),
                     "Plugin time vs module size (generated modules)",
                     [float(r["copies"]) for r in gen], ["plugin alone", "analysis alone"],
                     [[float(r["plugin_s"]) for r in gen], [float(r["analysis_s"]) for r in gen]],
                     xlabel="copies of gen.py's unit in the module", ylabel="seconds",
                     fmt="{:.3f}", proportional=[0, 1],
                     subtitle="opt -passes=heap2stack -time-passes; source: bench/compile/results/compile.tsv")
    sq = [r for r in rows if r["input"] == "sqlite3"]
    charts.hbars(os.path.join(IMG, "compile-ratio.svg"),
                 "clang -O2 -c time with heap2stack / without",
                 [r["input"] for r in rows], ["measured, wall", "measured, CPU", "1 + plugin alone / plain"],
                 [[float(r["wall_ratio"]), float(r["cpu_ratio"]), 1 + float(r["plugin_share"])] for r in rows],
                 fmt="{:.3f}", ref=1.0, ref_label="no cost", xmax=1.2,
                 xlabel="ratio (median over rounds)",
                 subtitle=f"{reps} rounds; source: bench/compile/results/compile.tsv")
    out.append("![compile time ratio](img/compile-ratio.svg)")
    out.append("")
    if len(gen) >= 2:
        out.append("![plugin time vs module size](img/compile-linear.svg)")
        out.append("")
    line = "- Compile time (`bench/compile`), the plugin alone as a share of a plain `-O2` compile: "
    parts = []
    for r in rows:
        part = f"{r['input']} {pct(100 * float(r['plugin_share']))}"
        if "before_plugin_share" in r:
            part = (f"{r['input']} {pct(100 * float(r['before_plugin_share']))} → "
                    f"{pct(100 * float(r['plugin_share']))}")
        parts.append(part)
    line += "; ".join(parts) + "."
    if len(gen) >= 2:
        line += (f" Plugin time grows {pg:.1f}x (analysis {ag:.1f}x) for a {growth:.0f}x larger "
                 f"module. End-to-end ratios on this shared machine vary by more than the "
                 f"plugin's cost from round to round; the isolated plugin time is the precise figure.")
    summary.append(line)
    return env


# ------------------------------------------------------------ realworld

# Issue 8's targets for the plugin alone (percent of the plain compile).
COMPILE_TARGETS = {"pcre2_compile": 0.1, "lua-lvm": 0.1, "sqlite3": 0.5, "regex": 1.0,
                   "gen-16x": 1.0}

CONFIG_ORDER = ["plain", "h2s", "lto-plain", "lto", "attributor", "attributor-lto"]
CONFIG_NAME = {"plain": "plain -O2", "h2s": "heap2stack (per TU)", "lto-plain": "LTO, no plugin",
               "lto": "heap2stack (LTO)", "attributor": "Attributor",
               "attributor-lto": "Attributor (LTO)"}


def realworld_section(out, summary):
    out.append("## Real packages (`bench/realworld/`)")
    out.append("")
    rows = read_tsv(os.path.join(REAL, "results.tsv"))
    # the profile configurations have their own section
    rows = rows and [r for r in rows if not r["config"].startswith("profile")]
    if not rows:
        out.append("**Not available yet**: `bench/realworld/results/results.tsv` is missing. "
                   "This section is filled from it by `python3 bench/report/results.py` once "
                   "`bench/realworld/run.sh` has run.")
        out.append("")
        return
    info = []
    ip = os.path.join(REAL, "run-info.txt")
    if os.path.exists(ip):
        with open(ip) as f:
            info = [l.rstrip("\n").lstrip("# ") for l in f if l.strip()]
    out.append("Debian source packages built with their own build systems and `CC=clang-22 "
               "CFLAGS=-O2` in each configuration, their own test suites run under an "
               "allocation counter that counts the calls made by the package's own binaries "
               "(see `bench/realworld/run.sh`). *Sites demoted* counts heap2stack's "
               "`-Rpass` remarks over the build.")
    out.append("")
    if info:
        for l in info:
            out.append("    " + l)
        out.append("")
    first = {}
    for i, r in enumerate(rows):
        first.setdefault(r["package"], i)
    rows.sort(key=lambda r: (first[r["package"]],
                             CONFIG_ORDER.index(r["config"]) if r["config"] in CONFIG_ORDER else 99))
    plain = {r["package"]: r for r in rows if r["config"] == "plain"}
    out.append("| package | configuration | build | tests passed / failed | allocations in the "
               "suite | vs plain | sites demoted | build (s) | suite (s) |")
    out.append("|---|---|---|--:|--:|--:|--:|--:|--:|")
    broken = []
    for r in rows:
        p = plain.get(r["package"])
        a, b = num(r.get("allocs_program")), num(p["allocs_program"]) if p else None
        rel = pct_change(a, b) if (a is not None and b and r["config"] != "plain"
                                   and r.get("suite") == "pass") else ""
        tests = "-"
        if r.get("tests_pass", "-") != "-":
            tests = f"{r['tests_pass']} / {r['tests_fail']}"
            if r.get("tests_skip") not in (None, "0", "-"):
                tests += f" ({r['tests_skip']} skipped)"
        if r.get("suite") not in ("pass", "-", None):
            tests += f" **{r['suite']}**"
        build = r["build"] if r["build"] == "ok" else f"**{r['build']}**"
        allocs = fmt_int(a) if a is not None else "-"
        out.append(f"| {r['package']} | {CONFIG_NAME.get(r['config'], r['config'])} | {build} | "
                   f"{tests} | {allocs} | {rel} | {r.get('sites', '-')} | {r.get('build_s', '-')} | "
                   f"{r.get('suite_s', '-')} |")
        if p and r["config"] != "plain" and p.get("suite") == "pass" and \
                (r.get("suite") != "pass" or r["build"] != "ok"):
            broken.append(r)
    out.append("")
    if broken:
        out.append("Configurations that fail where plain -O2 passes:")
        out.append("")
        for r in broken:
            out.append(f"- **{r['package']} / {CONFIG_NAME.get(r['config'], r['config'])}**: build "
                       f"{r['build']}, suite {r.get('suite', '-')}; failing: "
                       f"{r.get('failed_tests', '-')}")
        out.append("")
    # Allocations removed, counting only suites that passed.
    configs = [c for c in CONFIG_ORDER if c != "plain" and any(r["config"] == c for r in rows)]
    totals = []
    for c in configs:
        removed, base, pk = 0, 0, 0
        for r in rows:
            p = plain.get(r["package"])
            if r["config"] != c or not p or r.get("suite") != "pass" or p.get("suite") != "pass":
                continue
            a, b = num(r["allocs_program"]), num(p["allocs_program"])
            if a is None or b is None:
                continue
            removed += b - a
            base += b
            pk += 1
        if pk:
            totals.append(f"{CONFIG_NAME[c]} {fmt_int(removed)} of {fmt_int(base)} "
                          f"({pct(100 * removed / base)}, {pk} packages)")
    if totals:
        out.append("Allocations removed during the suites, over the packages whose suite passed "
                   "in both plain and that configuration: " + "; ".join(totals) + ".")
        out.append("")
        summary.append("- Real packages (`bench/realworld`): allocations removed: "
                       + "; ".join(totals) + "."
                       + (" Failing configurations: " + ", ".join(
                           f"{r['package']}/{r['config']}" for r in broken) + "." if broken else
                          " Every suite that passes plain passes in every configuration."))
    pkgs = list(dict.fromkeys(r["package"] for r in rows))
    vals, notes = [], []
    for pkg in pkgs:
        p = plain.get(pkg)
        row_v, row_n = [], []
        for c in configs:
            r = next((x for x in rows if x["package"] == pkg and x["config"] == c), None)
            if not r or not p:
                row_v.append(None)
                row_n.append("not run")
            elif r["build"] != "ok":
                row_v.append(None)
                row_n.append("build " + r["build"])
            elif r.get("suite") != "pass":
                row_v.append(None)
                row_n.append("suite " + r.get("suite", "?"))
            else:
                a, b = num(r["allocs_program"]), num(p["allocs_program"])
                row_v.append(100.0 * (b - a) / b if b else None)
                row_n.append("(%s)" % fmt_int(b - a) if b else "")
        vals.append(row_v)
        notes.append(row_n)
    charts.hbars(os.path.join(IMG, "realworld-allocs.svg"),
                 "Heap allocations removed during each package's test suite",
                 pkgs, [CONFIG_NAME[c] for c in configs], vals, fmt="{:.3f}%", notes=notes,
                 xlabel="% of plain -O2's allocation calls by the package's own binaries (count)",
                 subtitle="source: bench/realworld/results/results.tsv; n/a: build or suite failed")
    out.append("![real packages: allocations removed](img/realworld-allocs.svg)")
    out.append("")


# ------------------------------------------------- realworld: profile

PROFILE_PART = {"all": "all", "program": "the m4 program (src/m4)",
                "tests": "gnulib's unit tests (tests/test-*)",
                "test-regex": "of which test-regex"}
PROFILE_CONFIG = {"profile": "per translation unit", "profile-lto": "with LTO"}
PROFILE_TITLE = {"profile": "Per translation unit", "profile-lto": "With LTO"}


def share_of(n, base):
    n, base = num(n), num(base)
    if n is None or not base:
        return "-"
    return f"{pct(100.0 * n / base)} ({fmt_int(n)})"


def sized_section(out, res, pkgs):
    """profile-lto-sized against profile-lto-h2s and the plain profile-lto:
    the profile-lto run's profile given to the plugin (docs/design.md,
    "Guarded buffers sized by a profile", "Hot sites")."""
    rows = []
    for pkg in pkgs:
        paths = [os.path.join(REAL, "profile", f"{pkg}.{c}.json")
                 for c in ("profile-lto", "profile-lto-h2s", "profile-lto-sized")]
        if not all(os.path.exists(p) for p in paths):
            continue
        plain, a, b = (json.load(open(p))["parts"] for p in paths)
        ra, rb = res.get((pkg, "profile-lto-h2s")), res.get((pkg, "profile-lto-sized"))
        suite = f"{ra['suite'] if ra else '-'} / {rb['suite'] if rb else '-'}"
        for part in b:
            if part not in a or part not in plain:
                continue
            pa, pb, limit = a[part], b[part], plain[part]["k0"]
            gone = limit - pb["k0"]
            share = f"{pct(100.0 * gone / limit)} ({fmt_int(gone)})" if limit else "-"
            rows.append(f"| {pkg} | {PROFILE_PART.get(part, part)} | {suite if part == 'all' else ''} | "
                        f"{fmt_int(pa['allocations'])} | {fmt_int(pb['allocations'])} | "
                        f"{fmt_int(limit)} | {fmt_int(pa['k0'])} | {fmt_int(pb['k0'])} | {share} |")
    if not rows:
        return
    out.append("### With the profile: sized buffers and slots, hot sites (LTO)")
    out.append("")
    out.append("`profile-lto-sized` is `profile-lto-h2s` built with `-Wl,-mllvm,-escape-options="
               "profile=SIZES`, SIZES written by `heap2stack-profile sizes` from the "
               "`profile-lto` run's profile (docs/design.md, \"Guarded buffers sized by a "
               "profile\", \"Hot sites\"): each site whose size is known only at run time gets a "
               "buffer for 99% of the requests the profile saw there instead of `guard-size` "
               "(256), a block that realloc grows starts in a slot of the largest size the "
               "profile saw it reach, and the sites that make 99% of the profile's allocation "
               "calls may have callees that free them inlined within `hot-inline-budget` (4096) "
               "instead of `inline-budget` (256). Both suites run under the profiler; the "
               "allocations left are the package's own (jq's vary by a few hundred from run to "
               "run). *k=0 removed* is the plain build's k=0 count (the limit) less the sized "
               "build's: what the sized build no longer allocates and frees in one function, "
               "wherever the allocation call went (a block that outgrows its slot is moved to "
               "the heap at a realloc, which the per-site join of the table above cannot see); "
               "it is negative where heap2stack's inlining brings frees into the allocating "
               "functions and more blocks die where they were made (json-c).")
    out.append("")
    out.append("| package | part | suite (h2s / sized) | allocations, h2s | allocations, sized | "
               "k=0, plain (the limit) | k=0, h2s | k=0, sized | k=0 removed, sized |")
    out.append("|---|---|---|--:|--:|--:|--:|--:|--:|")
    out.extend(rows)
    out.append("")


def profile_section(out, summary):
    out.append("## Where allocations die in real packages (`heap2stack-profile`)")
    out.append("")
    rows = read_tsv(os.path.join(REAL, "profile.tsv"))
    if not rows:
        out.append("**Not available yet**: `bench/realworld/results/profile.tsv` is missing; "
                   "`bench/realworld/run.sh --configs \"profile profile-h2s profile-lto "
                   "profile-lto-h2s\"` fills it.")
        out.append("")
        return
    res = {(r["package"], r["config"]): r for r in read_tsv(os.path.join(REAL, "results.tsv")) or []}
    out.append("The same packages and suites, built `-O2 -g -finstrument-functions-after-inlining` "
               "and run under `heap2stack-profile run` (docs/profile.md), which classifies every "
               "allocation by where its block was freed: *k=0*, while the function that made it "
               "was still running (the limit of any demotion to that function's frame); *k=1*, "
               "after it returned but while its caller ran (reachable by inlining it one level "
               "up). *Removed*: the allocations of the sites heap2stack moved to the stack, by "
               "the plugin's records of a second build with the same flags plus the plugin "
               "(`-h2s`), joined with the profile by source position, less the allocations "
               "that build still made at the same position (a guarded buffer's requests "
               "above its size; `profile.py --twin-report`). The profile comes from the "
               "build without the plugin: a removed allocation makes no call. Only the "
               "package's own binaries and libraries count (modules under the build tree: not "
               "make, the shell or libc). m4's suite is mostly gnulib's unit tests, so the m4 "
               "program is shown apart. The profiler counts `strdup` and `strndup` at the "
               "package's call, where alloccount (the table above) sees libc's own `malloc`: "
               "so its counts are higher (jq: by its 1.3 million `strdup`s of symbol names "
               "in `compile.c`).")
    out.append("")
    out.append("*Check*: the `-h2s` build's suite runs under the profiler too; its k=0 count plus "
               "the removed count should equal the plain build's k=0 count (0 when they agree; "
               "suites whose allocations vary from run to run, like jq's, make it differ a "
               "little). *Kept, by reason*: the k=0 allocations of the sites kept on the heap, "
               "by the plugin's reason (`no record`: a call the plugin does not treat as an "
               "allocation: `strdup`, `realloc`, an allocator called through a pointer, "
               "or code it did not compile).")
    out.append("")
    cfgs = [c for c in PROFILE_CONFIG if any(r["config"] == c for r in rows)]
    pkgs = list(dict.fromkeys(r["package"] for r in rows))
    order = list(PROFILE_PART)
    for c in cfgs:
        out.append(f"### {PROFILE_TITLE[c]}")
        out.append("")
        out.append("| package | binaries | suite (plain / h2s) | allocations | k=0 | k=1 | "
                   "removed | kept at k=0, by reason | check |")
        out.append("|---|---|---|--:|--:|--:|--:|---|--:|")
        for pkg in pkgs:
            prs = sorted((r for r in rows if r["package"] == pkg and r["config"] == c),
                         key=lambda r: order.index(r["part"]) if r["part"] in order else 99)
            for r in prs:
                suite = f"{r['suite']} / {r['suite_h2s']}"
                rr = res.get((pkg, c))
                if rr and rr.get("tests_pass", "-") != "-" and r["part"] == "all":
                    suite += f" ({rr['tests_pass']} passed, {rr['tests_fail']} failed)"
                removed = "-"
                if num(r["removed"]) is not None:
                    removed = fmt_int(num(r["removed"]))
                    if num(r["k0"]):
                        removed += f" ({pct(100.0 * num(r['removed']) / num(r['k0']))} of k=0)"
                reasons = r["reasons"].replace("; ", "<br>") if r["reasons"] != "-" else "-"
                out.append(f"| {pkg} | {PROFILE_PART.get(r['part'], r['part'])} | {suite} | "
                           f"{fmt_int(num(r['allocations']))} | {share_of(r['k0'], r['allocations'])} | "
                           f"{share_of(r['k1'], r['allocations'])} | {removed} | {reasons} | "
                           f"{r['check']} |")
        out.append("")
    # the limit and what heap2stack reached, one pair per package and build
    pairs = []
    for pkg in pkgs:
        part = "program" if any(r["package"] == pkg and r["part"] == "program" for r in rows) else "all"
        got = []
        for c in cfgs:
            r = next((r for r in rows if (r["package"], r["config"], r["part"]) == (pkg, c, part)), None)
            got.append(f"{fmt_int(num(r['k0']))} / {fmt_int(num(r['removed']))}"
                       if r and num(r["removed"]) is not None else "not measured")
        pairs.append(f"{pkg if part == 'all' else pkg + ' (the program)'} " + " → ".join(got))
    out.append("*Limit / achieved* (k=0 allocations / removed), "
               + " → ".join(PROFILE_CONFIG[c] for c in cfgs) + ": " + "; ".join(pairs) + ".")
    out.append("")
    sized_section(out, res, pkgs)
    # builds and suites of the profile configurations that did not pass
    bad = [r for r in res.values() if r["config"].startswith("profile")
           and (r["build"] != "ok" or r.get("suite") != "pass")]
    if bad:
        out.append("Profile configurations that did not build or pass (a package without its "
                   "rows above was not measured):")
        out.append("")
        for r in sorted(bad, key=lambda r: (r["package"], r["config"])):
            out.append(f"- {r['package']} / {r['config']}: build {r['build']} (configure "
                       f"{r['configure_s']} s, build {r['build_s']} s), suite {r.get('suite', '-')}"
                       + (f", failing: {r['failed_tests']}" if r.get("failed_tests", "-") != "-" else ""))
        out.append("")
    # the plain profile configurations not run at all
    missing = sorted(set(f"{p}/{c}" for p in set(pkgs) | {k[0] for k in res}
                         for c in PROFILE_CONFIG
                         if (p, c) not in res and not any(
                             r["package"] == p and r["config"] == c for r in rows)))
    if missing:
        out.append("Not run: " + ", ".join(missing) + ".")
        out.append("")
    out.append("Each report's summary (totals per binary, the top 50 sites, the reasons) is in "
               "`bench/realworld/results/profile/PKG.CONFIG.json`. What run.sh runs, for a "
               "package built in `$B` (`P=build-llvm22/pass/heap2stack.so`, "
               "`H=build-llvm22/tools/profile/heap2stack-profile`; the build systems get "
               "`CC=bench/realworld/cc-wrapper.sh`, which adds the link flags and the records "
               "file of each compile or link, `rec.PID.RANDOM.yaml`: heap2stack's "
               "optimization remarks, which the report reads):")
    out.append("")
    out.append("```sh")
    out.append("F='-O2 -g -finstrument-functions-after-inlining -fdebug-prefix-map=$B=/realworld/PKG'")
    out.append("LTO='-flto -fuse-ld=lld -Wl,--undefined-version'")
    out.append("# profile:         CFLAGS=\"$F\"")
    out.append("# profile-h2s:     CFLAGS=\"$F -fpass-plugin=$P\", each compile adding "
               "-fsave-optimization-record=yaml -foptimization-record-passes=heap2stack "
               "-foptimization-record-file=rec.PID.RANDOM.yaml")
    out.append("# profile-lto:     CFLAGS=\"$F -flto\", links with $LTO")
    out.append("# profile-lto-h2s: CFLAGS=\"$F -flto\", links with $LTO "
               "-Wl,--load-pass-plugin=$P -Wl,--opt-remarks-filename=rec.PID.RANDOM.yaml "
               "-Wl,--opt-remarks-passes=heap2stack")
    out.append("# profile-lto-sized: profile-lto-h2s and -Wl,-mllvm,-load=$P "
               "-Wl,-mllvm,-escape-options=profile=SIZES (the -load first, so that lld knows "
               "the option), after $H sizes -o SIZES <profile-lto's profile>")
    out.append("$H run -o profile -- make -k check                 # each build's suite (ctest for json-c)")
    out.append("$H report --json --records rec.1.yaml --records rec.2.yaml ... profile   # plain build's profile, the -h2s twin's records")
    out.append("```")
    out.append("")
    # the summary line: LTO's figures where measured
    bits = []
    for c in cfgs:
        for r in rows:
            if r["config"] != c or r["part"] not in (("all",) if r["package"] != "m4" else ("program",)):
                continue
            a = num(r["allocations"])
            if a:
                bits.append(f"{r['package'] if r['part'] == 'all' else 'm4 program'} "
                            f"{PROFILE_CONFIG[c]} {pct(100.0 * num(r['k0']) / a)}")
    if bits:
        summary.append("- Real packages under `heap2stack-profile`: share of the allocations "
                       "freed inside the function that made them (k=0): " + ", ".join(bits) + ".")


# ----------------------------------------------------------------- main

def main():
    os.makedirs(IMG, exist_ok=True)
    body, summary = [], []
    menv = micro_section(body, summary)
    cenv = compile_section(body, summary)
    realworld_section(body, summary)
    profile_section(body, summary)
    env = menv or cenv
    doc = ["# heap2stack: results", "",
           "<!-- Generated by bench/report/results.py from bench/*/results/; do not edit by "
           "hand: rerun the runners and the script. -->", ""]
    doc.append("Measured by the scripts under `bench/`; every figure below comes from their "
               "result files (paths given with each table), and this page is generated from "
               "them by `bench/report/results.py`.")
    doc.append("")
    doc.append("## Summary")
    doc.append("")
    doc.extend(summary or ["- nothing measured yet"])
    doc.append("")
    doc.append("## Machine and date")
    doc.append("")
    doc.append("| | kernels (`bench/micro`) | compile time (`bench/compile`) |")
    doc.append("|---|---|---|")
    for k in ("date", "cpu", "nproc", "memory", "clang", "heap2stack commit", "reps",
              "load average before", "load average after"):
        doc.append(f"| {k} | {menv.get(k, '-')} | {cenv.get(k, '-')} |")
    doc.append("")
    doc.append("The machine has 2 cores; the load average columns show what else was running "
               "(a concurrent run of another benchmark makes wall-clock ratios noisier; "
               "the interleaved rounds keep the comparison paired).")
    doc.append("")
    doc.append("## How to reproduce")
    doc.append("")
    doc.append("On Debian 12 as root, from the repository root (each runner builds the plugin "
               "with `tools/setup.sh 22` first):")
    doc.append("")
    doc.append("```sh")
    doc.append(menv.get("command", "bash bench/micro/run.sh") + "      # kernels: bench/micro/results/")
    doc.append(cenv.get("command", "bash bench/compile/run.sh") + "    # compile time: bench/compile/results/")
    doc.append("bash bench/realworld/run.sh     # real packages: bench/realworld/results/")
    doc.append("python3 bench/report/results.py # this page and docs/img/*.svg")
    doc.append("```")
    doc.append("")
    doc.append("What the runners execute for one kernel `K.c` (`clang++` for `.cpp`) and one "
               "compile-time input `F.c`, with `P=build-llvm22/pass/heap2stack.so` and "
               "`A=build-llvm22/tools/alloccount/alloccount.so`:")
    doc.append("")
    doc.append("```sh")
    doc.append("clang-22 -O2 K.c -o K.plain")
    doc.append("clang-22 -O2 -fpass-plugin=$P K.c -o K.h2s")
    doc.append("clang-22 -O2 -mllvm -attributor-enable=module K.c -o K.attr")
    doc.append("clang-22 -O2 -g -fpass-plugin=$P -Rpass=heap2stack -Rpass-missed=heap2stack -c K.c -o /dev/null  # remarks")
    doc.append("LD_PRELOAD=$A ./K.plain        # prints K checksum=...; alloccount: program=N all=M on stderr")
    doc.append("clang-22 -O2 -c F.c            # timed against")
    doc.append("clang-22 -O2 -fpass-plugin=$P -c F.c")
    doc.append("clang-22 -O2 -S -emit-llvm F.c -o F.ll && opt-22 -load-pass-plugin=$P -passes=heap2stack "
               "-disable-output -disable-verify -time-passes F.ll   # plugin alone")
    doc.append("```")
    doc.append("")
    doc.extend(body)
    with open(os.path.join(DOCS, "results.md"), "w") as f:
        f.write("\n".join(doc).rstrip() + "\n")
    print("wrote docs/results.md and docs/img/")


if __name__ == "__main__":
    main()
