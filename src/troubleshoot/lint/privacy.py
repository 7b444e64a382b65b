"""Trees that would have staff write down a patron's password, PIN or card number.

Facts in ``collect`` are asked for at the end of a walk and go into a hand-off that
is emailed around; the tool refuses such text when staff type it, but a tree should
never ask in the first place. An item that mentions one of these words without
saying not to ("Card type; never the card number") is a warning. Any text in the
tree that itself holds a long run of digits (a card number) or a written-down
password (``password: ...``) is a warning too.

Passes::

    collect: [PC number, Time it happened, Card type; never the card number]

Fails (warning)::

    collect: [PC number, Patron's library card number]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from troubleshoot import privacy
from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at, key_pos
from troubleshoot.tree.model import Escalate, Node, Pos, Refer, Tree, node_texts

ID = "privacy"

SECRET_WORDS = re.compile(
    r"\b(pass\s*words?|passwd|pass\s*codes?|pins?|pin\s+numbers?|"
    r"(?:library\s+|credit\s+|bank\s+)?card\s+(?:numbers?|no\.?)|barcodes?)\b",
    re.IGNORECASE,
)
# "password: hunter2", "PIN = 1234": a secret written into the tree itself
WRITTEN_SECRET = re.compile(r"\b(?:password|passwd|passcode|pin)\s*[:=]\s*\S", re.IGNORECASE)
NEGATION = re.compile(r"\b(never|not|no|without|don'?t|do not)\b", re.IGNORECASE)


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    yield from _collect(tree, "collect", tree.collect, key_pos(tree, "collect"))
    for node in tree.nodes.values():
        if isinstance(node, Escalate | Refer) and node.collect:
            yield from _collect(tree, f"node '{node.id}': collect", node.collect, node.pos)
    everything = "\n".join(text for node in tree.nodes.values() for text in _texts(node))
    if not (privacy.LONG_NUMBER.search(everything) or WRITTEN_SECRET.search(everything)):
        return  # one search per tree; the nodes are looked at only when something is there
    for node in tree.nodes.values():
        for text in _texts(node):
            if privacy.LONG_NUMBER.search(text) or WRITTEN_SECRET.search(text):
                yield at(
                    tree,
                    node.pos,
                    ID,
                    f"node '{node.id}': the text looks like it holds a card number or "
                    "a password; trees must not hold one",
                    "warning",
                )
                break


def _collect(tree: Tree, label: str, items: tuple[str, ...], where: Pos) -> Iterator[Finding]:
    for i, item in enumerate(items, 1):
        found = SECRET_WORDS.search(item)
        if found and not NEGATION.search(item[: found.start()]):
            yield at(
                tree,
                where,
                ID,
                f"{label}[{i}]: '{item}' asks for a {found.group(0).lower()}; never collect "
                "a patron's password, PIN or card number (identify them by PC or station "
                "and time)",
                "warning",
            )


def _texts(node: Node) -> tuple[str, ...]:
    return node_texts(node)
