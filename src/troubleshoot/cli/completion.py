"""Tab completion of tree ids, for the shell completion typer installs.

Called by the shell on every Tab, so it only lists file names: no tree is parsed.
"""

from __future__ import annotations


def tree_ids(incomplete: str) -> list[str]:
    """The tree ids that start with what has been typed so far."""
    from troubleshoot.desk import Desk  # only when the shell asks

    return [tree_id for tree_id in Desk.resolve().catalog.ids() if tree_id.startswith(incomplete)]
