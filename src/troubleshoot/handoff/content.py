"""What the note IT reads holds, as data: built from a finished walk.

The first thing IT asks is "what have you already tried?", and the second is "what
couldn't you do?". The note answers both, and lists apart the steps that need
administrator rights the desk does not have, with what IT must do for each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from troubleshoot import privacy
from troubleshoot.frozen import frozen, replace
from troubleshoot.site.config import Contact, Emergency
from troubleshoot.walk.engine import State, TreeSource
from troubleshoot.walk.prompts import NOT_TRIED, Kind, Outcome


@frozen
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


@frozen
class HandOff:
    """Everything the note says, as values; ``ticket`` turns it into text."""

    trees: tuple[tuple[str, str], ...]  # (id, title): the trees passed through, the end's last
    outcome: Outcome
    reason: str  # for a referral: whom it belongs to
    urgent: bool
    by_staff: bool
    started: dt.datetime
    ended: dt.datetime
    end_node: str
    workaround: str  # for a referral: what to tell the patron
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
    bring: str = ""  # a referral: what the patron should bring or ask
    library: str = ""
    branch: str = ""
    initials: str = ""  # of the staff member at the desk
    session: str = ""  # the session's short id, for 'troubleshoot history show'

    @property
    def minutes(self) -> int:
        return max(0, round((self.ended - self.started).total_seconds() / 60))

    @property
    def label(self) -> str:
        """The library and branch, as one line."""
        return ", ".join(part for part in (self.library, self.branch) if part)

    @property
    def tree_id(self) -> str:
        """The tree the walk ended in."""
        return self.trees[-1][0]

    @property
    def for_it(self) -> bool:
        """Whether IT has anything to do: an escalation, or admin steps left for them."""
        return self.outcome == Outcome.ESCALATED or bool(self.admin_needed)


def build(trees: TreeSource, state: State, facts: Mapping[str, str] | None = None) -> HandOff:
    """The hand-off for a walk that has ended (*facts* instead of the ones the walk asked).

    Scrubbed against the walk's card pattern whatever it holds: the walk refuses what
    staff type, but *facts* and a rebuilt walk's transcript may come from a record.
    """
    ending = state.ending
    if ending is None:
        raise ValueError("the walk has not ended")
    titles = []
    for tree_id in state.trees:
        tree = trees.get(tree_id)
        titles.append((tree_id, tree.title if tree else tree_id))
    path, log = state.path, state.log
    given = tuple(facts.items()) if facts is not None else state.facts
    note = HandOff(
        trees=tuple(titles),
        outcome=ending.outcome,
        reason=ending.text,
        urgent=ending.urgent,
        by_staff=ending.by_staff,
        started=state.started,
        ended=ending.at,
        end_node=f"{ending.tree}#{ending.node}",
        workaround=ending.workaround,
        facts=tuple((label, value) for label, value in given if value),
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
        corrections=corrections(state),
        said=tuple(e.text for e in path if e.kind == Kind.SAID),
        began_at=next(
            (f"{e.tree}#{e.node}" for e in log[:1] if e.kind == Kind.START and e.value == "deep"),
            "",
        ),
        bring=ending.bring,
    )
    return scrubbed(note, state.cards)


def scrubbed(note: HandOff, cards: privacy.CardPattern = privacy.STRICT) -> HandOff:
    """*note* with every text in it that looks like a card number or a password replaced.

    The one guard every hand-off passes before it is shown, saved, drafted as email or
    kept in a record: whatever field a number got into, it goes no further.
    """

    def one(text: str) -> str:
        return privacy.scrub(text, cards)

    def pairs(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        return tuple((one(a), one(b)) for a, b in items)

    return replace(
        note,
        trees=pairs(note.trees),
        reason=one(note.reason),
        workaround=one(note.workaround),
        facts=pairs(note.facts),
        answers=pairs(note.answers),
        tried=pairs(note.tried),
        not_tried=pairs(note.not_tried),
        admin_needed=pairs(note.admin_needed),
        not_allowed=pairs(note.not_allowed),
        notes=tuple(one(text) for text in note.notes),
        corrections=tuple(one(text) for text in note.corrections),
        said=tuple(one(text) for text in note.said),
        bring=one(note.bring),
        library=one(note.library),
        branch=one(note.branch),
        initials=one(note.initials),
        end_node=one(note.end_node),  # ids, which never look like a number, unless planted
        began_at=one(note.began_at),
        session=one(note.session),
    )


def corrections(state: State) -> tuple[str, ...]:
    """What staff went back and changed, old answer and new, in the order it happened.

    The new answer is the one the walk as it stands gave at the same place; going back
    and giving the same answer again changes nothing and is not reported.
    """
    out: list[str] = []
    for back in (e for e in state.log if e.kind == Kind.BACK):
        if back.detail not in (Kind.ANSWER, Kind.RESULT):
            if back.detail == "correction" and back.text != "went back":  # older records
                out.append(f"went back from: {back.text}")
            continue
        now = next(
            (
                e.value
                for e in state.path
                if e.kind == back.detail and (e.tree, e.node) == (back.tree, back.node)
            ),
            None,
        )
        what = f"'{back.text}'" if back.detail == Kind.ANSWER else f"the result of '{back.text}'"
        if now is None:
            out.append(f"took back '{back.value}' for {what}, and went another way")
        elif now != back.value:
            out.append(f"changed {what} from '{back.value}' to '{now}'")
    return tuple(dict.fromkeys(out))
