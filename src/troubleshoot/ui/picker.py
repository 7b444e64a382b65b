"""Choosing a tree when staff don't know its id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from troubleshoot.model import Tree
from troubleshoot.sanitize import one_line


def pick_plain(trees: Sequence[Tree], inp: TextIO, out: TextIO) -> Tree:
    out.write("What is the problem? Pick a number:\n")
    for number, tree in enumerate(trees, 1):
        out.write(f"  {number}) {one_line(tree.title)}: {one_line(tree.summary)}\n")
    while True:
        out.write("> ")
        out.flush()
        reply = inp.readline()
        if not reply:
            raise EOFError
        reply = reply.strip().lower()
        if reply.isdigit() and 1 <= int(reply) <= len(trees):
            return trees[int(reply) - 1]
        hits = [t for t in trees if reply and (t.id == reply or t.title.lower().startswith(reply))]
        if len(hits) == 1:
            return hits[0]
        out.write(f"Type a number from 1 to {len(trees)}.\n")


def pick_interactive(trees: Sequence[Tree]) -> Tree:
    import questionary
    from questionary import Choice

    choices = [Choice(f"{one_line(t.title)}: {one_line(t.summary)}", t.id) for t in trees]
    picked = questionary.select(
        "What is the problem?", choices=choices, use_search_filter=True, use_jk_keys=False
    ).unsafe_ask()
    return next(t for t in trees if t.id == picked)
