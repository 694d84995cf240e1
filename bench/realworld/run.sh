#!/usr/bin/env bash
# bench/realworld/run.sh: builds real Debian packages with their own build
# systems and runs their own test suites, without and with heap2stack.
#
#   bench/realworld/run.sh [--packages "jq expat m4 gzip json-c libyaml"]
#                          [--configs "plain h2s lto attributor"]
#                          (or "profile profile-h2s profile-lto profile-lto-h2s
#                          profile-lto-sized")
#                          [--out DIR] [--work DIR] [--llvm 22] [--jobs N]
#                          [--reparse]
#
# Defaults: the six packages above, the four configurations above, --out
# bench/realworld/results, --work bench/realworld/work (build trees, logs;
# the source cache is always bench/realworld/work/src), LLVM 22, nproc jobs.
#
# Sources: `apt-get source` once per package, into work/src/PKG/src, after
# adding deb-src entries that mirror the machine's own Debian archive
# (/etc/apt/sources.list.d/heap2stack-deb-src.sources; when the newest
# version's pool is unreachable, the other versions apt knows are tried).
#
# Builds: for each configuration a fresh copy, work/build/PKG/CONFIG,
# configured and built by the package's own build system with
# CC=cc-wrapper.sh (clang-22) CFLAGS=-O2 plus the configuration's flags;
# the wrapper adds the link flags itself (build systems drop LDFLAGS) and
# records remarks per compile or per link. Package wrinkles are in the
# pkg_* recipes below.
#
# Configurations:
#   plain           CFLAGS=-O2
#   h2s             + -fpass-plugin=heap2stack.so (per translation unit)
#   lto             -flto; heap2stack at link time (lld --load-pass-plugin)
#   lto-plain       -flto, no plugin (the LTO baseline)
#   attributor      + -mllvm -attributor-enable=module (LLVM's Attributor,
#                   whose AAHeapToStack is the peer of heap2stack)
#   attributor-lto  -flto, the Attributor at link time
#                   (-Wl,-mllvm,-attributor-enable=module)
#   profile         -O2 -g -finstrument-functions-after-inlining, no plugin;
#                   the suite runs under heap2stack-profile (docs/profile.md)
#                   instead of alloccount
#   profile-h2s     profile's flags + -fpass-plugin=heap2stack.so, with the
#                   plugin's records of every compile (its remarks,
#                   -fsave-optimization-record, one file per compile);
#                   suite profiled
#   profile-lto     profile's flags + -flto (lto's link), no plugin
#   profile-lto-h2s profile-lto + heap2stack at link time (--load-pass-plugin)
#                   with the records of every link (lld's
#                   --opt-remarks-filename, one file per link); with
#                   H2S_ESCAPE_OPTIONS=PARAMS in the environment, the pass
#                   gets those parameters (-escape-options=PARAMS: say
#                   `inline-budget=4096`), and run-info.txt says so
#   profile-lto-sized profile-lto-h2s given the profile-lto run's profile:
#                   guarded buffers and growth slots sized by it, hot
#                   sites inlined within hot-inline-budget (its report writes
#                   work/build/PKG/profile-lto.record/sizes with
#                   heap2stack-profile sizes; -Wl,-mllvm,-escape-options=
#                   profile=...): runs after profile-lto, its suite
#                   profiled; compare its allocations with profile-lto-h2s's
#   The profile configurations also get -fdebug-prefix-map=<build tree>=
#   /realworld/PKG, so that a build and its -h2s twin name their files
#   alike. The twins run first; then `heap2stack-profile report --json
#   --records <each of the twin's records files>` of the profile (and of
#   the twin's, without records), and profile.py keeps a summary of each in
#   DIR/profile/PKG.CONFIG.json and writes profile.tsv: per package and
#   part (all; m4: the program src/m4, gnulib's tests/, tests/test-regex)
#   allocations, the lifetime classes k0..unfreed, removed (allocations of
#   sites the twin's records say `stack`), the twin's k0, the check
#   twin k0 + removed - k0 (0 when the builds agree), the reasons of the
#   sites kept on the heap weighted by their k0. Only modules under the
#   build tree count (the profiler sees make and the shell too).
# LTO links use lld with --undefined-version (json-c's version script names
# symbols that do not exist; GNU ld accepts that, lld does not by default).
#
# Suites run in the foreground (make -k check, ctest) under alloccount.so
# (LD_PRELOAD) with ALLOCCOUNT_OBJECTS=<the build tree>: an allocation call
# counts when its caller lies in an object under the build tree (the
# package's programs, libraries and test drivers; not the shell, make or
# libc), summed over every process of the suite.
#
# Sites demoted: heap2stack's "Demoted" remarks, from every compile (h2s)
# or every link (lto); a file linked into several outputs counts once per
# link, the "distinct" figure once. The Attributor emits no remark for its
# HeapToStack, so for `attributor` every unit is recompiled to IR afterwards
# and its '.h2s' allocas counted (sites.py); attributor-lto: not counted.
#
# Every configure+build and every suite run has a time limit (1800 s each,
# H2S_BUILD_TIMEOUT / H2S_SUITE_TIMEOUT); a build that fails or times out and
# a suite that fails are results, recorded, and the run goes on.
#
# Results: DIR/results.tsv (one row per package and configuration; a re-run
# replaces the row), DIR/results.md (the table, and the suites that pass
# plain but not in another configuration), DIR/run-info.txt (machine,
# compiler, source versions, invocations); logs under WORK/logs/ (the
# configure, build and suite output, and the suite's own per-test logs).
# DIR/profile.tsv, DIR/profile/ for the profile configurations (above).
# Columns: build (ok/fail/timeout), configure_s, build_s, suite
# (pass/fail/timeout), tests_pass/fail/skip as the suite reports them
# (automake's summaries, m4's checks, ctest), suite_s, sites,
# sites_distinct, allocs_program, allocs_all, processes, failed_tests (for
# the profile configurations allocs_program is the profile's count for the
# package's modules, allocs_all is -, processes those the profiler merged).
# Exit status: non-zero only for the runner's own errors. H2S_KEEP_BUILDS=1
# keeps the build trees. --reparse recomputes the suite columns of the
# selected rows from the logs kept under WORK/logs, building nothing.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

packages="jq expat m4 gzip json-c libyaml"
work=$here/work
reparse=0
configs="plain h2s lto attributor"
out=$here/results
llvm=22
jobs=$(nproc 2>/dev/null || echo 2)
while [ $# -gt 0 ]; do
	case $1 in
	--packages) packages=$2; shift 2 ;;
	--configs) configs=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--work) work=$2; shift 2 ;;
	--llvm) llvm=$2; shift 2 ;;
	--jobs) jobs=$2; shift 2 ;;
	--reparse) reparse=1; shift ;;
	-h | --help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
	esac
done
for c in $configs; do
	case $c in
	plain | h2s | lto | lto-plain | attributor | attributor-lto) ;;
	profile | profile-h2s | profile-lto | profile-lto-h2s) ;;
	profile-lto-sized) ;;
	*) echo "run.sh: unknown configuration: $c" >&2; exit 2 ;;
	esac
done
for p in $packages; do
	case $p in
	jq | expat | m4 | gzip | json-c | libyaml) ;;
	*) echo "run.sh: no recipe for package: $p" >&2; exit 2 ;;
	esac
done

build_timeout=${H2S_BUILD_TIMEOUT:-1800}
suite_timeout=${H2S_SUITE_TIMEOUT:-1800}
mkdir -p "$out" "$work/logs" || exit 1
out=$(cd "$out" && pwd)
work=$(cd "$work" && pwd)

llvm_bin=/usr/lib/llvm-$llvm/bin
plugin=$root/build-llvm$llvm/pass/heap2stack.so
alloccount=$root/build-llvm$llvm/tools/alloccount/alloccount.so
profiler=$root/build-llvm$llvm/tools/profile/heap2stack-profile

# ------------------------------------------------------------------ setup

echo "run.sh: installing build tools and fetching sources" >&2
deps=(dpkg-dev make xz-utils python3 pkg-config)
for p in $packages; do
	case $p in
	json-c) deps+=(cmake) ;;
	jq) deps+=(autoconf automake libtool bison flex libonig-dev) ;;
	expat | libyaml) deps+=(autoconf automake libtool) ;;
	m4 | gzip) deps+=(texinfo) ;;
	esac
done
h2s_enable_deb_src || exit 1 # runs apt-get update when it adds the entries
h2s_install "${deps[@]}" || exit 1
# always: setup.sh's make is incremental, and a plugin older than the
# checkout would be measured under the checkout's name
bash "$root/tools/setup.sh" "$llvm" || exit 1
declare -A srcdir
for p in $packages; do
	srcdir[$p]=$(h2s_fetch "$p" "$here/work/src") || exit 1
done

# ------------------------------------------------------------ package recipes
# Each runs in the fresh copy of the source. pkg_configure_P and pkg_build_P
# run under the build time limit, pkg_check_P under the suite's. They read
# CC, CXX, CFLAGS, CXXFLAGS, AR, RANLIB, NM from the environment.

mk() { make -j"$jobs" "$@"; }

# automake's parallel harness: `make check TESTS=` builds every check
# program without running a test, so the suite's time is the tests' own. It
# may also run a program just built (gzip compresses its own doc): if that
# fails, the suite fails, not the build.
am_build() { mk "$@" && { mk check TESTS= "$@" >/dev/null 2>&1 || true; }; }
am_check() { mk -k check; }

pkg_configure_jq() {
	autoreconf -fi && ./configure --disable-static --disable-valgrind \
		--disable-docs --disable-maintainer-mode --with-oniguruma=yes
}
pkg_build_jq() { am_build; }
pkg_check_jq() { am_check; }

pkg_configure_expat() {
	cd expat && ./buildconf.sh && ./configure --disable-static \
		--without-docbook --without-examples
}
pkg_build_expat() { cd expat && am_build; }
pkg_check_expat() { cd expat && am_check; }

# m4's own checks (checks/check-them) run as check-local of `make check`,
# so only the gnulib tests in tests/ are built ahead. Debian's rules remove
# checks/198.sysval (which the build extracts from the manual again) right
# before running the suite: it fails in a build environment.
pkg_configure_m4() {
	./configure --disable-rpath MAKEINFO=true
}
pkg_build_m4() {
	mk MAKEINFO=true && { mk -C tests check TESTS= MAKEINFO=true >/dev/null 2>&1 || true; }
}
pkg_check_m4() { rm -f checks/198.sysval && am_check MAKEINFO=true; }

pkg_configure_gzip() {
	./configure MAKEINFO=true
}
pkg_build_gzip() { am_build MAKEINFO=true; }
pkg_check_gzip() { am_check MAKEINFO=true; }

pkg_configure_libyaml() {
	autoreconf -fi && ./configure --disable-static
}
pkg_build_libyaml() { am_build; }
pkg_check_libyaml() { am_check; }

pkg_configure_json_c() {
	cmake -S . -B build -DCMAKE_BUILD_TYPE=None \
		-DCMAKE_C_COMPILER="$CC" -DCMAKE_C_FLAGS="$CFLAGS" \
		-DCMAKE_AR="$AR" -DCMAKE_RANLIB="$RANLIB" -DCMAKE_NM="$NM" \
		-DDISABLE_WERROR=ON -DBUILD_STATIC_LIBS=OFF -DBUILD_TESTING=ON
}
pkg_build_json_c() { cmake --build build -j"$jobs"; }
pkg_check_json_c() {
	cd build && USE_VALGRIND=0 ctest -j"$jobs" --output-on-failure
}

# -------------------------------------------------------- configurations

# Sets CFLAGS, H2S_LINK_FLAGS and how sites are counted for config $1.
set_config() {
	CFLAGS="-O2"
	H2S_LINK_FLAGS=""
	H2S_CC_REMARKS=""
	H2S_LINK_REMARKS=""
	H2S_LOG_COMPILES=""
	H2S_CC_RECORDS=""
	H2S_LINK_RECORDS=""
	sites_mode="none"
	profile_mode=""
	# the profiler's builds: hooks in the functions left after inlining,
	# debug information to symbolize the sites (docs/profile.md)
	local inst="-g -finstrument-functions-after-inlining"
	# lld rejects version scripts naming undefined symbols (json-c's does);
	# GNU ld, which the packages are written for, accepts them
	local lto="-flto -fuse-ld=lld -Wl,--undefined-version"
	case $1 in
	plain) ;;
	h2s)
		CFLAGS+=" -fpass-plugin=$plugin"
		H2S_CC_REMARKS=heap2stack
		sites_mode="cc"
		;;
	lto)
		CFLAGS+=" -flto"
		H2S_LINK_FLAGS="$lto -Wl,--load-pass-plugin=$plugin"
		H2S_LINK_REMARKS=heap2stack
		sites_mode="link"
		;;
	lto-plain)
		CFLAGS+=" -flto"
		H2S_LINK_FLAGS="$lto"
		;;
	attributor)
		CFLAGS+=" -mllvm -attributor-enable=module"
		H2S_LOG_COMPILES=1
		sites_mode="attributor"
		;;
	attributor-lto)
		CFLAGS+=" -flto"
		H2S_LINK_FLAGS="$lto -Wl,-mllvm,-attributor-enable=module"
		;;
	profile)
		CFLAGS+=" $inst"
		profile_mode=plain
		;;
	profile-h2s)
		CFLAGS+=" $inst -fpass-plugin=$plugin"
		H2S_CC_REMARKS=heap2stack
		H2S_CC_RECORDS=1
		sites_mode="cc"
		profile_mode=h2s
		;;
	profile-lto)
		CFLAGS+=" $inst -flto"
		H2S_LINK_FLAGS="$lto"
		profile_mode=plain
		;;
	profile-lto-h2s)
		CFLAGS+=" $inst -flto"
		H2S_LINK_FLAGS="$lto -Wl,--load-pass-plugin=$plugin"
		if [ -n "${H2S_ESCAPE_OPTIONS:-}" ]; then
			# -mllvm -load first, as for profile-lto-sized
			H2S_LINK_FLAGS="$lto -Wl,-mllvm,-load=$plugin -Wl,--load-pass-plugin=$plugin"
			H2S_LINK_FLAGS+=" -Wl,-mllvm,-escape-options=$H2S_ESCAPE_OPTIONS"
		fi
		H2S_LINK_REMARKS=heap2stack
		H2S_LINK_RECORDS=1
		sites_mode="link"
		profile_mode=h2s
		;;
	profile-lto-sized)
		CFLAGS+=" $inst -flto"
		# -mllvm -load first: lld parses -escape-options before it
		# loads --load-pass-plugin's plugins
		H2S_LINK_FLAGS="$lto -Wl,-mllvm,-load=$plugin -Wl,--load-pass-plugin=$plugin"
		H2S_LINK_FLAGS+=" -Wl,-mllvm,-escape-options=profile=$work/build/$pkg/profile-lto.record/sizes"
		H2S_LINK_REMARKS=heap2stack
		H2S_LINK_RECORDS=1
		sites_mode="link"
		profile_mode=h2s
		;;
	esac
}

# --------------------------------------------------------------- parsing

# Suite counts from a log: "pass fail skip failed-names". automake's
# summaries (# PASS: ...) are summed over every directory; ctest's line
# "N% tests passed, M tests failed out of T" and its skipped list.
# Failing automake tests are named from their .trs files under DIR ($2).
parse_suite() {
	python3 - "$1" "${2:-}" <<'PY'
import os, re, sys
text = open(sys.argv[1], errors="replace").read()
trs = {}
if sys.argv[2] and os.path.isdir(sys.argv[2]):
    for d, _, files in os.walk(sys.argv[2]):
        for fn in files:
            if fn.endswith(".trs"):
                path = os.path.join(d, fn)
                res = re.findall(r"^:test-result: (\S+)", open(path, errors="replace").read(), re.M)
                rel = os.path.relpath(path, sys.argv[2])[:-4]
                trs[rel] = res
p = f = s = 0
names = []
am = False
# only the summary blocks make prints ("Testsuite summary for ..."), not the
# copies of test-suite.log some packages print when a test fails
for blk in re.finditer(r"^Testsuite summary for .*\n=+\n((?:# .*\n)+)", text, re.M):
    for m in re.finditer(r"^# (PASS|FAIL|SKIP|XFAIL|XPASS|ERROR): +(\d+)", blk.group(1), re.M):
        am = True
        k, n = m.group(1), int(m.group(2))
        if k in ("PASS", "XFAIL"): p += n
        elif k == "SKIP": s += n
        else: f += n
if trs:
    names += [n for n, res in trs.items() if set(res) & {"FAIL", "XPASS", "ERROR"}]
else:
    names += re.findall(r"^(?:FAIL|XPASS|ERROR): (\S+)", text, re.M)
ct = re.search(r"(\d+)% tests passed, (\d+) tests? failed out of (\d+)", text)
if not am and ct:
    f = int(ct.group(2)); p = int(ct.group(3)) - f
    s = len(re.findall(r"\*\*\*Skipped|Not Run", text))
    p -= s
    names += re.findall(r"^\s*\d+ - (\S+) \((?:Failed|Timeout|SEGFAULT|Subprocess|Exception|Child)", text, re.M)
# m4's own checks (checks/check-them): "Checking NNN.name" per check, then
# the lists of skipped and failed ones
checks = re.findall(r"^Checking (\S+)", text, re.M)
if checks:
    def listed(title):
        m = re.search(r"^" + title + r" checks were:\n((?:  .*\n?)*)", text, re.M)
        return m.group(1).split() if m else []
    # a failed check is listed once per aspect (NNN.name:out, :err, :status)
    cs = set(listed("Skipped"))
    cf = set(n.split(":")[0] for n in listed("Failed"))
    s += len(cs); f += len(cf); p += len(checks) - len(cs) - len(cf)
    names += ["checks/" + n.replace("./", "") for n in cf]
names = sorted(set(names))
if len(names) > 12:
    names = names[:12] + ["...%d more" % (len(names) - 12)]
print(p, f, s, ",".join(names) or "-")
PY
}

# Sums alloccount's per-process lines: "program all processes".
sum_allocs() {
	awk '/^alloccount:/ { n++; for (i = 2; i <= NF; i++) { split($i, kv, "=");
	     if (kv[1] == "program") p += kv[2]; else if (kv[1] == "all") a += kv[2] } }
	     END { printf "%d %d %d\n", p, a, n }' "$1" 2>/dev/null || echo "0 0 0"
}

# The profile configurations, after the suite: the report of the profile
# (symbolized while the build tree exists), joined with the records of the
# -h2s twin for profile and profile-lto (run first: see the main loop);
# profile.py keeps its summary in $out/profile/PKG.CONFIG.json and, for
# the twin without the plugin, writes the rows of $out/profile.tsv.
profile_report() {
	local pkg=$1 cfg=$2 dir=$3 rec=$4 log=$5 suite=$6 twin=- recs=()
	[ -s "$rec/profile" ] || { echo "   no profile written" >&2; return 0; }
	case $cfg in
	profile | profile-lto)
		twin=$cfg-h2s
		local r
		for r in "$work/build/$pkg/$twin.record"/rec.*; do
			[ -e "$r" ] && recs+=(--records "$r")
		done
		[ ${#recs[@]} -gt 0 ] || echo "   no records of $pkg/$twin: run it first" >&2
		;;
	esac
	mkdir -p "$out/profile"
	# the sizes a profile-lto-sized build reads, symbolized while the
	# build tree exists
	if [ "$cfg" = profile-lto ] &&
		! "$profiler" sizes -o "$rec/sizes" "$rec/profile" 2>"$log.sizes.log"; then
		echo "   heap2stack-profile sizes failed: $log.sizes.log" >&2
	fi
	if ! "$profiler" report --json "${recs[@]}" "$rec/profile" >"$rec/report.json" 2>"$log.report.log"; then
		echo "   heap2stack-profile report failed: $log.report.log" >&2
		return 0
	fi
	local twin_report=()
	[ "$twin" = - ] || [ ! -s "$work/build/$pkg/$twin.record/report.json" ] ||
		twin_report=(--twin-report "$work/build/$pkg/$twin.record/report.json")
	python3 "$here/profile.py" --package "$pkg" --config "$cfg" --build "$dir" \
		--report "$rec/report.json" --suite "$suite" --twin "$twin" \
		"${twin_report[@]}" --out "$out" 2>>"$log.report.log" || echo "   profile.py failed: $log.report.log" >&2
}

# "program-allocations all-allocations processes" of a profile config: the
# package's own modules' allocations from the summary, the processes from
# the profiler's last line
profile_counts() {
	python3 - "$1" "$2" <<'PY'
import json, re, sys
try:
    t = json.load(open(sys.argv[1]))["parts"]["all"]["allocations"]
except Exception:
    t = "-"
m = re.findall(r"^heap2stack-profile: (\d+) process", open(sys.argv[2], errors="replace").read(), re.M)
print(t, "-", m[-1] if m else "-")
PY
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

tsv=$out/results.tsv
header="package	config	build	configure_s	build_s	suite	tests_pass	tests_fail	tests_skip	suite_s	sites	sites_distinct	allocs_program	allocs_all	processes	failed_tests"
if [ ! -s "$tsv" ] || [ "$(head -n1 "$tsv")" != "$header" ]; then
	echo "$header" >"$tsv"
fi
# run-info.txt: the machine once, then one line per invocation and per
# source package (results.tsv accumulates over invocations too)
info=$out/run-info.txt
if [ ! -s "$info" ]; then
	{
		echo "# machine: $(uname -srm), $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
		echo "# os: $(. /etc/os-release && echo "$PRETTY_NAME")"
		echo "# compiler: $("$llvm_bin/clang" --version | head -n1)"
	} >"$info"
fi
[ $reparse -eq 1 ] || {
	rev=$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)
	echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ): ${H2S_ESCAPE_OPTIONS:+H2S_ESCAPE_OPTIONS=$H2S_ESCAPE_OPTIONS }bench/realworld/run.sh --packages \"$packages\" --configs \"$configs\" (heap2stack $rev)"
	for p in $packages; do
		line="# source: $p $(cd "${srcdir[$p]}" && dpkg-parsechangelog -S Version 2>/dev/null)"
		grep -qxF "$line" "$info" || echo "$line"
	done
} >>"$info"

# ------------------------------------------------------------------ main

run_one() {
	local pkg=$1 cfg=$2 fn=${1//-/_}
	local dir=$work/build/$pkg/$cfg
	local log=$work/logs/$pkg.$cfg
	local rec=$dir.record
	local t0 t1 rc build=ok suite=- cs=- bs=- ss=-
	local pass=- fail=- skip=- names=- sites=- distinct=- ap=- aa=- np=-

	echo "== $pkg / $cfg" >&2
	rm -rf "$dir" "$rec"
	mkdir -p "$(dirname "$dir")" "$rec"
	cp -a "${srcdir[$pkg]}" "$dir" || return 1
	set_config "$cfg"
	# the profile configurations and their -h2s twins are built in
	# different directories but must name their files alike, so that the
	# report can join a site of one with a record of the other
	[ -z "$profile_mode" ] || CFLAGS+=" -fdebug-prefix-map=$dir=/realworld/$pkg"
	export CC=$here/cc-wrapper.sh CXX=$here/cxx-wrapper.sh
	export CFLAGS CXXFLAGS=$CFLAGS LDFLAGS=""
	export H2S_REAL_CC=$llvm_bin/clang H2S_REAL_CXX=$llvm_bin/clang++
	export H2S_LINK_FLAGS H2S_CC_REMARKS H2S_LINK_REMARKS H2S_LOG_COMPILES
	export H2S_CC_RECORDS H2S_LINK_RECORDS
	export AR=$llvm_bin/llvm-ar RANLIB=$llvm_bin/llvm-ranlib NM=$llvm_bin/llvm-nm
	unset H2S_RECORD

	# configure (no remarks recorded: configure's test programs are not
	# the package)
	t0=$(now)
	(cd "$dir" && timeout -k 30 "$build_timeout" bash -c "jobs=$jobs; $(declare -f mk am_build am_check "pkg_configure_$fn"); pkg_configure_$fn") \
		>"$log.configure.log" 2>&1
	rc=$?
	t1=$(now)
	cs=$(elapsed "$t0" "$t1")
	if [ $rc -ne 0 ]; then
		[ $rc -eq 124 ] || [ $rc -eq 137 ] && build=timeout || build=fail
	else
		t0=$(now)
		(cd "$dir" && H2S_RECORD=$rec timeout -k 30 "$build_timeout" bash -c "jobs=$jobs; $(declare -f mk am_build am_check "pkg_build_$fn"); pkg_build_$fn") \
			>"$log.build.log" 2>&1
		rc=$?
		t1=$(now)
		bs=$(elapsed "$t0" "$t1")
		if [ $rc -ne 0 ]; then
			[ $rc -eq 124 ] || [ $rc -eq 137 ] && build=timeout || build=fail
		fi
	fi

	if [ "$build" = ok ]; then
		rm -f "$rec/alloc.txt" "$rec/profile"
		t0=$(now)
		if [ -n "$profile_mode" ]; then
			# the suite under the profiler instead of alloccount
			(cd "$dir" && timeout -k 30 "$suite_timeout" "$profiler" run -o "$rec/profile" -- \
				bash -c "jobs=$jobs; $(declare -f mk am_build am_check "pkg_check_$fn"); pkg_check_$fn") \
				>"$log.suite.log" 2>&1
			rc=$?
		else
			(cd "$dir" && env LD_PRELOAD="$alloccount" ALLOCCOUNT_OBJECTS="$dir/" \
				ALLOCCOUNT_OUT="$rec/alloc.txt" \
				timeout -k 30 "$suite_timeout" bash -c "jobs=$jobs; $(declare -f mk am_build am_check "pkg_check_$fn"); pkg_check_$fn") \
				>"$log.suite.log" 2>&1
			rc=$?
		fi
		t1=$(now)
		ss=$(elapsed "$t0" "$t1")
		case $rc in
		0) suite=pass ;;
		124 | 137) suite=timeout ;;
		*) suite=fail ;;
		esac
		read -r pass fail skip names < <(parse_suite "$log.suite.log" "$dir")
		[ "$suite" = fail ] && [ "$fail" = 0 ] && names=${names/#-/}"(exit $rc)"
		if [ -n "$profile_mode" ]; then
			profile_report "$pkg" "$cfg" "$dir" "$rec" "$log" "$suite"
			read -r ap aa np < <(profile_counts "$out/profile/$pkg.$cfg.json" "$log.suite.log")
		else
			read -r ap aa np < <(sum_allocs "$rec/alloc.txt")
		fi
		# sites
		case $sites_mode in
		cc | link) read -r sites distinct < <(python3 "$here/sites.py" yaml "$rec" heap2stack Demoted) ;;
		attributor) read -r sites distinct < <(python3 "$here/sites.py" attributor "$rec") ;;
		esac
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		"$pkg" "$cfg" "$build" "$cs" "$bs" "$suite" "$pass" "$fail" "$skip" "$ss" \
		"$sites" "$distinct" "$ap" "$aa" "$np" "$names" >>"$tsv"
	printf '   build %s (%s s configure, %s s build), suite %s: %s passed, %s failed, %s skipped (%s s), sites %s, program allocations %s\n' \
		"$build" "$cs" "$bs" "$suite" "$pass" "$fail" "$skip" "$ss" "$sites" "$ap" >&2
	# keep the suite's own logs (automake's per-test .log files next to
	# their .trs, test-suite.log, ctest's LastTest.log)
	rm -rf "$log.testlogs"
	if [ -d "$dir" ]; then
		(cd "$dir" && find . \( -name '*.trs' -o -name test-suite.log -o -name 'LastTest*.log' \) -print |
			while read -r f; do
				case $f in
				*.trs) mkdir -p "$log.testlogs/$(dirname "$f")" && cp "$f" "$log.testlogs/$f"
					f=${f%.trs}.log ;;
				esac
				[ -f "$f" ] && mkdir -p "$log.testlogs/$(dirname "$f")" && cp "$f" "$log.testlogs/$f"
			done)
	fi
	# the build tree is large; keep the last one only when asked
	[ -n "${H2S_KEEP_BUILDS:-}" ] || rm -rf "$dir"
	return 0
}

# --reparse: recompute the suite columns of the selected rows from their
# logs (after a change to parse_suite), without building anything
if [ $reparse -eq 1 ]; then
	PARSE=$(declare -f parse_suite) python3 - "$tsv" "$work/logs" "$packages" "$configs" <<'PY' || exit 1
import csv, subprocess, sys, os
tsv, logs, pkgs, cfgs = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4].split()
rows = list(csv.reader(open(tsv), delimiter="\t"))
for r in rows[1:]:
    if r[0] in pkgs and r[1] in cfgs and r[2] == "ok":
        log = os.path.join(logs, "%s.%s.suite.log" % (r[0], r[1]))
        out = subprocess.run(["bash", "-c", 'eval "$PARSE"; parse_suite "$1" "$2"', "x",
                              log, log[:-len(".suite.log")] + ".testlogs"],
                             stdout=subprocess.PIPE, check=True).stdout.decode().split()
        r[6], r[7], r[8], r[15] = out[0], out[1], out[2], out[3]
        if r[5] == "fail" and out[1] == "0":
            r[15] = "(exit)"
with open(tsv, "w") as f:
    for r in rows:
        f.write("\t".join(r) + "\n")
PY
	python3 "$here/table.py" "$tsv" "$out/results.md" "$out/run-info.txt" || exit 1
	cat "$out/results.md"
	exit 0
fi

# a profile configuration's report needs the records of its -h2s twin:
# the twins run first
ordered=""
for c in $configs; do
	case $c in profile-h2s | profile-lto-h2s) ordered+=" $c" ;; esac
done
for c in $configs; do
	case $c in profile-h2s | profile-lto-h2s | profile-lto-sized) ;; *) ordered+=" $c" ;; esac
done
# and the sized build needs profile-lto's sizes
for c in $configs; do
	case $c in profile-lto-sized) ordered+=" $c" ;; esac
done
configs=$ordered
for p in $packages; do
	for c in $configs; do
		# a re-run replaces the row of the same package and configuration
		awk -F'\t' -v p="$p" -v c="$c" 'NR == 1 || !($1 == p && $2 == c)' "$tsv" >"$tsv.tmp" && mv "$tsv.tmp" "$tsv"
		run_one "$p" "$c" || { echo "run.sh: could not set up $p/$c" >&2; exit 1; }
	done
done

python3 "$here/table.py" "$tsv" "$out/results.md" "$out/run-info.txt" || exit 1
cat "$out/results.md"
