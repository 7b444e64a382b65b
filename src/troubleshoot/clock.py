"""The one place the tool asks what time it is.

``TROUBLESHOOT_NOW`` (ISO 8601) fixes the starting time, for tests, training
sessions and reproducing a report; time then moves on from it as usual.
"""

from __future__ import annotations

import datetime as dt
import os
import time

from troubleshoot.errors import TroubleshootError


class Clock:
    def __init__(self, fixed: str | None = None) -> None:
        self._origin: dt.datetime | None = None
        self._mono = time.monotonic()
        if fixed:
            try:
                origin = dt.datetime.fromisoformat(fixed)
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
