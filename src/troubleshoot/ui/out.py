"""Plain text out, for commands that need no rich drawing (fast to start)."""

from __future__ import annotations

import sys

from troubleshoot.text import clean


def line(text: str = "", *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(clean(text) + "\n")
    stream.flush()
