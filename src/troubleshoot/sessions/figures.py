"""The figures IT and trainers ask for, computed from session records. No I/O.

IT asks which problems come up most, how long they take and where the desk gets
stuck; trainers ask which steps fail and which trees run over their budget. Each
figure here is defined once, in words, so that a reader of the report (and the test
that checks it by hand) knows exactly what was counted:

- A session belongs to the tree it started in, even if a goto took it elsewhere.
- Shares are of the sessions that ended (resolved, escalated or the patron left);
  walks still under way are counted apart as unfinished. So is a walk stopped at its
  end before its hand-off was saved (Ctrl-C at a fact for IT): nothing reached IT.
- Time to resolve is start to end of resolved sessions, in minutes. The median of an
  even number of times is the mean of the middle two; the 90th percentile is the
  nearest-rank one (the smallest time at or above 90% of them).
- An escalation node is where a walk ended escalated: the tree's escalate node, or
  the node where staff stopped and handed it on.
- A step counts once per session in which it was marked "not fixed", out of the
  sessions in which it was marked fixed or not fixed at all.
- A budget overrun is a session in which the tool offered to stop guessing.
- Busy hours count sessions by the hour they started.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from troubleshoot.sessions.records import Session
from troubleshoot.walk.prompts import FIXED, NOT_FIXED, Kind, Outcome

TOP = 10


@dataclass(frozen=True)
class TreeFigures:
    tree: str  # "" for all trees together
    sessions: int
    resolved: int
    escalated: int
    abandoned: int
    unfinished: int
    referred: int  # belonged to someone other than library IT
    resolved_share: float | None  # of the sessions that ended
    escalated_share: float | None
    median_minutes: float | None  # time to resolve
    p90_minutes: float | None
    overruns: int


@dataclass(frozen=True)
class EscalationNode:
    tree: str
    node: str
    reason: str  # the tree's reason, or "stopped by staff"
    count: int


@dataclass(frozen=True)
class FailingStep:
    tree: str
    node: str
    step: str
    not_fixed: int  # sessions in which it was marked not fixed
    tried: int  # sessions in which it was marked fixed or not fixed


@dataclass(frozen=True)
class Overrun:
    reason: str  # minutes, steps or repeat
    sessions: int


@dataclass(frozen=True)
class Report:
    since: dt.date | None
    first: dt.datetime | None  # earliest session counted
    last: dt.datetime | None
    total: TreeFigures
    trees: tuple[TreeFigures, ...]
    escalation_nodes: tuple[EscalationNode, ...]
    failing_steps: tuple[FailingStep, ...]
    overruns: tuple[Overrun, ...]
    kept_going: int  # overrun sessions in which staff chose to keep going
    hours: tuple[int, ...]  # sessions started in each hour of the day, 0 to 23

    @property
    def busiest_hours(self) -> tuple[tuple[int, int], ...]:
        """(hour, sessions), busiest first, hours with no session left out."""
        ranked = sorted(enumerate(self.hours), key=lambda hc: (-hc[1], hc[0]))
        return tuple((hour, count) for hour, count in ranked if count)


def median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile: easy to check by hand, and always a time that occurred."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def outcome(session: Session) -> Outcome | None:
    """How the session counts: its end once closed, else None (unfinished)."""
    return session.outcome if session.closed else None


def figures(tree: str, sessions: Sequence[Session]) -> TreeFigures:
    outcomes = Counter(outcome(s) for s in sessions)
    ended = sum(outcomes[o] for o in Outcome)
    times = [
        s.minutes for s in sessions if outcome(s) == Outcome.RESOLVED and s.minutes is not None
    ]
    return TreeFigures(
        tree=tree,
        sessions=len(sessions),
        resolved=outcomes[Outcome.RESOLVED],
        escalated=outcomes[Outcome.ESCALATED],
        abandoned=outcomes[Outcome.ABANDONED],
        referred=outcomes[Outcome.REFERRED],
        unfinished=outcomes[None],
        resolved_share=_share(outcomes[Outcome.RESOLVED], ended),
        escalated_share=_share(outcomes[Outcome.ESCALATED], ended),
        median_minutes=median(times),
        p90_minutes=percentile(times, 90),
        overruns=sum(1 for s in sessions if any(e.kind == Kind.STOP_OFFERED for e in s.events)),
    )


def escalation_nodes(sessions: Iterable[Session]) -> tuple[EscalationNode, ...]:
    counts: Counter[tuple[str, str, str]] = Counter()
    for s in sessions:
        if outcome(s) != Outcome.ESCALATED:
            continue
        reason = "stopped by staff" if s.by_staff else _end_text(s)
        counts[(s.end_tree, s.end_node, reason)] += 1
    ranked = sorted(counts.items(), key=lambda kc: (-kc[1], kc[0]))
    return tuple(EscalationNode(t, n, r, c) for (t, n, r), c in ranked[:TOP])


def _end_text(session: Session) -> str:
    ends = [e for e in session.events if e.kind == Kind.END]
    return ends[-1].text if ends else ""


def failing_steps(sessions: Iterable[Session]) -> tuple[FailingStep, ...]:
    tried: Counter[tuple[str, str]] = Counter()
    failed: Counter[tuple[str, str]] = Counter()
    words: dict[tuple[str, str], str] = {}
    for s in sessions:
        results = [e for e in s.events if e.kind == Kind.RESULT and e.value in (FIXED, NOT_FIXED)]
        for e in results:
            words.setdefault((e.tree, e.node), e.text)
        tried.update({(e.tree, e.node) for e in results})
        failed.update({(e.tree, e.node) for e in results if e.value == NOT_FIXED})
    ranked = sorted(failed.items(), key=lambda kc: (-kc[1], kc[0]))
    return tuple(FailingStep(t, n, words[(t, n)], c, tried[(t, n)]) for (t, n), c in ranked[:TOP])


def overruns(sessions: Iterable[Session]) -> tuple[tuple[Overrun, ...], int]:
    by_reason: Counter[str] = Counter()
    kept = 0
    for s in sessions:
        reasons = {e.value.split(":")[0] for e in s.events if e.kind == Kind.STOP_OFFERED}
        by_reason.update(reasons)
        kept += any(e.kind == Kind.KEPT_GOING for e in s.events)
    ranked = sorted(by_reason.items(), key=lambda kc: (-kc[1], kc[0]))
    return tuple(Overrun(r, c) for r, c in ranked), kept


def build(sessions: Iterable[Session], since: dt.date | None = None) -> Report:
    """The report over every session that started on or after *since*."""
    chosen = [s for s in sessions if since is None or s.started.date() >= since]
    chosen.sort(key=lambda s: (s.started.replace(tzinfo=None), s.id))
    by_tree: dict[str, list[Session]] = {}
    for s in chosen:
        by_tree.setdefault(s.tree, []).append(s)
    hours = [0] * 24
    for s in chosen:
        hours[s.started.hour] += 1
    over, kept = overruns(chosen)
    return Report(
        since=since,
        first=chosen[0].started if chosen else None,
        last=chosen[-1].started if chosen else None,
        total=figures("", chosen),
        trees=tuple(
            figures(tree, group)
            for tree, group in sorted(by_tree.items(), key=lambda tg: (-len(tg[1]), tg[0]))
        ),
        escalation_nodes=escalation_nodes(chosen),
        failing_steps=failing_steps(chosen),
        overruns=over,
        kept_going=kept,
        hours=tuple(hours),
    )
