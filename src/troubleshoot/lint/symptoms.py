"""Too few symptoms for the tree to be found.

Staff find a tree by typing what the patron said; each phrase is another way in.
The loader already refuses a tree without ``symptoms``. An empty list is an error;
fewer than three phrases is a warning, because one wording rarely matches what
patrons actually say ("it ate my dollar", "nothing came out", "says insufficient
funds").

Passes::

    symptoms: [nothing came out, printer jammed, says insufficient funds]

Fails (warning)::

    symptoms: [printer broken]
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at, key_pos
from troubleshoot.tree.model import Tree

ID = "symptoms"
MIN_SYMPTOMS = 3


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    where = key_pos(tree, "symptoms")
    count = len(tree.symptoms)
    if count == 0:
        yield at(
            tree,
            where,
            ID,
            "symptoms: the list is empty; add the phrases patrons and staff use for this problem",
        )
    elif count < MIN_SYMPTOMS:
        yield at(
            tree,
            where,
            ID,
            f"symptoms: only {count}; give at least {MIN_SYMPTOMS} ways patrons and staff "
            "describe this problem, so that a search finds the tree",
            "warning",
        )
