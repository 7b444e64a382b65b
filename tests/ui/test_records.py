"""Session records shown: the history list as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from tests.sessions.test_figures import WEEK
from troubleshoot.frozen import replace
from troubleshoot.ui.records import HISTORY_FIELDS, history_csv


def test_history_csv_cells_that_would_run_as_formulas_are_plain_text() -> None:
    hostile = replace(WEEK[1], tree='=HYPERLINK("http://evil.example","Open")', initials="@SUM")
    rows = list(csv.reader(io.StringIO(history_csv([hostile, WEEK[4]]))))
    assert rows[0] == list(HISTORY_FIELDS)
    assert rows[1] == [
        WEEK[1].id,
        "2026-11-23T10:00:00",
        '\'=HYPERLINK("http://evil.example","Open")',
        "resolved",
        "desk#done",
        "3.0",
        "'@SUM",
        "",
        "",
        "",
        WEEK[1].digest,
    ]
    assert rows[2][2:5] == ["desk", "escalated", "desk#outage"]
