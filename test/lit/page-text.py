#!/usr/bin/env python3
"""page-text.py < DOM: the text a person sees on a rendered HTML page.

Reads the DOM that headless Chromium dumps (lit/dom.sh) and prints its
visible text, one line per block (heading, paragraph, list item, table row,
<summary>), table cells joined by " | ". What a reader sees but plain text
would lose is written out: a link as TEXT[->HREF], a mark (<span
class="mark ...">) as [WORD], and a <details> summary after "v " when it is
open, "> " when it is closed. The rest of a closed <details> is not shown,
as a browser does not show it; nor are <head>, <script> and <style>.
"""
import html.parser
import sys

BLOCKS = {"p", "h1", "h2", "h3", "li", "tr", "summary", "div", "ul", "ol",
          "table", "details", "pre"}
HIDDEN = {"head", "script", "style"}
VOID = {"meta", "link", "br", "img", "input", "hr", "col"}


class PageText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []
        self.line = ""
        # open elements: [tag, attributes, hides what follows inside it]
        self.open = []
        self.cells = 0

    def hidden(self):
        return any(e[2] for e in self.open)

    def flush(self):
        if self.line.strip():
            self.lines.append(self.line.rstrip())
        self.line = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        shown = not self.hidden()
        if tag in BLOCKS:
            self.flush()
        if tag == "tr":
            self.cells = 0
        if shown and tag in ("td", "th"):
            self.line += " | " if self.cells else ""
            self.cells += 1
        if shown and tag == "summary" and self.open and \
                self.open[-1][0] == "details":
            self.line += "v " if "open" in self.open[-1][1] else "> "
        if shown and is_mark(tag, a):
            self.line += "["
        if tag not in VOID:
            self.open.append([tag, a, tag in HIDDEN])

    def handle_endtag(self, tag):
        while self.open:
            t, a, _ = self.open.pop()
            self.end_element(t, a)
            if t == tag:
                break

    def end_element(self, tag, a):
        shown = not self.hidden()
        if shown and tag == "a" and a.get("href"):
            self.line += "[->%s]" % a["href"]
        if shown and is_mark(tag, a):
            self.line += "]"
        if tag == "summary" and self.open and \
                self.open[-1][0] == "details" and \
                "open" not in self.open[-1][1]:
            # the rest of a closed <details> is not shown
            self.open[-1][2] = True
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.hidden():
            self.line += data.replace("\n", " ")


def is_mark(tag, a):
    return tag == "span" and "mark" in (a.get("class") or "").split()


def main():
    p = PageText()
    p.feed(sys.stdin.read())
    p.close()
    p.flush()
    for line in p.lines:
        print(line)


if __name__ == "__main__":
    main()
