/* nothing to report */
int answer(void)
{
	return 42;
}
