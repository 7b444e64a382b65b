"""``troubleshoot TREE`` / ``troubleshoot run TREE``: walk one tree.

Words that are not a tree id are what the patron said: staff choose among the best
matches. ``TREE#NODE`` starts partway in, as a symptom pointing deep does.
"""

from __future__ import annotations

from typing import Optional

import typer

from troubleshoot import completion, engine, paths, walk
from troubleshoot.catalog import Catalog
from troubleshoot.clock import Clock
from troubleshoot.commands import choosing
from troubleshoot.errors import Exit
from troubleshoot.ui import session


def run(
    tree: Optional[str] = typer.Argument(  # noqa: UP045
        None,
        help="Tree id (printer), or what the patron said (it ate my dollar).",
        autocompletion=completion.tree_ids,
    ),
    plain: bool = typer.Option(False, "--plain", help="Plain numbered prompts, read line by line."),
    admin: bool = typer.Option(False, "--admin", help="I have administrator rights on this PC."),
) -> int:
    """Walk a tree, one question or step at a time."""
    catalog = Catalog.default()
    clock = Clock.from_env()
    interactive = session.is_interactive(plain)
    if tree is None:
        tree = choosing.every_tree(catalog, interactive)
    words = tree
    tree, _, deep = words.partition("#")
    node: str | None = deep or None
    if tree not in catalog.paths:
        tree, node = choosing.by_words(catalog, words, interactive)
    catalog.load(tree)
    state = engine.start(catalog, tree, clock.now(), node=node, admin=admin)
    walk.run(catalog, state, session.prompter(plain), clock.now, write_to=paths.handoff_dir())
    return Exit.OK
