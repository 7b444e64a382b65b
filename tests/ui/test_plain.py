"""Plain numbered prompts, read line by line: every key does what the help says."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from tests.conftest import write_tree
from tests.terminal import WALKS
from troubleshoot.cli import walking
from troubleshoot.tree.catalog import Catalog
from troubleshoot.ui.plain import PlainPrompter
from troubleshoot.walk import driver, engine

T0 = dt.datetime(2026, 11, 23, 10, 0)


def plain_walk(
    typed: str, *, admin: bool = False, write_to: Path | None = None
) -> tuple[driver.WalkResult, str]:
    trees = Catalog([WALKS])
    screen = io.StringIO()
    state = engine.start(trees, "desk", T0, admin=admin)
    result = walking.run(
        trees, state, PlainPrompter(io.StringIO(typed), screen), lambda: T0, write_to=write_to
    )
    return result, screen.getvalue()


def test_help_wrong_answers_and_blank_lines_keep_asking() -> None:
    result, screen = plain_walk("\n?\nzz\n9\nc\n1\n1\n")
    assert result.state.ending is not None and result.state.ending.outcome == "resolved"
    assert "  q  quit: keep the session for later" in screen
    assert screen.count("Not one of the answers. Type a number from 1 to 3") == 2
    assert "'c' is for steps: there is no step to skip here." in screen
    assert "RESOLVED: The job printed." in screen


def test_note_back_couldnt_try_and_escalate_reach_a_saved_hand_off(tmp_path: Path) -> None:
    typed = "1\n2\nn\nTray empty\nn\n\nb\nc\nno key\ne\n\nHP 4\n"
    result, screen = plain_walk(typed, write_to=tmp_path)
    note = result.handoff
    assert note is not None and note.notes == ("Tray empty",)
    assert note.not_tried == (("Release the job at the station.", "no key"),)
    assert "* Note added: Tray empty" in screen and "* Went back one step." in screen
    assert (
        "ESCALATE TO IT: Stopped by staff at the step: Check the paper tray.\n"
        "  Stopping here is the right call when guessing would not help.\n"
    ) in screen
    assert "FOR IT: 1 quick fact." in screen
    assert "Facts:\n- Printer name: HP 4\n" in screen  # in the ticket ready to copy
    assert f"Saved for IT as: {result.path}" in screen and result.path is not None
    assert result.path.parent == tmp_path


def test_a_step_answered_by_number_3_asks_why_it_could_not_be_tried() -> None:
    result, _ = plain_walk("1\n3\nlocked\nq\n1\n")
    assert result.quit
    assert [e.detail for e in result.state.path if e.kind == "result"] == ["locked"]


@pytest.mark.parametrize(("typed", "outcome"), [("q\n1\n", None), ("q\n2\n", "abandoned")])
def test_quit_keeps_the_session_or_ends_it_because_the_patron_left(
    typed: str, outcome: str | None
) -> None:
    result, screen = plain_walk(typed)
    assert (result.state.ending.outcome if result.state.ending else None) == outcome
    assert result.quit == (outcome is None)
    assert ("SESSION ENDED: the patron left." in screen) == (outcome == "abandoned")


def test_quit_can_be_taken_back() -> None:
    result, screen = plain_walk("q\nno\n3\n\n")
    assert "Not quitting." in screen
    assert result.state.ending is not None and result.state.ending.urgent


def test_admin_sees_what_a_step_needs_and_start_over_finds_the_repeat() -> None:
    typed = "1\n2\n2\nr\n1\n1\n\n\n"
    result, screen = plain_walk(typed, admin=True)
    assert "NEEDS ADMIN RIGHTS: Restart the Print Spooler service" in screen
    assert "STOP GUESSING? This step was already tried in this walk." in screen
    assert "Handing it to IT now is a good outcome, not a failure." in screen
    assert result.state.ending is not None and result.state.ending.outcome == "escalated"


def test_say_nodes_tell_the_patron_and_goto_says_where_it_went() -> None:
    result, screen = plain_walk("2\n1\n1\n\n")
    assert "* Continuing with: Laptop printing" in screen
    assert "TELL THE PATRON: Printing from laptops needs the library Wi-Fi." in screen
    assert result.handoff is not None and result.handoff.trees[1] == ("other", "Laptop printing")


def test_a_hand_off_that_cannot_be_saved_is_shown_to_copy(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result, screen = plain_walk("3\n\n", write_to=blocker / "handoffs")
    assert result.path is None and result.write_error
    assert "Could not save the hand-off file" in screen and "copy the text above" in screen


def test_input_ending_mid_walk_is_an_eof_error() -> None:
    with pytest.raises(EOFError):
        plain_walk("1\n")


def test_past_nine_answers_the_numbers_line_up_and_12_picks_the_twelfth(tmp_path: Path) -> None:
    answers = "\n".join(f"      - {{text: 'Branch {i}', next: end{i}}}" for i in range(1, 15))
    ends = "\n".join(f"  end{i}: {{resolved: 'Sent to branch {i}.'}}" for i in range(1, 15))
    write_tree(
        tmp_path,
        "branches",
        "title: Branches\nsummary: S.\nsymptoms: [a, b, c]\nstart: which\nnodes:\n"
        f"  which:\n    ask: Which branch?\n    answers:\n{answers}\n{ends}\n",
    )
    trees = Catalog([tmp_path])
    out = io.StringIO()
    state = engine.start(trees, "branches", T0)
    result = walking.run(trees, state, PlainPrompter(io.StringIO("12\n"), out), lambda: T0)
    screen = out.getvalue()
    assert result.state.ending is not None and result.state.ending.node == "end12"
    assert (
        "QUESTION: Which branch?\n"
        "   1) Branch 1\n   2) Branch 2\n   3) Branch 3\n   4) Branch 4\n   5) Branch 5\n"
        "   6) Branch 6\n   7) Branch 7\n   8) Branch 8\n   9) Branch 9\n  10) Branch 10\n"
        "  11) Branch 11\n  12) Branch 12\n  13) Branch 13\n  14) Branch 14\n"
        "  Keys: b back, n note, e escalate now, ? more\n"
        "> 12\n"
    ) in screen
    assert "RESOLVED: Sent to branch 12." in screen


def test_an_answer_written_with_a_markdown_escape_shows_and_is_typed_plain(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        "colour",
        "title: Colour\nsummary: S.\nsymptoms: [a, b, c]\nstart: which\nnodes:\n"
        "  which:\n    ask: Which kind of copy?\n    answers:\n"
        "      - {text: 'B\\&W copies', next: bw}\n"
        "      - {text: 'Colour copies', next: colour}\n"
        "  bw: {resolved: 'Black and white it is.'}\n"
        "  colour: {resolved: 'Colour it is.'}\n",
    )
    trees = Catalog([tmp_path])
    out = io.StringIO()
    state = engine.start(trees, "colour", T0)
    result = walking.run(trees, state, PlainPrompter(io.StringIO("B&W copies\n"), out), lambda: T0)
    screen = out.getvalue()
    assert "QUESTION: Which kind of copy?\n  1) B&W copies\n  2) Colour copies\n" in screen
    assert "\\&" not in screen
    assert result.state.ending is not None and result.state.ending.node == "bw"
