"""Times as people and other programs write them, read the same on every Python."""

from __future__ import annotations

import datetime as dt

import pytest

from troubleshoot.clock import Clock, moment
from troubleshoot.errors import TroubleshootError

UTC = dt.timezone.utc


def test_a_final_z_means_utc_on_every_python_the_tool_runs_on() -> None:
    # Python 3.10 reads only what isoformat writes and refused the Z of most exports.
    assert moment("2026-11-23T05:01:00Z") == dt.datetime(2026, 11, 23, 5, 1, tzinfo=UTC)
    assert moment(" 2026-11-23T05:01:00z ") == dt.datetime(2026, 11, 23, 5, 1, tzinfo=UTC)
    assert moment("2026-11-23T14:00") == dt.datetime(2026, 11, 23, 14, 0)


def test_a_fixed_clock_takes_a_z_and_refuses_what_is_no_time_in_one_line() -> None:
    assert Clock("2026-11-23T14:00:00Z").now() == dt.datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
    with pytest.raises(TroubleshootError) as refused:
        Clock("next tuesday")
    assert str(refused.value) == (
        "TROUBLESHOOT_NOW: 'next tuesday' is not a date and time like 2026-11-23T14:00"
    )
