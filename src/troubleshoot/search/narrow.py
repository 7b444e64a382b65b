"""Narrowing a numbered list of trees as staff type, the way find ranks them.

Both pickers (the plain one read line by line and the arrow-key one filtered key
by key) narrow their list with this, so "wifi", "résumé" or a tree's synonym
finds the same tree in either, and in ``find``. The numbers on the list never
change: typing a number keeps the entries with that number or numbers starting
with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from troubleshoot.search.find import Index, shortlist
from troubleshoot.search.words import fold


def narrow(
    index: Index, entries: Sequence[tuple[str, str]], typed: str, *, partial: bool = False
) -> list[int]:
    """Positions of the *entries* (tree id, label) that fit *typed*, best first.

    Words are ranked by the index, keeping the good matches near the best; when it
    finds none (only filler typed, say "won't"), the entries whose label holds every
    typed word. *partial*: the last word is still being typed.
    """
    typed = typed.strip()
    if not typed:
        return list(range(len(entries)))
    if typed.isdigit():
        return [i for i in range(len(entries)) if str(i + 1).startswith(typed)]
    where = {tree_id: i for i, (tree_id, _) in enumerate(entries)}
    matches = index.search(typed, limit=len(where), partial=partial)
    ranked = [where[m.id] for m in shortlist(matches, most=len(where)) if m.id in where]
    if ranked:
        return ranked
    words = fold(typed).split()
    return [i for i, (_, label) in enumerate(entries) if all(w in fold(label) for w in words)]
