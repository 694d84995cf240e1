"""Writes a large generated C file for large-input.c: an 8 MB table of
numbers, then 2000 functions, one a line, alternately returning a malloc'd
buffer (escapes to heap) and freeing one (deleted by LLVM: does not
escape)."""
import sys

with open(sys.argv[1], "w") as f:
    f.write("#include <stdlib.h>\n")
    f.write("const unsigned char table[] = {\n")
    row = ", ".join(str(i % 256) for i in range(32)) + ",\n"
    for _ in range(8 * 1024 * 1024 // len(row)):
        f.write(row)
    f.write("};\n")
    for i in range(2000):
        if i % 2 == 0:
            f.write("void *f%d(void) { int *p = malloc(sizeof *p * 4); "
                    "p[0] = table[%d]; return p; }\n" % (i, i))
        else:
            f.write("int f%d(int n) { int *p = malloc(sizeof *p * 4); "
                    "p[0] = n; p[1] = table[%d]; int r = p[0] * p[1]; "
                    "free(p); return r; }\n" % (i, i))
