"""Choosing a tree when staff don't know its id: from all trees, or from search matches.

Every list is numbered and the numbers never change while filtering, so what a
colleague says across the desk ("it's number 4") stays true.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from troubleshoot.text import one_line
from troubleshoot.tree.model import Tree
from troubleshoot.ui.keys import ctrl_d_ends_input

if TYPE_CHECKING:
    from troubleshoot.search.find import Match

NONE_OF_THESE = "None of these: show all problems"


def _label(number: int, tree: Tree) -> str:
    return f"{number:>2}) {one_line(tree.title)}: {one_line(tree.summary)}"


def _read(inp: TextIO, out: TextIO, label: str = "> ") -> str:
    out.write(label)
    out.flush()
    reply = inp.readline()
    if not reply:
        raise EOFError
    return reply.strip()


def _filter(trees: Sequence[Tree], words: str) -> list[int]:
    """Positions of the trees whose id, title or summary hold every typed word."""
    wanted = words.lower().split()
    return [
        i
        for i, t in enumerate(trees)
        if all(w in f"{t.id} {t.title} {t.summary}".lower() for w in wanted)
    ]


def pick_plain(trees: Sequence[Tree], inp: TextIO, out: TextIO) -> Tree:
    """A numbered list read line by line; typing words narrows it, a number picks."""
    out.write("What is the problem? Type a number, or words to narrow the list:\n")
    shown = list(range(len(trees)))
    while True:
        for i in shown:
            out.write(f"{_label(i + 1, trees[i])}\n")
        reply = _read(inp, out)
        if not reply:
            shown = list(range(len(trees)))
            continue
        if reply.isdigit() and 1 <= int(reply) <= len(trees):
            return trees[int(reply) - 1]
        exact = [t for t in trees if t.id == reply.lower()]
        if exact:
            return exact[0]
        hits = _filter(trees, reply)
        if len(hits) == 1:
            return trees[hits[0]]
        if hits:
            shown = hits
            continue
        shown = []
        out.write(f"Nothing matches that. Type a number from 1 to {len(trees)}.\n")


def pick_interactive(trees: Sequence[Tree]) -> Tree:
    """Arrow keys, or type to filter; the number is part of each line, so typing "12"
    filters down to tree 12 and Enter takes it."""
    import questionary
    from questionary import Choice

    choices = [Choice(_label(n, t), t.id) for n, t in enumerate(trees, 1)]
    picked = ctrl_d_ends_input(
        questionary.select(
            "What is the problem?",
            choices=choices,
            use_search_filter=True,
            use_jk_keys=False,
            instruction="(arrows, or type words or a number to filter; Enter picks)",
        )
    ).unsafe_ask()
    return next(t for t in trees if t.id == picked)


def _match_label(number: int, match: Match) -> str:
    return f"{number}) {one_line(match.title)} ({one_line(match.id)})"


def choose_match_plain(
    words: str, matches: Sequence[Match], inp: TextIO, out: TextIO
) -> Match | None:
    """The best matches, numbered; Enter takes the first, 0 shows every tree."""
    out.write(f'Best matches for "{one_line(words)}":\n')
    for number, match in enumerate(matches, 1):
        out.write(f"  {_match_label(number, match)}\n")
        if match.node:
            out.write(f'     starts at the step for "{one_line(match.phrase)}"\n')
    out.write(f"  0) {NONE_OF_THESE}\n")
    while True:
        reply = _read(inp, out, "Pick a number (Enter for 1): ")
        if not reply:
            return matches[0]
        if reply.isdigit() and int(reply) <= len(matches):
            return matches[int(reply) - 1] if int(reply) else None
        out.write(f"Type a number from 0 to {len(matches)}.\n")


def choose_match_interactive(words: str, matches: Sequence[Match]) -> Match | None:
    import questionary
    from questionary import Choice, Separator

    choices: list[Choice | Separator] = []
    for number, match in enumerate(matches):
        title = f"{one_line(match.title)} ({one_line(match.id)})"
        if match.node:
            title += f', starting at "{one_line(match.phrase)}"'
        choices.append(Choice(title, number))
    choices += [Separator(), Choice(NONE_OF_THESE, -1, shortcut_key="0")]
    picked = ctrl_d_ends_input(
        questionary.select(
            f'Best matches for "{one_line(words)}":', choices=choices, use_shortcuts=True
        )
    ).unsafe_ask()
    return matches[picked] if picked >= 0 else None
