/*
 * The chart of a report (--svg FILE): one bar for the whole program (its
 * allocations, the k=0 limit inside them, and what heap2stack removed),
 * then the top sites the same way, then the reasons the k=0 allocations it
 * kept were kept, weighted by their count. Plain SVG 1.1, no script.
 */
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WIDTH 960
#define LABEL 400     /* width of the label column */
#define BAR 18
#define ROW 24

static void xml_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default:
			/* control bytes are not XML */
			fputc((unsigned char)*s < 0x20 ? '?' : *s, f);
		}
	}
}

static double scale(uint64_t v, uint64_t max)
{
	return max ? (double)(WIDTH - LABEL - 100) * (double)v / (double)max : 0;
}

/* One row: label, then a grey bar (all), a blue one (k=0) and a green one
 * (removed) drawn over each other from the left, and the counts. */
static void row(FILE *f, int y, const char *label, uint64_t all, uint64_t k0,
		uint64_t gone, uint64_t max)
{
	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", LABEL - 8,
		y + 13);
	xml_text(f, label);
	fputs("</text>\n", f);
	fprintf(f,
		"<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
		"fill=\"#c8c8c8\"/>\n",
		LABEL, y, scale(all, max), BAR);
	fprintf(f,
		"<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
		"fill=\"#4a7ebb\"/>\n",
		LABEL, y, scale(k0, max), BAR);
	if (gone)
		fprintf(f,
			"<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
			"fill=\"#3a9a4a\"/>\n",
			LABEL, y + BAR / 3, scale(gone, max), BAR / 3);
	fprintf(f, "<text x=\"%.1f\" y=\"%d\">%llu / %llu / %llu</text>\n",
		LABEL + scale(all, max) + 6, y + 13, (unsigned long long)all,
		(unsigned long long)k0, (unsigned long long)gone);
}

int write_svg(const char *path, const site_info *s, size_t n,
	      const totals *t, const reason_row *r, unsigned nr, unsigned top)
{
	FILE *f = fopen(path, "w");
	unsigned shown = 0, rows;
	uint64_t max = 1, rmax = 1;
	int y = 60;
	if (!f) {
		error_msg("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (!s[i].p->system && shown < top) {
			shown++;
			if (s[i].p->calls > max)
				max = s[i].p->calls;
		}
	for (unsigned k = 0; k < nr; k++)
		if (r[k].k0 > rmax)
			rmax = r[k].k0;
	rows = 1 + shown + nr;
	fprintf(f,
		"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
		"height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n",
		WIDTH, 140 + ROW * rows + 60);
	fputs("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n", f);
	fputs("<text x=\"10\" y=\"20\" font-size=\"15\">Heap allocations "
	      "(grey), freed inside their function: the limit (blue), "
	      "removed by heap2stack (green)</text>\n",
	      f);
	row(f, y, "whole program", t->calls, t->lifetimes[H2S_CLASS_K0],
	    t->removed, t->calls ? t->calls : 1);
	y += ROW + 16;
	fprintf(f, "<text x=\"10\" y=\"%d\" font-size=\"14\">Top %u sites "
		   "(allocations / k=0 / removed)</text>\n",
		y, shown);
	y += 10;
	shown = 0;
	for (size_t i = 0; i < n && shown < top; i++) {
		char *name;
		if (s[i].p->system)
			continue;
		shown++;
		name = site_name(&s[i]);
		row(f, y, name, s[i].p->calls,
		    s[i].p->lifetimes[H2S_CLASS_K0],
		    s[i].rec && s[i].rec->stack ? s[i].p->calls : 0, max);
		free(name);
		y += ROW;
	}
	if (nr) {
		y += 16;
		fprintf(f, "<text x=\"10\" y=\"%d\" font-size=\"14\">Kept on "
			   "the heap, by reason (allocations / k=0)</text>\n",
			y);
		y += 10;
		for (unsigned k = 0; k < nr; k++) {
			row(f, y, r[k].reason, r[k].calls, r[k].k0, 0,
			    rmax > r[k].calls ? rmax : r[k].calls);
			y += ROW;
		}
	}
	fputs("</svg>\n", f);
	if (fclose(f)) {
		error_msg("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
