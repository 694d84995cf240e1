/* Does not compile: for bad-input.c. */
int broken(void)
{
	return undeclared;
}
