"""bench/report/charts.py: the charts of docs/results.md, as plain SVG.

No plotting library: two chart kinds, written directly as SVG so that the
report can be regenerated anywhere python3 runs.

  hbars(path, title, groups, series, ...)   grouped horizontal bars, one
      group per row label, one bar per series, with an optional reference
      line (1.0 for ratios, 100% for "of plain") and value labels
  lines(path, title, xs, series, ...)       points joined by lines on linear
      axes, with an optional dashed "proportional" guide per series
"""
from xml.sax.saxutils import escape

FONT = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\""
PALETTE = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"]


def _text(x, y, s, size=12, anchor="start", weight="normal", fill="#222", extra=""):
    return (f'<text x="{x:.1f}" y="{y:.1f}" {FONT} font-size="{size}" '
            f'text-anchor="{anchor}" font-weight="{weight}" fill="{fill}" {extra}>{escape(str(s))}</text>')


def _nice_max(v):
    """A round axis maximum at or above v."""
    if v <= 0:
        return 1.0
    import math
    e = 10 ** math.floor(math.log10(v))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * e >= v:
            return m * e
    return 10 * e


def _step(span, n=5):
    """A round tick step giving about n intervals over span."""
    import math
    raw = span / n
    e = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * e >= raw:
            return m * e
    return 10 * e


def _ticks(lo, hi, n=5):
    step = _step(hi - lo, n)
    import math
    t = math.ceil(lo / step - 1e-9) * step
    out = []
    while t <= hi + 1e-9:
        out.append(0.0 if abs(t) < 1e-12 else t)
        t += step
    return out


def _legend(series, x, y, width_limit):
    """A horizontal legend starting at (x, y)."""
    out = []
    for si, s in enumerate(series):
        color = PALETTE[si % len(PALETTE)]
        out.append(f'<rect x="{x:.1f}" y="{y - 10}" width="12" height="12" fill="{color}"/>')
        out.append(_text(x + 17, y, s, 11))
        x += 17 + 6.5 * len(s) + 22
    return out


def hbars(path, title, groups, series, values, fmt="{:.2f}", ref=None, ref_label="",
          xmax=None, xlabel="", notes=None, subtitle="", xmin=None):
    """Grouped horizontal bars.

    groups: row labels; series: bar names (legend); values[g][s]: a number or
    None (drawn as "n/a"); notes[g][s]: optional text drawn after the value.
    """
    bar_h, gap = 14, 10
    left, right = 150, 140
    head = 44 if subtitle else 28
    top = head + 58
    group_h = bar_h * len(series) + gap
    width = 820
    plot_w = width - left - right
    height = top + group_h * len(groups) + 50
    vals = [v for row in values for v in row if v is not None]
    vmax = max(vals + [ref or 0, 0])
    vmin = min(vals + [ref or 0, 0])
    xmax = xmax if xmax is not None else (_nice_max(vmax * 1.05) if vmax > 0 else 0.0)
    xmin = xmin if xmin is not None else (-_nice_max(-vmin * 1.05) if vmin < 0 else 0.0)
    sx = lambda v: left + plot_w * (v - xmin) / (xmax - xmin)  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           _text(left, 24, title, 16, weight="bold")]
    if subtitle:
        out.append(_text(left, 44, subtitle, 12, fill="#555"))
    out.extend(_legend(series, left, head + 22, width))
    bottom = top + group_h * len(groups)
    for t in _ticks(xmin, xmax):
        x = sx(t)
        out.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{bottom}" stroke="#e3e3e3"/>')
        out.append(_text(x, bottom + 16, fmt.format(t) if t else "0", 11, "middle", fill="#555"))
    if xlabel:
        out.append(_text(left + plot_w / 2, bottom + 36, xlabel, 12, "middle", fill="#333"))
    for gi, g in enumerate(groups):
        y0 = top + gi * group_h
        out.append(_text(left - 8, y0 + bar_h * len(series) / 2 + 4, g, 12, "end"))
        for si, s in enumerate(series):
            v = values[gi][si]
            y = y0 + si * bar_h
            color = PALETTE[si % len(PALETTE)]
            note = notes[gi][si] if notes and notes[gi][si] else ""
            if v is None:
                out.append(_text(sx(0) + 4, y + bar_h - 3, "n/a" + (" " + note if note else ""), 11, fill="#777"))
                continue
            x0, x1 = sorted((sx(0), sx(max(min(v, xmax), xmin))))
            w = max(x1 - x0, 1)
            out.append(f'<rect x="{x0:.1f}" y="{y + 1}" width="{w:.1f}" height="{bar_h - 2}" fill="{color}"/>')
            label = fmt.format(v) + (" " + note if note else "")
            out.append(_text(x0 + w + 4, y + bar_h - 3, label, 11, fill="#333"))
    out.append(f'<line x1="{sx(0):.1f}" y1="{top - 6}" x2="{sx(0):.1f}" y2="{bottom}" stroke="#444"/>')
    if ref is not None:
        x = sx(ref)
        out.append(f'<line x1="{x:.1f}" y1="{top - 10}" x2="{x:.1f}" y2="{bottom}" stroke="#222" '
                   f'stroke-dasharray="5,3"/>')
        if ref_label:
            out.append(_text(x, top - 14, ref_label, 11, "middle", fill="#222"))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def lines(path, title, xs, series, values, xlabel="", ylabel="", fmt="{:.2f}",
          proportional=None, subtitle=""):
    """Points joined by lines: values[s][i] is series s at xs[i].

    proportional: indices of series that get a dashed line y = k*x, the
    least-squares fit through the origin (what exactly linear growth would
    give; points on it mean the cost is proportional to x).
    """
    width, height = 820, 420
    left, right, top, bottom_pad = 80, 190, 70 if subtitle else 56, 60
    plot_w, plot_h = width - left - right, height - top - bottom_pad
    xmax = _nice_max(max(xs) * 1.05)
    ymax = _nice_max(max(v for row in values for v in row if v is not None) * 1.1)
    sx = lambda v: left + plot_w * v / xmax  # noqa: E731
    sy = lambda v: top + plot_h - plot_h * v / ymax  # noqa: E731
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           _text(left, 24, title, 16, weight="bold")]
    if subtitle:
        out.append(_text(left, 44, subtitle, 12, fill="#555"))
    for t in _ticks(0, ymax):
        y = sy(t)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#e3e3e3"/>')
        out.append(_text(left - 6, y + 4, fmt.format(t) if t else "0", 11, "end", fill="#555"))
    for t in _ticks(0, xmax):
        x = sx(t)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + plot_h}" stroke="#f0f0f0"/>')
        out.append(_text(x, top + plot_h + 16, "%g" % t, 11, "middle", fill="#555"))
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#444"/>')
    out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#444"/>')
    if xlabel:
        out.append(_text(left + plot_w / 2, height - 18, xlabel, 12, "middle", fill="#333"))
    if ylabel:
        out.append(_text(18, top + plot_h / 2, ylabel, 12, "middle", fill="#333",
                         extra=f'transform="rotate(-90 18 {top + plot_h / 2:.1f})"'))
    for si, s in enumerate(series):
        color = PALETTE[si % len(PALETTE)]
        pts = [(sx(x), sy(v)) for x, v in zip(xs, values[si]) if v is not None]
        fit = [(x, v) for x, v in zip(xs, values[si]) if v is not None]
        if proportional and si in proportional and fit:
            k = sum(x * v for x, v in fit) / sum(x * x for x, _ in fit)
            x2 = xmax
            y2 = k * x2
            if y2 > ymax:
                x2, y2 = ymax / k, ymax
            out.append(f'<line x1="{sx(0):.1f}" y1="{sy(0):.1f}" x2="{sx(x2):.1f}" y2="{sy(y2):.1f}" '
                       f'stroke="{color}" stroke-dasharray="4,4" stroke-opacity="0.6"/>')
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (
            color, " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)))
        for (x, y), v in zip(pts, [v for v in values[si] if v is not None]):
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{color}"/>')
            out.append(_text(x + 6, y - 6, fmt.format(v), 10, fill=color))
        ly = top + si * 18
        lx = width - right + 14
        out.append(f'<rect x="{lx}" y="{ly}" width="12" height="12" fill="{color}"/>')
        out.append(_text(lx + 18, ly + 10, s, 11))
    if proportional:
        ly = top + len(series) * 18 + 6
        lx = width - right + 14
        out.append(f'<line x1="{lx}" y1="{ly + 6}" x2="{lx + 12}" y2="{ly + 6}" stroke="#666" '
                   f'stroke-dasharray="4,4"/>')
        out.append(_text(lx + 18, ly + 10, "linear fit y = kx", 11, fill="#555"))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
