"""Rich renderings of the tool's data: lists, hand-offs, walk headers.

Every label that matters is a word as well as a colour (ADMIN, URGENT, STEP), so
nothing relies on colour alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from troubleshoot.text import clean, one_line
from troubleshoot.walk.prompts import Outcome

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from troubleshoot.handoff.content import HandOff
    from troubleshoot.handoff.deliver import WalkResult
    from troubleshoot.tree.cache import TreeInfo


def tree_table(console: Console, trees: Iterable[TreeInfo]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table("id", "title", "summary", box=None, pad_edge=False)
    for tree in trees:
        # Text, not str: literal whatever console this is given (a str cell is markup).
        table.add_row(*(Text(one_line(v)) for v in (tree.id, tree.title, tree.summary)))
    console.print(table)


def handoff_panel(note: HandOff) -> RenderableType:
    from rich.panel import Panel
    from rich.text import Text

    from troubleshoot.handoff import ticket
    from troubleshoot.handoff.ticket import headline

    body = Text()

    def line(label: str, value: str, style: str = "") -> None:
        body.append(f"{label}: ", style="bold")
        body.append(one_line(value) + "\n", style=style)

    def rows(title: str, items: Iterable[str], style: str = "") -> None:
        items = list(items)
        if items:
            body.append(f"\n{title}\n", style="bold")
            for item in items:
                body.append(f"  - {one_line(item)}\n", style=style)

    line("Tree", ", ".join(f"{title} ({tid})" for tid, title in note.trees))
    line("Time spent", f"{note.minutes} min ({note.started:%H:%M} to {note.ended:%H:%M})")
    line("Reason", note.reason)
    if note.workaround:
        line("Tell the patron", note.workaround, "bold")
    if note.route is not None:
        now = ticket.route_lines(note.route, note.workaround, note.urgent)
        if note.route.ticket:
            now.append("The ticket text to send is in the saved hand-off file.")
        rows("NOW:", now, "bold")
    rows(
        "NEEDS ADMIN RIGHTS (for IT):",
        [f"{step}  IT must: {todo}" for step, todo in note.admin_needed],
        "bold",
    )
    rows("Steps tried:", [f"{step} -> {result}" for step, result in note.tried])
    rows("Steps not tried:", [step + (f" ({why})" if why else "") for step, why in note.not_tried])
    rows("Not allowed here:", [f"{step} (policy {p})" for step, p in note.not_allowed])
    rows("Facts:", [f"{label}: {value}" for label, value in note.facts])
    rows("Notes:", note.notes)
    rows("Corrections:", note.corrections)
    style = "red" if note.urgent else "yellow"
    return Panel(body, title=Text(headline(note)), border_style=style)


def finished(console: Console, result: WalkResult) -> None:
    from rich.text import Text

    note = result.handoff
    if note is None:
        return
    if note.outcome == Outcome.RESOLVED:
        console.print(Text("RESOLVED: ", style="bold green") + Text(one_line(note.reason)))
        return
    if note.outcome == Outcome.ABANDONED:
        console.print(Text("Session ended: the patron left."))
        return
    console.print(handoff_panel(note))
    if result.path is not None:
        console.print(Text(f"Hand-off saved to: {result.path}"))
    elif result.write_error:
        console.print(Text(f"Could not save the hand-off file ({clean(result.write_error)})."))
