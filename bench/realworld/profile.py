#!/usr/bin/env python3
"""bench/realworld/profile.py: the summary of one heap2stack-profile report
of a package's suite (run.sh's profile configurations), and the rows of
profile.tsv.

  profile.py --package P --config C --build DIR --report REPORT.json
             --suite pass|fail|timeout --twin (C-h2s | -) --out OUTDIR
             [--twin-report TWIN-REPORT.json]

Only the package's own modules count: the suite runs every process under
the profiler (make, the shell, sed, ...), and those programs are not under
/usr/lib, so the report counts their allocations as the program's. A module
belongs to the package when it lies under the build tree DIR; the summary
splits them into parts: `all`, and for m4 `program` (src/m4), `tests`
(gnulib's unit tests, tests/*) and `test-regex` (tests/test-regex).

Writes OUTDIR/profile/P.C.json: per part the totals (allocations, the
lifetime classes k0..unfreed, removed: the allocations of sites whose record
says `stack`, sites, joined: sites with a record) and the reasons sites
were kept (weighted, like the report's, by the k=0 allocations they kept),
per module the totals, and the top 50 sites (module paths relative to DIR).

With --twin (profile and profile-lto: the report is joined with the records
of the -h2s twin's build), also replaces the rows of P/C in
OUTDIR/profile.tsv, one per part, with the twin's k0 (its suite ran under
the profiler too) and the check k0(twin) + removed - k0, which is 0 when
the two builds agree (docs/profile.md): an allocation heap2stack removed
makes no call in the twin.

--twin-report REPORT.json (the twin's own report, without records) makes
`removed` exact for guarded buffers: a site heap2stack moved to a stack
buffer of K bytes still calls the allocator, in the twin, for each request
above K; those calls are the twin's allocations at the same source
position, and are subtracted from the site's removed count (`heap_path` in
the site). Before, every allocation of a `stack` site counted as removed.

--rejoin REC... joins the program sites the report left without a record
with those records files (heap2stack's remarks, YAML, as run.sh's
rec.*.yaml) again, as the report does (where the call is
written, the function it ended up in and the position there): for reports
made before the report's fix of commit d2bb421, which skipped some sites.
"""
import argparse
import csv
import json
import os
import sys

CLASSES = ["k0", "k1", "k2", "k3", "outlived", "unfreed"]
HEADER = ["package", "config", "part", "suite", "suite_h2s", "allocations"] + CLASSES + \
    ["removed", "sites", "joined", "allocations_h2s", "k0_h2s", "check", "reasons"]
TOP = 50


def parts_of(pkg, rel):
    parts = ["all"]
    if pkg == "m4":
        if rel == "src/m4":
            parts.append("program")
        elif rel.startswith("tests/"):
            parts.append("tests")
            if rel == "tests/test-regex":
                parts.append("test-regex")
    return parts


def empty():
    t = {"allocations": 0, "removed": 0, "sites": 0, "joined": 0}
    for c in CLASSES:
        t[c] = 0
    return t


def add(t, s):
    t["allocations"] += s["allocations"]
    for c in CLASSES:
        t[c] += s[c]
    t["removed"] += s.get("removed", 0)
    t["sites"] += 1
    t["joined"] += s.get("verdict") is not None


def remark_sites(path):
    """The allocation sites of heap2stack's records (its Demoted and
    KeptOnHeap remarks) in the YAML remarks file PATH, read with PyYAML
    (python3-yaml): dicts of function, file, line, column (the call as
    written), call (file, line, column: the outermost inlined-at position,
    or the call itself), verdict (stack or heap), reason, detail. Other
    remarks are skipped."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    # LLVM tags each document with its kind: !Passed, !Missed, !Analysis
    Loader.add_multi_constructor("!", lambda loader, kind, node: dict(
        loader.construct_mapping(node, deep=True), Kind=kind))
    with open(path, "rb") as fp:
        head = fp.read(32)
    if head.startswith(b"RMRK"):
        sys.exit("profile.py: %s: a bitstream remarks file; --rejoin reads YAML ones" % path)
    if head.startswith(b"#heap2stack-records"):
        sys.exit("profile.py: %s: records of the old -escape-records format; "
                 "--rejoin reads heap2stack's remarks (rebuild with run.sh)" % path)

    def loc(d):
        d = d or {}
        return (d.get("File", ""), d.get("Line", 0), d.get("Column", 0))

    out = []
    with open(path, errors="replace") as fp:
        for r in yaml.load_all(fp, Loader=Loader):
            if not r or r.get("Pass") != "heap2stack" or \
                    (r["Kind"], r.get("Name")) not in (("Passed", "Demoted"), ("Missed", "KeptOnHeap")):
                continue
            arg = {k: a for a in r.get("Args", []) for k in a if k != "DebugLoc"}
            at = loc(r.get("DebugLoc"))
            call = loc(arg["CallSite"].get("DebugLoc")) if "CallSite" in arg else at
            out.append({"function": r.get("Function", ""), "file": at[0],
                        "line": at[1], "column": at[2], "call": call,
                        "verdict": "stack" if r["Name"] == "Demoted" else "heap",
                        "reason": arg.get("Reason", {}).get("Reason", ""),
                        "detail": arg.get("Detail", {}).get("Detail", "")})
    return out


def rejoin(rep, files):
    recs = {}
    for f in files:
        for x in remark_sites(f):
            key = (x["function"], x["call"][1], x["call"][2], x["line"], x["column"])
            recs.setdefault(key, []).append(x)

    def fm(path, name):
        return bool(name) and (path == name or path.endswith("/" + name) or name.startswith("/") and path.endswith(name))
    n = 0
    for s in rep["sites"]:
        if s["origin"] != "program" or s.get("verdict") is not None or not s["line"]:
            continue
        out = s["inlined_at"][-1] if s["inlined_at"] else s
        for x in recs.get((s["function"], out["line"], out["column"], s["line"], s["column"]), []):
            if fm(s["file"], x["file"]) and fm(out["file"], x["call"][0]):
                s["verdict"], s["reason"], s["detail"] = x["verdict"], x["reason"], x["detail"]
                s["removed"] = s["allocations"] if x["verdict"] == "stack" else 0
                n += 1
                break
    rep["rejoined"] = n


def position(s):
    return (s["file"], s["line"], s["column"], s["function"],
            tuple((i["function"], i["file"], i["line"], i["column"]) for i in s["inlined_at"]))


def subtract_heap_path(rep, twin_rep):
    """A `stack` site's allocations that the twin still made (a guarded
    buffer's requests above its size) were not removed."""
    made = {}
    for s in twin_rep["sites"]:
        if s["origin"] == "program" and s["line"]:
            k = position(s)
            made[k] = made.get(k, 0) + s["allocations"]
    for s in rep["sites"]:
        if s.get("verdict") == "stack" and s["line"]:
            left = made.get(position(s), 0)
            s["heap_path"] = min(left, s["allocations"])
            s["removed"] = s["allocations"] - s["heap_path"]


def main():
    ap = argparse.ArgumentParser()
    for a in ("package", "config", "build", "report", "suite", "twin", "out"):
        ap.add_argument("--" + a, required=True)
    ap.add_argument("--rejoin", nargs="*", default=[])
    ap.add_argument("--twin-report")
    o = ap.parse_args()
    rep = json.load(open(o.report))
    if o.rejoin:
        rejoin(rep, o.rejoin)
    if o.twin_report:
        subtract_heap_path(rep, json.load(open(o.twin_report)))
    build = os.path.realpath(o.build) + "/"
    parts, reasons, modules, sites = {}, {}, {}, []
    for s in rep["sites"]:
        mod = os.path.realpath(s["module"])
        if not mod.startswith(build):
            continue
        rel = mod[len(build):]
        s = dict(s, module=rel)
        s.pop("sizes", None)
        ps = parts_of(o.package, rel)
        s["parts"] = ps
        sites.append(s)
        add(modules.setdefault(rel, empty()), s)
        for p in ps:
            add(parts.setdefault(p, empty()), s)
            if s.get("verdict") != "stack":
                why = s.get("reason") if s.get("verdict") == "heap" else "no record"
                r = reasons.setdefault(p, {}).setdefault(why, {"reason": why, "sites": 0, "k0": 0,
                                                              "allocations": 0})
                r["sites"] += 1
                r["k0"] += s["k0"]
                r["allocations"] += s["allocations"]
    parts.setdefault("all", empty())
    sites.sort(key=lambda s: (-s["k0"], -s["allocations"]))
    for p, t in parts.items():
        t["reasons"] = sorted(reasons.get(p, {}).values(),
                              key=lambda r: (-r["k0"], -r["allocations"], r["reason"]))
        t["top"] = [i for i, s in enumerate(sites) if p in s["parts"]][:10]
    summary = {
        "package": o.package, "config": o.config, "suite": o.suite,
        "records": rep.get("records", False),
        "note": "parts and modules: the package's own modules (under the build tree) only; "
                "sites: the top %d of them by k0 (parts[].top: indices into sites, "
                "their top 10)" % TOP,
        "report_totals": rep["totals"],
        "parts": parts, "modules": modules,
    }
    # the top sites: the first TOP plus each part's top 10
    keep = sorted(set(range(min(TOP, len(sites)))) |
                  {i for t in parts.values() for i in t["top"]})
    remap = {old: new for new, old in enumerate(keep)}
    for t in parts.values():
        t["top"] = [remap[i] for i in t["top"]]
    summary["sites"] = [sites[i] for i in keep]
    os.makedirs(os.path.join(o.out, "profile"), exist_ok=True)
    with open(os.path.join(o.out, "profile", "%s.%s.json" % (o.package, o.config)), "w") as f:
        json.dump(summary, f, indent=1)
        f.write("\n")
    if o.twin == "-":
        return
    twin = None
    tp = os.path.join(o.out, "profile", "%s.%s.json" % (o.package, o.twin))
    if os.path.exists(tp):
        twin = json.load(open(tp))
    tsv = os.path.join(o.out, "profile.tsv")
    rows = []
    if os.path.exists(tsv):
        rows = [r for r in csv.DictReader(open(tsv), delimiter="\t")
                if not (r["package"] == o.package and r["config"] == o.config)]
    order = ["all", "program", "tests", "test-regex"]
    for p in sorted(parts, key=lambda p: order.index(p) if p in order else 99):
        t = parts[p]
        r = {"package": o.package, "config": o.config, "part": p, "suite": o.suite}
        for k in ["allocations"] + CLASSES + ["sites", "joined"]:
            r[k] = t[k]
        r["removed"] = t["removed"] if rep.get("records") else "-"
        tt = twin["parts"].get(p) if twin else None
        r["suite_h2s"] = twin["suite"] if twin else "-"
        r["allocations_h2s"] = tt["allocations"] if tt else "-"
        r["k0_h2s"] = tt["k0"] if tt else "-"
        r["check"] = (tt["k0"] + t["removed"] - t["k0"]) if tt and rep.get("records") else "-"
        r["reasons"] = "; ".join("%s %d (%d sites)" % (x["reason"], x["k0"], x["sites"])
                                 for x in t["reasons"][:4] if x["k0"]) or "-"
        rows.append(r)
    with open(tsv, "w") as f:
        f.write("\t".join(HEADER) + "\n")
        for r in rows:
            f.write("\t".join(str(r.get(k, "-")) for k in HEADER) + "\n")


if __name__ == "__main__":
    sys.exit(main())
