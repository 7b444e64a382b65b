"""The report's charts, drawn as inline SVG: no script, no font, nothing fetched.

Each chart stands beside a table of the same numbers, and every bar also carries its
value as text (and a ``<title>`` a screen reader reads), so nothing rests on colour
alone. The drawings are scaled by their ``viewBox``, so one chart fits a wide screen
and a printed A4 or Letter page alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from troubleshoot.text import one_line

#: A stacked bar: its label, its parts as (css class, count, name), the text after it.
Stack = tuple[str, Sequence[tuple[str, int, str]], str]


def e(text: object) -> str:
    return escape(one_line(str(text)), quote=True)


def _short(label: str, room: int) -> str:
    return label if len(label) <= room else label[: room - 1] + "…"


def _svg(title: str, width: int, height: int) -> str:
    return (
        f'<svg role="img" aria-label="{e(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    )


def hbars(title: str, items: Sequence[tuple[str, int, str]]) -> str:
    """Horizontal bars, one per (label, value, value text), scaled to the largest."""
    if not items:
        return ""
    peak = max(v for _, v, _ in items) or 1
    row, label_w, bar_w = 24, 300, 320
    height = row * len(items) + 8
    parts = [_svg(title, label_w + bar_w + 90, height)]
    for i, (label, value, shown) in enumerate(items):
        y = i * row + 4
        width = round(bar_w * value / peak)
        parts.append(f'<text x="0" y="{y + 15}">{e(_short(label, 45))}</text>')
        parts.append(
            f'<rect class="bar" x="{label_w}" y="{y}" width="{width}" height="{row - 8}">'
            f"<title>{e(label)}: {e(shown)}</title></rect>"
        )
        parts.append(f'<text x="{label_w + width + 6}" y="{y + 15}">{e(shown)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def stacked(title: str, rows: Sequence[Stack], legend: Sequence[tuple[str, str]]) -> str:
    """One bar per row made of its parts, all scaled to the longest bar; then a legend."""
    if not rows:
        return ""
    peak = max(sum(count for _, count, _ in parts) for _, parts, _ in rows) or 1
    row, label_w, bar_w = 26, 260, 360
    height = row * len(rows) + 8
    out = [_svg(title, label_w + bar_w + 110, height)]
    for i, (label, parts, after) in enumerate(rows):
        y = i * row + 4
        out.append(f'<text x="0" y="{y + 15}">{e(_short(label, 38))}</text>')
        x = float(label_w)
        for cls, count, name in parts:
            if not count:
                continue
            width = bar_w * count / peak
            out.append(
                f'<rect class="{cls}" x="{x:.1f}" y="{y}" width="{width:.1f}" '
                f'height="{row - 8}"><title>{e(label)}: {count} {e(name)}</title></rect>'
            )
            x += width
        out.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{e(after)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n" + key(legend)


def columns(title: str, items: Sequence[tuple[str, Sequence[tuple[str, int, str]]]]) -> str:
    """Upright stacked columns in order (a trend): label under each, its total above."""
    if not items:
        return ""
    peak = max(sum(c for _, c, _ in parts) for _, parts in items) or 1
    col, chart_h, base = 54, 150, 172
    width = col * len(items) + 10
    out = [_svg(title, width, base + 40)]
    for i, (label, parts) in enumerate(items):
        x, y = i * col + 5, float(base)
        for cls, count, name in parts:
            if not count:
                continue
            h = chart_h * count / peak
            y -= h
            out.append(
                f'<rect class="{cls}" x="{x}" y="{y:.1f}" width="{col - 10}" height="{h:.1f}">'
                f"<title>{e(label)}: {count} {e(name)}</title></rect>"
            )
        total = sum(c for _, c, _ in parts)
        out.append(f'<text x="{x}" y="{y - 4:.1f}">{total}</text>')
        out.append(f'<text x="{x}" y="{base + 16}">{e(label[-3:])}</text>')
        out.append(f'<text x="{x}" y="{base + 32}">{e(label[:4])}</text>')
    out.append("</svg>")
    return "\n".join(out)


def hours(counts: Sequence[int]) -> str:
    peak = max(counts) if counts else 0
    if not peak:
        return ""
    col, chart_h, base = 26, 140, 160
    width = col * 24 + 10
    parts = [_svg("Sessions by hour started", width, base + 22)]
    for hour, count in enumerate(counts):
        x = hour * col + 5
        h = round(chart_h * count / peak)
        if count:
            parts.append(
                f'<rect class="bar" x="{x}" y="{base - h}" width="{col - 6}" height="{h}">'
                f"<title>{e(f'{hour:02d}:00')}: {count}</title></rect>"
            )
            parts.append(f'<text x="{x}" y="{base - h - 4}">{count}</text>')
        if hour % 3 == 0:
            parts.append(f'<text x="{x}" y="{base + 16}">{hour:02d}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def key(legend: Sequence[tuple[str, str]]) -> str:
    """The legend: a swatch and a word for each colour, so the word carries the meaning."""
    spans = "".join(
        f'<span><svg width="12" height="12" viewBox="0 0 12 12"><rect class="{cls}" '
        f'width="12" height="12"/></svg> {e(name)}</span>'
        for cls, name in legend
    )
    return f'<p class="legend">{spans}</p>'
