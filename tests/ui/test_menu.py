"""The arrow-key menu: what it shows for any count of answers, and its keys at a real terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pexpect
import pytest

from tests.conftest import write_tree
from tests.terminal import ended, spawn
from troubleshoot.sessions.store import Store
from troubleshoot.ui.menu import Menu

ENTER, DOWN, UP, BACKSPACE = "\r", "\x1b[B", "\x1b[A", "\x7f"
PGDN, END = "\x1b[6~", "\x1b[F"
ACTIONS = (("b", "Back"), ("n", "Add a note"), ("e", "Escalate now"), ("q", "Quit"))
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|[\r\x08]")

#: Forty branches a patron might have come from; two start with "Bo".
BRANCHES = [
    "Aberdeen",
    "Aldwych",
    "Ashford",
    "Bolton",
    "Boston",
    "Bristol",
    "Cardiff",
    "Chester",
    "Derby",
    "Dover",
    "Durham",
    "Exeter",
    "Glasgow",
    "Hull",
    "Ipswich",
    "Kendal",
    "Leeds",
    "Lincoln",
    "Luton",
    "Margate",
    "Newport",
    "Norwich",
    "Oxford",
    "Perth",
    "Poole",
    "Preston",
    "Reading",
    "Ripon",
    "Salford",
    "Selby",
    "Stafford",
    "Swansea",
    "Taunton",
    "Truro",
    "Wakefield",
    "Warwick",
    "Wells",
    "Whitby",
    "Windsor",
    "York",
]


def texts(menu: Menu, rows: int = 50, cols: int = 80) -> list[str]:
    return [text for _, text in menu.lines(rows, cols)]


def test_numbers_go_to_the_first_nine_answers_and_no_further() -> None:
    menu = Menu([f"Branch {b}" for b in BRANCHES[:12]], ACTIONS)
    shown = texts(menu)
    assert shown[0] == "» 1) Branch Aberdeen"
    assert shown[8] == "  9) Branch Derby"
    assert shown[9] == "     Branch Dover"
    assert shown[11] == "     Branch Exeter"
    assert shown[12:] == [
        "  ---------------",
        "  b) Back",
        "  n) Add a note",
        "  e) Escalate now",
        "  q) Quit",
    ]


def test_one_answer_is_shown_and_picked() -> None:
    menu = Menu(["Continue"], ACTIONS)
    assert texts(menu) == [
        "» 1) Continue",
        "  ---------------",
        "  b) Back",
        "  n) Add a note",
        "  e) Escalate now",
        "  q) Quit",
    ]
    picked = menu.picked()
    assert picked is not None and picked.answer == 0


@pytest.mark.parametrize("count", [1, 2, 9, 10, 32, 40, 200])
def test_any_count_of_answers_fits_the_screen_around_the_pointer(count: int) -> None:
    menu = Menu([f"Answer number {i}" for i in range(1, count + 1)], ACTIONS)
    for _ in range(count + 2):  # down past the actions and round to the top again
        menu.move(1)
        shown = texts(menu, rows=10)
        pointed = [t for t in shown if t.startswith("» ")]
        assert len(shown) <= 10 and len(pointed) == 1
        row = menu.picked()
        assert row is not None and pointed[0].endswith(row.label)


def test_a_long_list_says_how_much_more_is_above_and_below() -> None:
    menu = Menu([f"Branch {b}" for b in BRANCHES], ACTIONS)
    for _ in range(20):
        menu.move(1)
    assert texts(menu, rows=8) == [
        "  (15 more above)",
        "     Branch Kendal",
        "     Branch Leeds",
        "     Branch Lincoln",
        "     Branch Luton",
        "     Branch Margate",
        "»    Branch Newport",
        "  (23 more below)",  # the other answers and the four actions
    ]
    menu.move(-8)  # up past the top of the window: it follows the pointer
    assert texts(menu, rows=8)[:3] == [
        "  (12 more above)",
        "»    Branch Glasgow",
        "     Branch Hull",
    ]


def test_a_long_answer_that_wraps_still_keeps_the_list_inside_the_screen() -> None:
    menu = Menu(["word " * 30] * 30)
    menu.end()
    shown = texts(menu, rows=6, cols=40)
    heights = [max(1, -(-len(t) // 40)) for t in shown]
    assert sum(heights) <= 6 and any(t.startswith("» ") for t in shown)


def test_typing_filters_by_word_start_whatever_the_case_accents_and_quotes() -> None:
    menu = Menu(["Their own laptop", "Résumé printing", "`Ctrl+Alt+Del` worked"], ACTIONS)
    for char in "RESU":
        menu.type(char)
    assert texts(menu) == ["» Résumé printing"]
    assert menu.status() == "Filter: RESU   1 of 3 answers (Backspace edits, Esc clears)"
    menu.clear()
    for char in "ctrl+alt del":
        menu.type(char)
    assert texts(menu) == ["» `Ctrl+Alt+Del` worked"]
    menu.clear()
    for char in "top":
        menu.type(char)
    assert texts(menu) == []
    assert menu.status() == "Filter: top   no answer has a word starting so (Backspace edits)"
    assert menu.picked() is None


def test_one_action_letter_points_at_its_action_and_a_second_letter_filters() -> None:
    menu = Menu([f"Branch {b}" for b in BRANCHES], ACTIONS)
    menu.type("b")
    picked = menu.picked()
    assert picked is not None and picked.key == "b"
    assert menu.status() == "b: Back. Enter does it; type more to filter the answers."
    menu.type("o")
    assert texts(menu) == ["» Branch Bolton", "  Branch Boston"]
    menu.backspace()
    menu.backspace()
    assert menu.typed == "" and texts(menu)[0] == "» 1) Branch Aberdeen"


def test_the_pointer_starts_where_asked_and_digits_move_it() -> None:
    menu = Menu(["Yes, that fixed it", "No, still not fixed", "Couldn't try it"], start=1)
    assert texts(menu)[1] == "» 2) No, still not fixed"
    menu.type("3")
    assert texts(menu)[2] == "» 3) Couldn't try it"
    menu.type("9")  # no ninth answer: the pointer stays
    assert menu.at == 2


# -- at a real terminal --------------------------------------------------------------


@pytest.fixture
def branches(tmp_path: Path) -> Path:
    """A tree whose one question has forty answers, each with its own end."""
    answers = "\n".join(f"      - {{text: 'From {b} branch', next: {b.lower()}}}" for b in BRANCHES)
    ends = "\n".join(f"  {b.lower()}: {{resolved: 'Sent to {b}.'}}" for b in BRANCHES)
    folder = tmp_path / "trees"
    write_tree(
        folder,
        "branches",
        "title: Which branch\nsummary: Forty answers.\nsymptoms: [which branch]\n"
        f"start: which\nnodes:\n  which:\n    ask: Which branch did the patron come from?\n"
        f"    answers:\n{answers}\n{ends}\n",
    )
    return folder


def walk(branches: Path, rows: int = 24) -> pexpect.spawn:
    child = spawn(["branches"], rows=rows, TROUBLESHOOT_TREES=str(branches), NO_COLOR="1")
    child.expect("Which branch did the patron come from")
    child.expect("more below")
    return child


def recorded_answers() -> list[str]:
    """The answers the session record kept, as the walk's history will show them."""
    with Store.open() as db:
        (session,) = db.sessions()
    return [e.value for e in session.events if e.kind == "answer"]


def test_down_arrow_to_the_35th_of_40_answers_and_enter_picks_it(branches: Path) -> None:
    child = walk(branches)
    child.send(DOWN * 34 + ENTER)
    child.expect("RESOLVED: Sent to Wakefield.")
    shown = [line.strip() for line in ANSI.sub("", child.before).split("\n")]
    assert [s for s in shown if "Wakefield branch" in s][-1] == "? Choose: From Wakefield branch"
    assert ended(child)[0] == 0
    assert recorded_answers() == ["From Wakefield branch"]


def test_typed_letters_filter_to_the_answer_and_enter_picks_it(branches: Path) -> None:
    child = walk(branches)
    child.send("bost" + ENTER)
    child.expect("RESOLVED: Sent to Boston.")
    assert ended(child)[0] == 0
    assert recorded_answers() == ["From Boston branch"]


def test_a_digit_picks_among_the_first_nine(branches: Path) -> None:
    child = walk(branches)
    child.send("7" + ENTER)
    child.expect("RESOLVED: Sent to Cardiff.")
    assert ended(child)[0] == 0
    assert recorded_answers() == ["From Cardiff branch"]


def test_b_alone_is_back_but_bo_filters(branches: Path) -> None:
    child = walk(branches)
    child.send("b" + ENTER)
    child.expect("(?i)back")
    child.expect("Which branch did the patron come from")
    child.send("bol" + ENTER)  # typed ahead, perhaps before the menu is drawn again
    child.expect("RESOLVED: Sent to Bolton.")
    assert ended(child)[0] == 0
    assert recorded_answers() == ["From Bolton branch"]


def test_page_down_moves_a_screenful_and_backspace_edits_the_filter(branches: Path) -> None:
    child = walk(branches)
    child.send("xyz" + BACKSPACE * 3 + PGDN + ENTER)  # 24 rows: a page is 18 answers
    child.expect("RESOLVED: Sent to Luton.")
    assert ended(child)[0] == 0


def test_end_and_up_reach_the_actions_below_a_long_list(branches: Path) -> None:
    child = walk(branches)
    child.send(END + UP + UP + ENTER)  # Quit is last; two above it, Escalate now
    child.expect("Why stop here")
    child.send(ENTER)
    child.expect("ESCALATE TO IT")
    assert ended(child)[0] == 0
