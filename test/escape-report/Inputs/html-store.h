/* html.c's helper: the store that makes keep()'s buffer escape, in another
 * file, so that its flow step links to this file's page. */
extern char *saved;

static inline void remember(char *p)
{
	saved = p;
}
