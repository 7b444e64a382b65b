"""Rich views stay readable on a 20-column terminal and say everything in words."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from tests.terminal import WALKS
from troubleshoot.handoff import content, deliver
from troubleshoot.tree.catalog import Catalog
from troubleshoot.ui import tables, views
from troubleshoot.ui.console import make_console
from troubleshoot.walk import engine, prompts
from troubleshoot.walk.prompts import AddNote, Back, Cannot, Choose, PatronLeft

T0 = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def trees() -> Catalog:
    return Catalog([WALKS])


def busy_walk(trees: Catalog) -> deliver.WalkResult:
    """A walk that fills every part of the hand-off: answers, steps, admin, policy, notes."""
    state = engine.start(trees, "desk", T0, forbidden=["clear_jams"])
    for action in (Choose(1), Back(), Choose(0), AddNote("Queue shows 40 jobs"), Cannot("busy")):
        state = engine.apply(trees, state, action, T0 + dt.timedelta(minutes=3))
    note = content.build(trees, state, {"Printer name": "HP 4", "Panel message": "E5"})
    return deliver.WalkResult(state, note, Path("/data/handoffs/h.md"))


def shown(width: int, draw) -> list[str]:  # type: ignore[no-untyped-def]
    screen = io.StringIO()
    draw(make_console(file=screen, width=width))
    return screen.getvalue().splitlines()


def test_hand_off_panel_fits_a_20_column_terminal(trees: Catalog) -> None:
    result = busy_walk(trees)
    lines = shown(20, lambda console: views.finished(console, result))
    assert lines and all(len(line) <= 20 for line in lines), lines


def test_the_hand_off_to_copy_says_what_was_done_and_what_it_needs(trees: Catalog) -> None:
    text = "\n".join(shown(200, lambda console: views.finished(console, busy_walk(trees))))
    for words in (
        "----- HAND-OFF FOR IT: copy from here -----",
        "Subject: Print queue stuck. (not confirmed: 'Release the job at the station.' "
        "could not be tried)",
        "Guide used: Desk printer (ended at desk#stuck)",
        "Patron was offered: Use the printer by the reference desk.",
        "Needs admin rights:\n- Restart the print spooler. IT must: Restart the Print Spooler "
        "service and clear stuck jobs.",
        "Not tried:\n- Release the job at the station. (busy)",
        "Not done (library policy):\n- Check the paper tray. (policy clear_jams)",
        "Facts:\n- Printer name: HP 4\n- Panel message: E5",
        "Corrections:\n- changed 'Where did the patron print from?' from 'Their own laptop' "
        "to 'A library PC'",
        "Notes:\n- Queue shows 40 jobs",
        "----- end of hand-off -----\nSaved for IT as: /data/handoffs/h.md",
    ):
        assert words in text


def test_the_outcome_comes_first_with_what_to_do_and_whom_to_call(trees: Catalog) -> None:
    note = busy_walk(trees).handoff
    assert note is not None
    text = "\n".join(shown(200, lambda console: views.outcome(console, note)))
    assert "ESCALATE TO IT: Print queue stuck." in text
    assert "Now: offer the patron: Use the printer by the reference desk." in text
    assert "Whom to call: no IT contact is set for this desk." in text


def test_urgent_resolved_and_abandoned_endings_read_as_words(trees: Catalog) -> None:
    def ended_with(*actions: prompts.Action) -> tuple[str, str]:
        state = engine.start(trees, "desk", T0)
        for action in actions:
            state = engine.apply(trees, state, action, T0)
        note = content.build(trees, state)
        result = deliver.WalkResult(state, note, write_error="disk full")
        first = "\n".join(shown(100, lambda console: views.outcome(console, note)))
        last = "\n".join(shown(100, lambda console: views.finished(console, result)))
        return first, last

    urgent, saved = ended_with(Choose(2))
    assert "URGENT: ESCALATE NOW: Nothing prints from any PC." in urgent
    assert "Could not save the hand-off file (disk full)." in saved
    assert "RESOLVED: The job printed." in ended_with(Choose(0), Choose(0))[0]
    assert ended_with(Choose(0), Choose(0))[1] == ""  # nothing for IT
    assert "SESSION ENDED: the patron left." in ended_with(PatronLeft())[0]


def test_nothing_is_drawn_for_a_walk_left_for_later(trees: Catalog) -> None:
    state = engine.start(trees, "desk", T0)
    assert shown(80, lambda console: views.finished(console, deliver.WalkResult(state))) == []


@pytest.mark.parametrize("width", [20, 40, 80, 200])
def test_tree_list_fits_the_terminal_and_keeps_every_word(trees: Catalog, width: int) -> None:
    rows = [(t.id, t.title, t.summary) for t in trees.trees()]
    lines = tables.table(("id", "title", "summary"), rows, width)
    assert len(lines) > 2 and all(len(line) <= width for line in lines), lines
    words = " ".join(lines).split()
    for row in rows:
        for cell in row:
            assert all(word in words for word in cell.split())
