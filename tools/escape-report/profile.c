/*
 * --profile FILE: the run-time counts heap2stack-profile measured, on each
 * allocation of the report. The profile's sites are symbolized and merged
 * as heap2stack-profile's own report does (tools/profile/sites.c); an
 * allocation gets the counts of the sites at its position.
 */
#include "escape-report.h"
#include "../profile/report.h"

int profile_attach(report *r, const strvec *files)
{
	h2s_profile_site *ps;
	site_info *s;
	size_t n;
	if (sites_load(files, &ps, &s, &n))
		return -1;
	report_attach_run(r, s, n);
	sites_free(ps, s, n);
	return 0;
}
