"""``troubleshoot history``: past sessions, filtered; ``history show ID``: one in full."""

from __future__ import annotations

from typing import Optional

import typer

from troubleshoot.cli import options
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.ui import out
from troubleshoot.ui.formats import Format, choose

OUTCOMES = ("resolved", "escalated", "referred", "abandoned", "unfinished")


def history(
    show: Optional[str] = typer.Argument(  # noqa: UP045
        None, metavar="[show ID]", help="'show ID' prints one session's transcript and hand-off."
    ),
    session_id: Optional[str] = typer.Argument(None, metavar="", show_default=False),  # noqa: UP045
    tree: Optional[str] = typer.Option(None, "--tree", help="Only sessions of this tree."),  # noqa: UP045
    outcome: Optional[str] = typer.Option(  # noqa: UP045
        None, "--outcome", help="resolved, escalated, referred, abandoned or unfinished."
    ),
    since: Optional[str] = typer.Option(None, "--since", help="Only sessions from this day on."),  # noqa: UP045
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
    site_path: options.Site = None,
) -> int:
    """List past sessions, or show one with its transcript and hand-off."""
    # Imported here so that starting a walk does not pay for them.
    from troubleshoot.desk import Desk
    from troubleshoot.sessions.records import parse_since, scrubbed
    from troubleshoot.ui.console import make_console
    from troubleshoot.ui.records import history_csv, history_json, history_table, show_session

    if show is not None and (show != "show" or not session_id):
        raise TroubleshootError("usage: troubleshoot history show ID", exit_code=Exit.USAGE)
    chosen = choose(fmt, Format.TABLE, Format.JSON, Format.CSV)
    if outcome is not None and outcome not in OUTCOMES:
        raise TroubleshootError(
            f"--outcome: choose one of {', '.join(OUTCOMES)}", exit_code=Exit.USAGE
        )
    day = parse_since(since)
    desk = Desk.resolve(site_path)
    # Shown as this desk's rule has it now: a record kept by an older version, under a
    # looser rule, shows no more than one kept today.
    with desk.store(readonly=True) as store:
        if session_id:
            found = store.get(session_id)
            if found is None:
                raise TroubleshootError(f"no session '{session_id}'")
            show_session(scrubbed(found, desk.cards))
            return Exit.OK
        kept = store.sessions(since=day, tree=tree, outcome=outcome, full=False)
    sessions = [scrubbed(session, desk.cards) for session in kept]
    if chosen is Format.JSON:
        out.line(history_json(sessions))
    elif chosen is Format.CSV:
        out.line(history_csv(sessions))
    else:
        history_table(make_console(), sessions)
    return Exit.OK
