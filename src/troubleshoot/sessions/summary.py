"""What the report counts of one session, kept as rows beside it when it is written.

Summing a consortium's figures in Python meant reading every session and its
transcript; 900,000 sessions took a minute. So each time a session is written
(recorded, put, imported), the few things the figures ask of it are written too:
one narrow ``summaries`` row (how it counts, its minutes, whether it ran over its
budget, where it was escalated) and one ``step_results`` row per step given a
result (the last result there, as steps.py counts it). The engine then sums them
with GROUP BY (aggregate.py).

Every value here comes from the same definitions the Python figures use
(figures.outcome, figures.urgent, steps.last_results), so the two cannot drift:
a test checks the figures summed in SQL against those over whole sessions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from troubleshoot.sessions import figures, steps, trend
from troubleshoot.sessions.records import Session
from troubleshoot.sessions.schema import Many
from troubleshoot.sessions.selection import branch_of
from troubleshoot.walk.prompts import Kind, Outcome

SUMMARY_COLUMNS = (
    "session", "tree", "started", "branch", "week", "hour", "kept", "outcome", "minutes",
    "urgent", "overruns", "kept_going", "end_tree", "end_node", "end_reason",
)  # fmt: skip
STEP_COLUMNS = (
    "session", "seq", "started", "walk_tree", "branch", "tree", "node", "text", "result",
    "reason_key", "reason",
)  # fmt: skip

#: Between the reasons in ``summaries.overruns``: they are words (minutes, steps, repeat).
SEPARATOR = " "


def kept(session: Session) -> bool:
    """Worth counting, as the store lists sessions: ended, or moved at least once."""
    return session.outcome is not None or bool(session.moves)


def summary_row(session: Session, is_kept: bool) -> tuple[Any, ...]:
    """The session's ``summaries`` row, in :data:`SUMMARY_COLUMNS` order."""
    counted = figures.outcome(session)
    reasons = sorted(figures.overrun_reasons(session))
    escalated = counted == Outcome.ESCALATED
    return (
        session.id,
        session.tree,
        session.started.isoformat(),
        branch_of(session),
        trend.week_of(session.started.date()),
        session.started.hour,
        int(is_kept),
        str(counted) if counted else None,
        session.minutes,
        int(figures.urgent(session)),
        SEPARATOR.join(reasons),
        int(any(e.kind == Kind.KEPT_GOING for e in session.events)),
        session.end_tree if escalated else "",
        session.end_node if escalated else "",
        figures.end_reason(session) if escalated else "",
    )


def step_rows(session: Session) -> list[tuple[Any, ...]]:
    """One ``step_results`` row per step given a result, in :data:`STEP_COLUMNS` order."""
    started, branch = session.started.isoformat(), branch_of(session)
    return [
        (
            *(session.id, r.seq, started, session.tree, branch, r.tree, r.node, r.text),
            *(str(r.value), *steps.reason(r.value, r.detail)),
        )
        for r in steps.last_results(session)
    ]


def _insert(table: str, columns: Sequence[str], upsert: bool) -> str:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    if upsert:
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
        sql += f" ON CONFLICT ({columns[0]}) DO UPDATE SET {updates}"
    return sql


UPSERT_SUMMARY = _insert("summaries", SUMMARY_COLUMNS, upsert=True)
INSERT_STEPS = _insert("step_results", STEP_COLUMNS, upsert=False)


def write(many: Many, sessions: Iterable[Session]) -> None:
    """Write (or rewrite) the summary rows of *sessions*: a walk's rows change as it goes."""
    chosen = list(sessions)
    many("DELETE FROM step_results WHERE session = ?", [(s.id,) for s in chosen])
    many(UPSERT_SUMMARY, [summary_row(s, kept(s)) for s in chosen])
    many(INSERT_STEPS, [row for s in chosen for row in step_rows(s)])
