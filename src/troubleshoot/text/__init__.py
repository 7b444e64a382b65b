"""Text from files and people, made safe to show.

A tree folder on a shared drive can be written by anyone. Text from it must not be
able to clear the screen, move the cursor, fake a prompt or recolour the terminal,
so escape sequences and control characters are removed before anything is shown or
written to a hand-off. The Unicode controls that reverse the direction of text are
removed too: they can make a line read differently from what it holds. How text is
written into a Markdown hand-off is in :mod:`troubleshoot.text.markdown`.
"""

from __future__ import annotations

import re

# ESC-introduced sequences (CSI, OSC, and two-character ones), then any other C0/C1
# control character except newline and tab.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[@-_]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """*text* with escape sequences and control characters removed (newline and tab kept)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str) -> str:
    """*text* cleaned and folded onto one line."""
    return " ".join(clean(text).split())


#: What a spreadsheet takes for the start of a formula (OWASP's list for CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet(value: object) -> object:
    """A CSV cell that a spreadsheet shows rather than runs.

    Tree text, imported records and typed initials can start with ``=`` or ``@``; a
    spreadsheet opening the report would run them (``=HYPERLINK(...)``, ``=cmd|...``).
    Text that starts like a formula gets a leading ``'``, which spreadsheets read as
    "this is text" and do not show. Numbers stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
