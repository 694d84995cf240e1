/* Reached only through the -I of the compilation database. */
static __attribute__((noinline)) int peek(const char *p)
{
	return p[0] + p[15];
}
