"""The report as CSV, JSON and a terminal table: the same figures in each."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from rich.console import Console

from tests.sessions.test_figures import MONDAY, WEEK
from troubleshoot.sessions import figures
from troubleshoot.ui import report as views
from troubleshoot.walk.prompts import Kind

WEEK_REPORT = figures.build(WEEK, since=MONDAY)


def test_json_carries_the_figures_rounded_for_people() -> None:
    data = json.loads(views.to_json(WEEK_REPORT))
    desk = data["trees"][0]
    assert (desk["tree"], desk["sessions"], desk["resolved_share"]) == ("desk", 10, 0.4444)
    assert (desk["median_minutes"], desk["p90_minutes"]) == (10.0, 15.0)
    assert data["escalation_nodes"][0] == {
        "tree": "desk", "node": "release", "reason": "stopped by staff", "count": 2
    }  # fmt: skip
    assert data["overruns"] == {
        "sessions": 2,
        "by_reason": [{"reason": "minutes", "sessions": 1}, {"reason": "repeat", "sessions": 1}],
        "kept_going": 1,
    }
    assert data["busiest_hours"][0] == {"hour": 10, "sessions": 4}
    assert data["since"] == "2026-11-23"


def test_csv_is_one_long_table_a_spreadsheet_can_filter() -> None:
    rows = list(csv.DictReader(io.StringIO(views.to_csv(WEEK_REPORT))))
    assert tuple(rows[0]) == views.CSV_FIELDS
    pick = {(r["section"], r["tree"], r["node"], r["label"]): r for r in rows}
    assert pick[("sessions", "desk", "", "resolved")]["value"] == "4"
    assert pick[("sessions", "desk", "", "resolved")]["out_of"] == "9"
    assert pick[("sessions", "(all)", "", "median minutes to resolve")]["value"] == "10"
    assert pick[("sessions", "other", "", "median minutes to resolve")]["value"] == ""
    assert (
        pick[("not fixed", "desk", "release", "Release the job at the station.")]["out_of"] == "6"
    )
    assert pick[("hour", "", "", "14:00")]["value"] == "3"


def test_the_terminal_table_names_every_section() -> None:
    buffer = io.StringIO()
    views.show(Console(file=buffer, width=100, markup=False), WEEK_REPORT)
    text = buffer.getvalue()
    for heading in ("Sessions per tree", "end in escalation", '"not fixed"', "Budget overruns",
                    "Busiest hours"):  # fmt: skip
        assert heading in text
    assert "44%" in text and "desk#release" in text and "Staff kept going in 1" in text


def test_csv_cells_that_would_run_as_formulas_are_plain_text() -> None:
    hostile = [
        replace(
            s,
            tree="=cmd|' /C calc'!A0",
            events=tuple(
                replace(e, text="@SUM(1+1)*cmd|' /C calc'!A0") if e.kind == Kind.END else e
                for e in s.events
            ),
        )
        for s in WEEK
    ]
    rows = list(csv.reader(io.StringIO(views.to_csv(figures.build(hostile, since=MONDAY)))))
    assert ["sessions", "'=cmd|' /C calc'!A0", "", "resolved", "4", "10"] in rows  # both trees
    assert ["escalation node", "desk", "outage", "'@SUM(1+1)*cmd|' /C calc'!A0", "1", ""] in rows
    assert not [cell for row in rows for cell in row if cell.startswith(("=", "+", "-", "@"))]
