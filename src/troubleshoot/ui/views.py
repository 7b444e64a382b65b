"""Rich renderings of the tool's data: lists, hand-offs, walk headers.

Every label that matters is a word as well as a colour (ADMIN, URGENT, STEP), so
nothing relies on colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from troubleshoot.text import clean

if TYPE_CHECKING:
    from rich.console import Console

    from troubleshoot.handoff.content import HandOff
    from troubleshoot.handoff.deliver import WalkResult


def outcome(console: Console, note: HandOff) -> None:
    """The end, before any fact is asked: what it is, what to do now, whom to call."""
    from rich.panel import Panel
    from rich.text import Text

    from troubleshoot.handoff.ticket import now_lines
    from troubleshoot.walk.prompts import Outcome

    first, *rest = now_lines(note)
    body = Text(first, style="bold")
    for line in rest:
        body.append("\n" + line)
    style = {Outcome.RESOLVED: "green", Outcome.REFERRED: "blue"}.get(note.outcome, "yellow")
    console.print(Panel(body, border_style="red" if note.urgent else style))


def finished(console: Console, result: WalkResult) -> None:
    """After the facts: the hand-off for IT, ready to copy, and where it was saved."""
    from rich.text import Text

    from troubleshoot.handoff.ticket import ticket_text

    note = result.handoff
    if note is None or not note.for_it:
        return
    console.print(Text("\n----- HAND-OFF FOR IT: copy from here -----", style="bold"))
    console.print(Text(ticket_text(note).rstrip("\n")))
    console.print(Text("----- end of hand-off -----", style="bold"))
    if result.path is not None:
        console.print(Text(f"Saved for IT as: {result.path}"))
    elif result.write_error:
        console.print(Text(f"Could not save the hand-off file ({clean(result.write_error)})."))
