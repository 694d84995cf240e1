/*
 * demo.c: a word-frequency counter, the program tools/demo.sh compiles with
 * and without heap2stack.
 *
 * It allocates the way everyday C does: a scratch buffer per token, a
 * joined path that is printed and dropped, a calloc'd histogram, a temporary
 * array for a sort. None of those pointers leaves its function, so heap2stack
 * turns them into stack slots. The word table is different: its entries are
 * linked into a global list and outlive the functions that create them, so
 * they stay on the heap. The report shows both verdicts.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORD 32  /* longer tokens are cut */
#define MAX_TOP 64   /* distinct words the ranking looks at */

static const char text[] =
	"It was the best of times, it was the worst of times, it was the age "
	"of wisdom, it was the age of foolishness, it was the epoch of belief, "
	"it was the epoch of incredulity, it was the season of Light, it was "
	"the season of Darkness, it was the spring of hope, it was the winter "
	"of despair, we had everything before us, we had nothing before us, we "
	"were all going direct to Heaven, we were all going direct the other "
	"way.";

struct word {
	char *text;
	unsigned count;
	struct word *next;
};

static struct word *words; /* every distinct word, newest first */
static unsigned n_words;

/* Prints dir/file the way a program would log what it opens. */
static void show_path(const char *dir, const char *file)
{
	if (strlen(dir) + strlen(file) + 2 > 64)
		return;
	char *path = malloc(64);
	if (!path)
		return;
	snprintf(path, 64, "%s/%s", dir, file);
	printf("reading %s\n", path);
	free(path);
}

/* The table entry for w, created (and owned by the global list) on first
 * sight. */
static struct word *intern(const char *w)
{
	for (struct word *p = words; p; p = p->next)
		if (strcmp(p->text, w) == 0)
			return p;
	struct word *n = malloc(sizeof *n);
	char *copy = malloc(MAX_WORD);
	if (!n || !copy)
		abort();
	memcpy(copy, w, strlen(w) + 1);
	n->text = copy;
	n->count = 0;
	n->next = words;
	words = n;
	n_words++;
	return n;
}

/* Counts the token s[0..len) in lower case. */
static void count_token(const char *s, size_t len)
{
	char *lower = malloc(MAX_WORD);
	if (!lower)
		abort();
	if (len >= MAX_WORD)
		len = MAX_WORD - 1;
	for (size_t i = 0; i < len; i++)
		lower[i] = (char)tolower((unsigned char)s[i]);
	lower[len] = '\0';
	intern(lower)->count++;
	free(lower);
}

/* Most frequent first; ties in alphabetical order. */
static int by_count(const void *a, const void *b)
{
	const struct word *x = *(struct word *const *)a;
	const struct word *y = *(struct word *const *)b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->text, y->text);
}

static void print_top(unsigned k)
{
	struct word **rank = malloc(MAX_TOP * sizeof *rank);
	if (!rank)
		abort();
	unsigned n = 0;
	for (struct word *p = words; p && n < MAX_TOP; p = p->next)
		rank[n++] = p;
	qsort(rank, n, sizeof *rank, by_count);
	for (unsigned i = 0; i < k && i < n; i++)
		printf("%2u. %-12s %u\n", i + 1, rank[i]->text, rank[i]->count);
	free(rank);
}

static void print_lengths(void)
{
	unsigned *hist = calloc(MAX_WORD, sizeof *hist);
	if (!hist)
		abort();
	for (struct word *p = words; p; p = p->next)
		hist[strlen(p->text)] += p->count;
	for (unsigned len = 1; len < MAX_WORD; len++)
		if (hist[len])
			printf("length %2u: %u\n", len, hist[len]);
	free(hist);
}

int main(void)
{
	show_path("/usr/share/books", "two-cities.txt");
	unsigned tokens = 0;
	for (const char *s = text; *s;) {
		while (*s && !isalpha((unsigned char)*s))
			s++;
		const char *start = s;
		while (isalpha((unsigned char)*s))
			s++;
		if (s > start) {
			count_token(start, (size_t)(s - start));
			tokens++;
		}
	}
	printf("%u tokens, %u distinct words\n", tokens, n_words);
	print_top(8);
	print_lengths();
	while (words) {
		struct word *next = words->next;
		free(words->text);
		free(words);
		words = next;
	}
	return 0;
}
