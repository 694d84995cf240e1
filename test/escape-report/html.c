// escape-report -html DIR: annotated source pages (the test's RUN lines are
// after the code, so that its line numbers stay put).
#include <stdlib.h>
#include "Inputs/html-store.h"

char *saved;
int *last;

static __attribute__((noinline)) int use(const int *t)
{
	return t[0] + t[1];
}

/* <b>markup</b> & <script>document.body.remove()</script> in a comment */
int scratch(int n)
{
	int *t = malloc(16);
	t[0] = n;
	t[1] = n<3 && n>0;
	int r = use(t);
	free(t);
	return r;
}

void keep(void)
{
	char *s = malloc(32);
	s[0] = 1;
	remember(s);
}

void note(int *p)
{
	last = p;
}

void mark_local(void)
{
	int x = 1;
	last = &x;
}

// escape-report -html DIR: the findings on annotated source pages, checked
// as a person sees them in a browser: each page is rendered by headless
// Chromium (%dom: the DOM after the page's own script ran) and read as its
// visible text (%page_text: a link is TEXT[->HREF], a mark [WORD], a
// <details> summary "v " when open and "> " when closed, whose rest is not
// shown). This file has one allocation moved to the stack, one that
// escapes with a flow whose last step is in another file
// (Inputs/html-store.h), parameters and an address, and source text with
// markup and `&` in it; below, latin1.c has bytes that are not UTF-8 and
// nodebug.c code without debug information.
//
// RUN: rm -rf %t.dir
// RUN: cd %S && %escape_report -html %t.dir html.c > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT --match-full-lines < %t.out
// OUT:wrote {{.*}}.dir/index.html and 2 source pages
// RUN: count 0 < %t.err
// RUN: ls %t.dir | FileCheck %s --check-prefix=FILES --match-full-lines
// FILES:Inputs_html-store.h.html
// FILES-NEXT:html.c.html
// FILES-NEXT:index.html
//
// Well formed: an XML parser reads every page (each is XHTML-compatible).
// RUN: xmllint --noout %t.dir/index.html %t.dir/html.c.html %t.dir/Inputs_html-store.h.html
//
// The index: the totals of each file, a link to each file's page and to
// each heap allocation's details on it.
// RUN: %dom %t.dir/index.html > %t.index.dom
// RUN: %page_text < %t.index.dom | FileCheck %s --check-prefix=INDEX --match-full-lines
// INDEX:escape-report
// INDEX-NEXT:Marks: [stack] does not escape (moved to the stack, or deleted by LLVM); [heap] escapes to heap; [param] a pointer parameter that does not escape; [leak] a leaking parameter; [addr] a local whose address escapes. Click a finding for its reason; a position links to its line.
// INDEX-NEXT:file | stack | heap | param | leak | addr
// INDEX-NEXT:html.c[->html.c.html] | 1 | 1 | 1 | 1 | 1
// INDEX-NEXT:./Inputs/html-store.h[->Inputs_html-store.h.html] | 0 | 0 | 0 | 0 | 0
// INDEX-NEXT:total | 1 | 1 | 1 | 1 | 1
// INDEX-NEXT:Heap allocations
// INDEX-NEXT:[heap] html.c:27:12[->html.c.html#F3]: malloc(32) escapes to heap
// INDEX-EMPTY:
//
// html.c's page as that link opens it: the heap allocation's details open
// (the page's script opens the <details> the address names), the others
// closed. Each line with findings has their marks after its text; the
// flow's steps link to their lines, the last to line 7 of the header's
// page. The comment's markup and the `<` and `&` of line 17 are text.
// RUN: %dom %t.dir/html.c.html F3 > %t.page.dom
// RUN: %page_text < %t.page.dom | FileCheck %s --check-prefix=PAGE --match-full-lines
// PAGE:All files[->index.html]
// PAGE-NEXT:html.c
// PAGE-NEXT:stack 1, heap 1, param 1, leak 1, addr 1
// PAGE-NEXT:Marks: [stack] does not escape (moved to the stack, or deleted by LLVM); [heap] escapes to heap; [param] a pointer parameter that does not escape; [leak] a leaking parameter; [addr] a local whose address escapes. Click a finding for its reason; a position links to its line.
// PAGE-NEXT:Heap allocations
// PAGE-NEXT:[heap] html.c:27:12[->html.c.html#F3]: malloc(32) escapes to heap
// PAGE-NEXT:Source
// PAGE-NEXT:1 | // escape-report -html DIR: {{.*}} |
// PAGE:9 | static __attribute__((noinline)) int use(const int *t) | [param]
// PAGE-NEXT: |
// PAGE-NEXT:> [param] 9:53: t does not escape
// PAGE-NEXT:10 | { |
// PAGE:14 | /* <b>markup</b> & <script>document.body.remove()</script> in a comment */ |
// PAGE:17 |  int *t = malloc(16); | [stack]
// PAGE-NEXT: |
// PAGE-NEXT:> [stack] 17:11: malloc(16) does not escape
// PAGE-NEXT:18 |  t[0] = n; |
// PAGE-NEXT:19 |  t[1] = n<3 && n>0; |
// PAGE:27 |  char *s = malloc(32); | [heap]
// PAGE-NEXT: |
// PAGE-NEXT:v [heap] 27:12: malloc(32) escapes to heap
// PAGE-NEXT:in keep
// PAGE-NEXT:why: stored to global saved at ./Inputs/html-store.h:7:8 (escapes)
// PAGE-NEXT:from malloc(32) (spill) at html.c:27:12[->html.c.html#L27] → s
// PAGE-NEXT:from s = malloc(32) (assign) at html.c:27:8[->html.c.html#L27]
// PAGE-NEXT:from saved = p (assign) at ./Inputs/html-store.h:7:8[->Inputs_html-store.h.html#L7] → {heap}
// PAGE-NEXT:28 |  s[0] = 1; |
// PAGE:32 | void note(int *p) | [leak]
// PAGE-NEXT: |
// PAGE-NEXT:> [leak] 32:16: leaking param: p
// PAGE:39 |  int x = 1; | [addr]
// PAGE-NEXT: |
// PAGE-NEXT:> [addr] 39:6: address of x escapes
// PAGE-NEXT:40 |  last = &x; |
// PAGE-NEXT:41 | } |
// PAGE-NEXT:42 |  |
// In the file itself, the source's markup characters are escaped.
// RUN: FileCheck %s --check-prefix=RAW < %t.dir/html.c.html
// RAW:<td class="code">/* &lt;b&gt;markup&lt;/b&gt; &amp; &lt;script&gt;document.body.remove()&lt;/script&gt; in a comment */</td>
// RAW:<td class="code">	t[1] = n&lt;3 &amp;&amp; n&gt;0;</td>
//
// The stack allocation's reason, opened from its address.
// RUN: %dom %t.dir/html.c.html F2 | %page_text | FileCheck %s --check-prefix=STACK --match-full-lines
// STACK:v [stack] 17:11: malloc(16) does not escape
// STACK-NEXT:in scratch
// STACK-NEXT:why: moved to a 16-byte stack slot (demote)
// STACK-NEXT:18 |  t[0] = n; |
// STACK:> [heap] 27:12: malloc(32) escapes to heap
//
// The flow step's link target: line 7 of the header's page, an anchor.
// RUN: %dom %t.dir/Inputs_html-store.h.html L7 | FileCheck %s --check-prefix=ANCHOR
// ANCHOR:<tr id="L7"><td class="ln">7</td><td class="code">	saved = p;</td><td></td></tr>
//
// Bytes that are not UTF-8 (a Latin-1 comment) are U+FFFD on the page and
// well-formed UTF-8 stays: xmllint refuses a page that is not UTF-8.
// RUN: rm -rf %t.d && mkdir -p %t.d
// RUN: printf '#include <stdlib.h>\nvoid *keep;\nvoid f(void) { keep = malloc(8 /* caf\351 \303\251 <&> */); }\n' > %t.d/latin1.c
// RUN: %escape_report -html %t.d/out %t.d/latin1.c
// RUN: xmllint --noout %t.d/out/index.html %t.d/out/*latin1.c.html
// RUN: %dom %t.d/out/*latin1.c.html | %page_text | FileCheck %s --check-prefix=LATIN1 --match-full-lines
// LATIN1:3 | void f(void) { keep = malloc(8 /* caf� é <&> */); } | [heap]
//
// Code without debug information: its findings have no file, so no page;
// the index shows them in full, each heap allocation linked there.
// RUN: printf '#include <stdlib.h>\nvoid *kept;\n__attribute__((nodebug)) void hidden(void) { kept = malloc(8); }\n' > %t.d/nodebug.c
// RUN: %escape_report -html %t.d/nd %t.d/nodebug.c | FileCheck %s --check-prefix=NDOUT --match-full-lines
// NDOUT:wrote {{.*}}/nd/index.html and 0 source pages
// RUN: ls %t.d/nd | FileCheck %s --check-prefix=NDFILES --match-full-lines
// NDFILES:index.html
// NDFILES-EMPTY:
// RUN: %dom %t.d/nd/index.html F1 | %page_text | FileCheck %s --check-prefix=NODEBUG --match-full-lines
// NODEBUG:file | stack | heap | param | leak | addr
// NODEBUG-NEXT:total | 0 | 1 | 0 | 0 | 0
// NODEBUG-NEXT:Heap allocations
// NODEBUG-NEXT:[heap] hidden[->index.html#F1]: malloc(8) escapes to heap
// NODEBUG-NEXT:Without a position (no debug information)
// NODEBUG-NEXT:v [heap] hidden: malloc(8) escapes to heap
// NODEBUG-NEXT:in hidden
// NODEBUG-NEXT:why: stored to global kept (escapes)
// NODEBUG-NEXT:from malloc(8) (spill)
// NODEBUG-NEXT:from {temp} (assign) → {heap}
// NODEBUG-EMPTY:
