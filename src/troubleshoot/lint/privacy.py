"""Trees that would have staff write down a patron's password, PIN or card number.

Facts in ``collect`` are asked for at the end of a walk and go into a hand-off that
is emailed around; the tool refuses such text when staff type it, but a tree should
never ask in the first place. Only wording that asks for one is a warning: a card
number, the barcode on a library card, a password or a PIN. An item barcode is what
IT needs to find a book or a laptop on loan, and is never flagged; nor is an item
that says not to ("Card type; never the card number"). Any text in the tree that
itself holds a card number or a written-down password (``password: ...``) is a
warning too, by the same rule the walk applies to what staff type.

Passes::

    collect: [PC number, Item barcode, Card type; never the card number]

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

_PATRON = r"(?:library|patron'?s?|borrower'?s?|member(?:ship)?|credit|debit|bank)"
#: Wording that asks for a secret, and what it asks for.
ASKS = (
    (re.compile(r"\b(?:pass\s*words?|passwd|pass\s*codes?)\b", re.IGNORECASE), "password"),
    (re.compile(r"\bpins?(?:\s+(?:numbers?|codes?))?\b", re.IGNORECASE), "PIN"),
    (
        re.compile(
            rf"\bcard\s*(?:numbers?|no\b\.?|#)"
            rf"|\bbar\s*codes?\s+(?:on|of|from)\s+(?:the\s+|their\s+|a\s+)?(?:{_PATRON}\s+)?card\b"
            rf"|\b{_PATRON}\s+(?:card\s+)?bar\s*codes?\b",
            re.IGNORECASE,
        ),
        "card number",
    ),
)
NEGATION = re.compile(r"\b(never|not|no|without|don'?t|do not)\b", re.IGNORECASE)


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    yield from _collect(tree, "collect", tree.collect, key_pos(tree, "collect"))
    for node in tree.nodes.values():
        if isinstance(node, Escalate | Refer) and node.collect:
            yield from _collect(tree, f"node '{node.id}': collect", node.collect, node.pos)
    everything = "\n".join(text for node in tree.nodes.values() for text in _texts(node))
    if privacy.problem(everything, ctx.cards) is None:
        return  # one search per tree; the nodes are looked at only when something is there
    for node in tree.nodes.values():
        for text in _texts(node):
            if privacy.problem(text, ctx.cards) is not None:
                yield at(
                    tree,
                    node.pos,
                    ID,
                    f"node '{node.id}': the text looks like it holds a card number or "
                    "a password; trees must not hold one",
                    "warning",
                )
                break


def asks_for(item: str) -> str | None:
    """What secret a ``collect`` item asks for ("card number", "password", "PIN"), if any."""
    for pattern, kind in ASKS:
        found = pattern.search(item)
        if found and not NEGATION.search(item[: found.start()]):
            return kind
    return None


def _collect(tree: Tree, label: str, items: tuple[str, ...], where: Pos) -> Iterator[Finding]:
    for i, item in enumerate(items, 1):
        kind = asks_for(item)
        if kind is not None:
            yield at(
                tree,
                where,
                ID,
                f'{label}[{i}] "{item}": asks for a {kind}; never collect a patron\'s '
                "password, PIN or card number (identify them by PC or station and time)",
                "warning",
            )


def _texts(node: Node) -> tuple[str, ...]:
    return node_texts(node)
