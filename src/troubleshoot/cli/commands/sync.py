"""``troubleshoot sync``: send this desk's own records to the site's shared store."""

from __future__ import annotations

from troubleshoot.cli import options
from troubleshoot.errors import Exit, TroubleshootError
from troubleshoot.ui import out


def sync(site_path: options.Site = None) -> int:
    """Send the sessions kept on this PC to the site's shared store; each is kept once."""
    from troubleshoot.desk import Desk
    from troubleshoot.sessions import exchange  # here, so that starting a walk does not pay for it
    from troubleshoot.sessions.pgstore import PgStore, where

    desk = Desk.resolve(site_path)
    for warning in desk.warnings:
        out.line(warning, err=True)
    if not desk.server:
        raise TroubleshootError(
            "this desk has no shared store to send to: set database: postgresql://... in "
            "the site settings (or TROUBLESHOOT_DATABASE)"
        )
    with desk.local_store(readonly=True) as local:
        sessions = local.sessions()
    with PgStore.open(desk.server) as shared:
        done = exchange.merge(shared, sessions)
    out.line(
        f"{done.added + done.updated} session(s) sent to {where(desk.server)}, "
        f"{done.unchanged} already there"
    )
    return Exit.OK
