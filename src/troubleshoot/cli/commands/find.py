"""``troubleshoot find WORDS...``: the trees that fit what the patron said; walk one."""

from __future__ import annotations

import typer

from troubleshoot.cli import options
from troubleshoot.errors import Exit
from troubleshoot.ui.formats import Format, choose


def find(
    words: list[str] = typer.Argument(..., help="What the patron said, e.g. it ate my dollar."),
    fmt: str = typer.Option(
        "text",
        "--format",
        help="text: choose a tree and walk it; json: print the good matches, best first.",
    ),
    limit: int = typer.Option(10, "--limit", min=1, help="At most this many trees in the list."),
    plain: bool = typer.Option(False, "--plain", help="Plain numbered prompts, read line by line."),
    admin: bool | None = typer.Option(
        None, "--admin/--no-admin", help="Admin rights here (default: site)."
    ),
    site_path: options.Site = None,
    copy: options.Copy = False,
    eml: options.Eml = False,
) -> int:
    """Find the tree for what the patron said, then walk it."""
    from troubleshoot.cli import choosing
    from troubleshoot.cli.commands import run
    from troubleshoot.desk import Desk
    from troubleshoot.ui import out

    chosen = choose(fmt, Format.TEXT, Format.JSON)
    desk = Desk.resolve(site_path)
    catalog = desk.catalog
    said = " ".join(words)
    if chosen is Format.JSON:
        import json

        from troubleshoot.search.find import GOOD
        from troubleshoot.search.index import index_for

        index = index_for(catalog, warn=lambda m: out.line(f"warning: {m}", err=True))
        good = [m for m in index.search(said, limit) if m.score >= GOOD]
        out.line(json.dumps([{"id": m.id, "title": m.title, "score": m.score} for m in good]))
        return Exit.OK
    from troubleshoot.ui import session

    interactive = session.is_interactive(plain)
    tree_id, node = choosing.by_words(catalog, said, interactive)
    picked = f"{tree_id}#{node}" if node else tree_id
    return run.walk(desk, picked, plain=plain, admin=admin, copy=copy, eml=eml)
