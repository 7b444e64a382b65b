"""IT cover as sites write it: ``mon-fri: 08:00-17:00`` and ``closed: [2026-12-25]``.

Pure text in, values out; a mistake raises ``ValueError`` with a message a trainer
can act on, and the settings reader adds the file, line and column.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from troubleshoot.frozen import frozen

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Day names as a site may write them: three letters or the whole word.
DAY_WORDS = {word: n for n, pair in enumerate(zip(DAYS, FULL_DAYS, strict=True)) for word in pair}
TIME_RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")
END_OF_DAY = 24 * 60


@frozen
class Hours:
    """One stretch of IT cover on some days of the week, e.g. mon-fri 08:00-17:00."""

    days: frozenset[int]  # 0 is Monday, as datetime.weekday()
    start: int  # minutes after midnight
    end: int  # minutes after midnight; 1440 is the end of the day
    text: str = ""  # for showing back, e.g. "mon-fri 08:00-17:00"

    def covers(self, at: dt.datetime) -> bool:
        minute = at.hour * 60 + at.minute
        return at.weekday() in self.days and self.start <= minute < self.end


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_day(word: str) -> int:
    if word in DAY_WORDS:
        return DAY_WORDS[word]
    close = difflib.get_close_matches(word, DAYS, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise ValueError(
        f"'{word}' is not a day (use {', '.join(DAYS)}, or a range like mon-fri){hint}"
    )


def parse_days(spec: str) -> frozenset[int]:
    """``mon-fri``, ``sat``, ``mon, wed, fri`` or ``fri-mon`` as weekday numbers."""
    days: set[int] = set()
    for part in spec.lower().split(","):
        ends = [parse_day(word.strip()) for word in part.split("-")]
        if len(ends) == 1:
            days.add(ends[0])
        elif len(ends) == 2:
            first, last = ends
            days.update((first + n) % 7 for n in range((last - first) % 7 + 1))
        else:
            raise ValueError(f"'{part.strip()}' is not a day or a range of days")
    return frozenset(days)


def parse_times(text: str) -> tuple[tuple[int, int], ...]:
    """``08:00-17:00``, or several stretches: ``08:00-12:00, 13:00-17:00``."""
    out = []
    for part in (p.strip() for p in text.split(",")):
        found = TIME_RANGE.match(part)
        if not found:
            raise ValueError(f"expected hours like 08:00-17:00, got '{text}'")
        h1, m1, h2, m2 = (int(g) for g in found.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if m1 > 59 or m2 > 59 or start > END_OF_DAY or end > END_OF_DAY:
            raise ValueError(f"'{part}' is not a time of day")
        if end <= start:
            raise ValueError(
                f"'{part}' ends before it starts; write cover past midnight as two days"
            )
        out.append((start, end))
    return tuple(out)


def parse_hours(days: str, times: str) -> tuple[Hours, ...]:
    on = parse_days(days)
    return tuple(
        Hours(on, start, end, f"{days} {clock(start)}-{clock(end)}")
        for start, end in parse_times(times)
    )


def parse_closed(text: str) -> tuple[dt.date, dt.date]:
    """A whole day ``2026-12-25``, or a stretch ``2026-12-24..2027-01-01``: first, last."""
    parts = [p.strip() for p in re.split(r"\.\.|\s+to\s+", text)]
    try:
        dates = [dt.date.fromisoformat(p) for p in parts]
    except ValueError:
        raise ValueError("expected a date like 2026-12-25, or 2026-12-24..2026-12-26") from None
    if len(dates) > 2 or dates[-1] < dates[0]:
        raise ValueError(f"'{text}' is not a date or a stretch of dates")
    return dates[0], dates[-1]
