"""Report figures, checked against a week of walks whose numbers were worked out by hand.

The fixture walks the two small test trees (desk: budget 10 minutes, 3 steps; other:
reached from desk or walked on its own). Times are minutes after each session's start.

  S0  Sun 22 09:00 desk   PC, fixed at 2                       resolved  2 min  (before --since)
  S1  Mon 23 10:00 desk   PC@1, release fixed@3                resolved  3 min
  S2  Mon 23 10:30 desk   PC@1, release not fixed@4, paper fixed@8     resolved  8 min
  S3  Mon 23 14:00 desk   PC@1, release nf@3, paper nf@6 -> spooler skipped (no admin)
                          -> escalated at desk#stuck                 6 min
  S4  Tue 24 10:15 desk   many PCs@1 -> escalated at desk#outage (urgent)
  S5  Tue 24 14:20 desk   PC@1, escalate now@5 -> escalated by staff at desk#release
  S6  Tue 24 14:40 desk   PC@12 -> over the 10-minute budget: stop offered (minutes);
                          keep going@13, release fixed@15       resolved 15 min
  S7  Wed 25 09:05 desk   PC@1, patron left@2                  abandoned at desk#release
  S8  Wed 25 16:00 desk   PC@1, then nothing                   unfinished
  S9  Wed 25 16:30 other  on Wi-Fi: yes@1, continue@2 -> escalated at other#esc
  S10 Thu 26 11:00 desk   PC@1, release nf@2, start over@3, PC@4 -> release again:
                          stop offered (repeat); escalate@5 -> escalated by staff at
                          desk#release
  S11 Thu 26 10:45 desk   PC@1, release nf@5, paper fixed@12  resolved 12 min

Worked out by hand, for sessions since Mon 23 (S1 to S11):
  desk: 10 sessions; resolved S1 S2 S6 S11 = 4; escalated S3 S4 S5 S10 = 4;
        abandoned S7 = 1; unfinished S8 = 1; ended 9 -> resolved 4/9, escalated 4/9.
        times to resolve 3, 8, 15, 12 -> sorted 3 8 12 15: median (8+12)/2 = 10;
        90th percentile nearest rank: ceil(0.9 * 4) = 4th = 15.
        overruns: S6 and S10 = 2.
  other: 1 session, escalated 1/1, no resolve times.
  all: 11 sessions; resolved 4, escalated 5, abandoned 1, unfinished 1;
       shares of 10 ended: 4/10 and 5/10; median 10, p90 15; overruns 2.
  escalation nodes: desk#release 2 (S5, S10, both by staff); then one each, by name:
       desk#outage, desk#stuck, other#esc.
  steps not fixed (sessions): release in S2 S3 S10 S11 = 4, tried in S1 S2 S3 S6 S10
       S11 = 6 (S5 and S7 never answered it); paper in S3 = 1, tried in S2 S3 S11 = 3.
  overruns by reason: minutes 1 (S6), repeat 1 (S10); kept going 1 (S6).
  urgent: S4 = 1 (desk). Times to escalate: desk S3 6, S4 1, S5 5, S10 5 -> sorted
       1 5 5 6: median 5, p90 4th = 6; other S9 2; all 1 2 5 5 6: median 5, p90 6.
  steps by their last result: release fixed S1 S6 = 2, not fixed S2 S3 S10 S11 = 4;
       paper fixed S2 S11 = 2, not fixed S3 = 1; none couldn't be tried.
  weeks: all in 2026-W48 (Mon 23 to Sun 29); without --since S0 is in W47.
  hours started: 09 -> S7 = 1; 10 -> S1 S2 S4 S11 = 4; 11 -> S10 = 1;
       14 -> S3 S5 S6 = 3; 16 -> S8 S9 = 2. Busiest: 10 (4), 14 (3), 16 (2), 09, 11.
With no --since, S0 adds one desk session resolved in 2 minutes at 09:
  desk resolved 5 of 10 ended; times 2 3 8 12 15: median 8, p90 ceil(4.5) = 5th = 15.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import FIXTURE_DIR
from troubleshoot.handoff import content
from troubleshoot.sessions import figures, records
from troubleshoot.sessions.figures import EscalationNode, FailingStep, Figures, Overrun
from troubleshoot.sessions.records import Move, Session
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine, prompts
from troubleshoot.walk.prompts import Choose, EscalateNow, PatronLeft, Restart

WALKS = FIXTURE_DIR / "walks"
TREES = Catalog([WALKS])
MONDAY = dt.date(2026, 11, 23)
RELEASE = "Release the job at the station."
PAPER = "Check the paper tray."


def walk(tree: str, day: int, clock: str, *moves: tuple[float, prompts.Action]) -> Session:
    """A session recorded the way the recorder does it, closed if the walk ended."""
    hour, minute = map(int, clock.split(":"))
    started = dt.datetime(2026, 11, day, hour, minute)
    state = engine.start(TREES, tree, started)
    session = records.begin(state, TREES.load(tree).digest)
    for minutes, action in moves:
        now = started + dt.timedelta(minutes=minutes)
        state = engine.apply(TREES, state, action, now)
        session = records.advance(session, Move(action, now), state)
    if state.ending is not None:
        session = records.close(session, content.build(TREES, state))
    return session


PC, MANY, YES, FIXED, NOT_FIXED, KEEP_GOING, ESCALATE_AT_STOP = (
    Choose(0), Choose(2), Choose(0), Choose(0), Choose(1), Choose(1), Choose(0)
)  # fmt: skip

WEEK = [
    walk("desk", 22, "09:00", (1, PC), (2, FIXED)),
    walk("desk", 23, "10:00", (1, PC), (3, FIXED)),
    walk("desk", 23, "10:30", (1, PC), (4, NOT_FIXED), (8, FIXED)),
    walk("desk", 23, "14:00", (1, PC), (3, NOT_FIXED), (6, NOT_FIXED)),
    walk("desk", 24, "10:15", (1, MANY)),
    walk("desk", 24, "14:20", (1, PC), (5, EscalateNow())),
    walk("desk", 24, "14:40", (12, PC), (13, KEEP_GOING), (15, FIXED)),
    walk("desk", 25, "09:05", (1, PC), (2, PatronLeft())),
    walk("desk", 25, "16:00", (1, PC)),
    walk("other", 25, "16:30", (1, YES), (2, Choose(0))),
    walk("desk", 26, "11:00", (1, PC), (2, NOT_FIXED), (3, Restart()), (4, PC),
         (5, ESCALATE_AT_STOP)),
    walk("desk", 26, "10:45", (1, PC), (5, NOT_FIXED), (12, FIXED)),
]  # fmt: skip


@pytest.fixture
def week() -> figures.Report:
    return figures.build(WEEK, since=MONDAY)


def test_sessions_per_tree_with_outcome_shares_and_times_to_resolve(week: figures.Report) -> None:
    assert week.trees == (
        Figures("desk", 10, 4, 4, 1, 1, 0, 4 / 9, 4 / 9, 10.0, 15.0, 2, 1, 5.0, 6.0),
        Figures("other", 1, 0, 1, 0, 0, 0, 0.0, 1.0, None, None, 0, 0, 2.0, 2.0),
    )
    assert week.total == Figures("", 11, 4, 5, 1, 1, 0, 4 / 10, 5 / 10, 10.0, 15.0, 2, 1, 5.0, 6.0)


def test_nodes_where_walks_most_often_end_in_escalation(week: figures.Report) -> None:
    assert week.escalation_nodes == (
        EscalationNode("desk", "release", "stopped by staff", 2),
        EscalationNode("desk", "outage", "Nothing prints from any PC.", 1),
        EscalationNode("desk", "stuck", "Print queue stuck.", 1),
        EscalationNode("other", "esc", "Laptop cannot find the printer.", 1),
    )


def test_steps_most_often_marked_not_fixed_out_of_the_sessions_that_tried_them(
    week: figures.Report,
) -> None:
    assert week.failing_steps == (
        FailingStep("desk", "release", RELEASE, 4, 6),
        FailingStep("desk", "paper", PAPER, 1, 3),
    )


def test_budget_overruns_and_busiest_hours(week: figures.Report) -> None:
    assert week.overruns == (Overrun("minutes", 1), Overrun("repeat", 1))
    assert week.kept_going == 1
    assert week.busiest_hours == ((10, 4), (14, 3), (16, 2), (9, 1), (11, 1))
    assert sum(week.hours) == 11


def test_without_since_every_session_counts(week: figures.Report) -> None:
    everything = figures.build(WEEK)
    desk = everything.trees[0]
    assert (desk.sessions, desk.resolved, desk.resolved_share) == (11, 5, 5 / 10)
    assert (desk.median_minutes, desk.p90_minutes) == (8.0, 15.0)
    assert everything.hours[9] == 2 and week.hours[9] == 1
    assert everything.first == dt.datetime(2026, 11, 22, 9, 0)


def test_nearest_rank_percentile_and_median_by_hand() -> None:
    assert figures.percentile([5, 1, 4, 2, 3, 10, 9, 8, 7, 6], 90) == 9
    assert figures.percentile([7], 90) == 7
    assert figures.percentile([], 90) is None
    assert figures.median([1, 2, 3, 10]) == 2.5


def test_no_sessions_give_an_empty_report_not_an_error() -> None:
    empty = figures.build([])
    assert empty.total.sessions == 0 and empty.total.resolved_share is None
    assert empty.busiest_hours == () and empty.trees == ()
