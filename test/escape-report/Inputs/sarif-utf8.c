/* escape-report -sarif: SARIF's columns count code points, the text
 * report's bytes; the comment's é is two bytes, one code point. */
#include <stdlib.h>

char *kept;

void wide(void) { kept = /* é */ malloc(5); }
