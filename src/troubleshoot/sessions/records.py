"""A session as data: the one shape the database, the fallback file and exports share.

A record keeps what is needed to resume the walk exactly (how it started and every
action with its time) beside what people read later (every engine event, the
outcome, the facts and the hand-off). Because the same record goes into SQLite, the
JSONL fallback and export files, a session can move between them without loss, and
importing it twice changes nothing. Its JSON form is in codec.py.

Staff type free text into notes, "couldn't try" reasons and facts. The walk already
refuses card numbers and passwords there; :func:`scrub` is the last guard before
anything is kept, so an older or foreign record cannot bring one in either.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from troubleshoot import privacy
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.handoff.content import HandOff
from troubleshoot.tree.model import Budget
from troubleshoot.walk.engine import State
from troubleshoot.walk.prompts import (
    NOT_TRIED,
    Action,
    AddNote,
    Cannot,
    Entry,
    EscalateNow,
    GiveFact,
    Kind,
    Outcome,
)

OUTCOMES = tuple(o.value for o in Outcome)
REMOVED = "[removed: looked like a card number or a password]"
_INITIALS = re.compile(r"[^\W\d_]{1,4}")


@dataclass(frozen=True)
class Move:
    """One action the person took, with the time it was applied."""

    action: Action
    at: dt.datetime


@dataclass(frozen=True)
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


def begin(state: State, digest: str, *, initials: str = "", session_id: str = "") -> Session:
    """The record of a walk that has just started."""
    import uuid

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
        initials=initials,
    )
    return advance_to(session, state, state.started)  # a walk may end before any answer


def advance(session: Session, move: Move, state: State) -> Session:
    """The record after one more action."""
    moved = replace(session, moves=(*session.moves, Move(scrub_action(move.action), move.at)))
    return advance_to(moved, state, move.at)


def advance_to(session: Session, state: State, at: dt.datetime | None = None) -> Session:
    """The record brought up to *state*. The engine's log only ever grows."""
    new = state.log[len(session.events) :]
    ending = state.ending
    return replace(
        session,
        events=session.events + tuple(scrub_entry(e) for e in new),
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


def close(session: Session, handoff: HandOff | None) -> Session:
    """The record once the walk is over and its facts are in."""
    if handoff is None:
        return session
    handoff = scrub_handoff(handoff)
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
        return dt.datetime.fromisoformat(text.strip()).date()
    except ValueError:
        raise TroubleshootError(
            f"--since: '{text}' is not a date like 2026-11-23", exit_code=Exit.USAGE
        ) from None


# -- keeping secrets out -------------------------------------------------------------


def scrub(text: str) -> str:
    return REMOVED if privacy.problem(text) else text


def scrub_action(action: Action) -> Action:
    if isinstance(action, AddNote):
        return AddNote(scrub(action.text))
    if isinstance(action, Cannot):
        return Cannot(scrub(action.reason))
    if isinstance(action, EscalateNow):
        return EscalateNow(scrub(action.reason))
    if isinstance(action, GiveFact):
        return GiveFact(scrub(action.value))
    return action


def scrub_entry(entry: Entry) -> Entry:
    if entry.kind in (Kind.NOTE, Kind.END):
        return replace(entry, text=scrub(entry.text))
    if entry.kind in (Kind.FACT, Kind.BACK):
        return replace(entry, value=scrub(entry.value))
    if entry.kind == Kind.RESULT and entry.value == NOT_TRIED:
        return replace(entry, detail=scrub(entry.detail))
    return entry


def scrub_handoff(note: HandOff) -> HandOff:
    return replace(
        note,
        facts=tuple((label, scrub(value)) for label, value in note.facts),
        not_tried=tuple((step, scrub(why)) for step, why in note.not_tried),
        notes=tuple(scrub(text) for text in note.notes),
    )


def scrubbed(session: Session) -> Session:
    """A whole record, cleaned: for records that come from outside."""
    return replace(
        session,
        moves=tuple(Move(scrub_action(m.action), m.at) for m in session.moves),
        events=tuple(scrub_entry(e) for e in session.events),
        facts=tuple((label, scrub(value)) for label, value in session.facts),
        handoff=scrub_handoff(session.handoff) if session.handoff else None,
    )
