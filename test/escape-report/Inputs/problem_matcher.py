"""problem_matcher.py DOC OUTPUT: applies the problem matcher of the VS Code
tasks.json example in DOC (the ```json block that has "problemMatcher") to
each line of OUTPUT, as VS Code would: prints `SEVERITY FILE:LINE:COL:
MESSAGE` for a line it matches, `unmatched: LINE` for one it does not."""
import json
import re
import sys

doc = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"```json\n(.*?)```", doc, re.S)
tasks = json.loads(next(b for b in blocks if '"problemMatcher"' in b))
pattern = tasks["tasks"][0]["problemMatcher"]["pattern"]
regexp = re.compile(pattern["regexp"])
for line in open(sys.argv[2], encoding="utf-8").read().splitlines():
    m = regexp.search(line)
    if not m:
        print("unmatched: " + line)
        continue
    print("%s %s:%s:%s: %s" % (m.group(pattern["severity"]),
                               m.group(pattern["file"]),
                               m.group(pattern["line"]),
                               m.group(pattern["column"]),
                               m.group(pattern["message"])))
