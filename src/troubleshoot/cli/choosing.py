"""Choosing the tree to walk when staff gave words rather than a tree id.

Shared by ``run`` (``troubleshoot "it ate my dollar"``) and ``find``: search the
catalog, offer the few good matches, and hand back the chosen tree and, when the
patron's words named a symptom that points deep, the node to start at. When no
tree fits the words well, staff are told so and choose from every tree, typing
to narrow the list, rather than being sent back to the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from troubleshoot.errors import Exit, TroubleshootError

if TYPE_CHECKING:
    from troubleshoot.search.find import Index, Match
    from troubleshoot.tree.catalog import Catalog


def closest(catalog: Catalog, name: str, matches: Sequence[Match] = ()) -> list[str]:
    """Up to three trees *name* may have meant: weak word matches, then look-alike ids."""
    import difflib

    close = [m.id for m in matches[:3]]
    close += difflib.get_close_matches(name, catalog.ids(), n=3, cutoff=0.5)
    return list(dict.fromkeys(close))[:3]


def unknown_tree(catalog: Catalog, name: str) -> TroubleshootError:
    """Exit 2 for a command that needs a tree id (``show``), naming the nearest trees."""
    close = closest(catalog, name)
    hint = f"; closest: {', '.join(close)}" if close else "; 'troubleshoot list' shows them all"
    return TroubleshootError(f"no tree called '{name}'{hint}", exit_code=Exit.USAGE)


def every_tree(
    catalog: Catalog, interactive: bool, *, lead: str = "", index: Index | None = None
) -> str:
    """Every tree, title and summary, for staff who would rather choose than type.

    *lead* is said above the list; typed words narrow it as find ranks trees.
    """
    from troubleshoot.search.index import index_for
    from troubleshoot.ui import picker

    trees = list(catalog.trees())
    index = index_for(catalog) if index is None else index
    if interactive:
        return picker.pick_interactive(trees, index, lead).id
    return picker.pick_plain(trees, sys.stdin, sys.stdout, index, lead).id


def by_words(catalog: Catalog, words: str, interactive: bool) -> tuple[str, str | None]:
    """The tree (and deep node, if any) for what the patron said, as staff chose it."""
    from troubleshoot.search.find import (
        shortlist,  # only when searching: keeps walks quick to start
    )
    from troubleshoot.search.index import index_for
    from troubleshoot.ui import out, picker

    index = index_for(catalog, warn=lambda m: out.line(f"warning: {m}", err=True))
    matches = index.search(words)
    offered = shortlist(matches)
    if not offered:
        lead = picker.no_good_match(words, closest(catalog, words, matches))
        return every_tree(catalog, interactive, lead=lead, index=index), None
    if interactive:
        chosen = picker.choose_match_interactive(words, offered)
    else:
        chosen = picker.choose_match_plain(words, offered, sys.stdin, sys.stdout)
    if chosen is None:
        return every_tree(catalog, interactive, index=index), None
    return chosen.id, chosen.node
