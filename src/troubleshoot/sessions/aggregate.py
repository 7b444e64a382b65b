"""The report's figures summed by the database, from the rows summary.py keeps.

Reading 900,000 sessions into Python to count them took a minute; the engine sums
the same rows in a second or so. Each figure is the one figures.py and steps.py
define, and a test checks that this module gives the very same Report as they do
over whole sessions, on both engines. Three queries do it, the same SQL for both:

- The sessions counted by cell: tree, branch, week, outcome, time in minutes, the
  overrun reasons and, for an escalation, where it ended. A few thousand cells
  stand for hundreds of thousands of sessions (times are to the second and walks
  repeat), and every outcome figure, overrun and escalation node is a sum of them.
  SQLite groups by sorting; a covering index in the cell's order (schema 5) lets it
  read the rows in order instead, which was five times faster.
- Medians and 90th percentiles are read off each group's count of each time: the
  nearest rank as figures.percentile takes it, and the mean of the two middle times.
  (PostgreSQL's ``percentile_disc`` and ``percentile_cont`` give the same figures,
  the second rounding the mean of two times differently in the last digit, but
  measured at 90,000 sessions they took longer than the whole of this, as did
  SQLite's numbered windows: each sorts every timed session once per grouping.)
  At worst, every time in a group different, a cell is a session: as slow as
  reading the sessions, never slower.
- Sessions by the hour they started; and the steps' last results by step, text,
  result and reason. Which spelling stands for a group of reasons, and which text
  for a step, is the first seen in start order, as steps.py takes them; asked for
  apart, and only where a group was spelt more than one way or a step's text changed.

The SQL is written with ``?`` marks; PostgreSQL's driver is given ``%s`` instead.
"""

from __future__ import annotations

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
    """The selection as a WHERE clause over summary rows; *tree* is the walk's tree column."""
    clauses, params = selection.clauses(tree=tree)
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
        self.overruns: Counter[str] = Counter()
        self.kept_going = 0
        self.escalated: Counter[tuple[str, str, str]] = Counter()

    def add(self, row: Row) -> None:
        """One cell of the sessions counted: the same tree, branch, week, outcome and time,
        the same overrun reasons and, for an escalated one, the same end."""
        n, outcome = int(row["n"]), row["outcome"]
        groups = ("", row["tree"], row["branch"], row["week"])
        for grouping, group in zip(GROUPINGS, groups, strict=True):
            tally = self.tallies.setdefault((grouping, group), _Tally())
            tally.outcomes[outcome] += n
            tally.overruns += n if row["overruns"] else 0
            tally.urgent += int(row["urgent"])
            if outcome in _TIMED and row["minutes"] is not None:
                tally.minutes.setdefault(outcome, Counter())[row["minutes"]] += n
        self.first = row["first"] if self.first is None else min(self.first, row["first"])
        self.last = row["last"] if self.last is None else max(self.last, row["last"])
        self.kept_going += int(row["kept_going"])
        for reason in filter(None, row["overruns"].split(SEPARATOR)):
            self.overruns[reason] += n
        if outcome == str(Outcome.ESCALATED):
            self.escalated[(row["end_tree"], row["end_node"], row["end_reason"])] += n


#: The cells summed, in the order of the covering index that keeps them (schema 5):
#: the engine then reads the index in order and sums as it goes, with nothing to sort.
CELL = "tree, branch, week, outcome, minutes, overruns, end_tree, end_node, end_reason"


def _summed(ask: Read, clause: str, params: list[Any]) -> tuple[_Found, list[int]]:
    found = _Found()
    for row in ask(
        f"SELECT {CELL}, COUNT(*) AS n, MIN(started) AS first, MAX(started) AS last, "
        f"SUM(urgent) AS urgent, SUM(kept_going) AS kept_going FROM summaries "
        f"WHERE {clause} GROUP BY {CELL}",
        params,
    ):
        found.add(row)
    hours = [0] * 24
    by_hour = f"SELECT hour, COUNT(*) AS n FROM summaries WHERE {clause} GROUP BY hour"
    for row in ask(by_hour, params):
        hours[row["hour"]] += int(row["n"])
    return found, hours


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
    found, hours = _summed(ask, f"kept = 1 AND {clause}", params)
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
    steps_found = _steps(ask, selection)
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
        hours=tuple(hours),
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


def _steps(ask: Read, selection: Selection) -> tuple[steps.StepFigures, ...]:
    """Each step's last results summed in one pass; its text and the reasons' spellings
    are the first seen, asked for only where there was more than one."""
    clause, params = where(selection, tree="walk_tree")
    results: Counter[tuple[str, str, str]] = Counter()
    texts: dict[tuple[str, str], set[str]] = {}
    reasons: dict[tuple[str, str], Counter[str]] = {}
    spellings: dict[str, set[str]] = {}
    for row in ask(
        "SELECT tree, node, text, result, reason_key, reason, COUNT(*) AS n FROM step_results "
        f"WHERE {clause} GROUP BY tree, node, text, result, reason_key, reason",
        params,
    ):
        step, n = (row["tree"], row["node"]), int(row["n"])
        results[(step[0], step[1], row["result"])] += n
        texts.setdefault(step, set()).add(row["text"])
        if row["result"] == str(NOT_TRIED):
            reasons.setdefault(step, Counter())[row["reason_key"]] += n
            spellings.setdefault(row["reason_key"], set()).add(row["reason"])

    def first(column: str, condition: str, values: Sequence[Any]) -> str:
        found = ask(
            f"SELECT {column} FROM step_results WHERE {clause} AND {condition} "
            "ORDER BY started, session, seq LIMIT 1",
            [*params, *values],
        )
        return str(found[0][column])

    words = {
        step: min(seen) if len(seen) == 1 else first("text", "tree = ? AND node = ?", step)
        for step, seen in texts.items()
    }
    spelling = {
        key: min(seen)
        if len(seen) == 1
        else first("reason", "result = ? AND reason_key = ?", (str(NOT_TRIED), key))
        for key, seen in spellings.items()
    }
    return steps.ranked(results, words, reasons, spelling)
