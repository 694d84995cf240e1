#!/usr/bin/env bash
# tools/setup.sh [19|22]  (default 22)
#
# Installs what building and testing heap2stack against LLVM N needs, from
# Debian's packages, then configures and builds the project into
# build-llvmN/. Idempotent and quiet: apt is skipped when every package is
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
	# the -html tests: pages rendered in a real browser, checked as XML
	chromium libxml2-utils
)

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
