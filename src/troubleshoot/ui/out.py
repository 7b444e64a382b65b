"""Plain text out, for commands that need no rich drawing (fast to start)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import IO

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


#: Select Graphic Rendition codes for the few looks styled lines use (rich's names).
LOOKS = {"bold": "1", "dim": "2", "italic": "3", "cyan": "36", "yellow": "33"}
COLOURS = frozenset({"cyan", "yellow"})


def styled(pieces: Sequence[tuple[str, str]], file: IO[str] | None = None) -> None:
    """Print (look, text) pieces as one block, each look named in :data:`LOOKS`.

    For the question above an arrow-key menu: importing rich to draw it would be a
    tenth of the wait for the first question. The text is cleaned as every line
    is; looks are drawn on a terminal only, colour not under ``NO_COLOR``, and every
    look stands beside a word (STEP, FOR STAFF), so nothing relies on it.
    """
    stream = sys.stdout if file is None else file
    drawn = stream.isatty() and os.environ.get("TERM") != "dumb"
    colour = drawn and "NO_COLOR" not in os.environ
    parts = []
    for look, text in pieces:
        text = clean(text)
        codes = [LOOKS[word] for word in look.split() if colour or word not in COLOURS]
        parts.append(f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if drawn and codes and text else text)
    stream.write("".join(parts) + "\n")
    stream.flush()
