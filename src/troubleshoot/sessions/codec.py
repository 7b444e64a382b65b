"""Session records as JSON: the form of export files and of the fallback file.

The format carries a name and a version so that a file from another tool, or from a
later version of this one, is refused with a clear message instead of half-read.
Reading is strict about types (a record is checked line by line on import) but
tolerant of hand-off fields other versions add or drop. Anything wrong with a line
(not JSON, ``NaN`` or ``Infinity``, nesting past reason, text that is not Unicode, a
value of the wrong kind or out of range) is a ValueError that says what.

Times are kept in one convention: this desk's local time, without an offset, as the
clock gives them. A time written with an offset (``+05:00``, ``Z``) is turned into
local time on reading, so that every time held can be compared with every other.

Written lines escape what a terminal or an editor would act on (C1 controls, the
marks that reverse the direction of text, line separators) as ``\\uXXXX``: still the
same JSON, but shown as written wherever the file is opened.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

from troubleshoot import clock, privacy
from troubleshoot.frozen import fields
from troubleshoot.handoff.content import HandOff
from troubleshoot.sessions.records import OUTCOMES, Move, Session, scrubbed
from troubleshoot.tree.model import Budget
from troubleshoot.walk.prompts import (
    Action,
    AddNote,
    Back,
    Cannot,
    Choose,
    Entry,
    EscalateNow,
    GiveFact,
    Kind,
    Outcome,
    PatronLeft,
    Restart,
    SkipFacts,
)

FORMAT = "troubleshoot-session"
VERSION = 1

_SIMPLE: Mapping[str, type[Back | Restart | PatronLeft | SkipFacts]] = {
    "back": Back,
    "restart": Restart,
    "patron_left": PatronLeft,
    "skip_facts": SkipFacts,
}


def action_to_json(action: Action) -> dict[str, Any]:
    if isinstance(action, Choose):
        return {"do": "choose", "index": action.index}
    if isinstance(action, AddNote):
        return {"do": "note", "text": action.text}
    if isinstance(action, Cannot):
        return {"do": "cannot", "reason": action.reason}
    if isinstance(action, EscalateNow):
        return {"do": "escalate", "reason": action.reason}
    if isinstance(action, GiveFact):
        return {"do": "fact", "value": action.value}
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
    if do == "escalate":
        return EscalateNow(_text(data, "reason"))
    if do == "fact":
        return GiveFact(_text(data, "value"))
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


def _kind(text: str) -> Kind:
    try:
        return Kind(text)
    except ValueError:
        raise ValueError(f"unknown kind of transcript line {text!r}") from None


def entry_from_json(data: Mapping[str, Any]) -> Entry:
    return Entry(
        kind=_kind(_text(data, "kind")),
        at=_time(data, "at"),
        tree=_text(data, "tree"),
        node=_text(data, "node"),
        text=_text(data, "text"),
        value=_text(data, "value"),
        detail=_text(data, "detail"),
    )


#: Hand-off fields not kept in the records: the site's routing (whom to call, when IT
#: opens) is worked out from the settings and the clock when the walk ends, and would be
#: stale when the record is read back.
NOT_KEPT = frozenset({"route"})


def handoff_to_json(note: HandOff) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(note):
        if f.name in NOT_KEPT:
            continue
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
    for f in fields(HandOff):
        if f.name in NOT_KEPT:
            continue
        kind = str(f.type)
        raw = data.get(f.name)
        if "datetime" in kind:
            values[f.name] = _time(data, f.name)
        elif kind.startswith("tuple[tuple"):
            values[f.name] = _pairs(raw, f"handoff: {f.name}")
        elif kind.startswith("tuple"):
            values[f.name] = tuple(str(x) for x in _list(data, f.name))
        elif kind == "bool":
            values[f.name] = bool(raw)
        elif kind == "Outcome":
            values[f.name] = Outcome(str(raw))
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
        "library": session.library,
        "branch": session.branch,
        "desk": session.desk,
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


#: Characters JSON allows raw in a string that change how a line is shown.
_SHOWN_ODDLY = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def to_line(session: Session) -> str:
    text = json.dumps(to_json(session), ensure_ascii=False, sort_keys=True)
    return _SHOWN_ODDLY.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _no_constant(name: str) -> Any:
    raise ValueError(f"'{name}' is not a number a record can hold")


def from_line(text: str, cards: privacy.CardPattern = privacy.STRICT) -> Session:
    """A record from one line of a JSONL file, scrubbed against *cards*; ValueError says
    what is wrong with it."""
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON ({e.msg})") from None
    except RecursionError:
        raise ValueError("not a session record: nested too deeply") from None
    session = from_json(data, cards)
    try:
        to_line(session).encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(
            "not a usable session record: text that is not Unicode (a lone surrogate "
            "such as \\ud800)"
        ) from None
    return session


def from_json(data: Any, cards: privacy.CardPattern = privacy.STRICT) -> Session:
    """A record from its export form, every text in it scrubbed against *cards*;
    ValueError says what is wrong with it."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    if data.get("format") != FORMAT:
        raise ValueError(f"not a session record (format should be '{FORMAT}')")
    if data.get("version") != VERSION or type(data.get("version")) is not int:
        raise ValueError(f"record version {data.get('version')!r}; this tool reads {VERSION}")
    import uuid

    session_id = _text(data, "id")
    try:
        session_id = str(uuid.UUID(session_id))
    except ValueError:
        raise ValueError(f"id '{session_id}' is not a UUID") from None
    outcome = data.get("outcome")
    if outcome is not None and outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    budget, at, end = _mapping(data, "budget"), _mapping(data, "at"), _mapping(data, "end")
    events = tuple(entry_from_json(_item(e, "events")) for e in _list(data, "events"))
    path = tuple(_count(i, "path", 2**31) for i in _list(data, "path"))
    if any(i >= len(events) for i in path):
        raise ValueError("'path' points past the events")
    handoff = data.get("handoff")
    if handoff and not isinstance(handoff, dict):
        raise ValueError("'handoff' should be a JSON object")
    session = Session(
        id=session_id,
        tree=_text(data, "tree"),
        digest=_text(data, "digest"),
        started=_time(data, "started"),
        budget=Budget(
            _count(budget.get("minutes", 10), "budget: minutes", MAX_BUDGET),
            _count(budget.get("steps", 12), "budget: steps", MAX_BUDGET),
        ),
        start_node=_text(data, "start_node") or None,
        admin=bool(data.get("admin")),
        forbidden=tuple(str(p) for p in _list(data, "forbidden")),
        initials=_text(data, "initials"),
        moves=tuple(
            Move(action_from_json(m), _time(m, "at"))
            for m in (_item(m, "moves") for m in _list(data, "moves"))
        ),
        events=events,
        path=path,
        at_tree=_text(at, "tree"),
        at_node=_text(at, "node"),
        updated=_time(data, "updated") if data.get("updated") else None,
        outcome=Outcome(outcome) if outcome is not None else None,
        ended=_time(data, "ended") if data.get("ended") else None,
        end_tree=_text(end, "tree"),
        end_node=_text(end, "node"),
        by_staff=bool(data.get("by_staff")),
        facts=_pairs(data.get("facts"), "facts"),
        handoff=handoff_from_json(handoff) if handoff else None,
        library=_text(data, "library"),  # absent from files written before they were kept
        branch=_text(data, "branch"),
        desk=_text(data, "desk"),
    )
    return scrubbed(session, cards)


#: A budget of more minutes or steps than this is not one a tree could have set.
MAX_BUDGET = 10_000


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"'{key}' should be text")
    return value


def _count(value: Any, what: str, most: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= most:
        raise ValueError(f"'{what}' should be a whole number from 0 to {most}")
    return value


def _mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise ValueError(f"'{key}' should be a JSON object")
    return value


def _item(value: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"each of '{key}' should be a JSON object")
    return value


def _pairs(value: Any, key: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for pair in _list({key: value}, key):
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError(f"each of '{key}' should be a pair")
        pairs.append((str(pair[0]), str(pair[1])))
    return tuple(pairs)


def _time(data: Mapping[str, Any], key: str) -> dt.datetime:
    """A time in this desk's local time, without an offset (see the module's docstring)."""
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"'{key}' should be a date and time")
    try:
        when = clock.moment(value)
        if when.tzinfo is not None:
            when = when.astimezone().replace(tzinfo=None)
    except (ValueError, OverflowError):
        raise ValueError(f"'{key}': '{value}' is not a date and time") from None
    return when


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"'{key}' should be a list")
    return value
