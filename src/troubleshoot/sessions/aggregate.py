"""The report's figures summed by the database, from the rows summary.py keeps.

Reading 900,000 sessions into Python to count them took a minute; the engine sums
the same rows in a few seconds. Each figure is the one figures.py and steps.py
define, and a test checks that this module gives the very same Report as they do
over whole sessions, on both engines. The few figures that are not sums are:

- Medians and 90th percentiles. PostgreSQL has them as ordered-set aggregates:
  ``percentile_disc(0.9)`` is the nearest rank exactly as figures.percentile takes
  it; the median is the mean of the two middle times, found as ``percentile_disc(0.5)``
  in rising and in falling order (``percentile_cont`` interpolates, and can round the
  mean of two times differently from figures.median in the last digit). SQLite
  numbers each group's times in order (a window) and returns only the rows at those
  ranks, so only a handful of rows come back however many sessions there are.
- Which spelling stands for a group of reasons, and which text for a step: the
  first seen in start order, as steps.py takes them.

The SQL is written with ``?`` marks; PostgreSQL's driver is given ``%s`` instead.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from troubleshoot.sessions import figures, steps, trend
from troubleshoot.sessions.figures import EscalationNode, Figures, Overrun, Report
from troubleshoot.sessions.rows import Row, when
from troubleshoot.sessions.selection import Selection
from troubleshoot.sessions.summary import SEPARATOR
from troubleshoot.walk.prompts import NOT_TRIED, Outcome

Read = Callable[[str, Sequence[Any]], Sequence[Row]]
#: The groupings of the report's rows: its total, trees, branches and weeks.
GROUPINGS = ("total", "tree", "branch", "week")
_TIMED = (Outcome.RESOLVED, Outcome.ESCALATED)
#: (grouping, group, outcome) -> (median, 90th percentile) of the times.
Times = dict[tuple[str, str, str], tuple[float, float]]


def where(selection: Selection, tree: str = "tree") -> tuple[str, list[Any]]:
    """The selection as a WHERE clause over summary rows; *tree* is the walk's tree column.

    The days are ranges over the start time, as tally.where has them; the branch is
    kept as the report groups it, "(no branch)" included.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if selection.since is not None:
        clauses.append("started >= ?")
        params.append(selection.since.isoformat())
    if selection.until is not None:
        clauses.append("started < ?")
        params.append((selection.until + dt.timedelta(days=1)).isoformat())
    if selection.tree is not None:
        clauses.append(f"{tree} = ?")
        params.append(selection.tree)
    if selection.branch is not None:
        clauses.append("branch = ?")
        params.append(selection.branch)
    return " AND ".join(clauses) or "1 = 1", params


class _Tally:
    """One group's counts as they come from the database, until they become Figures."""

    def __init__(self) -> None:
        self.outcomes: Counter[str | None] = Counter()
        self.overruns = 0
        self.urgent = 0

    def figures(self, grouping: str, group: str, times: Times) -> Figures:
        o = self.outcomes
        ended = sum(o[str(x)] for x in Outcome)
        resolved = times.get((grouping, group, str(Outcome.RESOLVED)))
        escalated = times.get((grouping, group, str(Outcome.ESCALATED)))
        return Figures(
            group=group,
            sessions=sum(o.values()),
            resolved=o[str(Outcome.RESOLVED)],
            escalated=o[str(Outcome.ESCALATED)],
            abandoned=o[str(Outcome.ABANDONED)],
            referred=o[str(Outcome.REFERRED)],
            unfinished=o[None],
            resolved_share=o[str(Outcome.RESOLVED)] / ended if ended else None,
            escalated_share=o[str(Outcome.ESCALATED)] / ended if ended else None,
            median_minutes=resolved[0] if resolved else None,
            p90_minutes=resolved[1] if resolved else None,
            overruns=self.overruns,
            urgent=self.urgent,
            escalate_median_minutes=escalated[0] if escalated else None,
            escalate_p90_minutes=escalated[1] if escalated else None,
        )


def report(
    read: Read,
    selection: Selection,
    titles: Mapping[str, str] | None = None,
    *,
    postgres: bool = False,
) -> Report:
    """The report over the summary rows *selection* admits, read through *read*."""
    ask = _with_percent_marks(read) if postgres else read
    clause, params = where(selection)
    clause = f"kept = 1 AND {clause}"
    tallies: dict[tuple[str, str], _Tally] = {}
    first = last = None
    for row in ask(
        "SELECT tree, branch, week, outcome, COUNT(*) AS n, MIN(started) AS first, "
        "MAX(started) AS last, SUM(urgent) AS urgent, "
        "SUM(CASE WHEN overruns = '' THEN 0 ELSE 1 END) AS overruns "
        f"FROM summaries WHERE {clause} GROUP BY tree, branch, week, outcome",
        params,
    ):
        for grouping, group in zip(
            GROUPINGS, ("", row["tree"], row["branch"], row["week"]), strict=True
        ):
            tally = tallies.setdefault((grouping, group), _Tally())
            tally.outcomes[row["outcome"]] += int(row["n"])
            tally.overruns += int(row["overruns"])
            tally.urgent += int(row["urgent"])
        first = row["first"] if first is None else min(first, row["first"])
        last = row["last"] if last is None else max(last, row["last"])
    times = (_postgres_times if postgres else _sqlite_times)(ask, clause, params)

    def grouped(grouping: str) -> dict[str, Figures]:
        return {
            group: tally.figures(grouping, group, times)
            for (kind, group), tally in tallies.items()
            if kind == grouping
        }

    weeks = grouped("week")
    span = trend.weeks(when(first).date(), when(last).date()) if first and last else ()
    found = _steps(ask, selection, postgres)
    over, kept = _overruns(ask, clause, params)
    return Report(
        selection=selection,
        first=when(first) if first else None,
        last=when(last) if last else None,
        total=grouped("total").get("") or _Tally().figures("total", "", times),
        trees=tuple(sorted(grouped("tree").values(), key=lambda f: (-f.sessions, f.group))),
        branches=tuple(sorted(grouped("branch").values(), key=lambda f: f.group)),
        weeks=tuple(weeks.get(w) or _Tally().figures("week", w, times) for w in span),
        steps=found,
        escalation_nodes=_escalation_nodes(ask, clause, params),
        failing_steps=figures.failing_steps(found),
        overruns=over,
        kept_going=kept,
        hours=_hours(ask, clause, params),
        titles=dict(titles or {}),
    )


def _with_percent_marks(read: Read) -> Read:
    def ask(sql: str, params: Sequence[Any]) -> Sequence[Row]:
        return read(sql.replace("?", "%s"), params)

    return ask


_TIMED_WHERE = "outcome IN (?, ?) AND minutes IS NOT NULL"


def _postgres_times(ask: Read, clause: str, params: list[Any]) -> Times:
    """Every grouping's times in one pass, by grouping sets."""
    found: Times = {}
    names = {7: "total", 3: "tree", 5: "branch", 6: "week"}  # GROUPING(): 1 = not grouped by
    for row in ask(
        "SELECT GROUPING(tree, branch, week) AS level, tree, branch, week, outcome, "
        "percentile_disc(0.5) WITHIN GROUP (ORDER BY minutes) AS low, "
        "percentile_disc(0.5) WITHIN GROUP (ORDER BY minutes DESC) AS high, "
        "percentile_disc(0.9) WITHIN GROUP (ORDER BY minutes) AS p90 "
        f"FROM summaries WHERE {clause} AND {_TIMED_WHERE} GROUP BY GROUPING SETS "
        "((outcome), (outcome, tree), (outcome, branch), (outcome, week))",
        [*params, *map(str, _TIMED)],
    ):
        grouping = names[row["level"]]
        group = "" if grouping == "total" else row[grouping]
        found[(grouping, group, row["outcome"])] = ((row["low"] + row["high"]) / 2, row["p90"])
    return found


def _sqlite_times(ask: Read, clause: str, params: list[Any]) -> Times:
    """Each grouping's times numbered in order, and only the ranks that count read back."""
    found: Times = {}
    for grouping in GROUPINGS:
        column = "''" if grouping == "total" else grouping
        ranks: dict[tuple[str, str], dict[int, float]] = {}
        counts: dict[tuple[str, str], int] = {}
        for row in ask(
            "SELECT grp, outcome, rn, c, minutes FROM ("
            f"SELECT {column} AS grp, outcome, minutes, "
            f"ROW_NUMBER() OVER (PARTITION BY {column}, outcome ORDER BY minutes) AS rn, "
            f"COUNT(*) OVER (PARTITION BY {column}, outcome) AS c "
            f"FROM summaries WHERE {clause} AND {_TIMED_WHERE}) "
            "WHERE rn = (c + 1) / 2 OR rn = (c + 2) / 2 OR (rn >= 0.9 * c AND rn - 1 < 0.9 * c)",
            [*params, *map(str, _TIMED)],
        ):
            key = (row["grp"], row["outcome"])
            ranks.setdefault(key, {})[row["rn"]] = row["minutes"]
            counts[key] = row["c"]
        for (group, outcome), at in ranks.items():
            c = counts[(group, outcome)]
            median = (at[(c + 1) // 2] + at[(c + 2) // 2]) / 2
            found[(grouping, group, outcome)] = (median, at[max(1, math.ceil(90 / 100 * c))])
    return found


def _escalation_nodes(ask: Read, clause: str, params: list[Any]) -> tuple[EscalationNode, ...]:
    counts = {
        (row["end_tree"], row["end_node"], row["end_reason"]): int(row["n"])
        for row in ask(
            "SELECT end_tree, end_node, end_reason, COUNT(*) AS n FROM summaries "
            f"WHERE {clause} AND outcome = ? GROUP BY end_tree, end_node, end_reason",
            [*params, str(Outcome.ESCALATED)],
        )
    }
    ranked = sorted(counts.items(), key=lambda kc: (-kc[1], kc[0]))
    return tuple(EscalationNode(t, n, r, c) for (t, n, r), c in ranked[: figures.TOP])


def _overruns(ask: Read, clause: str, params: list[Any]) -> tuple[tuple[Overrun, ...], int]:
    by_reason: Counter[str] = Counter()
    kept = 0
    for row in ask(
        "SELECT overruns, COUNT(*) AS n, SUM(kept_going) AS kept FROM summaries "
        f"WHERE {clause} GROUP BY overruns",
        params,
    ):
        kept += int(row["kept"])
        for reason in filter(None, row["overruns"].split(SEPARATOR)):
            by_reason[reason] += int(row["n"])
    ranked = sorted(by_reason.items(), key=lambda kc: (-kc[1], kc[0]))
    return tuple(Overrun(r, c) for r, c in ranked), kept


def _hours(ask: Read, clause: str, params: list[Any]) -> tuple[int, ...]:
    hours = [0] * 24
    for row in ask(
        f"SELECT hour, COUNT(*) AS n FROM summaries WHERE {clause} GROUP BY hour", params
    ):
        hours[row["hour"]] += int(row["n"])
    return tuple(hours)


def _steps(ask: Read, selection: Selection, postgres: bool) -> tuple[steps.StepFigures, ...]:
    """Each step's last results, summed; its text and the reasons' spellings first seen."""
    clause, params = where(selection, tree="walk_tree")
    results = {
        (row["tree"], row["node"], row["result"]): int(row["n"])
        for row in ask(
            "SELECT tree, node, result, COUNT(*) AS n FROM step_results "
            f"WHERE {clause} GROUP BY tree, node, result",
            params,
        )
    }
    order = "(started || ' ' || session)" + (' COLLATE "C"' if postgres else "")
    texts: dict[tuple[str, str], tuple[str, str]] = {}  # (tree, node) -> (first seen, text)
    for row in ask(
        f"SELECT tree, node, text, MIN({order}) AS seen FROM step_results "
        f"WHERE {clause} GROUP BY tree, node, text",
        params,
    ):
        key, seen = (row["tree"], row["node"]), (row["seen"], row["text"])
        texts[key] = min(texts.get(key, seen), seen)
    reasons: dict[tuple[str, str], dict[str, int]] = {}
    for row in ask(
        "SELECT tree, node, reason_key, COUNT(*) AS n FROM step_results "
        f"WHERE {clause} AND result = ? GROUP BY tree, node, reason_key",
        [*params, str(NOT_TRIED)],
    ):
        reasons.setdefault((row["tree"], row["node"]), {})[row["reason_key"]] = int(row["n"])
    spelling = {
        row["reason_key"]: row["reason"]
        for row in ask(
            "SELECT reason_key, reason FROM (SELECT reason_key, reason, ROW_NUMBER() OVER "
            "(PARTITION BY reason_key ORDER BY started, session, seq) AS n FROM step_results "
            f"WHERE {clause} AND result = ?) AS firsts WHERE n = 1",
            [*params, str(NOT_TRIED)],
        )
    }
    words = {key: text for key, (_, text) in texts.items()}
    return steps.ranked(results, words, reasons, spelling)
