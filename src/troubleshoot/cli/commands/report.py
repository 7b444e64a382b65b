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
    since: Optional[str] = typer.Option(None, "--since", help="Only sessions from this day on."),  # noqa: UP045
    fmt: str = typer.Option("table", "--format", help="table, csv, json or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file."),  # noqa: UP045
    site_path: options.Site = None,
) -> int:
    """Sessions per tree, outcomes, times, where walks get stuck, busiest hours."""
    # Imported here so that starting a walk does not pay for the report's modules.
    from troubleshoot.desk import Desk
    from troubleshoot.sessions import figures as figures
    from troubleshoot.sessions.records import parse_since
    from troubleshoot.ui import report as views
    from troubleshoot.ui.console import make_console
    from troubleshoot.ui.report_html import to_html

    chosen = choose(fmt, Format.TABLE, Format.CSV, Format.JSON, Format.HTML)
    day = parse_since(since)
    with Desk.resolve(site_path).store(readonly=True) as store:
        built = figures.build(store.sessions(since=day), day)
    if chosen is Format.TABLE and output is None:
        views.show(make_console(), built)
        return Exit.OK
    if chosen is Format.TABLE:
        import io

        buffer = io.StringIO()
        views.show(make_console(buffer, width=120), built)
        text = buffer.getvalue()
    else:
        writers = {Format.CSV: views.to_csv, Format.JSON: views.to_json, Format.HTML: to_html}
        text = writers[chosen](built)
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
