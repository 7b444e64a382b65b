"""Practice drills as values: the expert's walk, what asking reveals, what steps do, the score."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import catalog_of, write_tree
from troubleshoot.tree.catalog import Catalog
from troubleshoot.tree.model import Tree, WalkTest
from troubleshoot.tree.values import Budget
from troubleshoot.walk import engine, practice
from troubleshoot.walk.prompts import Ask, Choose, Do, GiveFact

#: A small tree with a step the expert needs, one they do not, an admin step and an
#: escalation that asks facts for IT.
DRILL = """
title: Desk printer
summary: Nothing printed.
symptoms: [nothing printed]
budget: {minutes: 10, steps: 6}
collect: [PC number]
start: where
nodes:
  where:
    ask: Where did the patron print from?
    answers:
      - {text: A library PC, next: release}
      - {text: Many PCs at once, next: outage}
      - {text: A laptop, next: wifi}
  wifi:
    step: Turn the laptop's Wi-Fi off and on.
    minutes: 1
    fixed: done
    not_fixed: stuck
  release:
    step: Release the job at the station.
    minutes: 2
    fixed: done
    not_fixed: tray
  tray:
    step: Check the paper tray.
    minutes: 3
    fixed: done
    not_fixed: spooler
  spooler:
    step: Restart the print spooler.
    admin: Restart the Print Spooler service.
    no_admin: stuck
    fixed: done
    not_fixed: stuck
  done:
    resolved: The job printed.
  stuck:
    escalate: Print queue stuck.
    workaround: Use the printer by the desk.
  outage:
    escalate: Nothing prints from any PC.
    urgent: true
    workaround: Put up a sign.
scenarios:
  - name: tray empty
    patron: my printout never came out
    situation: The tray is empty; filling it prints the job.
    answers: [A library PC, not fixed, fixed]
    end: done
  - name: queue stuck
    patron: nothing happens when I print
    situation: The PC's print queue is stuck.
    answers: [A library PC, not fixed, not fixed]
    end: stuck
"""

START = dt.datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    return catalog_of(write_tree(tmp_path / "trees", "desk", DRILL).parent)


def _tree(catalog: Catalog) -> Tree:
    return catalog.load("desk")


def _scenario(catalog: Catalog, name: str) -> WalkTest:
    return next(s for s in _tree(catalog).scenarios if s.name == name)


def test_expert_walk_keeps_each_answer_and_step_result(catalog: Catalog) -> None:
    expert = practice.expert_walk(catalog, _tree(catalog), _scenario(catalog, "tray empty"))
    assert dict(expert.answers) == {("desk", "where"): "A library PC"}
    assert dict(expert.results) == {("desk", "release"): "not fixed", ("desk", "tray"): "fixed"}
    assert expert.lines == (
        "Where did the patron print from? -> A library PC",
        "Release the job at the station. -> not fixed",
        "Check the paper tray. -> fixed",
    )
    assert (expert.ending.node, str(expert.ending.outcome)) == ("done", "resolved")


def test_asking_reveals_the_experts_answer_else_the_situation(catalog: Catalog) -> None:
    expert = practice.expert_walk(catalog, _tree(catalog), _scenario(catalog, "tray empty"))
    where = Ask("desk", "where", "Where?", "", ("A library PC", "Many PCs at once"))
    elsewhere = Ask("desk", "other", "Which?", "", ("a", "b"))
    assert practice.reveal(expert, where) == "The patron's answer: A library PC"
    assert practice.reveal(expert, elsewhere) == (
        "What you know: The tray is empty; filling it prints the job."
    )


def test_a_step_does_what_it_did_for_the_expert(catalog: Catalog) -> None:
    expert = practice.expert_walk(catalog, _tree(catalog), _scenario(catalog, "tray empty"))
    tray = Do("desk", "tray", "Check the paper tray.", "", 3)
    release = Do("desk", "release", "Release the job.", "", 2)
    unnamed = Do("desk", "spooler", "Restart the spooler.", "", 5)
    assert practice.step_result(expert, tray, 1) == 0  # said "not fixed": it fixed it
    assert practice.step_result(expert, release, 0) == 1  # said "fixed": it did not
    assert practice.step_result(expert, unnamed, 0) == 1  # not in the scenario: not fixed
    assert practice.step_result(expert, tray, 2) == 2  # couldn't try stays


def test_pick_draws_from_a_number_and_wraps(catalog: Catalog) -> None:
    tree = _tree(catalog)
    pool = [(tree, s) for s in tree.scenarios]
    assert practice.pick(pool, 0)[1].name == "tray empty"
    assert practice.pick(pool, 3)[1].name == "queue stuck"
    with pytest.raises(practice.PracticeError):
        practice.pick([], 1)


def _walk(catalog: Catalog, *choices: int) -> engine.State:
    state = engine.start(catalog, "desk", START)
    for index in choices:
        state = engine.apply(catalog, state, Choose(index), START)
    return state


def test_a_perfect_run_scores_right_end_in_the_experts_minutes(catalog: Catalog) -> None:
    expert = practice.expert_walk(catalog, _tree(catalog), _scenario(catalog, "tray empty"))
    card = practice.score(catalog, expert, _walk(catalog, 0, 1, 0), asks=1)
    assert (card.right_end, card.same_kind) == (True, True)
    assert (card.minutes, card.budget, card.asks) == (6, 10, 1)
    assert (card.unneeded, card.admin) == ((), ())
    assert card.walked == card.expert


def test_the_card_measures_against_the_budget_the_walk_started_with(catalog: Catalog) -> None:
    expert = practice.expert_walk(catalog, _tree(catalog), _scenario(catalog, "tray empty"))
    state = engine.start(catalog, "desk", START, budget=Budget(30, 40))  # a site's default
    for index in (0, 1, 0):
        state = engine.apply(catalog, state, Choose(index), START)
    assert practice.score(catalog, expert, state, asks=0).budget == 30


def test_an_early_escalation_is_the_wrong_end_and_counts_facts(catalog: Catalog) -> None:
    expert = practice.expert_walk(catalog, _tree(catalog), _scenario(catalog, "tray empty"))
    state = _walk(catalog, 1)  # "Many PCs at once": the urgent outage
    state = engine.apply(catalog, state, GiveFact(""), START)
    card = practice.score(catalog, expert, state, asks=0)
    assert (card.right_end, card.same_kind) == (False, False)
    assert card.end == "urgent: Nothing prints from any PC."
    assert (card.facts_asked, card.facts_given, card.facts_complete) == (1, 0, False)


def test_steps_not_needed_and_admin_steps_without_rights_are_named(catalog: Catalog) -> None:
    expert = practice.expert_walk(catalog, _tree(catalog), _scenario(catalog, "queue stuck"))
    state = _walk(catalog, 0, 1, 1)  # release, tray, then the spooler needs admin rights
    state = engine.apply(catalog, state, GiveFact("PC 12"), START)
    card = practice.score(catalog, expert, state, asks=0)
    assert (card.right_end, card.minutes) == (True, 5)
    assert card.unneeded == ()
    assert card.admin == ("Restart the print spooler.",)
    assert (card.facts_asked, card.facts_given, card.facts_complete) == (1, 1, True)
    laptop = _walk(catalog, 2, 1)  # a step the expert never needed, then the same end
    laptop = engine.apply(catalog, laptop, GiveFact("PC 12"), START)
    wrong_way = practice.score(catalog, expert, laptop, asks=2)
    assert wrong_way.unneeded == ("Turn the laptop's Wi-Fi off and on.",)
    assert (wrong_way.right_end, wrong_way.minutes) == (True, 3)
    tray_only = practice.expert_walk(catalog, _tree(catalog), _scenario(catalog, "tray empty"))
    walked = practice.score(catalog, tray_only, state, asks=0)
    assert walked.unneeded == ()  # both steps are on the tray expert's path too
    assert (walked.right_end, walked.same_kind) == (False, False)
