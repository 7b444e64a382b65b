"""``troubleshoot export``: sessions as JSONL, for another desk's ``import``, or a rescue."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from troubleshoot.cli import options
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.ui import out


def export(
    output: Optional[Path] = typer.Option(  # noqa: UP045
        None, "--output", "-o", help="Write to this file (default: standard output)."
    ),
    since: Optional[str] = typer.Option(None, "--since", help="Only sessions from this day on."),  # noqa: UP045
    rescue: bool = typer.Option(
        False, "--rescue", help="From a damaged database: every session that can still be read."
    ),
    site_path: options.Site = None,
) -> int:
    """Write session records as JSON lines, one session a line."""
    from troubleshoot.desk import Desk
    from troubleshoot.sessions import exchange  # here, so that starting a walk does not pay for it
    from troubleshoot.sessions.records import parse_since

    day = parse_since(since)
    lost = 0
    desk = Desk.resolve(site_path)
    if rescue:  # a damaged file is this desk's own, whichever store the site shares
        with desk.local_store(readonly=True) as local:
            sessions, lost = local.rescue()
        sessions = [s for s in sessions if day is None or s.started.date() >= day]
    else:
        with desk.store(readonly=True) as store:
            sessions = store.sessions(since=day)
    lines = list(exchange.lines(sessions, desk.cards))
    if output is None:
        for line in lines:
            out.line(line)
    else:
        from troubleshoot import files

        try:
            files.write_named(output, "".join(line + "\n" for line in lines).encode("utf-8"))
        except OSError as e:
            raise TroubleshootError(f"{output}: {e.strerror or e}") from None
    out.line(f"{len(lines)} session(s) exported", err=True)
    if lost:
        out.line(f"{lost} session(s) could not be read: the file is damaged there", err=True)
        return Exit.ERROR
    return Exit.OK
