"""Choosing a tree when staff don't know its id: from all trees, or from search matches.

Every list is numbered and the numbers never change while filtering, so what a
colleague says across the desk ("it's number 4") stays true. Typed words narrow
the list the way ``find`` ranks trees (search/narrow.py), best first, in the plain
picker and the arrow-key one alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from troubleshoot.search.find import Index
from troubleshoot.search.narrow import narrow
from troubleshoot.text import one_line
from troubleshoot.tree.model import Tree
from troubleshoot.ui.keys import ctrl_d_ends_input

if TYPE_CHECKING:
    from troubleshoot.search.find import Match

NONE_OF_THESE = "None of these: show all problems"
QUESTION = "What is the problem?"


def _label(number: int, tree: Tree) -> str:
    return f"{number:>2}) {one_line(tree.title)}: {one_line(tree.summary)}"


def _entries(trees: Sequence[Tree]) -> list[tuple[str, str]]:
    return [(t.id, f"{t.id} {t.title} {t.summary}") for t in trees]


def no_good_match(words: str, closest: Sequence[str] = ()) -> str:
    """The line above the full list when the patron's words matched no tree well."""
    hint = f" Closest: {', '.join(one_line(c) for c in closest)}." if closest else ""
    return f'No good match for "{one_line(words)}".{hint}'


def _read(inp: TextIO, out: TextIO, label: str = "> ") -> str:
    out.write(label)
    out.flush()
    reply = inp.readline()
    if not reply:
        raise EOFError
    return reply.strip()


def pick_plain(
    trees: Sequence[Tree], inp: TextIO, out: TextIO, index: Index | None = None, lead: str = ""
) -> Tree:
    """A numbered list read line by line; typing words narrows it, a number picks.

    *lead* is a line said first (that the patron's words matched nothing well).
    """
    index = Index.build(trees) if index is None else index
    entries = _entries(trees)
    if lead:
        out.write(f"{lead}\n")
    out.write(f"{QUESTION} Type a number, or words to narrow the list:\n")
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
        hits = [] if reply.isdigit() else narrow(index, entries, reply)
        if len(hits) == 1:
            return trees[hits[0]]
        if hits:
            shown = hits
            continue
        shown = []
        out.write(f"Nothing matches that. Type a number from 1 to {len(trees)}.\n")


def pick_interactive(trees: Sequence[Tree], index: Index | None = None, lead: str = "") -> Tree:
    """Arrow keys, or type to filter; the number is part of each line, so typing "12"
    filters down to tree 12 and Enter takes it. Typed words rank the list as find
    would, best first, the word being typed counting as the start of a word."""
    import questionary
    from questionary import Choice

    index = Index.build(trees) if index is None else index
    entries = _entries(trees)
    choices = [Choice(_label(n, t), t.id) for n, t in enumerate(trees, 1)]
    question = questionary.select(
        f"{lead} {QUESTION}" if lead else QUESTION,
        choices=choices,
        use_search_filter=True,
        use_jk_keys=False,
        instruction="(arrows, or type words or a number to filter; Enter picks)",
    )
    _rank_filter(question, lambda typed: narrow(index, entries, typed, partial=True))
    picked = ctrl_d_ends_input(question).unsafe_ask()
    return next(t for t in trees if t.id == picked)


def _rank_filter(question: Any, rank: Callable[[str], list[int]]) -> None:
    """Make the select's type-to-filter rank its choices with *rank*.

    questionary filters a select by a plain substring of each title, so "wifi" never
    finds "Wi-Fi won't work". Its list control reads the filtered choices through one
    property; the control on screen is given a subclass whose property asks *rank*
    (positions, best first) instead, once per change of what was typed. Letters
    beyond ASCII are let into the filter too.
    """
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys
    from questionary.prompts.common import InquirerControl

    class Ranked(InquirerControl):
        typed: str | None = None
        order: tuple[Any, ...] = ()

        @property
        def filtered_choices(self) -> list[Any]:
            if not self.search_filter:
                return list(self.choices)
            if self.search_filter != self.typed:
                self.typed = self.search_filter
                self.order = tuple(self.choices[i] for i in rank(self.search_filter))
            self.found_in_search = bool(self.order)
            return list(self.order) or list(self.choices)

    controls = [
        window.content
        for window in question.application.layout.find_all_windows()
        if type(window.content) is InquirerControl
    ]
    for control in controls:
        control.__class__ = Ranked

    def beyond_ascii(event: Any) -> None:
        # questionary lets only ASCII into the filter, so "résumé" arrived as "rsum".
        # Keys with a binding of their own (Enter, arrows, ASCII) never reach here;
        # of the bindings for any key, the last added (this one) is the one used.
        if len(event.data) == 1 and event.data.isprintable():
            for control in controls:
                control.add_search_character(event.data)

    added = KeyBindings()
    added.add(Keys.Any)(beyond_ascii)
    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), added])


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
