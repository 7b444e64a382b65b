"""The plain prompter in a drill: 'a' asks the patron, and steps do what the scenario says."""

from __future__ import annotations

import datetime as dt
import io

from troubleshoot.tree.values import Budget
from troubleshoot.ui.plain import PlainPrompter
from troubleshoot.walk.driver import Quit
from troubleshoot.walk.prompts import Ask, Choose, Do
from troubleshoot.walk.state import State

ASK = Ask("desk", "where", "Where did the patron print from?", "", ("A library PC", "A laptop"))
STEP = Do("desk", "tray", "Check the paper tray.", "", 3)


class Scripted:
    """A coach that answers as a scenario would: the tray fixes it."""

    def __init__(self) -> None:
        self.asks = 0

    def ask_patron(self, prompt: Ask) -> str:
        self.asks += 1
        return "The patron's answer: A library PC"

    def did(self, prompt: Do, index: int) -> int:
        return 0 if index < 2 else index


def _prompter(typed: str, coach: Scripted | None) -> tuple[PlainPrompter, io.StringIO]:
    screen = io.StringIO()
    return PlainPrompter(io.StringIO(typed), screen, width=80, coach=coach), screen


def _state() -> State:
    return State("desk", "where", ("desk", "where"), Budget(), dt.datetime(2026, 11, 23, 10, 0))


def test_a_asks_the_patron_and_help_names_it() -> None:
    coach = Scripted()
    prompter, screen = _prompter("?\na\n1\n", coach)
    assert prompter.ask(ASK, _state()) == Choose(0)
    shown = screen.getvalue().splitlines()
    assert "  a  ask the patron: what they would tell you here (costs a minute)" in shown
    assert "  The patron's answer: A library PC" in shown
    assert "  Keys: a ask the patron, b back, n note, e escalate now, ? more" in shown
    assert coach.asks == 1


def test_at_a_step_the_scenario_decides_and_says_so() -> None:
    prompter, screen = _prompter("a\nnot fixed\n", Scripted())
    assert prompter.ask(STEP, _state()) == Choose(0)
    shown = screen.getvalue().splitlines()
    assert "'a' is for questions: the patron has nothing to add here." in shown
    assert "That fixed it." in shown


def test_outside_a_drill_a_is_not_a_key() -> None:
    prompter, screen = _prompter("a\n1\n", None)
    assert prompter.ask(ASK, _state()) == Choose(0)
    shown = screen.getvalue().splitlines()
    assert "  Keys: b back, n note, e escalate now, ? more" in shown
    assert "Not one of the answers. Type a number from 1 to 2, or ? for other keys." in shown


def test_quitting_a_drill_says_no_score_is_kept() -> None:
    prompter, screen = _prompter("q\n1\n", Scripted())
    assert prompter.ask(ASK, _state()) == Quit()
    assert "Quit: 1) stop the drill (no score is kept)  2) the patron left (end it)" in (
        screen.getvalue().splitlines()
    )
