"""Example walks run through the engine: each says where it left the trainer's plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TREES, write_tree
from troubleshoot.tree.catalog import Catalog
from troubleshoot.tree.loader import load_tree
from troubleshoot.tree.model import Escalate, Pos, Resolved, Tree, WalkTest
from troubleshoot.walk.examples import ExampleResult, run_tree, run_walk

DESK = """
title: Desk printer
summary: Nothing printed.
symptoms: [nothing printed]
budget: {minutes: 10, steps: 2}
start: where
nodes:
  where:
    ask: Where did the patron print from?
    answers:
      - {text: A library PC, next: release}
      - {text: A laptop, next: laptop}
      - {text: A library tablet, next: tell}
      - {text: Many PCs at once, next: outage}
  tell:
    say: Tablets print through the app.
    next: release
  laptop:
    goto: mobile#wifi
  release:
    step: Release the job at the station.
    fixed: done
    not_fixed: paper
    cannot: stuck
  paper:
    step: Check the paper tray.
    fixed: done
    not_fixed: spooler
  spooler:
    step: Restart the print spooler.
    admin: Restart the Print Spooler service.
    no_admin: stuck
    fixed: done
    not_fixed: release
  done:
    resolved: The job printed.
  stuck:
    escalate: Print queue stuck.
    workaround: Use the printer by the desk.
  outage:
    escalate: Nothing prints from any PC.
    urgent: true
    workaround: Put up a sign.
"""

MOBILE = """
title: Mobile printing
summary: Printing from a phone.
symptoms: [phone]
start: app
nodes:
  app:
    step: Open the print app.
    fixed: printed
    not_fixed: wifi
  wifi:
    ask: Is the phone on the library Wi-Fi?
    answers:
      - {text: "Yes", next: printed}
      - {text: "No", next: no_wifi}
  printed:
    resolved: It printed from the phone.
  no_wifi:
    escalate: Phone cannot join the Wi-Fi.
    workaround: Email the file to the desk.
"""


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Catalog, Tree]:
    write_tree(tmp_path, "mobile", MOBILE)
    path = write_tree(tmp_path, "desk", DESK + "tests: []\n")
    return Catalog([tmp_path]), load_tree(path)


def walk(
    desk: tuple[Catalog, Tree], answers: list[str], end: str, admin: bool = False
) -> ExampleResult:
    catalog, tree = desk
    return run_walk(catalog, tree, WalkTest(tuple(answers), end, admin, Pos(40, 5)), 2)


def test_a_walk_that_ends_where_expected_passes(desk: tuple[Catalog, Tree]) -> None:
    result = walk(desk, ["A library PC", "fixed"], "done")
    assert result.passed and result.reached == "done"


def test_answers_may_be_the_start_of_the_text_or_its_number(desk: tuple[Catalog, Tree]) -> None:
    assert walk(desk, ["4"], "outage").passed
    assert walk(desk, ["many"], "outage").passed


def test_a_step_takes_fixed_not_fixed_or_cannot(desk: tuple[Catalog, Tree]) -> None:
    assert walk(desk, ["A library PC", "cannot"], "stuck").passed
    assert walk(desk, ["A library PC", "not fixed", "fixed"], "done").passed


def test_say_nodes_and_skipped_admin_steps_take_no_answer(desk: tuple[Catalog, Tree]) -> None:
    assert walk(desk, ["A library tablet", "not fixed", "not fixed"], "stuck").passed


def test_an_admin_walk_is_offered_the_admin_step(desk: tuple[Catalog, Tree]) -> None:
    assert walk(desk, ["A library PC", "not fixed", "not fixed", "fixed"], "done", True).passed


def test_a_stop_guessing_offer_is_answered_keep_going(desk: tuple[Catalog, Tree]) -> None:
    # The step budget is 2: the third step would offer to stop guessing, and the
    # repeated 'release' step offers again.
    answers = ["A library PC", "not fixed", "not fixed", "not fixed", "not fixed", "fixed"]
    assert walk(desk, answers, "done", admin=True).passed


def test_a_walk_may_end_in_the_tree_a_goto_leads_to(desk: tuple[Catalog, Tree]) -> None:
    assert walk(desk, ["A laptop", "No"], "mobile#no_wifi").passed


def test_an_end_without_tree_means_this_tree(desk: tuple[Catalog, Tree]) -> None:
    result = walk(desk, ["A laptop", "Yes"], "printed")
    assert str(result.finding()) == (
        f"{desk[1].path}:40:5: error: walk 2 (A laptop, Yes -> printed): "
        "ended at 'mobile#printed' (resolved), expected 'printed'; "
        "'printed' is not a node of tree 'desk'"
    )


def test_a_wrong_end_says_where_the_walk_ended_instead(desk: tuple[Catalog, Tree]) -> None:
    result = walk(desk, ["A library PC", "not fixed", "not fixed"], "done")
    assert not result.passed and result.reached == "stuck"
    assert str(result.finding()) == (
        f"{desk[1].path}:40:5: error: walk 2 (A library PC, not fixed, not fixed -> done): "
        "ended at 'stuck' (escalated), expected 'done'"
    )


def test_an_answer_that_fits_no_choice_lists_the_choices(desk: tuple[Catalog, Tree]) -> None:
    result = walk(desk, ["Yes"], "done")
    assert result.problem == (
        "answer 1 'Yes' does not fit question 'where' (choices: 1. 'A library PC', "
        "2. 'A laptop', 3. 'A library tablet', 4. 'Many PCs at once')"
    )


def test_an_answer_that_fits_two_choices_asks_for_more_words(desk: tuple[Catalog, Tree]) -> None:
    result = walk(desk, ["A library"], "done")
    assert result.problem == (
        "answer 1 'A library' fits more than one answer of question 'where' "
        "('A library PC', 'A library tablet'); write more of it"
    )


def test_a_step_answered_with_question_words_is_reported(desk: tuple[Catalog, Tree]) -> None:
    result = walk(desk, ["A library PC", "maybe"], "done")
    assert result.problem == (
        "answer 2 'maybe' does not fit step 'release' "
        "(a step takes 'fixed', 'not fixed' or 'cannot')"
    )


def test_answers_running_out_name_the_node_reached(desk: tuple[Catalog, Tree]) -> None:
    result = walk(desk, ["A library PC", "not fixed"], "done")
    assert result.problem == ("answers ran out at step 'paper' (Check the paper tray.)")


def test_answers_left_over_at_the_end_are_listed(desk: tuple[Catalog, Tree]) -> None:
    result = walk(desk, ["Many", "fixed", "again"], "outage")
    assert result.problem == (
        "ended at 'outage' (escalated) with answers left over: 'fixed', 'again'"
    )


def test_a_goto_to_a_missing_tree_stops_the_walk(tmp_path: Path) -> None:
    path = write_tree(tmp_path, "desk", DESK)  # no 'mobile' tree beside it
    result = run_walk(Catalog([tmp_path]), load_tree(path), WalkTest(("A laptop",), "done"), 1)
    assert result.problem == (
        "walk stopped at 'mobile#wifi': The guide points to tree 'mobile', "
        "which could not be loaded"
    )


def test_an_expected_end_in_an_unknown_tree_is_named(desk: tuple[Catalog, Tree]) -> None:
    result = walk(desk, ["Many"], "nowhere#end")
    assert result.problem.endswith("expected 'nowhere#end'; there is no tree 'nowhere'")


def test_say_nodes_going_round_forever_are_reported(tmp_path: Path) -> None:
    path = write_tree(
        tmp_path,
        "loop",
        """
        title: Loop
        summary: Round and round.
        symptoms: [loop]
        start: a
        nodes:
          a: {say: First., next: b}
          b: {say: Second., next: a}
        tests:
          - answers: []
            end: a
        """,
    )
    tree = load_tree(path)
    [result] = run_tree(Catalog([tmp_path]), tree)
    assert result.problem.startswith("goes round without asking anything, at '")


def test_walks_are_numbered_in_file_order_with_their_lines(tmp_path: Path) -> None:
    path = write_tree(
        tmp_path,
        "desk",
        DESK
        + """
tests:
  - answers: [A library PC, fixed]
    end: done
  - answers: [Many]
    end: done
""",
    )
    results = run_tree(Catalog([tmp_path]), load_tree(path))
    assert [r.passed for r in results] == [True, False]
    lines = DESK.lstrip("\n").count("\n") + 1
    assert str(results[1].finding()) == (
        f"{path}:{lines + 4}:5: error: walk 2 (Many -> done): "
        "ended at 'outage' (escalated), expected 'done'"
    )


def test_a_tree_outside_the_catalog_still_reaches_bundled_trees(tmp_path: Path) -> None:
    write_tree(tmp_path / "shared", "mobile", MOBILE)
    path = write_tree(tmp_path / "draft", "desk", DESK)
    result = run_walk(
        Catalog([tmp_path / "shared"]),
        load_tree(path),
        WalkTest(("A laptop", "Yes"), "mobile#printed"),
        1,
    )
    assert result.passed


# -- the bundled trees ------------------------------------------------------------------

BUNDLED = sorted(TREES.glob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_tree_walks_end_where_its_trainer_expects(path: Path) -> None:
    catalog = Catalog([TREES])
    tree = catalog.load(path.stem)
    failures = [str(r.finding()) for r in run_tree(catalog, tree) if not r.passed]
    assert failures == []


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_tree_has_a_resolved_and_an_escalated_walk(path: Path) -> None:
    catalog = Catalog([TREES])
    tree = catalog.load(path.stem)
    kinds = set()
    for result in run_tree(catalog, tree):
        target_tree, _, node_id = result.reached.rpartition("#")
        owner = catalog.load(target_tree) if target_tree else tree
        kinds.add(type(owner.nodes[node_id]))
    assert {Resolved, Escalate} <= kinds


YES_NO = """
title: Wi-Fi
summary: The laptop will not join.
symptoms: [wifi]
start: joined
nodes:
  joined:
    ask: Does the laptop show the library network?
    answers:
      - {text: "No", next: gone}
      - {text: Not sure, next: look}
      - {text: "`Ctrl+Alt+Del` worked", next: done}
  look:
    step: Open the network list.
    fixed: done
    not_fixed: gone
  done:
    resolved: It joined.
  gone:
    escalate: The network is missing.
    workaround: Offer a library PC.
"""


@pytest.mark.parametrize(
    ("answers", "end"),
    [(["No"], "gone"), (["Not sure", "fixed"], "done"), (["Ctrl+Alt+Del worked"], "done")],
)
def test_an_answer_written_out_whole_walks_as_staff_typing_it_would(
    tmp_path: Path, answers: list[str], end: str
) -> None:
    tree = load_tree(write_tree(tmp_path, "wifi", YES_NO))
    result = run_walk(Catalog([tmp_path]), tree, WalkTest(tuple(answers), end, False, Pos(1, 1)), 1)
    assert result.problem == "" and result.reached == end


def test_a_short_answer_that_would_escalate_is_told_to_write_more(tmp_path: Path) -> None:
    tree = load_tree(write_tree(tmp_path, "wifi", YES_NO.replace('"No"', "Gone from the list")))
    result = run_walk(Catalog([tmp_path]), tree, WalkTest(("Go",), "gone", False, Pos(1, 1)), 1)
    assert result.problem == (
        "answer 1 'Go' is too short to pick 'Gone from the list' of question 'joined', "
        "which escalates; write at least 4 letters of it"
    )
    result = run_walk(Catalog([tmp_path]), tree, WalkTest(("Gone",), "gone", False, Pos(1, 1)), 1)
    assert result.passed
