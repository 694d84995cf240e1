#!/usr/bin/env python3
"""bench/realworld/sized_join.py WORK PKG...: what the profile-lto-sized
build removed, as profile-lto's own join says it for profile-lto-h2s.

The plain profile-lto report (work/build/PKG/profile-lto.record/report.json,
symbolized when it ran) is joined again, by profile.py --rejoin, with the
records of the sized build (its heap2stack remarks,
profile-lto-sized.record/rec.*.yaml), and the sized build's own report
(the requests above a buffer's size, which still call the allocator) is
subtracted (--twin-report). Prints, per part, the k=0 limit and the
allocations removed.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[0])
    work = sys.argv[1]
    for pkg in sys.argv[2:]:
        b = os.path.join(work, "build", pkg)
        rep = json.load(open(os.path.join(b, "profile-lto.record", "report.json")))
        for s in rep["sites"]:
            s["verdict"] = s["reason"] = s["detail"] = None
            s["removed"] = 0
        tmp = tempfile.mkdtemp()
        rp = os.path.join(tmp, "report.json")
        with open(rp, "w") as f:
            json.dump(rep, f)
        recs = sorted(glob.glob(os.path.join(b, "profile-lto-sized.record", "rec.*")))
        subprocess.run([sys.executable, os.path.join(HERE, "profile.py"), "--package", pkg,
                        "--config", "sized", "--build", os.path.join(b, "profile-lto"),
                        "--report", rp, "--suite", "-", "--twin", "-", "--out", tmp,
                        "--twin-report",
                        os.path.join(b, "profile-lto-sized.record", "report.json"),
                        "--rejoin"] + recs, check=True)
        d = json.load(open(os.path.join(tmp, "profile", pkg + ".sized.json")))
        for part, t in d["parts"].items():
            share = 100.0 * t["removed"] / t["k0"] if t["k0"] else 0.0
            print("%s\t%s\tk0 %d\tremoved %d\t%.1f%%" % (pkg, part, t["k0"], t["removed"], share))


if __name__ == "__main__":
    main()
