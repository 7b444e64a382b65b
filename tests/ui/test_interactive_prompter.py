"""The arrow-key prompts: driven by keys in-process, and on a real 20-column terminal."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.terminal import WALKS, ended, spawn
from troubleshoot.cli import walking
from troubleshoot.tree.catalog import Catalog
from troubleshoot.ui.console import make_console
from troubleshoot.ui.interactive import InteractivePrompter
from troubleshoot.walk import driver, engine
from troubleshoot.walk.prompts import Do, StopGuessing

T0 = dt.datetime(2026, 11, 23, 10, 0)
DOWN, ENTER = "\x1b[B", "\r"
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")


@pytest.fixture
def keys() -> Iterator[object]:
    """Keys typed ahead into every prompt shown inside the test; output goes nowhere."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def run_walk(keys, typed: str, **start: object) -> tuple[driver.WalkResult, str]:  # type: ignore[no-untyped-def]
    keys.send_text(typed)
    keys.close()  # a prompt with no keys left raises EOFError rather than waiting for ever
    trees = Catalog([WALKS])
    screen = io.StringIO()
    state = engine.start(trees, "desk", T0, **start)  # type: ignore[arg-type]
    result = walking.run(
        trees, state, InteractivePrompter(make_console(file=screen, width=80)), lambda: T0
    )
    return result, screen.getvalue()


def test_answers_note_back_and_couldnt_try_reach_the_hand_off(keys) -> None:  # type: ignore[no-untyped-def]
    typed = (
        ENTER  # A library PC
        + ENTER  # release: not fixed (where the pointer starts on a step)
        + "n"
        + ENTER
        + "Tray 2 is empty"
        + ENTER  # a note at the paper step
        + "b"
        + ENTER  # back to the release step
        + "3"
        + ENTER
        + "no key to the station"
        + ENTER  # couldn't try it
        + "e"
        + ENTER  # escalate now
        + ENTER  # why stop here? (left empty)
        + "HP 4"
        + ENTER  # the tree's one fact: the printer name
    )
    result, screen = run_walk(keys, typed)
    note = result.handoff
    assert note is not None and note.outcome == "escalated" and note.by_staff
    assert note.notes == ("Tray 2 is empty",)
    assert note.not_tried == (("Release the job at the station.", "no key to the station"),)
    assert note.facts == (("Printer name", "HP 4"),)
    assert "QUESTION Where did the patron print from?" in screen
    assert "STEP Check the paper tray." in screen
    assert "* Note added: Tray 2 is empty" in screen and "* Went back one step." in screen
    assert "ESCALATE TO IT: Stopped by staff at the step: Check the paper tray." in screen
    assert "Stopping here is the right call when guessing would not help." in screen


def test_quit_keeps_the_session_unfinished(keys) -> None:  # type: ignore[no-untyped-def]
    result, _ = run_walk(keys, "q" + ENTER + ENTER)
    assert result.quit and result.handoff is None and result.state.ending is None


def test_quit_because_the_patron_left_ends_it(keys) -> None:  # type: ignore[no-untyped-def]
    result, screen = run_walk(keys, "q" + ENTER + DOWN + ENTER)
    assert result.state.ending is not None and result.state.ending.outcome == "abandoned"
    assert "SESSION ENDED: the patron left." in screen


def test_dont_quit_and_an_empty_note_change_nothing(keys) -> None:  # type: ignore[no-untyped-def]
    typed = "q" + ENTER + DOWN + DOWN + ENTER + "n" + ENTER + "   " + ENTER + "r" + ENTER
    typed += ENTER + "1" + ENTER  # after starting over: A library PC, fixed
    result, screen = run_walk(keys, typed)
    assert result.state.ending is not None and result.state.ending.outcome == "resolved"
    assert [e.kind for e in result.state.log if e.kind in ("note", "restart")] == ["restart"]
    assert "RESOLVED: The job printed." in screen


def test_a_fact_that_looks_like_a_card_number_is_refused_and_asked_again(keys) -> None:  # type: ignore[no-untyped-def]
    typed = "3" + ENTER + "21234000012345" + ENTER + "HP 4" + ENTER
    result, screen = run_walk(keys, typed)
    assert result.handoff is not None and result.handoff.facts == (("Printer name", "HP 4"),)
    assert "Refused: that looks like a library card number" in screen


def test_stop_guessing_header_says_handing_over_is_not_a_failure() -> None:
    screen = io.StringIO()
    InteractivePrompter(make_console(file=screen, width=200)).header(
        StopGuessing("desk", "paper", "3 steps have been tried; the limit is 3.")
    )
    assert "STOP GUESSING? 3 steps have been tried; the limit is 3." in screen.getvalue()
    assert "a good outcome, not a failure" in screen.getvalue()


def test_a_20_column_terminal_walks_to_a_hand_off_that_fits(private_data: Path) -> None:
    child = spawn(["desk"], cols=20)
    child.expect("Choose:")
    child.send("3")  # Many PCs at once
    child.send(ENTER)
    child.expect("FOR IT")
    child.send(ENTER)
    code, output = ended(child)
    assert code == 0
    assert "Traceback" not in output
    after_prompts = output.rsplit("\x1b[?2004l", 1)[-1]  # what rich drew once prompts ended
    lines = ANSI.sub("", after_prompts).splitlines()
    assert any("URGENT" in line for line in lines)
    assert lines and all(len(line) <= 20 for line in lines), lines
    assert len(list((private_data / "handoffs").glob("*.md"))) == 1


def test_the_header_shows_a_step_in_its_lines_wrapped_at_spaces() -> None:
    screen = io.StringIO()
    step = Do(
        "scan",
        "usb",
        "At the scanner:\n\n1. Insert the stick in the right-hand port.\n2. Pick B\\&W.\n\n"
        "```\nE:\\Scans\\<PC number>\n```",
        "Older panels say *Memory*.",
        2,
        note="Never take the patron's stick.",
    )
    InteractivePrompter(make_console(file=screen, width=30)).header(step)
    assert screen.getvalue() == (
        "\n"
        "STEP At the scanner:\n"
        "\n"
        "  1. Insert the stick in the\n"
        "     right-hand port.\n"
        "  2. Pick B&W.\n"
        "\n"
        "      E:\\Scans\\<PC number>\n"
        "  Older panels say *Memory*.\n"
        "  FOR STAFF: Never take the\n"
        "    patron's stick.\n"
    )
