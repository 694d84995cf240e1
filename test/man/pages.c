// The man pages of escape-report and heap2stack-profile (docs/man/*.md,
// built by pandoc into %man_dir; tools/setup.sh installs pandoc), rendered
// by groff as man(1) does, cannot drift from the tools: each page's
// SYNOPSIS is the usage its tool's --help prints (whitespace aside), and
// every option --help names is in the page.
//
// The options --help names: each -x or --xyz (with a -m=2 level) after a
// space, bracket, bar or comma; each becomes a CHECK-DAG that matches it
// as a whole word of the page.
//
// RUN: groff -man -Tascii -P-cbou -rLL=300n -rHY=0 %man_dir/escape-report.1 > %t.er.page
// RUN: FileCheck --check-prefix=ER %s < %t.er.page
// RUN: %escape_report --help > %t.er.help
// RUN: sed -n '1,/^$/p' %t.er.help | sed 's/^usage://' | tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//' > %t.er.help-usage
// RUN: sed -n '/^SYNOPSIS$/,/^[A-Z]/p' %t.er.page | sed '1d;$d' | tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//' > %t.er.page-usage
// RUN: diff %t.er.help-usage %t.er.page-usage
// RUN: grep -oE -- '(^|[[ (|,])--?[A-Za-z][A-Za-z0-9-]*(=[0-9]+)?' %t.er.help | sed 's/^[[ (|,]//' | sort -u | sed 's/.*/CHECK-DAG: {{(^|[^-[:alnum:]])}}&{{([^-[:alnum:]]|$)}}/' > %t.er.options
// RUN: FileCheck %t.er.options < %t.er.page
//
// RUN: groff -man -Tascii -P-cbou -rLL=300n -rHY=0 %man_dir/heap2stack-profile.1 > %t.hp.page
// RUN: FileCheck --check-prefix=HP %s < %t.hp.page
// RUN: %h2s_profile --help > %t.hp.help
// RUN: sed -n '1,/^$/p' %t.hp.help | sed 's/^usage://' | tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//' > %t.hp.help-usage
// RUN: sed -n '/^SYNOPSIS$/,/^[A-Z]/p' %t.hp.page | sed '1d;$d' | tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//' > %t.hp.page-usage
// RUN: diff %t.hp.help-usage %t.hp.page-usage
// RUN: grep -oE -- '(^|[[ (|,])--?[A-Za-z][A-Za-z0-9-]*(=[0-9]+)?' %t.hp.help | sed 's/^[[ (|,]//' | sort -u | sed 's/.*/CHECK-DAG: {{(^|[^-[:alnum:]])}}&{{([^-[:alnum:]]|$)}}/' > %t.hp.options
// RUN: FileCheck %t.hp.options < %t.hp.page
//
// ER: ESCAPE-REPORT(1)
// ER: NAME
// ER-NEXT: escape-report - Go-style escape reports
// ER: SYNOPSIS
// ER-NEXT: escape-report [-m | -m -m | -m=2]
// HP: HEAP2STACK-PROFILE(1)
// HP: NAME
// HP-NEXT: heap2stack-profile - measure which heap allocations could have lived on the stack
// HP: SYNOPSIS
// HP-NEXT: heap2stack-profile run [-o FILE] -- COMMAND [ARGS...]
