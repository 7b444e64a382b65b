"""Showing session records: history lists, one session's transcript, unfinished walks.

Every value here came from a tree or from staff typing, so it is cleaned before it
is shown and passed to rich as plain text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from troubleshoot.handoff.ticket import to_markdown
from troubleshoot.sessions.records import Session
from troubleshoot.text import one_line, spreadsheet
from troubleshoot.ui import out
from troubleshoot.walk.prompts import Entry, Kind

if TYPE_CHECKING:
    from rich.console import Console

HISTORY_FIELDS = ("id", "started", "tree", "outcome", "end", "minutes", "initials")


def _time(session: Session) -> str:
    return session.started.strftime("%Y-%m-%d %H:%M")


def history_row(session: Session) -> dict[str, Any]:
    """One session as a list shows it: unfinished until closed, even at its end."""
    minutes = session.minutes if session.closed else None
    return {
        "id": session.id,
        "started": session.started.isoformat(),
        "tree": session.tree,
        "outcome": session.outcome if session.closed and session.outcome else "unfinished",
        "end": f"{session.end_tree}#{session.end_node}" if session.closed else "",
        "minutes": round(minutes, 1) if minutes is not None else None,
        "initials": session.initials,
    }


def history_table(console: Console, sessions: Sequence[Session]) -> None:
    from rich.table import Table

    table = Table("id", "started", "tree", "outcome", "ended at", "min", "staff", box=None)
    for s in sessions:
        row = history_row(s)
        where = row["end"] or f"{s.at_tree}#{s.at_node} (now)"
        table.add_row(
            s.short_id,
            _time(s),
            one_line(s.tree),
            row["outcome"] + (" (by staff)" if s.by_staff and s.closed else ""),
            one_line(where),
            "" if row["minutes"] is None else f"{row['minutes']:g}",
            one_line(s.initials),
        )
    console.print(table)
    out.line(f"{len(sessions)} session(s)")


def history_json(sessions: Sequence[Session]) -> str:
    return json.dumps([history_row(s) for s in sessions], indent=2, ensure_ascii=False)


def history_csv(sessions: Sequence[Session]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, HISTORY_FIELDS, lineterminator="\n")
    writer.writeheader()
    for s in sessions:
        writer.writerow({key: spreadsheet(value) for key, value in history_row(s).items()})
    return buffer.getvalue().rstrip("\n")


def describe(entry: Entry) -> str:
    """One transcript line's words, by the kind of event."""
    text, value, detail = entry.text, entry.value, entry.detail
    words = {
        "start": f"started: {text}" + (" (at a symptom's node)" if value == "deep" else ""),
        "shown": f"shown ({text})",
        "answer": f"{text} -> {value}",
        "result": f"{text} -> {value}" + (f" (why: {detail})" if detail else ""),
        "admin_skipped": f"needs admin rights, noted for IT: {text} (IT must: {detail})",
        "policy_skipped": f"not allowed by policy '{value}': {text}",
        "said": f"told the patron: {text}",
        "goto": f"continued in {value}",
        "note": f"note: {text}",
        "back": f"went back: {text}",
        "stop_offered": f"offered to stop guessing: {text}",
        "kept_going": "kept going",
        "restart": "started over",
        "end": f"{value}: {text}",
    }
    return words.get(entry.kind, " ".join(p for p in (entry.kind, text, value, detail) if p))


def transcript_lines(session: Session) -> list[str]:
    return [
        f"{e.at:%H:%M:%S}  {one_line(e.tree)}#{one_line(e.node)}  {one_line(describe(e))}"
        for e in session.events
    ]


def show_session(session: Session) -> None:
    """``history show``: who, when, every event, then the hand-off."""
    out.line(f"Session {session.id}")
    out.line(f"Tree: {one_line(session.tree)}   Started: {_time(session)}")
    if session.initials:
        out.line(f"Staff: {one_line(session.initials)}")
    state = session.outcome or f"unfinished, at {session.at_tree}#{session.at_node}"
    if session.outcome and not session.closed:
        state = (
            f"unfinished: reached '{session.outcome}' at {session.end_tree}#{session.end_node} "
            "but stopped before the hand-off was saved"
        )
    out.line(f"Outcome: {one_line(state)}")
    out.line()
    out.line("Transcript")
    for line in transcript_lines(session):
        out.line("  " + line)
    out.line()
    if session.handoff is not None:
        out.line(to_markdown(session.handoff).rstrip("\n"))
    else:
        out.line(f"Not finished: 'troubleshoot resume {session.short_id}' continues it.")


def unfinished_table(console: Console, sessions: Sequence[Session]) -> None:
    from rich.table import Table

    if not sessions:
        out.line("No unfinished sessions.")
        return
    table = Table("id", "started", "last action", "tree", "stopped at", "staff", box=None)
    for s in sessions:
        last = s.updated or s.started
        table.add_row(
            s.short_id,
            _time(s),
            f"{last:%Y-%m-%d %H:%M}",
            one_line(s.tree),
            one_line(f"{s.at_tree}#{s.at_node}"),
            one_line(s.initials),
        )
    console.print(table)


def resuming(session: Session, changed: bool, rebuilt: bool) -> None:
    """What staff read before the walk picks up: which session, and what was done."""
    out.line(
        f"Resuming session {session.short_id} ({one_line(session.tree)}), started {_time(session)}"
    )
    if changed or rebuilt:
        out.line(
            f"warning: the tree '{one_line(session.tree)}' has changed since this session "
            f"began; continuing at '{one_line(session.at_node)}', which still exists.",
            err=True,
        )
    path = [session.events[i] for i in session.path]
    done = [e for e in path if e.kind in (Kind.ANSWER, Kind.RESULT, Kind.SAID)]
    done += [e for e in session.events if e.kind == Kind.NOTE]
    if done:
        out.line("So far:")
        for e in done:
            out.line("  - " + one_line(describe(e)))
