"""``troubleshoot show TREE``: draw a tree, or export it for review and printing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from troubleshoot.cli import completion, options
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.ui.formats import Format, choose

if TYPE_CHECKING:
    from troubleshoot.tree.catalog import Catalog
    from troubleshoot.tree.model import Tree


def find(catalog: Catalog, name: str) -> Tree:
    """A tree by id, or by the path of its file (for a tree still being written)."""
    from troubleshoot.cli.choosing import unknown_tree
    from troubleshoot.tree.loader import load_tree

    path = Path(name)
    if name.endswith(".yaml") or path.is_file() or len(path.parts) > 1:
        if not path.exists():  # as for check and test: nothing there to work on
            raise TroubleshootError(f"no such file or folder: {path}", exit_code=Exit.USAGE)
        return load_tree(path)
    if name not in catalog.paths:
        raise unknown_tree(catalog, name)
    return catalog.load(name)


def goto_titles(catalog: Catalog, tree: Tree) -> dict[str, str]:
    """Titles of the trees this one hands over to, so the picture can name them."""
    from troubleshoot.tree.model import Goto

    titles = {}
    for node in tree.nodes.values():
        if isinstance(node, Goto):
            other = catalog.get(node.tree)
            if other is not None:
                titles[node.tree] = other.title
    return titles


def show(
    tree: str = typer.Argument(
        ...,
        help="Tree id (e.g. printer) or path to a .yaml file.",
        autocompletion=completion.tree_ids,
    ),
    fmt: str = typer.Option(
        "tree", "--format", "-f", help="tree: draw it here; mermaid, dot, markdown: export."
    ),
    site_path: options.Site = None,
) -> int:
    """Draw a tree, or export it as Mermaid, DOT or a printable Markdown guide."""
    from troubleshoot.desk import Desk
    from troubleshoot.tree import render
    from troubleshoot.ui import out

    chosen = choose(fmt, Format.TREE, Format.MERMAID, Format.DOT, Format.MARKDOWN)
    catalog = Desk.resolve(site_path).catalog
    found = find(catalog, tree)
    titles = goto_titles(catalog, found)
    if chosen is Format.TREE:
        from troubleshoot.ui.console import make_console
        from troubleshoot.ui.treeview import print_tree

        print_tree(make_console(), found, titles)
    else:
        drawn = render.render(found, chosen.value, titles)
        out.line(drawn.rstrip("\n"))
        if chosen is Format.MERMAID:
            from troubleshoot.lint.mermaid import too_big

            warning = too_big(found, drawn)
            if warning is not None:
                out.line(str(warning), err=True)
    return Exit.OK
