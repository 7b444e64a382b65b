from __future__ import annotations

import datetime as dt

from troubleshoot.lint import Context, reviewed

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
reviewed: {date}
start: a
nodes:
  a: {escalate: Broken., workaround: Use another.}
"""
TODAY = Context(today=dt.date(2026, 11, 23))


def test_a_tree_reviewed_within_a_year_passes() -> None:
    assert problems(TREE.replace("{date}", "2025-11-23"), reviewed, ctx=TODAY) == []


def test_a_tree_reviewed_over_a_year_ago_is_a_warning() -> None:
    text = TREE.replace("{date}", "2025-11-22")
    line, col = spot(text, "reviewed:")
    assert messages(text, reviewed, ctx=TODAY) == [
        f"t.yaml:{line}:{col}: warning: reviewed 2025-11-22 is 366 days ago (more than 365); "
        "walk the tree against the real system and update 'reviewed'"
    ]


def test_the_age_limit_can_be_set() -> None:
    strict = Context(today=dt.date(2026, 11, 23), max_age_days=30)
    text = TREE.replace("{date}", "2026-10-01")
    assert problems(text, reviewed, ctx=TODAY) == []
    assert problems(text, reviewed, ctx=strict) == [(*spot(text, "reviewed:"), "reviewed")]


def test_without_a_today_the_age_is_not_checked() -> None:
    assert problems(TREE.replace("{date}", "2000-01-01"), reviewed) == []
