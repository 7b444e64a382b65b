"""IT cover as sites write it, read into days and minutes."""

from __future__ import annotations

import datetime as dt

import pytest

from troubleshoot.site import hours


@pytest.mark.parametrize(
    ("spec", "days"),
    [
        ("mon-fri", {0, 1, 2, 3, 4}),
        ("sat", {5}),
        ("Sunday", {6}),
        ("fri-mon", {4, 5, 6, 0}),
        ("mon, wed, fri", {0, 2, 4}),
        ("mon-tue, thu", {0, 1, 3}),
    ],
)
def test_days_are_read_as_weekday_numbers(spec: str, days: set[int]) -> None:
    assert hours.parse_days(spec) == days


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        (
            "fry",
            "'fry' is not a day (use mon, tue, wed, thu, fri, sat, sun, or a range like "
            "mon-fri) (did you mean 'fri'?)",
        ),
        ("mon-wed-fri", "'mon-wed-fri' is not a day or a range of days"),
    ],
)
def test_a_wrong_day_says_what_is_allowed(spec: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        hours.parse_days(spec)
    assert str(caught.value) == message


def test_times_may_have_a_lunch_break_and_run_to_midnight() -> None:
    assert hours.parse_times("08:00-12:00, 13:00-24:00") == ((480, 720), (780, 1440))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("9-5", "expected hours like 08:00-17:00, got '9-5'"),
        ("08:75-17:00", "'08:75-17:00' is not a time of day"),
        (
            "22:00-06:00",
            "'22:00-06:00' ends before it starts; write cover past midnight as two days",
        ),
    ],
)
def test_a_wrong_time_says_how_to_write_it(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        hours.parse_times(text)
    assert str(caught.value) == message


def test_hours_cover_from_the_start_up_to_but_not_including_the_end() -> None:
    (weekday,) = hours.parse_hours("mon-fri", "08:00-17:00")
    assert weekday.text == "mon-fri 08:00-17:00"
    monday = dt.date(2026, 11, 23)
    assert weekday.covers(dt.datetime.combine(monday, dt.time(8, 0)))
    assert not weekday.covers(dt.datetime.combine(monday, dt.time(17, 0)))
    assert not weekday.covers(dt.datetime(2026, 11, 28, 10, 0))  # a Saturday


def test_closed_days_are_one_day_or_a_stretch() -> None:
    assert hours.parse_closed("2026-12-25") == (dt.date(2026, 12, 25), dt.date(2026, 12, 25))
    assert hours.parse_closed("2026-12-31..2027-01-01") == (
        dt.date(2026, 12, 31),
        dt.date(2027, 1, 1),
    )
    with pytest.raises(ValueError, match="not a date or a stretch"):
        hours.parse_closed("2027-01-01..2026-12-31")
