"""The one place the tool asks what time it is.

``TROUBLESHOOT_NOW`` (ISO 8601) fixes the starting time, for tests, training
sessions and reproducing a report; time then moves on from it as usual.
"""

from __future__ import annotations

import datetime as dt
import os
import time

from troubleshoot.errors import TroubleshootError


def moment(text: str) -> dt.datetime:
    """A date and time in ISO 8601, as people and other programs write it.

    Python 3.10 reads only what ``isoformat`` writes, so a time in UTC written with a
    final ``Z`` (as most exports are) is refused there; it means ``+00:00``.
    """
    text = text.strip()
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"
    return dt.datetime.fromisoformat(text)


class Clock:
    def __init__(self, fixed: str | None = None) -> None:
        self._origin: dt.datetime | None = None
        self._mono = time.monotonic()
        if fixed:
            try:
                origin = moment(fixed)
            except ValueError:
                raise TroubleshootError(
                    f"TROUBLESHOOT_NOW: '{fixed}' is not a date and time like 2026-11-23T14:00"
                ) from None
            self._origin = origin.replace(tzinfo=None) if origin.tzinfo is None else origin

    @classmethod
    def from_env(cls) -> Clock:
        return cls(os.environ.get("TROUBLESHOOT_NOW") or None)

    def now(self) -> dt.datetime:
        if self._origin is None:
            return dt.datetime.now().replace(microsecond=0)
        elapsed = dt.timedelta(seconds=round(time.monotonic() - self._mono))
        return self._origin + elapsed
