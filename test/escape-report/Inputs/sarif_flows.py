"""sarif_flows.py LOG: the code flows of a SARIF log from escape-report,
written as -m=2 writes its `from` lines (FILE:L:C:     from TEXT (WHY) at
FILE:L:C), so that a test can compare the two."""
import json
import sys


def position(loc):
    phys = loc["physicalLocation"]
    region = phys["region"]
    return "%s:%d:%d" % (phys["artifactLocation"]["uri"], region["startLine"],
                         region["startColumn"])


log = json.load(open(sys.argv[1], encoding="utf-8"))
for result in log["runs"][0]["results"]:
    where = position(result["locations"][0])
    for flow in result.get("codeFlows", []):
        for step in flow["threadFlows"][0]["locations"]:
            loc = step["location"]
            print("%s:     %s at %s" % (where, loc["message"]["text"],
                                        position(loc)))
