"""The report as a terminal table, CSV or JSON. The figures come from report.py.

CSV is one long table (section, tree, node, label, value, out of) so that a
spreadsheet can filter it without knowing how many sections there are; text that a
spreadsheet would take for a formula is made plain text (``text.spreadsheet``).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from troubleshoot.sessions.figures import Report, TreeFigures
from troubleshoot.text import one_line, spreadsheet

if TYPE_CHECKING:
    from rich.console import Console

CSV_FIELDS = ("section", "tree", "node", "label", "value", "out_of")


def percent(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.0f}%"


def minutes(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}".removesuffix(".0")


def hour_label(hour: int) -> str:
    return f"{hour:02d}:00"


def period(report: Report) -> str:
    if report.first is None or report.last is None:
        return "no sessions" + (f" since {report.since}" if report.since else "")
    since = f"since {report.since}, " if report.since else ""
    return f"{since}sessions from {report.first:%Y-%m-%d} to {report.last:%Y-%m-%d}"


# -- JSON -------------------------------------------------------------------------------


def _figures(f: TreeFigures) -> dict[str, Any]:
    data = asdict(f)
    for key in ("resolved_share", "escalated_share"):
        data[key] = None if data[key] is None else round(data[key], 4)
    for key in ("median_minutes", "p90_minutes"):
        data[key] = None if data[key] is None else round(data[key], 1)
    return data


def to_json(report: Report) -> str:
    data = {
        "since": report.since.isoformat() if report.since else None,
        "first": report.first.isoformat() if report.first else None,
        "last": report.last.isoformat() if report.last else None,
        "total": _figures(report.total),
        "trees": [_figures(f) for f in report.trees],
        "escalation_nodes": [asdict(n) for n in report.escalation_nodes],
        "failing_steps": [asdict(s) for s in report.failing_steps],
        "overruns": {
            "sessions": report.total.overruns,
            "by_reason": [asdict(o) for o in report.overruns],
            "kept_going": report.kept_going,
        },
        "hours": list(report.hours),
        "busiest_hours": [{"hour": h, "sessions": c} for h, c in report.busiest_hours],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


# -- CSV -------------------------------------------------------------------------------


def _number(value: float | None) -> str:
    return "" if value is None else minutes(value)


def csv_rows(report: Report) -> list[tuple[str, str, str, str, Any, Any]]:
    rows: list[tuple[str, str, str, str, Any, Any]] = []
    for f in (*report.trees, report.total):
        tree = f.tree or "(all)"
        ended = f.resolved + f.escalated + f.referred + f.abandoned
        rows += [
            ("sessions", tree, "", "sessions", f.sessions, ""),
            ("sessions", tree, "", "resolved", f.resolved, ended),
            ("sessions", tree, "", "escalated", f.escalated, ended),
            ("sessions", tree, "", "referred", f.referred, ended),
            ("sessions", tree, "", "abandoned", f.abandoned, ended),
            ("sessions", tree, "", "unfinished", f.unfinished, ""),
            ("sessions", tree, "", "median minutes to resolve", _number(f.median_minutes), ""),
            ("sessions", tree, "", "90th percentile minutes", _number(f.p90_minutes), ""),
            ("sessions", tree, "", "budget overruns", f.overruns, f.sessions),
        ]
    for n in report.escalation_nodes:
        rows.append(("escalation node", n.tree, n.node, one_line(n.reason), n.count, ""))
    for s in report.failing_steps:
        rows.append(("not fixed", s.tree, s.node, one_line(s.step), s.not_fixed, s.tried))
    for o in report.overruns:
        rows.append(("budget overrun", "", "", o.reason, o.sessions, ""))
    rows.append(("budget overrun", "", "", "kept going", report.kept_going, ""))
    for hour, count in enumerate(report.hours):
        rows.append(("hour", "", "", hour_label(hour), count, ""))
    return rows


def to_csv(report: Report) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    writer.writerows([spreadsheet(cell) for cell in row] for row in csv_rows(report))
    return buffer.getvalue().rstrip("\n")


# -- terminal ---------------------------------------------------------------------------


def show(console: Console, report: Report) -> None:
    from rich.table import Table
    from rich.text import Text

    def heading(text: str) -> None:
        console.print(Text("\n" + text, style="bold"))

    console.print(Text(f"Session report: {period(report)}", style="bold"))
    heading("Sessions per tree")
    table = Table(
        "tree", "sessions", "resolved", "escalated", "referred", "left", "open", "res%", "esc%",
        "median", "p90", "over", box=None,
    )  # fmt: skip
    for f in (*report.trees, report.total):
        table.add_row(
            one_line(f.tree) or "all",
            str(f.sessions),
            str(f.resolved),
            str(f.escalated),
            str(f.referred),
            str(f.abandoned),
            str(f.unfinished),
            percent(f.resolved_share),
            percent(f.escalated_share),
            minutes(f.median_minutes),
            minutes(f.p90_minutes),
            str(f.overruns),
        )
    console.print(table)
    console.print(
        Text(
            "left: the patron left; open: not ended yet; res%, esc%: of the sessions that "
            "ended; median, p90: minutes to resolve; over: sessions over budget",
            style="dim",
        )
    )

    heading("Where walks most often end in escalation")
    nodes = Table("node", "reason", "sessions", box=None)
    for n in report.escalation_nodes:
        nodes.add_row(one_line(f"{n.tree}#{n.node}"), one_line(n.reason), str(n.count))
    console.print(nodes if report.escalation_nodes else Text("None."))

    heading('Steps most often marked "not fixed"')
    steps = Table("step", "node", "not fixed", "of tried", box=None)
    for s in report.failing_steps:
        steps.add_row(
            one_line(s.step), one_line(f"{s.tree}#{s.node}"), str(s.not_fixed), str(s.tried)
        )
    console.print(steps if report.failing_steps else Text("None."))

    heading("Budget overruns (offered to stop guessing)")
    over = Table("reason", "sessions", box=None)
    for o in report.overruns:
        over.add_row(o.reason, str(o.sessions))
    console.print(over if report.overruns else Text("None."))
    if report.overruns:
        console.print(Text(f"Staff kept going in {report.kept_going} of them."))

    heading("Busiest hours (sessions started)")
    peak = max(report.hours) if any(report.hours) else 0
    hours = Table("hour", "sessions", "", box=None)
    for hour, count in report.busiest_hours:
        hours.add_row(hour_label(hour), str(count), "#" * round(20 * count / peak))
    console.print(hours if peak else Text("None."))
