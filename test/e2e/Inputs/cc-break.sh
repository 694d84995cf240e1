#!/bin/sh
# A compiler for recipe.c: $REAL_CC, breaking the build $BREAK names as a
# miscompile would: h2s (with the plugin, without ASan) prints another
# sum (WRONG_OUTPUT); asan (with ASan) reads a local of a function that
# has returned (USE_AFTER_RETURN).
for a in "$@"; do
	case $a in
	-fsanitize=address) asan=1 ;;
	-fpass-plugin=*) h2s=1 ;;
	esac
done
case $BREAK in
h2s) [ -n "$h2s" ] && [ -z "$asan" ] && set -- -DWRONG_OUTPUT "$@" ;;
asan) [ -n "$asan" ] && set -- -DUSE_AFTER_RETURN "$@" ;;
esac
exec $REAL_CC "$@"
