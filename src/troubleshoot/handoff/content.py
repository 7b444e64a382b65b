"""What the note IT reads holds, as data: built from a finished walk.

The first thing IT asks is "what have you already tried?", and the second is "what
couldn't you do?". The note answers both, and lists apart the steps that need
administrator rights the desk does not have, with what IT must do for each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from troubleshoot.site.config import Contact, Emergency
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import NOT_TRIED, Kind


@dataclass(frozen=True)
class Route:
    """The site's word on one escalation: whom to reach, and when."""

    at: dt.datetime  # when the walk ended
    on_duty: tuple[Contact, ...]  # IT contacts answering at that time
    opens: dt.datetime | None = None  # when IT is next on duty, if nobody is now
    next_contact: Contact | None = None  # who that is
    until: dt.datetime | None = None  # when the current cover ends
    emergency: Emergency | None = None  # only for an urgent escalation out of hours
    reasons: tuple[tuple[str, str], ...] = ()  # (policy, why the site forbids it)
    ticket: str = ""  # ready to paste or email when IT opens (out of hours only)
    no_contact: bool = False  # the site named no IT contact at all

    @property
    def inside_hours(self) -> bool:
        return bool(self.on_duty)


@dataclass(frozen=True)
class HandOff:
    trees: tuple[tuple[str, str], ...]  # (id, title), first tree first
    outcome: str
    reason: str
    urgent: bool
    by_staff: bool
    started: dt.datetime
    ended: dt.datetime
    end_node: str
    workaround: str
    facts: tuple[tuple[str, str], ...]
    answers: tuple[tuple[str, str], ...]  # (question, answer)
    tried: tuple[tuple[str, str], ...]  # (step, result)
    not_tried: tuple[tuple[str, str], ...]  # (step, reason)
    admin_needed: tuple[tuple[str, str], ...]  # (step, what IT must do)
    not_allowed: tuple[tuple[str, str], ...]  # (step, policy)
    notes: tuple[str, ...]
    corrections: tuple[str, ...]
    said: tuple[str, ...]
    route: Route | None = None  # the site's routing: whom to reach now, or in the morning
    began_at: str = ""  # tree#node, when a symptom started the walk partway in

    @property
    def minutes(self) -> int:
        return max(0, round((self.ended - self.started).total_seconds() / 60))


def build(trees: TreeSource, state: State, facts: dict[str, str] | None = None) -> HandOff:
    """The hand-off for a walk that has ended."""
    ending = state.ending
    if ending is None:
        raise ValueError("the walk has not ended")
    titles = []
    for tree_id in state.trees:
        tree = trees.get(tree_id)
        titles.append((tree_id, tree.title if tree else tree_id))
    path, log = state.path, state.log
    return HandOff(
        trees=tuple(titles),
        outcome=ending.outcome,
        reason=ending.text,
        urgent=ending.urgent,
        by_staff=ending.by_staff,
        started=state.started,
        ended=ending.at,
        end_node=f"{ending.tree}#{ending.node}",
        workaround=ending.workaround,
        facts=tuple((label, value) for label, value in (facts or {}).items() if value),
        answers=tuple((e.text, e.value) for e in path if e.kind == Kind.ANSWER),
        tried=tuple(
            (e.text, e.value) for e in path if e.kind == Kind.RESULT and e.value != NOT_TRIED
        ),
        not_tried=tuple(
            (e.text, e.detail) for e in path if e.kind == Kind.RESULT and e.value == NOT_TRIED
        ),
        admin_needed=tuple((e.text, e.detail) for e in path if e.kind == Kind.ADMIN_SKIPPED),
        not_allowed=tuple((e.text, e.value) for e in path if e.kind == Kind.POLICY_SKIPPED),
        notes=tuple(e.text for e in log if e.kind == Kind.NOTE),
        corrections=tuple(e.text for e in log if e.kind == Kind.BACK and e.text != "went back"),
        said=tuple(e.text for e in path if e.kind == Kind.SAID),
        began_at=next(
            (f"{e.tree}#{e.node}" for e in log[:1] if e.kind == Kind.START and e.value == "deep"),
            "",
        ),
    )
