"""Choosing the tree to walk when staff gave words rather than a tree id.

Shared by ``run`` (``troubleshoot "it ate my dollar"``) and ``find``: search the
catalog, offer the few good matches, and hand back the chosen tree and, when the
patron's words named a symptom that points deep, the node to start at.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from troubleshoot.errors import Exit, TroubleshootError

if TYPE_CHECKING:
    from troubleshoot.tree.catalog import Catalog

if TYPE_CHECKING:
    from troubleshoot.search.find import Index, Match


def unknown_tree(
    catalog: Catalog,
    name: str,
    matches: Sequence[Match] = (),
    lead: str = "no tree called",
) -> TroubleshootError:
    """Exit 2, naming the nearest trees: weak word matches first, then look-alike ids."""
    close = [m.id for m in matches[:3]]
    close += difflib.get_close_matches(name, catalog.ids(), n=3, cutoff=0.5)
    close = list(dict.fromkeys(close))[:3]
    hint = f"; closest: {', '.join(close)}" if close else "; 'troubleshoot list' shows them all"
    return TroubleshootError(f"{lead} '{name}'{hint}", exit_code=Exit.USAGE)


def every_tree(catalog: Catalog, interactive: bool, index: Index | None = None) -> str:
    """Every tree, title and summary, for staff who would rather choose than type.

    Typed words narrow the list as find ranks trees, so both share the index.
    """
    from troubleshoot.search.index import index_for
    from troubleshoot.ui import picker

    trees = list(catalog.trees())
    index = index_for(catalog) if index is None else index
    if interactive:
        return picker.pick_interactive(trees, index).id
    return picker.pick_plain(trees, sys.stdin, sys.stdout, index).id


def by_words(
    catalog: Catalog, words: str, interactive: bool, *, lead: str = "no tree called"
) -> tuple[str, str | None]:
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
        raise unknown_tree(catalog, words, matches, lead)
    if interactive:
        chosen = picker.choose_match_interactive(words, offered)
    else:
        chosen = picker.choose_match_plain(words, offered, sys.stdin, sys.stdout)
    if chosen is None:
        return every_tree(catalog, interactive, index), None
    return chosen.id, chosen.node
