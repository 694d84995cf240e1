# shellcheck shell=bash
# bench/realworld/lib.sh: helpers of run.sh (sourced): deb-src entries,
# package installation, the apt-get source cache.

# as root, or through sudo
h2s_sudo() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

h2s_apt() {
	h2s_sudo env DEBIAN_FRONTEND=noninteractive apt-get \
		-o DPkg::Lock::Timeout=600 -q -y "$@"
}

# Adds deb-src entries mirroring every enabled "deb" entry of the machine's
# Debian archive (same URIs, suites and components) in a file of our own,
# then runs apt-get update once. Idempotent.
H2S_SRC_LIST=/etc/apt/sources.list.d/heap2stack-deb-src.sources
h2s_enable_deb_src() {
	local tmp f
	tmp=$(mktemp)
	# deb822 files: copy each stanza whose Types has "deb", as deb-src
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -e "$f" ] || continue
		[ "$f" = "$H2S_SRC_LIST" ] && continue
		awk '
			function flush() {
				if (st != "" && isdeb && st ~ /debian/) {
					gsub(/(^|\n)Types:[^\n]*/, "\nTypes: deb-src", st)
					sub(/^\n/, "", st)
					print st; print ""
				}
				st = ""; isdeb = 0
			}
			/^[ \t]*$/ { flush(); next }
			/^#/ { next }
			/^Types:/ { if ($0 ~ /[ \t]deb([ \t]|$)/) isdeb = 1 }
			{ st = (st == "" ? $0 : st "\n" $0) }
			END { flush() }
		' "$f" >>"$tmp"
	done
	# one-line format
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -e "$f" ] || continue
		grep -E '^[[:space:]]*deb[[:space:]]' "$f" | grep -i debian |
			sed -E 's/^[[:space:]]*deb[[:space:]]/deb-src /' |
			awk '{ print "Types: deb-src"; print "URIs: " $2; print "Suites: " $3;
			       c = ""; for (i = 4; i <= NF; i++) c = c " " $i;
			       print "Components:" c; print "" }' >>"$tmp" || true
	done
	if [ ! -s "$tmp" ]; then
		echo "realworld: no Debian deb entries found to mirror as deb-src" >&2
		rm -f "$tmp"
		return 1
	fi
	if ! cmp -s "$tmp" "$H2S_SRC_LIST" 2>/dev/null; then
		h2s_sudo install -m 0644 "$tmp" "$H2S_SRC_LIST"
		h2s_apt update >/dev/null
	elif ! apt-get source --print-uris -qq json-c >/dev/null 2>&1; then
		h2s_apt update >/dev/null
	fi
	rm -f "$tmp"
}

# Installs packages that are not installed yet.
h2s_install() {
	local p missing=()
	for p in "$@"; do
		[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] || h2s_apt install --no-install-recommends "${missing[@]}" >/dev/null
}

# Fetches the Debian source of package $1 (patches applied) into $2/$1/src
# once. Prints the source directory.
h2s_fetch() {
	local pkg=$1 cache=$2 dir
	mkdir -p "$cache" && cache=$(cd "$cache" && pwd)
	dir=$cache/$pkg
	if [ ! -e "$dir/.fetched" ]; then
		rm -rf "$dir"
		mkdir -p "$dir/dl"
		# The newest version first; if its pool is unreachable (the
		# security archive may be), every other version apt knows.
		local v ok=0
		if (cd "$dir/dl" && apt-get source -qq "$pkg" >"$dir/fetch.log" 2>&1); then
			ok=1
		else
			for v in $(apt-cache showsrc "$pkg" | sed -n 's/^Version: //p' | sort -u -r -V); do
				rm -rf "$dir/dl" && mkdir -p "$dir/dl"
				if (cd "$dir/dl" && apt-get source -qq "$pkg=$v" >>"$dir/fetch.log" 2>&1); then
					ok=1
					break
				fi
			done
		fi
		if [ $ok -ne 1 ]; then
			echo "realworld: apt-get source $pkg failed (see $dir/fetch.log)" >&2
			return 1
		fi
		local d
		d=$(find "$dir/dl" -mindepth 1 -maxdepth 1 -type d | head -n1)
		[ -n "$d" ] || { echo "realworld: no source tree for $pkg" >&2; return 1; }
		mv "$d" "$dir/src"
		touch "$dir/.fetched"
	fi
	echo "$dir/src"
}
