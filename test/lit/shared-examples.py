#!/usr/bin/env python3
"""shared-examples.py DOC EXAMPLES ESCAPE_REPORT

Checks docs/escape-report.md's section "The shared examples" against the
examples themselves, so the docs cannot drift: for each example file in
EXAMPLES (c*.c) the section has a heading `### FILE: ...` followed by a
fenced block ```expected (the Go-style report the example's header
comment gives under "Expected Go-style report (-m)") and a fenced block
```ours (what `escape-report FILE` prints at -O2, run in EXAMPLES). Every
difference is printed as a diff; the exit status is 1 when there is one.
"""
import difflib
import glob
import os
import re
import subprocess
import sys


def doc_blocks(doc):
    """{file: {"expected": [lines], "ours": [lines]}} from the doc."""
    text = open(doc, encoding="utf-8").read()
    start = text.find("## The shared examples")
    if start < 0:
        sys.exit("%s: no section 'The shared examples'" % doc)
    end = text.find("\n## ", start + 1)
    section = text[start:end if end >= 0 else len(text)]
    out = {}
    for part in re.split(r"^### ", section, flags=re.M)[1:]:
        name = part.split(":", 1)[0].strip()
        blocks = {}
        for kind, body in re.findall(r"^```(expected|ours)\n(.*?)^```$",
                                     part, flags=re.M | re.S):
            blocks[kind] = body.splitlines()
        out[name] = blocks
    return out


def header_report(path):
    """The lines under "Expected Go-style report (-m)" in the example's
    header comment."""
    lines, taking = [], False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if "Expected Go-style report (-m)" in line:
            taking = True
            continue
        if taking:
            body = line.lstrip(" *").rstrip()
            if not body:
                break
            lines.append(body)
    return lines


def our_report(tool, examples, name):
    res = subprocess.run([tool, name], cwd=examples, capture_output=True,
                         text=True)
    if res.returncode != 0:
        return ["escape-report exited with %d: %s" % (res.returncode,
                                                      res.stderr.strip())]
    return res.stdout.splitlines()


def compare(what, want, got):
    if want == got:
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        [l + "\n" for l in want], [l + "\n" for l in got],
        "docs: " + what, "actual: " + what))
    return 1


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: shared-examples.py DOC EXAMPLES ESCAPE_REPORT")
    doc, examples, tool = sys.argv[1:]
    if os.sep in tool:
        tool = os.path.abspath(tool)  # it runs in EXAMPLES
    blocks = doc_blocks(doc)
    files = sorted(os.path.basename(p)
                   for p in glob.glob(os.path.join(examples, "c*.c")))
    if not files:
        sys.exit("%s: no examples (c*.c)" % examples)
    failed = 0
    for name in files:
        b = blocks.get(name)
        if b is None or "expected" not in b or "ours" not in b:
            print("docs: no ```expected and ```ours blocks for %s" % name)
            failed = 1
            continue
        failed |= compare(name + " (expected)", b["expected"],
                          header_report(os.path.join(examples, name)))
        failed |= compare(name + " (ours)", b["ours"],
                          our_report(tool, examples, name))
    for name in sorted(set(blocks) - set(files)):
        print("docs: %s is not among the examples" % name)
        failed = 1
    print("%d examples checked, %s" % (len(files),
                                       "differences" if failed else "all agree"))
    return failed


if __name__ == "__main__":
    sys.exit(main())
