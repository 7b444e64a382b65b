"""Weeks for the report's trend. No I/O.

A week is an ISO week: it starts on Monday, and is named by its ISO year and number
(2026-W48), so that the weeks of late December and early January are never split
or merged by the calendar year. A trend runs from the week of the first session
counted to the week of the last, with the weeks in between that had no session
shown as nothing, not left out: a gap is part of the trend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def monday(label: str) -> dt.date:
    """The first day of the week *label* names."""
    year, week = label.split("-W")
    return dt.date.fromisocalendar(int(year), int(week), 1)


def weeks(first: dt.date, last: dt.date) -> Iterator[str]:
    """Every week from *first*'s to *last*'s, in order."""
    day = monday(week_of(first))
    while day <= last:
        yield week_of(day)
        day += dt.timedelta(days=7)
