"""A session as data: the one shape the database, the fallback file and exports share.

A record keeps what is needed to resume the walk exactly (how it started and every
action with its time) beside what people read later (every engine event, the
outcome, the facts and the hand-off). Because the same record goes into SQLite, the
JSONL fallback and export files, a session can move between them without loss, and
importing it twice changes nothing. Its JSON form is in codec.py.

Staff type free text into notes, "couldn't try" reasons and facts. The walk already
refuses card numbers and passwords there; :func:`scrubbed` is the last guard before
anything is kept or sent out, and reaches every text of a record (initials, answers,
corrections, the hand-off), so an older or foreign record cannot bring one in
either. Each takes the desk's card pattern; a walk's state carries it.
"""

from __future__ import annotations

import datetime as dt
import re

from troubleshoot import clock, privacy
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.frozen import frozen, replace
from troubleshoot.handoff import content
from troubleshoot.handoff.content import HandOff
from troubleshoot.tree.model import Budget
from troubleshoot.walk.engine import State
from troubleshoot.walk.prompts import (
    Action,
    AddNote,
    Cannot,
    Entry,
    EscalateNow,
    GiveFact,
    Outcome,
)

OUTCOMES = tuple(o.value for o in Outcome)
REMOVED = privacy.REMOVED
_INITIALS = re.compile(r"[^\W\d_]{1,4}")


@frozen
class Move:
    """One action the person took, with the time it was applied."""

    action: Action
    at: dt.datetime


@frozen
class Origin:
    """Where a walk is done: the site's library and branch, and the desk's own name.

    Kept on every record so that records pooled from many desks can still be told
    apart; the tree's version is the record's ``digest``.
    """

    library: str = ""
    branch: str = ""
    desk: str = ""


@frozen
class Session:
    id: str
    tree: str
    digest: str  # of the tree file when the walk began
    started: dt.datetime
    budget: Budget
    start_node: str | None = None  # set when a symptom started the walk deep in the tree
    admin: bool = False
    forbidden: tuple[str, ...] = ()
    initials: str = ""
    moves: tuple[Move, ...] = ()
    events: tuple[Entry, ...] = ()
    path: tuple[int, ...] = ()  # indexes into events: the walk as it stands after Back
    at_tree: str = ""
    at_node: str = ""
    updated: dt.datetime | None = None
    outcome: Outcome | None = None  # None while the walk is under way
    ended: dt.datetime | None = None
    end_tree: str = ""
    end_node: str = ""
    by_staff: bool = False
    facts: tuple[tuple[str, str], ...] = ()
    handoff: HandOff | None = None  # present once the walk is closed
    #: From another desk's export: read and counted here, never resumed (the walk, its
    #: patron and its tree are at the other desk). Kept by the database, not in exports.
    imported: bool = False
    #: Where the walk was done, from the site settings (see :class:`Origin`); empty
    #: in records made before they were kept.
    library: str = ""
    branch: str = ""
    desk: str = ""

    @property
    def short_id(self) -> str:
        return self.id[:8]

    @property
    def closed(self) -> bool:
        """Finished for good: ended, facts asked, hand-off made. Otherwise resumable."""
        return self.handoff is not None

    @property
    def minutes(self) -> float | None:
        if self.ended is None:
            return None
        return max(0.0, (self.ended - self.started).total_seconds() / 60)

    def completeness(self) -> tuple[bool, int, int]:
        """Orders two copies of one session: the one further along wins on import."""
        return (self.closed, len(self.moves), len(self.events))


# -- from the walk -------------------------------------------------------------------


def check_initials(text: str) -> str:
    """Staff initials: up to four letters, so that nobody types a full name there."""
    text = text.strip()
    if not text:
        return ""
    if not _INITIALS.fullmatch(text):
        raise TroubleshootError(
            f"--initials: '{text}' is not initials (one to four letters)", exit_code=Exit.USAGE
        )
    return text.upper()


def begin(
    state: State,
    digest: str,
    *,
    initials: str = "",
    session_id: str = "",
    origin: Origin | None = None,
) -> Session:
    """The record of a walk that has just started at *origin*."""
    import uuid

    origin = origin or Origin()

    first = state.log[0]
    session = Session(
        id=session_id or str(uuid.uuid4()),
        tree=state.origin[0],
        digest=digest,
        started=state.started,
        budget=state.budget,
        start_node=state.origin[1] if first.value == "deep" else None,
        admin=state.admin,
        forbidden=tuple(sorted(state.forbidden)),
        initials=scrub(initials, state.cards),
        library=origin.library,
        branch=origin.branch,
        desk=origin.desk,
    )
    return advance_to(session, state, state.started)  # a walk may end before any answer


def advance(session: Session, move: Move, state: State) -> Session:
    """The record after one more action."""
    kept = Move(scrub_action(move.action, state.cards), move.at)
    moved = replace(session, moves=(*session.moves, kept))
    return advance_to(moved, state, move.at)


def advance_to(session: Session, state: State, at: dt.datetime | None = None) -> Session:
    """The record brought up to *state*. The engine's log only ever grows."""
    new = state.log[len(session.events) :]
    ending = state.ending
    return replace(
        session,
        events=session.events + tuple(scrub_entry(e, state.cards) for e in new),
        path=path_indexes(state),
        at_tree=state.tree,
        at_node=state.node,
        updated=at or (new[-1].at if new else session.updated),
        outcome=ending.outcome if ending else None,
        ended=ending.at if ending else None,
        end_tree=ending.tree if ending else "",
        end_node=ending.node if ending else "",
        by_staff=ending.by_staff if ending else False,
    )


def close(
    session: Session, handoff: HandOff | None, cards: privacy.CardPattern = privacy.STRICT
) -> Session:
    """The record once the walk is over and its facts are in."""
    if handoff is None:
        return session
    handoff = content.scrubbed(handoff, cards)
    return replace(session, facts=handoff.facts, handoff=handoff)


def path_indexes(state: State) -> tuple[int, ...]:
    """Where each entry of ``state.path`` sits in ``state.log``.

    The engine puts the very same entry object in both, so identity finds them even
    when two entries are equal (the same answer given twice).
    """
    found: list[int] = []
    for index, entry in enumerate(state.log):
        if len(found) < len(state.path) and state.path[len(found)] is entry:
            found.append(index)
    if len(found) == len(state.path):
        return tuple(found)
    found = []
    for index, entry in enumerate(state.log):  # a state built by hand: match by value
        if len(found) < len(state.path) and state.path[len(found)] == entry:
            found.append(index)
    return tuple(found)


def parse_since(text: str | None) -> dt.date | None:
    """``--since``: a day (2026-11-23) or a moment in it (2026-11-23T14:00)."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        return clock.moment(text).date()
    except ValueError:
        raise TroubleshootError(
            f"--since: '{text}' is not a date like 2026-11-23", exit_code=Exit.USAGE
        ) from None


# -- keeping secrets out -------------------------------------------------------------


def scrub(text: str, cards: privacy.CardPattern = privacy.STRICT) -> str:
    return privacy.scrub(text, cards)


def scrub_action(action: Action, cards: privacy.CardPattern = privacy.STRICT) -> Action:
    if isinstance(action, AddNote):
        return AddNote(scrub(action.text, cards))
    if isinstance(action, Cannot):
        return Cannot(scrub(action.reason, cards))
    if isinstance(action, EscalateNow):
        return EscalateNow(scrub(action.reason, cards))
    if isinstance(action, GiveFact):
        return GiveFact(scrub(action.value, cards))
    return action


def scrub_entry(entry: Entry, cards: privacy.CardPattern = privacy.STRICT) -> Entry:
    """Every text of an entry, whatever its kind: a record from elsewhere may hold a
    number in a field this tool would never have put one in (an answer, a correction)."""
    text, value, detail = (scrub(t, cards) for t in (entry.text, entry.value, entry.detail))
    if (text, value, detail) == (entry.text, entry.value, entry.detail):
        return entry
    return replace(entry, text=text, value=value, detail=detail)


def scrubbed(session: Session, cards: privacy.CardPattern = privacy.STRICT) -> Session:
    """A whole record, cleaned: for records that come from outside, and that go out."""
    return replace(
        session,
        initials=scrub(session.initials, cards),
        moves=tuple(Move(scrub_action(m.action, cards), m.at) for m in session.moves),
        events=tuple(scrub_entry(e, cards) for e in session.events),
        facts=tuple((scrub(label, cards), scrub(value, cards)) for label, value in session.facts),
        handoff=content.scrubbed(session.handoff, cards) if session.handoff else None,
        library=scrub(session.library, cards),
        branch=scrub(session.branch, cards),
        desk=scrub(session.desk, cards),
    )
