"""The figures IT and trainers ask for, computed from session records. No I/O.

IT asks which problems come up most, how long they take and where the desk gets
stuck; trainers ask which steps fail and which trees run over their budget. Each
figure here is defined once, in words, so that a reader of the report (and the test
that checks it by hand) knows exactly what was counted:

- A session belongs to the tree it started in, even if a goto took it elsewhere, to
  the branch on its record (records without one are "(no branch)"), and to the ISO
  week of the day it started (trend.py).
- The sessions counted are those a :class:`~troubleshoot.sessions.selection.Selection`
  admits: started from --since to --until (both days counted), in one tree, at one
  branch.
- Shares are of the sessions that ended (resolved, escalated, referred, patron left);
  walks still under way are counted apart as unfinished. So is a walk stopped at its
  end before its hand-off was saved (Ctrl-C at a fact for IT): nothing reached IT.
- Urgent sessions are escalated sessions whose hand-off was marked urgent (the tree's
  end said it cannot wait); they are counted among the escalated, and apart.
- Time to resolve is start to end of resolved sessions, in minutes; time to escalate
  is start to end of escalated sessions. The median of an even number of times is
  the mean of the middle two; the 90th percentile is the nearest-rank one (the
  smallest time at or above 90% of them).
- An escalation node is where a walk ended escalated: the tree's escalate node, or
  the node where staff stopped and handed it on.
- Steps are counted per session by their last result there: fixed, not fixed (the
  two together are "tried") or couldn't try, with the reasons staff typed (steps.py
  says how). The steps most often not fixed are ranked out of the sessions that
  tried them.
- A budget overrun is a session in which the tool offered to stop guessing.
- Busy hours count sessions by the hour they started.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from troubleshoot.frozen import field, frozen
from troubleshoot.sessions import trend
from troubleshoot.sessions.records import Session
from troubleshoot.sessions.selection import Selection, branch_of
from troubleshoot.sessions.steps import StepFigures, steps
from troubleshoot.walk.prompts import Kind, Outcome

TOP = 10


@frozen
class Figures:
    """The outcome figures of one group of sessions: a tree, a branch or a week."""

    group: str  # "" for all sessions together
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
    urgent: int = 0  # escalated sessions marked urgent
    escalate_median_minutes: float | None = None  # time to escalate
    escalate_p90_minutes: float | None = None


@frozen
class EscalationNode:
    tree: str
    node: str
    reason: str  # the tree's reason, or "stopped by staff"
    count: int


@frozen
class FailingStep:
    tree: str
    node: str
    step: str
    not_fixed: int  # sessions in which it was marked not fixed
    tried: int  # sessions in which it was marked fixed or not fixed


@frozen
class Overrun:
    reason: str  # minutes, steps or repeat
    sessions: int


@frozen
class Report:
    selection: Selection
    first: dt.datetime | None  # earliest session counted
    last: dt.datetime | None
    total: Figures
    trees: tuple[Figures, ...]  # most sessions first
    branches: tuple[Figures, ...]  # by name
    weeks: tuple[Figures, ...]  # in order, empty weeks included
    steps: tuple[StepFigures, ...]
    escalation_nodes: tuple[EscalationNode, ...]
    failing_steps: tuple[FailingStep, ...]
    overruns: tuple[Overrun, ...]
    kept_going: int  # overrun sessions in which staff chose to keep going
    hours: tuple[int, ...]  # sessions started in each hour of the day, 0 to 23
    titles: Mapping[str, str] = field(default_factory=dict)  # tree id -> title

    @property
    def since(self) -> dt.date | None:
        return self.selection.since

    def title(self, tree: str) -> str:
        """The tree's title, or its id when the desk does not know it."""
        return self.titles.get(tree) or tree

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


def _times(sessions: Sequence[Session], ended: Outcome) -> list[float]:
    return [s.minutes for s in sessions if outcome(s) == ended and s.minutes is not None]


def urgent(session: Session) -> bool:
    return outcome(session) == Outcome.ESCALATED and bool(
        session.handoff and session.handoff.urgent
    )


def figures(group: str, sessions: Sequence[Session]) -> Figures:
    outcomes = Counter(outcome(s) for s in sessions)
    ended = sum(outcomes[o] for o in Outcome)
    times = _times(sessions, Outcome.RESOLVED)
    escalating = _times(sessions, Outcome.ESCALATED)
    return Figures(
        group=group,
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
        urgent=sum(1 for s in sessions if urgent(s)),
        escalate_median_minutes=median(escalating),
        escalate_p90_minutes=percentile(escalating, 90),
    )


def escalation_nodes(sessions: Iterable[Session]) -> tuple[EscalationNode, ...]:
    counts: Counter[tuple[str, str, str]] = Counter()
    for s in sessions:
        if outcome(s) != Outcome.ESCALATED:
            continue
        counts[(s.end_tree, s.end_node, end_reason(s))] += 1
    ranked = sorted(counts.items(), key=lambda kc: (-kc[1], kc[0]))
    return tuple(EscalationNode(t, n, r, c) for (t, n, r), c in ranked[:TOP])


def end_reason(session: Session) -> str:
    """Why an escalated session ended: the tree's reason, or staff stopping it."""
    if session.by_staff:
        return "stopped by staff"
    ends = [e for e in session.events if e.kind == Kind.END]
    return ends[-1].text if ends else ""


def overrun_reasons(session: Session) -> set[str]:
    """Why the tool offered to stop guessing in *session* (minutes, steps, repeat), if it did."""
    return {e.value.split(":")[0] for e in session.events if e.kind == Kind.STOP_OFFERED}


def failing_steps(found: Iterable[StepFigures]) -> tuple[FailingStep, ...]:
    ranked = sorted((f for f in found if f.not_fixed), key=lambda f: (-f.not_fixed, f.tree, f.node))
    return tuple(FailingStep(f.tree, f.node, f.step, f.not_fixed, f.tried) for f in ranked[:TOP])


def overruns(sessions: Iterable[Session]) -> tuple[tuple[Overrun, ...], int]:
    by_reason: Counter[str] = Counter()
    kept = 0
    for s in sessions:
        by_reason.update(overrun_reasons(s))
        kept += any(e.kind == Kind.KEPT_GOING for e in s.events)
    ranked = sorted(by_reason.items(), key=lambda kc: (-kc[1], kc[0]))
    return tuple(Overrun(r, c) for r, c in ranked), kept


def _grouped(
    sessions: Iterable[Session], key: Callable[[Session], str]
) -> dict[str, list[Session]]:
    groups: dict[str, list[Session]] = {}
    for s in sessions:
        groups.setdefault(key(s), []).append(s)
    return groups


def _weeks(chosen: Sequence[Session]) -> tuple[Figures, ...]:
    if not chosen:
        return ()
    by_week = _grouped(chosen, lambda s: trend.week_of(s.started.date()))
    span = trend.weeks(chosen[0].started.date(), chosen[-1].started.date())
    return tuple(figures(week, by_week.get(week, [])) for week in span)


def build(
    sessions: Iterable[Session],
    since: dt.date | None = None,
    *,
    selection: Selection | None = None,
    titles: Mapping[str, str] | None = None,
) -> Report:
    """The report over every session *selection* admits (or that started on or after *since*).

    *titles* are the desk's tree titles by id, for people to read; the figures never
    depend on them.
    """
    selection = selection or Selection(since=since)
    chosen = [s for s in sessions if selection.admits(s)]
    chosen.sort(key=lambda s: (s.started.replace(tzinfo=None), s.id))
    by_tree = _grouped(chosen, lambda s: s.tree)
    by_branch = _grouped(chosen, branch_of)
    hours = [0] * 24
    for s in chosen:
        hours[s.started.hour] += 1
    over, kept = overruns(chosen)
    found = steps(chosen)
    return Report(
        selection=selection,
        first=chosen[0].started if chosen else None,
        last=chosen[-1].started if chosen else None,
        total=figures("", chosen),
        trees=tuple(
            figures(tree, group)
            for tree, group in sorted(by_tree.items(), key=lambda tg: (-len(tg[1]), tg[0]))
        ),
        branches=tuple(figures(b, group) for b, group in sorted(by_branch.items())),
        weeks=_weeks(chosen),
        steps=found,
        escalation_nodes=escalation_nodes(chosen),
        failing_steps=failing_steps(found),
        overruns=over,
        kept_going=kept,
        hours=tuple(hours),
        titles=dict(titles or {}),
    )
