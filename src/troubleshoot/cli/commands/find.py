"""``troubleshoot find WORDS...``: the trees that fit what the patron said; walk one."""

from __future__ import annotations

import typer

from troubleshoot.cli import options
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
    from troubleshoot.cli import everyday
    from troubleshoot.desk import Desk

    json_out = choose(fmt, Format.TEXT, Format.JSON) is Format.JSON
    desk = Desk.resolve(site_path)
    return everyday.find(desk, " ".join(words), json_out, limit, plain, admin, copy, eml)
