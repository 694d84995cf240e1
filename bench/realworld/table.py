#!/usr/bin/env python3
"""bench/realworld/table.py TSV MD [RUN-INFO]: the markdown table of run.sh's
results, with program allocations relative to the plain build, and a list of
every suite that fails in some configuration but passes plain (a miscompile,
or the peer's)."""
import csv
import sys


def num(x):
    try:
        return float(x)
    except ValueError:
        return None


def main():
    tsv, md = sys.argv[1], sys.argv[2]
    info = open(sys.argv[3]).read().splitlines() if len(sys.argv) > 3 else []
    rows = list(csv.DictReader(open(tsv), delimiter="\t"))
    order = ["plain", "h2s", "lto-plain", "lto", "attributor", "attributor-lto"]
    first = {}
    for i, r in enumerate(rows):
        first.setdefault(r["package"], i)
    rows.sort(key=lambda r: (first[r["package"]],
                             order.index(r["config"]) if r["config"] in order else 99))
    plain = {r["package"]: r for r in rows if r["config"] == "plain"}
    out = []
    out.append("# heap2stack on real packages (bench/realworld/run.sh)")
    out.append("")
    for line in info:
        out.append("    " + line.lstrip("# "))
    out.append("")
    out.append("| package | config | build | tests passed / failed (skipped) | "
               "program allocations in the suite | vs plain | sites demoted | "
               "build s | suite s |")
    out.append("|---|---|---|---|---|---|---|---|---|")
    broken = []
    for r in rows:
        p = plain.get(r["package"])
        rel = ""
        a, b = num(r["allocs_program"]), num(p["allocs_program"]) if p else None
        if a is not None and b and r["config"] != "plain":
            if r["suite"] == "pass":
                rel = "%+.2f%%" % (100.0 * (a - b) / b)
            else:
                rel = "n/a (suite fails)"
        tests = "-"
        if r["tests_pass"] != "-":
            tests = "%s / %s" % (r["tests_pass"], r["tests_fail"])
            if r["tests_skip"] not in ("0", "-"):
                tests += " (%s)" % r["tests_skip"]
        suite = r["suite"]
        if suite not in ("pass", "-"):
            tests += " **%s**" % suite
        build = r["build"] if r["build"] == "ok" else "**%s**" % r["build"]
        sites = r["sites"]
        if sites not in ("-",) and r["sites_distinct"] not in ("-", sites):
            sites += " (%s distinct)" % r["sites_distinct"]
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            r["package"], r["config"], build, tests, r["allocs_program"], rel,
            sites, r["build_s"], r["suite_s"]))
        if p and r["config"] != "plain" and p["suite"] == "pass" and \
                (r["suite"] != "pass" or r["build"] != "ok"):
            broken.append("- %s / %s: build %s, suite %s, failing: %s" % (
                r["package"], r["config"], r["build"], r["suite"],
                r["failed_tests"]))
    out.append("")
    out.append("Program allocations: heap allocation calls made by the "
               "package's own code (callers in the build tree) during the "
               "suite, summed over all its processes. Sites: heap2stack's "
               "Demoted remarks over all compiles (h2s) or links (lto; "
               "distinct: counting a site linked into several outputs once); "
               "the Attributor's HeapToStack allocas in recompiled IR.")
    out.append("")
    out.append("Suites that pass plain but not in another configuration:")
    out.append("")
    out.extend(broken or ["- none"])
    out.append("")
    open(md, "w").write("\n".join(out))


if __name__ == "__main__":
    main()
