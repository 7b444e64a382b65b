"""The report as one HTML file that opens anywhere, offline.

IT and trainers open it from an email or a USB stick, often on a locked-down PC, so
everything is inside the file: inline CSS, charts drawn as inline SVG, no script, no
font or image fetched from anywhere. Every chart has a table beside it with the same
numbers, and every bar carries its value as text, so nothing rests on colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from troubleshoot.sessions.figures import Report
from troubleshoot.text import one_line
from troubleshoot.ui.report import hour_label, minutes, percent, period

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em;
       color: #1d1d1f; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { padding: .25em .7em; text-align: left; border-bottom: 1px solid #ddd; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { display: block; margin: .5em 0; max-width: 100%; }
svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
.resolved { fill: #2e7d32; } .escalated { fill: #e69500; }
.referred { fill: #3a6ea5; } .abandoned { fill: #8e8e93; }
.unfinished { fill: #c7c7cc; } .bar { fill: #3a6ea5; }
.legend span { display: inline-block; margin-right: 1.2em; }
.swatch { display: inline-block; width: .9em; height: .9em; margin-right: .3em;
          vertical-align: -.1em; }
.none { color: #666; }
@media print { h2 { break-after: avoid; } }
"""

OUTCOME_COLOURS = (
    ("resolved", "#2e7d32"),
    ("escalated", "#e69500"),
    ("referred", "#3a6ea5"),
    ("abandoned", "#8e8e93"),
    ("unfinished", "#c7c7cc"),
)


def _e(text: object) -> str:
    return escape(one_line(str(text)), quote=True)


def _table(head: Sequence[str], rows: Sequence[Sequence[object]], numeric: set[int]) -> str:
    def cell(tag: str, i: int, value: object) -> str:
        cls = ' class="n"' if i in numeric else ""
        return f"<{tag}{cls}>{_e(value)}</{tag}>"

    out = ["<table>", "<tr>" + "".join(cell("th", i, h) for i, h in enumerate(head)) + "</tr>"]
    for row in rows:
        out.append("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _hbars(title: str, items: Sequence[tuple[str, int, str]]) -> str:
    """Horizontal bars, one per (label, value, value text), scaled to the largest."""
    if not items:
        return ""
    peak = max(v for _, v, _ in items) or 1
    row, label_w, bar_w = 24, 300, 320
    height = row * len(items) + 8
    parts = [
        f'<svg role="img" aria-label="{_e(title)}" width="{label_w + bar_w + 90}" '
        f'height="{height}" viewBox="0 0 {label_w + bar_w + 90} {height}">'
    ]
    for i, (label, value, shown) in enumerate(items):
        y = i * row + 4
        width = round(bar_w * value / peak)
        short = label if len(label) <= 45 else label[:44] + "…"
        parts.append(f'<text x="0" y="{y + 15}">{_e(short)}</text>')
        parts.append(
            f'<rect class="bar" x="{label_w}" y="{y}" width="{width}" height="{row - 8}">'
            f"<title>{_e(label)}: {_e(shown)}</title></rect>"
        )
        parts.append(f'<text x="{label_w + width + 6}" y="{y + 15}">{_e(shown)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _outcome_chart(report: Report) -> str:
    """One stacked bar per tree: resolved, escalated, left, unfinished."""
    if not report.trees:
        return ""
    peak = max(f.sessions for f in report.trees) or 1
    row, label_w, bar_w = 26, 180, 420
    height = row * len(report.trees) + 8
    parts = [
        f'<svg role="img" aria-label="Outcomes per tree" width="{label_w + bar_w + 60}" '
        f'height="{height}" viewBox="0 0 {label_w + bar_w + 60} {height}">'
    ]
    for i, f in enumerate(report.trees):
        y = i * row + 4
        parts.append(f'<text x="0" y="{y + 15}">{_e(f.tree)}</text>')
        x = float(label_w)
        for name, count in (
            ("resolved", f.resolved),
            ("escalated", f.escalated),
            ("referred", f.referred),
            ("abandoned", f.abandoned),
            ("unfinished", f.unfinished),
        ):
            if not count:
                continue
            width = bar_w * count / peak
            parts.append(
                f'<rect class="{name}" x="{x:.1f}" y="{y}" width="{width:.1f}" '
                f'height="{row - 8}"><title>{_e(f.tree)}: {count} {name}</title></rect>'
            )
            x += width
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}">{f.sessions}</text>')
    parts.append("</svg>")
    legend = "".join(
        f'<span><i class="swatch" style="background:{colour}"></i>{name}</span>'
        for name, colour in OUTCOME_COLOURS
    )
    return "\n".join(parts) + f'\n<p class="legend">{legend}</p>'


def _hours_chart(hours: Sequence[int]) -> str:
    peak = max(hours) if hours else 0
    if not peak:
        return ""
    col, chart_h, base = 26, 140, 160
    width = col * 24 + 10
    parts = [
        f'<svg role="img" aria-label="Sessions by hour started" width="{width}" '
        f'height="{base + 22}" viewBox="0 0 {width} {base + 22}">'
    ]
    for hour, count in enumerate(hours):
        x = hour * col + 5
        h = round(chart_h * count / peak)
        if count:
            parts.append(
                f'<rect class="bar" x="{x}" y="{base - h}" width="{col - 6}" height="{h}">'
                f"<title>{hour_label(hour)}: {count}</title></rect>"
            )
            parts.append(f'<text x="{x}" y="{base - h - 4}">{count}</text>')
        if hour % 3 == 0:
            parts.append(f'<text x="{x}" y="{base + 16}">{hour:02d}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _section(title: str, body: str) -> str:
    return f"<h2>{_e(title)}</h2>\n" + (body.strip() or '<p class="none">None.</p>')


def _trees(report: Report) -> str:
    head = [
        "tree", "sessions", "resolved", "escalated", "referred", "patron left", "unfinished",
        "resolved share", "escalated share", "median min to resolve", "90th pct min",
        "budget overruns",
    ]  # fmt: skip
    rows: list[list[object]] = [
        [
            f.tree or "all trees",
            f.sessions,
            f.resolved,
            f.escalated,
            f.referred,
            f.abandoned,
            f.unfinished,
            percent(f.resolved_share),
            percent(f.escalated_share),
            minutes(f.median_minutes),
            minutes(f.p90_minutes),
            f.overruns,
        ]
        for f in (*report.trees, report.total)
    ]
    return _outcome_chart(report) + "\n" + _table(head, rows, set(range(1, 11)))


def _escalations(report: Report) -> str:
    nodes = report.escalation_nodes
    if not nodes:
        return ""
    bars = [(f"{n.tree}#{n.node}", n.count, str(n.count)) for n in nodes]
    rows: list[list[object]] = [[f"{n.tree}#{n.node}", n.reason, n.count] for n in nodes]
    return _hbars("Escalations by node", bars) + _table(["node", "reason", "sessions"], rows, {2})


def _failing(report: Report) -> str:
    steps = report.failing_steps
    if not steps:
        return ""
    bars = [(s.step, s.not_fixed, f"{s.not_fixed} of {s.tried}") for s in steps]
    head = ["step", "node", "not fixed", "of sessions that tried it"]
    rows: list[list[object]] = [[s.step, f"{s.tree}#{s.node}", s.not_fixed, s.tried] for s in steps]
    return _hbars("Steps not fixed", bars) + _table(head, rows, {2, 3})


def _overruns(report: Report) -> str:
    if not report.overruns:
        return ""
    rows: list[list[object]] = [[o.reason, o.sessions] for o in report.overruns]
    kept = f"<p>Staff kept going in {report.kept_going} of them.</p>"
    return _table(["reason", "sessions"], rows, {1}) + kept


def _hours(report: Report) -> str:
    if not report.busiest_hours:
        return ""
    rows: list[list[object]] = [[hour_label(h), c] for h, c in report.busiest_hours]
    return _hours_chart(report.hours) + _table(["hour", "sessions"], rows, {1})


def to_html(report: Report) -> str:
    title = "Troubleshooting sessions report"
    sections = [
        _section("Sessions per tree", _trees(report)),
        _section("Where walks most often end in escalation", _escalations(report)),
        _section('Steps most often marked "not fixed"', _failing(report)),
        _section("Budget overruns (the tool offered to stop guessing)", _overruns(report)),
        _section("Busiest hours (sessions started)", _hours(report)),
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            f"<h1>{_e(title)}</h1>",
            f"<p>{_e(period(report))}</p>",
            *sections,
            "</body>",
            "</html>",
            "",
        ]
    )
