"""``troubleshoot report``: what the session records say, for IT and trainers."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from troubleshoot.cli import options
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.ui import out
from troubleshoot.ui.formats import Format, choose


def report(
    by: str = typer.Option("tree", "--by", help="One row per tree, branch, week or step."),
    since: Optional[str] = typer.Option(None, "--since", help="From this day on (YYYY-MM-DD)."),  # noqa: UP045
    until: Optional[str] = typer.Option(None, "--until", help="To this day (YYYY-MM-DD)."),  # noqa: UP045
    tree: Optional[str] = typer.Option(None, "--tree", help="Only walks started in this tree."),  # noqa: UP045
    branch: Optional[str] = typer.Option(None, "--branch", help="Only walks at this branch."),  # noqa: UP045
    fmt: str = typer.Option("table", "--format", help="table, csv, json or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file."),  # noqa: UP045
    site_path: options.Site = None,
) -> int:
    """Outcomes, times and steps per tree, branch, week or step; escalations, busy hours."""
    # Imported here so that starting a walk does not pay for the report's modules.
    from troubleshoot.desk import Desk
    from troubleshoot.sessions import tally
    from troubleshoot.sessions.selection import selection
    from troubleshoot.ui import report as views
    from troubleshoot.ui import report_table
    from troubleshoot.ui.console import make_console
    from troubleshoot.ui.report_html import to_html

    chosen = choose(fmt, Format.TABLE, Format.CSV, Format.JSON, Format.HTML)
    grouping = views.choose_by(by)
    asked = selection(since, until, tree, branch)
    desk = Desk.resolve(site_path)
    with desk.store(readonly=True) as store:
        built = tally.report(store, asked, titles=desk.titles())
    if chosen is Format.TABLE and output is None:
        report_table.show(make_console(), built, grouping)
        return Exit.OK
    if chosen is Format.TABLE:
        import io

        buffer = io.StringIO()
        report_table.show(make_console(buffer, width=120), built, grouping)
        text = buffer.getvalue()
    elif chosen is Format.CSV:
        text = views.to_csv(built, grouping)
    elif chosen is Format.JSON:
        text = views.to_json(built, grouping)
    else:
        text = to_html(built)
    if output is None:
        out.line(text)
        return Exit.OK
    from troubleshoot import files

    try:
        files.write_named(output, (text if text.endswith("\n") else text + "\n").encode("utf-8"))
    except OSError as e:
        raise TroubleshootError(f"{output}: {e.strerror or e}") from None
    out.line(f"Report written to {output}", err=True)
    return Exit.OK
