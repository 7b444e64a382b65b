"""The report as one HTML file that opens anywhere, offline, and prints.

IT and branch managers open it from an email or a USB stick, often on a locked-down
PC, so everything is inside the file: inline CSS, charts drawn as inline SVG
(report_charts.py), no script, no font or image fetched from anywhere. Every chart
has a table beside it with the same numbers. It prints on A4 or Letter: the page
rules leave margins both papers share, and a chart or table is kept on one page.
"""

from __future__ import annotations

from collections.abc import Sequence

from troubleshoot.sessions import trend
from troubleshoot.sessions.figures import Figures, Report
from troubleshoot.text import one_line
from troubleshoot.ui import report_charts as charts
from troubleshoot.ui.report import hour_label, minutes, percent, period, reasons, tree_name
from troubleshoot.ui.report_charts import e

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em;
       color: #1d1d1f; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { padding: .25em .7em; text-align: left; border-bottom: 1px solid #ddd;
         vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
svg { display: block; margin: .5em 0; max-width: 100%; height: auto; }
svg text { font: 12px system-ui, sans-serif; fill: #1d1d1f; }
.legend svg { display: inline; margin: 0 .2em 0 0; vertical-align: -.1em; }
.legend span { display: inline-block; margin-right: 1.2em; }
.resolved, .fixed { fill: #2e7d32; } .escalated, .notfixed { fill: #e69500; }
.referred { fill: #3a6ea5; } .abandoned, .cannot { fill: #8e8e93; }
.unfinished { fill: #c7c7cc; } .bar { fill: #3a6ea5; }
.none, .note { color: #555; }
@page { size: portrait; margin: 16mm 14mm; }
@media print {
  body { font-size: 10pt; margin: 0; max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 1.2em; }
  section, table, svg, .legend { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""

OUTCOMES = (
    ("resolved", "resolved"),
    ("escalated", "escalated"),
    ("referred", "referred"),
    ("abandoned", "patron left"),
    ("unfinished", "unfinished"),
)
RESULTS = (("fixed", "fixed"), ("notfixed", "not fixed"), ("cannot", "couldn't try"))


def _table(head: Sequence[str], rows: Sequence[Sequence[object]], numeric: set[int]) -> str:
    def cell(tag: str, i: int, value: object) -> str:
        cls = ' class="n"' if i in numeric else ""
        return f"<{tag}{cls}>{e(value)}</{tag}>"

    out = ["<table>", "<tr>" + "".join(cell("th", i, h) for i, h in enumerate(head)) + "</tr>"]
    for row in rows:
        out.append("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _parts(f: Figures) -> list[tuple[str, int, str]]:
    counts = (f.resolved, f.escalated, f.referred, f.abandoned, f.unfinished)
    return [(cls, n, name) for (cls, name), n in zip(OUTCOMES, counts, strict=True)]


def _outcomes(title: str, named: Sequence[tuple[str, Figures]], total: Figures) -> str:
    """A stacked bar per group, then its outcomes and its times as tables."""
    rows = [(name, _parts(f), str(f.sessions)) for name, f in named]
    chart = charts.stacked(title, rows, OUTCOMES)
    head = ["", "sessions", "resolved", "escalated", "of them urgent", "referred",
            "patron left", "unfinished", "resolved share", "escalated share"]  # fmt: skip
    times = ["", "median min to resolve", "90th pct", "median min to escalate", "90th pct",
             "budget overruns"]  # fmt: skip
    every = [*named, ("all", total)]
    counts: list[list[object]] = [
        [name, f.sessions, f.resolved, f.escalated, f.urgent, f.referred, f.abandoned,
         f.unfinished, percent(f.resolved_share), percent(f.escalated_share)]
        for name, f in every
    ]  # fmt: skip
    spans: list[list[object]] = [
        [name, minutes(f.median_minutes), minutes(f.p90_minutes),
         minutes(f.escalate_median_minutes), minutes(f.escalate_p90_minutes), f.overruns]
        for name, f in every
    ]  # fmt: skip
    return "\n".join(
        [
            f"<section>{chart}\n{_table(head, counts, set(range(1, 10)))}</section>",
            f"<section>{_table(times, spans, set(range(1, 6)))}</section>",
        ]
    )


def _trend(report: Report) -> str:
    if not report.weeks:
        return ""
    chart = charts.columns(
        "Sessions per week", [(f.group, _parts(f)) for f in report.weeks]
    ) + "\n" + charts.key(OUTCOMES)  # fmt: skip
    head = ["week", "from", "sessions", "resolved", "escalated", "referred", "patron left",
            "unfinished", "resolved share"]  # fmt: skip
    rows: list[list[object]] = [
        [f.group, f"{trend.monday(f.group):%Y-%m-%d}", f.sessions, f.resolved, f.escalated,
         f.referred, f.abandoned, f.unfinished, percent(f.resolved_share)]
        for f in report.weeks
    ]  # fmt: skip
    return f"<section>{chart}\n{_table(head, rows, set(range(2, 9)))}</section>"


def _steps(report: Report) -> str:
    if not report.steps:
        return ""
    rows = [
        (
            one_line(s.step),
            [("fixed", s.fixed, "fixed"), ("notfixed", s.not_fixed, "not fixed"),
             ("cannot", s.cannot, "couldn't try")],
            f"{percent(s.fix_rate)} fixed",
        )
        for s in report.steps
    ]  # fmt: skip
    head = ["step", "tree", "tried", "fixed", "not fixed", "couldn't try", "fix rate",
            "reasons for couldn't try"]  # fmt: skip
    table: list[list[object]] = [
        [s.step, tree_name(report, s.tree), s.tried, s.fixed, s.not_fixed, s.cannot,
         percent(s.fix_rate), reasons(s)]
        for s in report.steps
    ]  # fmt: skip
    chart = charts.stacked("What came of each step", rows, RESULTS)
    return f"<section>{chart}\n{_table(head, table, set(range(2, 7)))}</section>"


def _escalations(report: Report) -> str:
    nodes = report.escalation_nodes
    if not nodes:
        return ""
    named = [(f"{tree_name(report, n.tree)} #{n.node}", n) for n in nodes]
    bars = [(name, n.count, str(n.count)) for name, n in named]
    rows: list[list[object]] = [[name, n.reason, n.count] for name, n in named]
    return (
        f"<section>{charts.hbars('Escalations by node', bars)}\n"
        f"{_table(['node', 'reason', 'sessions'], rows, {2})}</section>"
    )


def _failing(report: Report) -> str:
    steps = report.failing_steps
    if not steps:
        return ""
    bars = [(s.step, s.not_fixed, f"{s.not_fixed} of {s.tried}") for s in steps]
    head = ["step", "tree", "not fixed", "of sessions that tried it"]
    rows: list[list[object]] = [
        [s.step, f"{tree_name(report, s.tree)} #{s.node}", s.not_fixed, s.tried] for s in steps
    ]
    return (
        f"<section>{charts.hbars('Steps not fixed', bars)}\n{_table(head, rows, {2, 3})}</section>"
    )


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
    table = _table(["hour", "sessions"], rows, {1})
    return f"<section>{charts.hours(report.hours)}\n{table}</section>"


def _section(title: str, body: str) -> str:
    return f"<h2>{e(title)}</h2>\n" + (body.strip() or '<p class="none">None.</p>')


def to_html(report: Report) -> str:
    title = "Troubleshooting sessions report"
    trees = [(tree_name(report, f.group), f) for f in report.trees]
    branches = [(one_line(f.group), f) for f in report.branches]
    sections = [
        _section("Sessions per tree", _outcomes("Outcomes per tree", trees, report.total)),
        _section("Sessions per branch", _outcomes("Outcomes per branch", branches, report.total)),
        _section("Sessions per week (ISO weeks, from Monday)", _trend(report)),
        _section("What came of each step", _steps(report)),
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
            f"<title>{e(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            f"<h1>{e(title)}</h1>",
            f"<p>{e(period(report))}</p>",
            *sections,
            "</body>",
            "</html>",
            "",
        ]
    )
