"""``troubleshoot check [PATH...]``: report every problem in trees before staff meet them."""

from __future__ import annotations

from pathlib import Path

import typer

from troubleshoot.cli import options
from troubleshoot.errors import Exit
from troubleshoot.tree import DEFAULT_MAX_AGE_DAYS
from troubleshoot.ui.formats import Format, choose


def check(
    paths: list[Path] = typer.Argument(None, help="Tree files or folders (default: all trees)."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    fmt: str = typer.Option("text", "--format", help="text or json."),
    max_age: int = typer.Option(
        DEFAULT_MAX_AGE_DAYS,
        "--max-age",
        min=0,
        metavar="DAYS",
        help="Warn when a tree's 'reviewed' date is older than this.",
    ),
    site_path: options.Site = None,
) -> int:
    """Check trees for mistakes before staff meet them."""
    from troubleshoot.clock import Clock
    from troubleshoot.desk import Desk
    from troubleshoot.lint.runner import Options, check_paths
    from troubleshoot.site import config
    from troubleshoot.ui import out
    from troubleshoot.ui.findings import render, summary

    chosen_format = choose(fmt, Format.TEXT, Format.JSON)
    today = Clock.from_env().now().date()
    desk = Desk.resolve(site_path)  # its policy names and tree folders count too
    for warning in desk.warnings:
        out.line(warning, err=True)
    policies = config.known_policies(desk.settings)
    chosen = Options(today=today, max_age_days=max_age, policies=policies, cards=desk.cards)
    report = check_paths(paths or [], chosen, desk.catalog)
    for text in render(report.findings, chosen_format):
        out.line(text)
    out.line(summary(report.files, report.errors, report.warnings), err=True)
    return Exit.ERROR if report.failed(strict) else Exit.OK
