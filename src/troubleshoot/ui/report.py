"""The report as CSV or JSON, and the words every form of it shares. Figures: figures.py.

``--by`` picks what a row is: a tree, a branch, a week or a step. The CSV is for IT's
own tools, so it is one row per group of that kind under one header row, with no
total row to be added in twice; text that a spreadsheet would take for a formula is
made plain text (``text.spreadsheet``). The JSON holds every grouping at once, as
values, for a program that wants more than one.
"""

from __future__ import annotations

import csv
import enum
import io
import json
from typing import Any

from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.frozen import asdict
from troubleshoot.sessions import trend
from troubleshoot.sessions.figures import Figures, Report
from troubleshoot.sessions.steps import StepFigures
from troubleshoot.text import one_line, spreadsheet


class By(str, enum.Enum):
    TREE = "tree"
    BRANCH = "branch"
    WEEK = "week"
    STEP = "step"


def choose_by(typed: str) -> By:
    for by in By:
        if typed.strip().lower() == by.value:
            return by
    names = ", ".join(b.value for b in By)
    raise TroubleshootError(f"--by: choose one of {names} (not '{typed}')", exit_code=Exit.USAGE)


def percent(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.0f}%"


def minutes(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}".removesuffix(".0")


def hour_label(hour: int) -> str:
    return f"{hour:02d}:00"


def tree_name(report: Report, tree: str) -> str:
    """A tree as people read it: its title, with its id after when they differ."""
    title = one_line(report.title(tree))
    return title if title == tree else f"{title} ({one_line(tree)})"


def week_name(week: str) -> str:
    return f"{week} (from {trend.monday(week):%d %b})"


def reasons(step: StepFigures, few: int = 3) -> str:
    return "; ".join(f"{one_line(r)} ({n})" for r, n in step.reasons[:few])


def period(report: Report) -> str:
    chosen = report.selection
    limits = [
        f"from {chosen.since}" if chosen.since else "",
        f"to {chosen.until}" if chosen.until else "",
        f"tree {one_line(chosen.tree)}" if chosen.tree else "",
        f"branch {one_line(chosen.branch)}" if chosen.branch else "",
    ]
    asked = ", ".join(part for part in limits if part)
    if report.first is None or report.last is None:
        return "no sessions" + (f" ({asked})" if asked else "")
    asked = f"{asked}: " if asked else ""
    return f"{asked}sessions from {report.first:%Y-%m-%d} to {report.last:%Y-%m-%d}"


# -- JSON -------------------------------------------------------------------------------


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _figures(f: Figures, key: str) -> dict[str, Any]:
    data = asdict(f)
    data = {key: data.pop("group"), **data}
    for name in ("resolved_share", "escalated_share"):
        data[name] = _round(data[name], 4)
    for name in ("median_minutes", "p90_minutes", "escalate_median_minutes",
                 "escalate_p90_minutes"):  # fmt: skip
        data[name] = _round(data[name], 1)
    return data


def _step(s: StepFigures, report: Report) -> dict[str, Any]:
    return {
        "tree": s.tree,
        "tree_title": report.title(s.tree),
        "node": s.node,
        "step": s.step,
        "tried": s.tried,
        "fixed": s.fixed,
        "not_fixed": s.not_fixed,
        "could_not_try": s.cannot,
        "fix_rate": _round(s.fix_rate, 4),
        "reasons": [{"reason": r, "sessions": n} for r, n in s.reasons],
    }


def to_json(report: Report, by: By = By.TREE) -> str:
    chosen = report.selection
    data = {
        "by": by.value,
        "since": chosen.since.isoformat() if chosen.since else None,
        "until": chosen.until.isoformat() if chosen.until else None,
        "tree": chosen.tree,
        "branch": chosen.branch,
        "first": report.first.isoformat() if report.first else None,
        "last": report.last.isoformat() if report.last else None,
        "total": _figures(report.total, "tree"),
        "trees": [{**_figures(f, "tree"), "title": report.title(f.group)} for f in report.trees],
        "branches": [_figures(f, "branch") for f in report.branches],
        "weeks": [
            {**_figures(f, "week"), "monday": trend.monday(f.group).isoformat()}
            for f in report.weeks
        ],
        "steps": [_step(s, report) for s in report.steps],
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

OUTCOME_FIELDS = (
    "sessions", "resolved", "escalated", "urgent", "referred", "patron_left", "unfinished",
    "resolved_share", "escalated_share", "median_minutes_to_resolve",
    "p90_minutes_to_resolve", "median_minutes_to_escalate", "p90_minutes_to_escalate",
    "budget_overruns",
)  # fmt: skip
STEP_FIELDS = (
    "tree", "tree_title", "node", "step", "tried", "fixed", "not_fixed", "could_not_try",
    "fix_rate", "reasons",
)  # fmt: skip


def _number(value: float | None) -> str:
    return "" if value is None else minutes(value)


def _share(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def _outcomes(f: Figures) -> list[Any]:
    return [
        f.sessions, f.resolved, f.escalated, f.urgent, f.referred, f.abandoned, f.unfinished,
        _share(f.resolved_share), _share(f.escalated_share), _number(f.median_minutes),
        _number(f.p90_minutes), _number(f.escalate_median_minutes),
        _number(f.escalate_p90_minutes), f.overruns,
    ]  # fmt: skip


def csv_rows(report: Report, by: By = By.TREE) -> list[list[Any]]:
    """The header, then one row per tree, branch, week or step."""
    if by is By.STEP:
        return [list(STEP_FIELDS)] + [
            [
                s.tree,
                report.title(s.tree),
                s.node,
                one_line(s.step),
                s.tried,
                s.fixed,
                s.not_fixed,
                s.cannot,
                _share(s.fix_rate),
                reasons(s, len(s.reasons)),
            ]
            for s in report.steps
        ]
    if by is By.TREE:
        head = ["tree", "title", *OUTCOME_FIELDS]
        return [head] + [[f.group, report.title(f.group), *_outcomes(f)] for f in report.trees]
    if by is By.BRANCH:
        return [["branch", *OUTCOME_FIELDS]] + [[f.group, *_outcomes(f)] for f in report.branches]
    return [["week", "monday", *OUTCOME_FIELDS]] + [
        [f.group, trend.monday(f.group).isoformat(), *_outcomes(f)] for f in report.weeks
    ]


def to_csv(report: Report, by: By = By.TREE) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows([spreadsheet(cell) for cell in row] for row in csv_rows(report, by))
    return buffer.getvalue().rstrip("\n")
