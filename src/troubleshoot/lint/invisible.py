"""Text that shows as blank, or hides characters no one can see.

A zero-width space (U+200B) or a byte-order mark pasted from a web page or a
document looks like nothing at all: an answer made only of them passes every other
check and shows at the desk as an empty choice. Inside words they are worse than
nothing too: a word with one inside no longer matches what staff type or search for. Joiners
(U+200C, U+200D) belong inside words of some scripts and in emoji, so they are
only counted next to plain ASCII letters or at the edge of the text.

Passes::

    a: {say: Files on this PC are wiped at restart., next: b}

Fails (warning; the second text holds U+200B only)::

    q:
      ask: Which one?
      answers:
        - {text: This one, next: b}
        - {text: "\\u200b", next: b}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import TOP, Escalate, Pos, Question, Refer, Resolved, Say, Step, Tree

ID = "invisible-text"

#: Characters that take no room on a screen.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
#: Of those, the ones that join letters in some scripts and emoji.
JOINERS = frozenset("\u200c\u200d")
#: Any of them, found in one pass: most texts hold none, and every text is looked at.
_ANY = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")


def texts(tree: Tree) -> Iterator[tuple[Pos, str, str]]:
    """Every text a person reads, with where to point and how to name it."""
    for key, value in (("title", tree.title), ("summary", tree.summary)):
        yield tree.key_pos.get(key, TOP), f"{key}: ", value
    if tree.workaround:
        yield tree.key_pos.get("workaround", TOP), "workaround: ", tree.workaround
    for i, symptom in enumerate(tree.symptoms, 1):
        yield symptom.pos, f"symptoms[{i}]: ", symptom.text
    for i, fact in enumerate(tree.collect, 1):
        yield tree.key_pos.get("collect", TOP), f"collect[{i}]: ", fact
    for node in tree.nodes.values():
        named: list[tuple[str, str]] = [("detail", getattr(node, "detail", ""))]
        named.append(("note", getattr(node, "note", "")))
        if isinstance(node, Question):
            named.append(("ask", node.ask))
            for i, answer in enumerate(node.answers, 1):
                yield answer.pos, f"node '{node.id}': answers[{i}]: text: ", answer.text
        elif isinstance(node, Step):
            named += [("step", node.step), ("admin", node.admin or "")]
        elif isinstance(node, Say):
            named.append(("say", node.say))
        elif isinstance(node, Resolved):
            named.append(("resolved", node.text))
        elif isinstance(node, Escalate):
            named += [("escalate", node.reason), ("workaround", node.workaround)]
            named += [(f"collect[{i}]", fact) for i, fact in enumerate(node.collect, 1)]
        elif isinstance(node, Refer):
            named += [("refer", node.who), ("tell", node.tell), ("bring", node.bring)]
            named += [(f"collect[{i}]", fact) for i, fact in enumerate(node.collect, 1)]
        for key, value in named:
            if value:
                yield node.pos, f"node '{node.id}': {key}: ", value


def _hidden(text: str) -> list[str]:
    """The invisible characters in *text* that do not join letters of a script."""
    found = []
    for i, char in enumerate(text):
        if char not in INVISIBLE:
            continue
        if char in JOINERS:
            before, after = text[i - 1 : i], text[i + 1 : i + 2]
            if before and after and not (before.isascii() or after.isascii()):
                continue
        found.append(char)
    return found


def _names(chars: list[str]) -> str:
    return ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(chars))


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for where, label, value in texts(tree):
        if _ANY.search(value) is None:
            continue
        hidden = _hidden(value)
        if not "".join(c for c in value if c not in INVISIBLE).strip():
            message = (
                f"{label}shows as blank: it holds only invisible characters "
                f"({_names([c for c in value if c in INVISIBLE])}); write the words, or delete it"
            )
        elif hidden:
            message = (
                f"{label}holds {len(hidden)} invisible character(s) ({_names(hidden)}), "
                "which stop staff's words from matching it; delete them"
            )
        else:
            continue
        yield at(tree, where, ID, message, "warning")
