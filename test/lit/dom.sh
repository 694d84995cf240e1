#!/usr/bin/env bash
# dom.sh PAGE [FRAGMENT]: the DOM of the HTML file PAGE (opened at
# #FRAGMENT) after the page's own scripts ran, as headless Chromium renders
# it (`chromium --dump-dom`). Chromium is Debian's `chromium`, which
# tools/setup.sh installs: without it this fails, so that no test that
# needs a browser passes without one.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: dom.sh PAGE [FRAGMENT]" >&2
	exit 2
fi
browser=$(command -v chromium || true)
if [ -z "$browser" ]; then
	echo "dom.sh: error: chromium not found in PATH (tools/setup.sh installs Debian's chromium)" >&2
	exit 1
fi
if [ ! -f "$1" ]; then
	echo "dom.sh: error: $1: no such page" >&2
	exit 1
fi
url="file://$(realpath "$1")${2:+#$2}"
profile=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$profile" "$log"' EXIT
# --no-sandbox: Chromium's sandbox refuses to run as root (CI);
# --disable-dev-shm-usage: a container's /dev/shm may be too small for it
if ! "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
	--user-data-dir="$profile" --dump-dom "$url" 2>"$log"; then
	echo "dom.sh: error: chromium failed on $url:" >&2
	cat "$log" >&2
	exit 1
fi
