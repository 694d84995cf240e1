/*
 * The profile heap2stack-profile's run-time library writes and its command
 * line tool reads (docs/profile.md has the format).
 *
 * One site per allocation call (the call's return address): the module it
 * is in, its ELF virtual address there, whether the module is a system
 * library or program, and what became of the blocks it made.
 */
#ifndef HEAP2STACK_PROFILE_H
#define HEAP2STACK_PROFILE_H

#include <stdint.h>
#include <stdio.h>

/* k = 0..3: the frame k levels above the allocation call. */
#define H2S_PROFILE_LEVELS 4

/* Lifetime classes of a block. */
enum {
	H2S_CLASS_K0,       /* freed while the allocating function ran */
	H2S_CLASS_K1,       /* ... while its caller ran */
	H2S_CLASS_K2,
	H2S_CLASS_K3,
	H2S_CLASS_OUTLIVED, /* freed later, or by another thread */
	H2S_CLASS_UNFREED,  /* still allocated at exit or exec */
	H2S_CLASS_COUNT
};

/* Size histogram: bucket b counts sizes in (2^(b-1), 2^b]; bucket 0 sizes 0
 * and 1. */
#define H2S_PROFILE_BUCKETS 48

typedef struct h2s_profile_site {
	char module[1024];
	uint64_t vaddr;      /* return address of the call, in the module's
			      * ELF virtual addresses */
	int system;          /* the module is the system's: libc, the
			      * shell, make (not the program's) */
	uint64_t calls;      /* blocks made */
	uint64_t bytes;      /* bytes asked for at allocation */
	uint64_t reallocs;   /* reallocs of its blocks */
	uint64_t min_size;   /* smallest size asked for at allocation */
	uint64_t max_size;   /* largest size a block reached */
	uint64_t lifetimes[H2S_CLASS_COUNT];
	uint64_t sizes[H2S_PROFILE_BUCKETS];
} h2s_profile_site;

/* Writes the sites as profile text (with the version line). */
void h2s_profile_write(FILE *f, const h2s_profile_site *s, size_t n);

/* Writes a size histogram as profile text: BUCKET:COUNT,... or `-`. */
void h2s_profile_write_sizes(FILE *f, const uint64_t *sizes);

/* Reads profile text, adding to (*sites, *n): a site of the same module
 * and address is merged. Returns 0, or -1 with a message in err. */
int h2s_profile_read(const char *text, h2s_profile_site **sites, size_t *n,
		     char *err, size_t errlen);

/* s as an unsigned number in base (10 or 16) of at most max: 1, or 0 when
 * it is not one (empty, a sign or a blank first, anything after the
 * digits, too large). The one number parser of the tools. */
int h2s_parse_u64(const char *s, int base, uint64_t max, uint64_t *v);

/* The names of the lifetime classes in the profile text and in JSON. */
extern const char *const h2s_class_names[H2S_CLASS_COUNT];

#endif
