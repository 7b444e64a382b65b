"""The output formats, named once for every command that takes ``--format``.

Each command accepts the few that make sense for it; asking ``check`` for HTML is a
usage error that names the ones it has.
"""

from __future__ import annotations

import enum

from troubleshoot.errors import Exit, TroubleshootError


class Format(str, enum.Enum):
    TEXT = "text"  # lines for a person, and for grep
    TABLE = "table"  # a table drawn for the terminal
    JSON = "json"
    CSV = "csv"
    HTML = "html"  # one file that opens anywhere, offline
    TREE = "tree"  # a tree drawn in the terminal
    MERMAID = "mermaid"
    DOT = "dot"
    MARKDOWN = "markdown"


def choose(typed: str, *allowed: Format) -> Format:
    """The format *typed* names, when it is one of *allowed*; else one line naming them."""
    for fmt in allowed:
        if typed.strip().lower() == fmt.value:
            return fmt
    names = ", ".join(f.value for f in allowed)
    raise TroubleshootError(
        f"--format: choose one of {names} (not '{typed}')", exit_code=Exit.USAGE
    )
