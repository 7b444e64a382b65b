"""A ``collect`` item asking for something the tool already records.

Every walk records when it began and ended, the answers, each step tried with its
result, each step not tried with the reason, the notes, the library, the branch, the
initials of the staff member at the desk and the session's id, and the hand-off it
writes is the ticket. Asking staff to type any of that again at the end costs a
prompt while the patron waits, and a typed copy can disagree with the record. The
staff member's callback number is not recorded, so it is fine to ask for.

Passes::

    collect: [PC name and where it is, Exact error message, Callback number]

Fails (warning)::

    collect: [PC name, Steps tried and what happened, Date and time first seen]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at, key_pos
from troubleshoot.tree.model import Escalate, Pos, Refer, Tree

ID = "recorded"

#: "tried", but not "tried to": what the patron tried to print is a fact of its own.
TRIED = r"tried\b(?!\s+to\b)"
#: What an item asks for, and why asking is not needed.
RECORDED: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), known)
    for pattern, known in (
        (
            rf"\b(steps?|anything|everything|what|ways?)\b.*\b{TRIED}"
            rf"|\b{TRIED}.*\bhappened\b|\b(you|staff|we)\b.*\b{TRIED}"
            rf"|\b(was|were|been|already) {TRIED}|\battempted\b",
            "the tool records every step tried and its result itself",
        ),
        (
            r"\bdates?\b|\b(time|when)\b.*\b(seen|noticed|happened|started|began)\b"
            r"|^\W*time\W*$",
            "the tool records when the walk began and ended itself",
        ),
        (
            r"\byour (own )?(full )?(name|initials)\b|\bstaff (member'?s? )?(name|initials)\b",
            "the tool records the initials of the staff member at the desk itself",
        ),
        (
            r"\b(which|what) branch\b|\b(branch|library) name\b",
            "the tool records the library and branch itself",
        ),
        (
            r"\bticket\b.*\b(filed|placed|opened|raised|number)\b|\bsession (id|number)\b",
            "the hand-off the tool writes is the ticket, with the session's id",
        ),
    )
)
CALLBACK = re.compile(r"\b(callback|call-back|phone|number)\b", re.IGNORECASE)


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    yield from _items(tree, "collect", tree.collect, key_pos(tree, "collect"))
    for node in tree.nodes.values():
        if isinstance(node, Escalate | Refer) and node.collect:
            yield from _items(tree, f"node '{node.id}': collect", node.collect, node.pos)


def _items(tree: Tree, label: str, items: tuple[str, ...], where: Pos) -> Iterator[Finding]:
    for i, item in enumerate(items, 1):
        for pattern, known in RECORDED:
            if not pattern.search(item):
                continue
            advice = "leave it out"
            if "initials" in known and CALLBACK.search(item):
                advice = "ask only for the callback number"
            yield at(
                tree,
                where,
                ID,
                f"{label}[{i}]: '{item}': {known}; {advice}",
                "warning",
            )
            break
