"""Plain text out, for commands that need no rich drawing (fast to start)."""

from __future__ import annotations

import contextlib
import sys

from troubleshoot.text import clean


def forgiving_streams() -> None:
    """Text a stream cannot encode is shown as ``?`` rather than ending the tool.

    A desk PC's console, a log file or a pipe may take only ASCII or a legacy code
    page (``PYTHONIOENCODING=ascii``, an old Windows console), while trees and our
    own words hold arrows, ellipses, accents and emoji. A crash there would cost the
    patron the whole walk over one character. Input the stream cannot decode (an
    accent typed into a note) is kept with a replacement mark, for the same reason.
    """
    for stream in (sys.stdout, sys.stderr, sys.stdin):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "strict") == "strict":
            # Closed, or not a text stream after all: then it is left as it is.
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def line(text: str = "", *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(clean(text) + "\n")
    stream.flush()
