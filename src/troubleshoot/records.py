"""A session as data: the one shape the database, the fallback file and exports share.

A record keeps what is needed to resume the walk exactly (how it started and every
action with its time) beside what people read later (every engine event, the
outcome, the facts and the hand-off). Because the same record goes into SQLite, the
JSONL fallback and export files, a session can move between them without loss, and
importing it twice changes nothing.

Staff type free text into notes, "couldn't try" reasons and facts. The walk already
refuses card numbers and passwords there; :func:`scrub` is the last guard before
anything is kept, so an older or foreign record cannot bring one in either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from troubleshoot import privacy
from troubleshoot.engine import (
    NOT_TRIED,
    Action,
    AddNote,
    Back,
    Cannot,
    Choose,
    Entry,
    EscalateNow,
    PatronLeft,
    Restart,
    State,
)
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.handoff import HandOff
from troubleshoot.model import Budget

FORMAT = "troubleshoot-session"
VERSION = 1
OUTCOMES = ("resolved", "escalated", "abandoned")
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
    outcome: str | None = None  # None while the walk is under way
    ended: dt.datetime | None = None
    end_tree: str = ""
    end_node: str = ""
    by_staff: bool = False
    facts: tuple[tuple[str, str], ...] = ()
    handoff: HandOff | None = None  # present once the walk is closed

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
    return action


def scrub_entry(entry: Entry) -> Entry:
    if entry.kind == "note":
        return replace(entry, text=scrub(entry.text))
    if entry.kind == "result" and entry.value == NOT_TRIED:
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


# -- to and from JSON ------------------------------------------------------------------

_SIMPLE: Mapping[str, type[Back | EscalateNow | Restart | PatronLeft]] = {
    "back": Back,
    "escalate": EscalateNow,
    "restart": Restart,
    "patron_left": PatronLeft,
}


def action_to_json(action: Action) -> dict[str, Any]:
    if isinstance(action, Choose):
        return {"do": "choose", "index": action.index}
    if isinstance(action, AddNote):
        return {"do": "note", "text": action.text}
    if isinstance(action, Cannot):
        return {"do": "cannot", "reason": action.reason}
    for name, kind in _SIMPLE.items():
        if isinstance(action, kind):
            return {"do": name}
    raise ValueError(f"unknown action {action!r}")  # pragma: no cover


def action_from_json(data: Mapping[str, Any]) -> Action:
    do = data.get("do")
    if do == "choose":
        index = data.get("index")
        if not isinstance(index, int) or isinstance(index, bool) or index < 0:
            raise ValueError("a choice needs a whole number 'index'")
        return Choose(index)
    if do == "note":
        return AddNote(_text(data, "text"))
    if do == "cannot":
        return Cannot(_text(data, "reason"))
    if isinstance(do, str) and do in _SIMPLE:
        return _SIMPLE[do]()
    raise ValueError(f"unknown action {do!r}")


def entry_to_json(entry: Entry) -> dict[str, Any]:
    return {
        "kind": entry.kind,
        "at": entry.at.isoformat(),
        "tree": entry.tree,
        "node": entry.node,
        "text": entry.text,
        "value": entry.value,
        "detail": entry.detail,
    }


def entry_from_json(data: Mapping[str, Any]) -> Entry:
    return Entry(
        kind=_text(data, "kind"),
        at=_time(data, "at"),
        tree=_text(data, "tree"),
        node=_text(data, "node"),
        text=_text(data, "text"),
        value=_text(data, "value"),
        detail=_text(data, "detail"),
    )


def handoff_to_json(note: HandOff) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(note):
        value = getattr(note, f.name)
        if isinstance(value, dt.datetime):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = [list(v) if isinstance(v, tuple) else v for v in value]
        out[f.name] = value
    return out


def handoff_from_json(data: Mapping[str, Any]) -> HandOff:
    """Tolerant of fields added or dropped by other versions: unknown ones are ignored."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(HandOff):
        kind = str(f.type)
        raw = data.get(f.name)
        if "datetime" in kind:
            values[f.name] = _time(data, f.name)
        elif kind.startswith("tuple[tuple"):
            values[f.name] = tuple(tuple(str(x) for x in pair) for pair in _list(raw))
        elif kind.startswith("tuple"):
            values[f.name] = tuple(str(x) for x in _list(raw))
        elif kind == "bool":
            values[f.name] = bool(raw)
        else:
            values[f.name] = "" if raw is None else str(raw)
    return HandOff(**values)


def to_json(session: Session) -> dict[str, Any]:
    """The export form: one JSON object per session, one per line in a file."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "id": session.id,
        "tree": session.tree,
        "digest": session.digest,
        "started": session.started.isoformat(),
        "budget": {"minutes": session.budget.minutes, "steps": session.budget.steps},
        "start_node": session.start_node,
        "admin": session.admin,
        "forbidden": list(session.forbidden),
        "initials": session.initials,
        "moves": [{"at": m.at.isoformat(), **action_to_json(m.action)} for m in session.moves],
        "events": [entry_to_json(e) for e in session.events],
        "path": list(session.path),
        "at": {"tree": session.at_tree, "node": session.at_node},
        "updated": session.updated.isoformat() if session.updated else None,
        "outcome": session.outcome,
        "ended": session.ended.isoformat() if session.ended else None,
        "end": {"tree": session.end_tree, "node": session.end_node},
        "by_staff": session.by_staff,
        "facts": [list(pair) for pair in session.facts],
        "handoff": handoff_to_json(session.handoff) if session.handoff else None,
    }


def to_line(session: Session) -> str:
    return json.dumps(to_json(session), ensure_ascii=False, sort_keys=True)


def from_json(data: Any) -> Session:
    """A record from its export form; ValueError says what is wrong with it."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    if data.get("format") != FORMAT:
        raise ValueError(f"not a session record (format should be '{FORMAT}')")
    if data.get("version") != VERSION:
        raise ValueError(f"record version {data.get('version')!r}; this tool reads {VERSION}")
    import uuid

    session_id = _text(data, "id")
    try:
        uuid.UUID(session_id)
    except ValueError:
        raise ValueError(f"id '{session_id}' is not a UUID") from None
    outcome = data.get("outcome")
    if outcome is not None and outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    budget = data.get("budget") or {}
    at, end = data.get("at") or {}, data.get("end") or {}
    events = tuple(entry_from_json(e) for e in _list(data.get("events")))
    path = tuple(int(i) for i in _list(data.get("path")))
    if any(not 0 <= i < len(events) for i in path):
        raise ValueError("'path' points past the events")
    session = Session(
        id=session_id,
        tree=_text(data, "tree"),
        digest=_text(data, "digest"),
        started=_time(data, "started"),
        budget=Budget(int(budget.get("minutes", 10)), int(budget.get("steps", 12))),
        start_node=data.get("start_node") or None,
        admin=bool(data.get("admin")),
        forbidden=tuple(str(p) for p in _list(data.get("forbidden"))),
        initials=_text(data, "initials"),
        moves=tuple(Move(action_from_json(m), _time(m, "at")) for m in _list(data.get("moves"))),
        events=events,
        path=path,
        at_tree=_text(at, "tree"),
        at_node=_text(at, "node"),
        updated=_time(data, "updated") if data.get("updated") else None,
        outcome=outcome,
        ended=_time(data, "ended") if data.get("ended") else None,
        end_tree=_text(end, "tree"),
        end_node=_text(end, "node"),
        by_staff=bool(data.get("by_staff")),
        facts=tuple((str(a), str(b)) for a, b in _list(data.get("facts"))),
        handoff=handoff_from_json(data["handoff"]) if data.get("handoff") else None,
    )
    return scrubbed(session)


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"'{key}' should be text")
    return value


def _time(data: Mapping[str, Any], key: str) -> dt.datetime:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"'{key}' should be a date and time")
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{key}': '{value}' is not a date and time") from None


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError("expected a list")
    return value
