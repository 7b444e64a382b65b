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
  has no such aggregate: its one pass over the rows also counts how often each time
  occurred in each group, and the ranks are read off those counts. Times recorded to
  the second repeat a lot, so this is far fewer rows than sessions; at worst, every
  time different, it is one row per session, as reading them would be.
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
_TIMED = (str(Outcome.RESOLVED), str(Outcome.ESCALATED))
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
        self.minutes: dict[str, Counter[float]] = {}  # outcome -> how often each time
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


class _Found:
    """The summary rows summed, before they become the report's figures."""

    def __init__(self) -> None:
        self.tallies: dict[tuple[str, str], _Tally] = {}
        self.first: str | None = None
        self.last: str | None = None
        self.hours = [0] * 24
        self.overruns: Counter[str] = Counter()
        self.kept_going = 0
        self.escalated: Counter[tuple[str, str, str]] = Counter()

    def tally(self, grouping: str, group: str) -> _Tally:
        return self.tallies.setdefault((grouping, group), _Tally())

    def count(self, row: Row) -> None:
        """A row of counts by tree, branch, week and outcome (and, in SQLite, time)."""
        groups = ("", row["tree"], row["branch"], row["week"])
        n, outcome = int(row["n"]), row["outcome"]
        for grouping, group in zip(GROUPINGS, groups, strict=True):
            tally = self.tally(grouping, group)
            tally.outcomes[outcome] += n
            tally.overruns += int(row["over"])
            tally.urgent += int(row["urgent"])
        self.first = row["first"] if self.first is None else min(self.first, row["first"])
        self.last = row["last"] if self.last is None else max(self.last, row["last"])

    def time(self, grouping: str, group: str, row: Row) -> None:
        """How many sessions of a group ended with this outcome after this many minutes."""
        if row["outcome"] in _TIMED and row["minutes"] is not None:
            counts = self.tally(grouping, group).minutes.setdefault(row["outcome"], Counter())
            counts[row["minutes"]] += int(row["n"])

    def hour(self, row: Row) -> None:
        self.hours[row["hour"]] += int(row["n"])

    def overrun(self, row: Row) -> None:
        self.kept_going += int(row["kept_going"])
        for reason in filter(None, row["overruns"].split(SEPARATOR)):
            self.overruns[reason] += int(row["n"])

    def escalation(self, row: Row) -> None:
        if row["outcome"] == str(Outcome.ESCALATED):
            self.escalated[(row["end_tree"], row["end_node"], row["end_reason"])] += int(row["n"])


_SUMS = (
    "COUNT(*) AS n, MIN(started) AS first, MAX(started) AS last, SUM(urgent) AS urgent, "
    "SUM(CASE WHEN overruns = '' THEN 0 ELSE 1 END) AS over, SUM(kept_going) AS kept_going"
)


def _sqlite(ask: Read, clause: str, params: list[Any]) -> _Found:
    """A few passes, each sorted once: SQLite groups by sorting, and has no grouping sets.

    The counts by tree, branch, week and outcome are also grouped by the time itself,
    so each group's times come back as how often each time occurred, in that one pass.
    """
    found = _Found()
    for row in ask(
        f"SELECT tree, branch, week, outcome, minutes, {_SUMS} FROM summaries "
        f"WHERE {clause} GROUP BY tree, branch, week, outcome, minutes",
        params,
    ):
        found.count(row)
        groups = ("", row["tree"], row["branch"], row["week"])
        for grouping, group in zip(GROUPINGS, groups, strict=True):
            found.time(grouping, group, row)
    hours = f"SELECT hour, COUNT(*) AS n FROM summaries WHERE {clause} GROUP BY hour"
    for row in ask(hours, params):
        found.hour(row)
    for row in ask(
        "SELECT overruns, COUNT(*) AS n, SUM(kept_going) AS kept_going FROM summaries "
        f"WHERE {clause} GROUP BY overruns",
        params,
    ):
        found.overrun(row)
    for row in ask(
        "SELECT outcome, end_tree, end_node, end_reason, COUNT(*) AS n FROM summaries "
        f"WHERE {clause} AND outcome = ? GROUP BY outcome, end_tree, end_node, end_reason",
        [*params, str(Outcome.ESCALATED)],
    ):
        found.escalation(row)
    return found


#: PostgreSQL's one pass: every grouping the report needs, as grouping sets.
_SETS = {
    "count": ("tree", "branch", "week", "outcome"),
    "total": ("outcome", "minutes"),
    "tree": ("outcome", "tree", "minutes"),
    "branch": ("outcome", "branch", "minutes"),
    "week": ("outcome", "week", "minutes"),
    "hour": ("hour",),
    "overrun": ("overruns",),
    "escalation": ("outcome", "end_tree", "end_node", "end_reason"),
}
_LEVEL = ("tree", "branch", "week", "outcome", "minutes", "hour", "overruns", "end_tree")


def _level(columns: Sequence[str]) -> int:
    """What GROUPING() says of a set: one bit per column it does not group by."""
    return sum(1 << (len(_LEVEL) - 1 - i) for i, c in enumerate(_LEVEL) if c not in columns)


def _postgres(ask: Read, clause: str, params: list[Any]) -> _Found:
    """One pass over the summary rows for every figure but the steps' (grouping sets)."""
    found = _Found()
    sets = ", ".join(f"({', '.join(columns)})" for columns in _SETS.values())
    kinds = {_level(columns): kind for kind, columns in _SETS.items()}
    columns = ", ".join((*_LEVEL, "end_node", "end_reason"))
    for row in ask(
        f"SELECT GROUPING({', '.join(_LEVEL)}) AS level, {columns}, {_SUMS} "
        f"FROM summaries WHERE {clause} GROUP BY GROUPING SETS ({sets})",
        params,
    ):
        kind = kinds[row["level"]]
        if kind == "count":
            found.count(row)
        elif kind in GROUPINGS:
            found.time(kind, "" if kind == "total" else row[kind], row)
        else:
            getattr(found, kind)(row)
    return found


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
    found = (_postgres if postgres else _sqlite)(ask, f"kept = 1 AND {clause}", params)
    times = _ranked(found.tallies)

    def grouped(grouping: str) -> dict[str, Figures]:
        return {
            group: tally.figures(grouping, group, times)
            for (kind, group), tally in found.tallies.items()
            if kind == grouping and tally.outcomes
        }

    first, last = found.first, found.last
    weeks = grouped("week")
    span = trend.weeks(when(first).date(), when(last).date()) if first and last else ()
    steps_found = _steps(ask, selection, postgres)
    escalated = sorted(found.escalated.items(), key=lambda kc: (-kc[1], kc[0]))
    overruns = sorted(found.overruns.items(), key=lambda kc: (-kc[1], kc[0]))
    return Report(
        selection=selection,
        first=when(first) if first else None,
        last=when(last) if last else None,
        total=grouped("total").get("") or _Tally().figures("total", "", times),
        trees=tuple(sorted(grouped("tree").values(), key=lambda f: (-f.sessions, f.group))),
        branches=tuple(sorted(grouped("branch").values(), key=lambda f: f.group)),
        weeks=tuple(weeks.get(w) or _Tally().figures("week", w, times) for w in span),
        steps=steps_found,
        escalation_nodes=tuple(
            EscalationNode(t, n, r, c) for (t, n, r), c in escalated[: figures.TOP]
        ),
        failing_steps=figures.failing_steps(steps_found),
        overruns=tuple(Overrun(r, c) for r, c in overruns),
        kept_going=found.kept_going,
        hours=tuple(found.hours),
        titles=dict(titles or {}),
    )


def _with_percent_marks(read: Read) -> Read:
    def ask(sql: str, params: Sequence[Any]) -> Sequence[Row]:
        return read(sql.replace("?", "%s"), params)

    return ask


def _ranked(tallies: Mapping[tuple[str, str], _Tally]) -> Times:
    """Each group's median and 90th percentile from how many times each time occurred."""
    found: Times = {}
    for (grouping, group), tally in tallies.items():
        for outcome, counts in tally.minutes.items():
            c = sum(counts.values())
            wanted = ((c + 1) // 2, (c + 2) // 2, max(1, math.ceil(90 / 100 * c)))
            at: dict[int, float] = {}
            seen = 0
            for minutes in sorted(counts):
                seen += counts[minutes]
                at.update((rank, minutes) for rank in wanted if rank not in at and rank <= seen)
            found[(grouping, group, outcome)] = ((at[wanted[0]] + at[wanted[1]]) / 2, at[wanted[2]])
    return found


def _steps(ask: Read, selection: Selection, postgres: bool) -> tuple[steps.StepFigures, ...]:
    """Each step's last results, summed; its text and the reasons' spellings first seen."""
    clause, params = where(selection, tree="walk_tree")
    order = "(started || ' ' || session)" + (' COLLATE "C"' if postgres else "")
    results: Counter[tuple[str, str, str]] = Counter()
    texts: dict[tuple[str, str], tuple[str, str]] = {}  # (tree, node) -> (first seen, text)
    for row in ask(
        f"SELECT tree, node, text, result, COUNT(*) AS n, MIN({order}) AS seen "
        f"FROM step_results WHERE {clause} GROUP BY tree, node, text, result",
        params,
    ):
        key, seen = (row["tree"], row["node"]), (row["seen"], row["text"])
        results[(key[0], key[1], row["result"])] += int(row["n"])
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
