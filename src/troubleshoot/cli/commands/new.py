"""``troubleshoot new ID``: write a commented starter tree to fill in."""

from __future__ import annotations

from pathlib import Path

import typer

from troubleshoot.errors import Exit


def new(
    tree_id: str = typer.Argument(..., metavar="ID", help="The new tree's id, e.g. scanner."),
    folder: Path = typer.Option(
        Path("."),
        "--dir",
        "-d",
        help="Folder to write ID.yaml in, made if missing (default: here).",
    ),
) -> int:
    """Write a starter tree, ID.yaml, that already passes check and test."""
    from troubleshoot.clock import Clock
    from troubleshoot.desk import Desk
    from troubleshoot.tree.starter import check_id, write_starter
    from troubleshoot.ui import out

    check_id(tree_id)
    made = "" if folder.is_dir() else " (in a new folder)"
    path = write_starter(folder, tree_id, Clock.from_env().now().date())
    out.line(f"Wrote {path}{made}. Next: troubleshoot check {path}")
    existing = Desk.resolve().catalog.paths.get(tree_id)
    if existing is not None and existing.resolve() != path.resolve():
        out.line(
            f"note: a tree called '{tree_id}' already exists ({existing}); "
            "where both are loaded, the one in the later folder is used",
            err=True,
        )
    return Exit.OK
