"""Keeping patrons' secrets out of everything the tool stores or shows.

Staff type free text in notes and facts. A library card number or a password must
never end up in a hand-off that is emailed around or in the session records, so
such text is refused before it is kept anywhere, with the reason.
"""

from __future__ import annotations

import re

from troubleshoot.errors import TroubleshootError

#: Library card barcodes are 13 or 14 digits; bank cards 16. Phone numbers stay under 12.
LONG_NUMBER = re.compile(r"\d(?:[ \-.]?\d){11,}")
SECRET = re.compile(
    r"\b(?:password|passwd|passcode|pass\s*word|pin(?:\s*number)?)\b\s*(?:is|was|=|:)\s*\S+",
    re.IGNORECASE,
)


class PrivacyRefused(TroubleshootError):
    """Text that looks like it holds a card number or a password."""


def problem(text: str) -> str | None:
    """Why *text* may not be kept, or None when it is fine."""
    if LONG_NUMBER.search(text):
        return (
            "that looks like a library card number (a long run of digits); "
            "it was not kept. Identify the patron by PC or station and time instead"
        )
    if SECRET.search(text):
        return "that looks like it holds a password or PIN; it was not kept"
    return None


def check(text: str) -> None:
    """Raise :class:`PrivacyRefused` when *text* must not be kept."""
    reason = problem(text)
    if reason is not None:
        raise PrivacyRefused(reason)
