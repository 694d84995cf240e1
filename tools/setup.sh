#!/usr/bin/env bash
# tools/setup.sh [19|22]  (default 22)
#
# Installs what building and testing heap2stack against LLVM N needs, from
# Debian's packages, then configures and builds the project into
# build-llvmN/, and fetches the SARIF 2.1.0 schema the tests validate
# escape-report -sarif against (build-llvmN/schemas/, from the npm package of
# Microsoft's SARIF SDK). Idempotent and quiet: apt is skipped when every package is
# already installed, and output is shown only when a step fails.
#
# Runs apt-get as root, or through sudo when not root. When
# H2S_APT_STAMP names a file (tools/test.sh sets it), `apt-get update` runs at
# most once for all the setup.sh calls that share it.
set -euo pipefail

ver=${1:-22}
case $ver in
19 | 22) ;;
*)
	echo "usage: tools/setup.sh [19|22]" >&2
	exit 2
	;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-llvm$ver
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Runs a command with its output in $log; shows the log if it fails.
quiet() {
	if ! "$@" >"$log" 2>&1; then
		echo "setup.sh: failed: $*" >&2
		cat "$log" >&2
		exit 1
	fi
}

packages=(
	"llvm-$ver-dev" "clang-$ver" "llvm-$ver-tools" "libclang-$ver-dev"
	"lld-$ver" "libclang-rt-$ver-dev"
	cmake make g++ python3
	# escape-report's -json and -sarif tests validate against schemas
	python3-jsonschema
	# LLVM's opt-viewer, tested on heap2stack's records
	python3-yaml python3-pygments
	# test/cmake: the package on a sample project, gcc as a wrong compiler
	gcc
	# man pages (docs/man/*.md) and their test, which renders them
	pandoc groff-base
	# the -html tests: pages rendered in a real browser, checked as XML
	chromium libxml2-utils
)
# npm fetches the SARIF schema; Debian's npm unless one is installed
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
	sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null; then
			echo "setup.sh: need root (or sudo) to install: ${missing[*]}" >&2
			exit 1
		fi
		sudo=(sudo)
	fi
	apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get
		-o DPkg::Lock::Timeout=600 -q -y)
	if [ -z "${H2S_APT_STAMP:-}" ] || [ ! -e "$H2S_APT_STAMP" ]; then
		quiet "${apt[@]}" update
		[ -z "${H2S_APT_STAMP:-}" ] || : >"$H2S_APT_STAMP"
	fi
	echo "setup.sh: installing ${missing[*]}"
	quiet "${apt[@]}" install --no-install-recommends "${missing[@]}"
fi

llvm_dir=/usr/lib/llvm-$ver/lib/cmake/llvm
quiet cmake -S "$root" -B "$build" -DLLVM_DIR="$llvm_dir" \
	-DCMAKE_BUILD_TYPE=Release
quiet cmake --build "$build" -j2

# The SARIF 2.1.0 JSON schema, as Microsoft's SARIF SDK ships it in its npm
# package for Linux (the tarball holds the multitool too: only the schema is
# kept). Fetched once per build directory; npm's cache serves the second.
sarif_pkg=@microsoft/sarif-multitool-linux@5.7.0
schema=$build/schemas/sarif-2.1.0.json
if [ ! -s "$schema" ]; then
	pack=$(mktemp -d)
	trap 'rm -f "$log"; rm -rf "$pack"' EXIT
	quiet npm pack --silent --pack-destination "$pack" "$sarif_pkg"
	quiet tar -xzf "$pack"/*.tgz -C "$pack" package/sarif-2.1.0.json
	mkdir -p "$build/schemas"
	mv "$pack/package/sarif-2.1.0.json" "$schema"
fi
if ! grep -q '"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"' "$schema"; then
	echo "setup.sh: $schema from $sarif_pkg is not the SARIF 2.1.0 schema" >&2
	exit 1
fi
