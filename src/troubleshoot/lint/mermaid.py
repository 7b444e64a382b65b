"""A tree whose Mermaid chart Mermaid would refuse to draw.

Reviewers open ``show --format mermaid`` in a viewer; past Mermaid's default
limits (50,000 characters, 500 links) the viewer shows an error instead of the
chart. A tree that big is usually several problems in one: split it with ``goto``.

Passes: any tree of a few dozen nodes, such as::

    a: {step: Restart it., fixed: done, not_fixed: it, cannot: it}

Fails (warning): a tree of 300 steps, each with two links, 600 links in all.
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.mermaid_size import mermaid_size
from troubleshoot.tree.model import TOP, Tree

ID = "mermaid-size"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    found = too_big(tree)
    if found is not None:
        yield found


def too_big(tree: Tree, chart: str | None = None) -> Finding | None:
    """The warning for *tree*'s chart, drawn already (*chart*) or not; None when it fits.

    ``show --format mermaid`` prints the same line as ``check``, about the chart it wrote.
    """
    size = mermaid_size(tree, chart)
    if size is None:
        return None
    return at(tree, tree.key_pos.get("nodes", TOP), ID, size.problem(), "warning")
