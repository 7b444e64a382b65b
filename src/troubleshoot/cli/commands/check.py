"""``troubleshoot check [PATH...]``: report every problem in trees before staff meet them."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from troubleshoot.errors import Exit
from troubleshoot.tree.model import DEFAULT_MAX_AGE_DAYS


class Format(str, enum.Enum):
    text = "text"
    json = "json"


def check(
    paths: list[Path] = typer.Argument(None, help="Tree files or folders (default: all trees)."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    fmt: Format = typer.Option(Format.text, "--format", help="How to print the findings."),
    max_age: int = typer.Option(
        DEFAULT_MAX_AGE_DAYS,
        "--max-age",
        min=0,
        metavar="DAYS",
        help="Warn when a tree's 'reviewed' date is older than this.",
    ),
) -> int:
    """Check trees for mistakes before staff meet them."""
    from troubleshoot.clock import Clock
    from troubleshoot.lint.runner import Options, check_paths
    from troubleshoot.site import config
    from troubleshoot.tree.catalog import Catalog
    from troubleshoot.ui import out
    from troubleshoot.ui.findings import render, summary

    today = Clock.from_env().now().date()
    settings = config.resolve().settings  # its policy names and tree folders count too
    options = Options(today=today, max_age_days=max_age, policies=config.known_policies(settings))
    report = check_paths(paths or [], options, Catalog.default(settings.trees))
    for text in render(report.findings, fmt.value):
        out.line(text)
    out.line(summary(report.files, report.errors, report.warnings), err=True)
    return Exit.ERROR if report.failed(strict) else Exit.OK
