#!/usr/bin/env python3
"""splice.py SEED IN.ll OUT.ll: heap allocations spliced into an llvm-stress
module (tools/fuzz/ir.sh).

Edits the text: most `alloca`s become calls to malloc, calloc,
aligned_alloc, posix_memalign or operator new (same name, so every use now
uses a heap pointer: loads, stores, selects, phis, GEPs, pointer stores),
with constant, huge or run-time sizes; frees are added at random points
after them (on some paths, twice on others: the analysis must not care);
new allocations appear inside other blocks (loops included), used, stored,
converted to integers, passed to libc and unknown functions, reallocated,
freed or leaked. Only well-formed IR comes out (the values used are
dominated by their definitions): ir.sh checks that with the verifier before
running heap2stack.
"""
import random
import re
import sys

HEADER = ('target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"\n'
          'target triple = "x86_64-pc-linux-gnu"\n')

DECLS = """
declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @aligned_alloc(i64, i64)
declare i32 @posix_memalign(ptr, i64, i64)
declare noalias ptr @realloc(ptr, i64)
declare void @free(ptr)
declare noalias nonnull ptr @_Znwm(i64)
declare void @_ZdlPv(ptr)
declare noalias nonnull ptr @_Znam(i64)
declare void @_ZdaPv(ptr)
declare i64 @strlen(ptr)
declare ptr @memcpy(ptr, ptr, i64)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @h2s_unknown(ptr)
declare void @h2s_nocapture(ptr nocapture readonly)
declare i32 @qsort_cmp(ptr, ptr)
declare void @qsort(ptr, i64, i64, ptr)
@h2s_global = global ptr null

; Module functions, so parameter summaries are exercised too.
define internal void @h2s_keep(ptr %p) {
  store ptr %p, ptr @h2s_global
  ret void
}
define internal void @h2s_free(ptr %p) {
  call void @free(ptr %p)
  ret void
}
define internal ptr @h2s_id(ptr %p) {
  %q = getelementptr i8, ptr %p, i64 1
  ret ptr %q
}
define internal i8 @h2s_read(ptr %p) {
  %v = load i8, ptr %p
  ret i8 %v
}
define internal void @h2s_rec(ptr %p, i32 %n) {
entry:
  %c = icmp sgt i32 %n, 0
  br i1 %c, label %more, label %done
more:
  %m = sub i32 %n, 1
  %b = call ptr @malloc(i64 8)
  store ptr %p, ptr %b
  %l = load ptr, ptr %b
  call void @h2s_rec(ptr %l, i32 %m)
  call void @free(ptr %b)
  br label %done
done:
  ret void
}
"""

ALLOCA = re.compile(r"^(\s+)(%[\w.]+) = alloca ([^,]+)(?:, align (\d+))?\s*$")
TERM = re.compile(r"^\s+(br|ret|switch|unreachable|indirectbr|resume)\b")
LABEL = re.compile(r"^([\w.]+):")
PHI = re.compile(r"^\s+%[\w.]+ = phi\b")
DEFINE = re.compile(r"^define .*@([\w.]+)\((.*)\)")


def main():
    seed = int(sys.argv[1])
    r = random.Random(seed)
    lines = open(sys.argv[2]).read().split("\n")
    out = []
    counter = [0]

    def fresh():
        counter[0] += 1
        return "%%h2s.%d" % counter[0]

    # Split into functions: (header line, [blocks]); a block is [label, lines].
    i = 0
    funcs = []
    pre = []
    while i < len(lines):
        l = lines[i]
        m = DEFINE.match(l)
        if not m:
            if not l.startswith("target "):
                pre.append(l)
            i += 1
            continue
        params = m.group(2)
        define_line = l
        i64params = re.findall(r"i64 (%[\w.]+)", params)
        ptrparams = re.findall(r"ptr (%[\w.]+)", params)
        blocks = []
        i += 1
        cur = None
        while i < len(lines) and lines[i] != "}":
            l = lines[i]
            lm = LABEL.match(l)
            if lm:
                cur = [lm.group(1), [], l]
                blocks.append(cur)
            elif l.strip() and cur is not None:
                cur[1].append(l)
            i += 1
        i += 1
        funcs.append((define_line, blocks, i64params, ptrparams))

    def size_expr(i64params):
        k = r.random()
        if k < 0.65:
            return str(r.choice([1, 4, 8, 16, 24, 32, 64, 100, 256, 4096, 4097]))
        if k < 0.75:
            return str(r.choice([1 << 20, 1 << 33, (1 << 63) - 1]))
        if i64params:
            return r.choice(i64params)
        return "16"

    def alloc_call(name, size, ind):
        """Lines defining `name` as a fresh heap pointer."""
        k = r.random()
        if k < 0.45:
            return ["%s%s = call ptr @malloc(i64 %s)" % (ind, name, size)], "free"
        if k < 0.6:
            return ["%s%s = call ptr @calloc(i64 %s, i64 %d)" % (ind, name, size, r.choice([1, 2, 8]))], "free"
        if k < 0.7:
            al = r.choice([16, 32, 64, 4096, 3])
            return ["%s%s = call ptr @aligned_alloc(i64 %d, i64 %s)" % (ind, name, al, size)], "free"
        if k < 0.78:
            t = fresh()
            return ["%s%s.slot = alloca ptr" % (ind, t),
                    "%s%s.rc = call i32 @posix_memalign(ptr %s.slot, i64 %d, i64 %s)"
                    % (ind, t, t, r.choice([8, 16, 64, 256]), size),
                    "%s%s = load ptr, ptr %s.slot" % (ind, name, t)], "free"
        if k < 0.9:
            return ["%s%s = call ptr @_Znwm(i64 %s)" % (ind, name, size)], "_ZdlPv"
        return ["%s%s = call ptr @_Znam(i64 %s)" % (ind, name, size)], "_ZdaPv"

    def use_lines(p, ind, fam):
        """A few uses of pointer p (in the same block, after it)."""
        out = []
        for _ in range(r.randint(0, 3)):
            k = r.random()
            if k < 0.25:
                out.append("%sstore i32 %d, ptr %s" % (ind, r.randint(0, 99), p))
            elif k < 0.4:
                out.append("%s%s = load i8, ptr %s" % (ind, fresh(), p))
            elif k < 0.5:
                out.append("%scall void @llvm.memset.p0.i64(ptr %s, i8 0, i64 4, i1 false)" % (ind, p))
            elif k < 0.55:
                out.append("%s%s = call i64 @strlen(ptr %s)" % (ind, fresh(), p))
            elif k < 0.6:
                out.append("%scall void @h2s_nocapture(ptr %s)" % (ind, p))
            elif k < 0.64:
                out.append("%scall void @h2s_unknown(ptr %s)" % (ind, p))
            elif k < 0.68:
                out.append("%sstore ptr %s, ptr @h2s_global" % (ind, p))
            elif k < 0.74:
                v = fresh()
                out.append("%s%s = ptrtoint ptr %s to i64" % (ind, v, p))
                if r.random() < 0.5:
                    out.append("%s%s = icmp eq i64 %s, 0" % (ind, fresh(), v))
                else:
                    out.append("%s%s = inttoptr i64 %s to ptr" % (ind, fresh(), v))
            elif k < 0.8:
                v = fresh()
                out.append("%s%s = getelementptr i8, ptr %s, i64 %d" % (ind, v, p, r.randint(0, 8)))
                out.append("%sstore i8 1, ptr %s" % (ind, v))
            elif k < 0.84 and fam == "free":
                v = fresh()
                out.append("%s%s = call ptr @realloc(ptr %s, i64 64)" % (ind, v, p))
                return out  # p is dead after realloc
            elif k < 0.88:
                out.append("%scall void @qsort(ptr %s, i64 1, i64 4, ptr @qsort_cmp)" % (ind, p))
            elif k < 0.91:
                c = r.random()
                if c < 0.25:
                    out.append("%scall void @h2s_keep(ptr %s)" % (ind, p))
                elif c < 0.45 and fam == "free":
                    out.append("%scall void @h2s_free(ptr %s)" % (ind, p))
                    return out
                elif c < 0.65:
                    v = fresh()
                    out.append("%s%s = call ptr @h2s_id(ptr %s)" % (ind, v, p))
                    out.append("%sstore i8 2, ptr %s" % (ind, v))
                elif c < 0.85:
                    out.append("%s%s = call i8 @h2s_read(ptr %s)" % (ind, fresh(), p))
                else:
                    out.append("%scall void @h2s_rec(ptr %s, i32 3)" % (ind, p))
            elif k < 0.95:
                v = fresh()
                out.append("%s%s = icmp eq ptr %s, null" % (ind, v, p))
            else:
                out.append("%scall void @llvm.memcpy.p0.p0.i64(ptr %s, ptr %s, i64 2, i1 false)" % (ind, p, p))
        return out

    body_out = []
    for hdr, blocks, i64params, ptrparams in funcs:
        entry_allocs = []  # (name, family)
        # Turn allocas into heap allocations.
        for b in blocks:
            newl = []
            for l in b[1]:
                m = ALLOCA.match(l)
                if m and r.random() < 0.7:
                    ind, name = m.group(1), m.group(2)
                    ls, fam = alloc_call(name, size_expr(i64params), ind)
                    newl += ls
                    if b is blocks[0]:
                        entry_allocs.append((name, fam))
                else:
                    newl.append(l)
            b[1] = newl
        # New allocations and frees, inserted before terminators or at
        # random points after the phis.
        for bi, b in enumerate(blocks):
            ls = b[1]
            first = 0
            while first < len(ls) and PHI.match(ls[first]):
                first += 1
            # In the entry block only after the allocations (so they dominate).
            if bi == 0:
                last_alloc = 0
                for j, l in enumerate(ls):
                    if "@malloc" in l or "@calloc" in l or "alloca" in l or "@_Zn" in l \
                            or "@aligned_alloc" in l or "posix_memalign" in l or ".slot" in l:
                        last_alloc = j + 1
                first = max(first, last_alloc)
            tpos = len(ls) - 1 if ls and TERM.match(ls[-1]) else len(ls)
            ins = {}
            if r.random() < 0.5:
                name = fresh()
                pos = r.randint(first, tpos)
                code, fam = alloc_call(name, size_expr(i64params), "  ")
                code += use_lines(name, "  ", fam)
                k = r.random()
                if k < 0.5:
                    code.append("  call void @%s(ptr %s)" % (fam, name))
                elif k < 0.6 and ptrparams:
                    code.append("  store ptr %s, ptr %s" % (name, r.choice(ptrparams)))
                elif k < 0.7 and entry_allocs:
                    code.append("  store ptr %s, ptr %s" % (name, r.choice(entry_allocs)[0]))
                elif k < 0.8:
                    code.append("  call void @h2s_unknown(ptr %s)" % name)
                ins.setdefault(pos, []).extend(code)
            for name, fam in entry_allocs:
                if r.random() < 0.25:
                    pos = r.randint(first, tpos)
                    code = use_lines(name, "  ", fam)
                    if r.random() < 0.6:
                        code.append("  call void @%s(ptr %s)" % (fam, name))
                    ins.setdefault(pos, []).extend(code)
            newl = []
            for j in range(len(ls) + 1):
                newl += ins.get(j, [])
                if j < len(ls):
                    newl.append(ls[j])
            b[1] = newl
        body = [hdr]
        for b in blocks:
            body.append(b[2])
            body += b[1]
        body.append("}")
        body_out.append("\n".join(body))

    with open(sys.argv[3], "w") as fp:
        fp.write(HEADER)
        fp.write("\n".join(pre))
        fp.write("\n\n")
        fp.write("\n\n".join(body_out))
        fp.write("\n")
        fp.write(DECLS)


if __name__ == "__main__":
    main()
