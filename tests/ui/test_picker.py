"""Choosing a tree from a numbered list, read line by line."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pexpect
import pytest

from tests.conftest import FIXTURE_DIR, TREES, subprocess_env
from tests.terminal import spawn as on_terminal
from troubleshoot.desk import Desk
from troubleshoot.search.find import Match
from troubleshoot.tree.catalog import Catalog
from troubleshoot.tree.model import Tree
from troubleshoot.ui.picker import choose_match_plain, no_good_match, pick_plain

SMALL = FIXTURE_DIR / "find"


@pytest.fixture
def trees() -> list[Tree]:
    return list(Catalog([SMALL]).trees())  # kiosk, lockers, microfilm


def test_plain_picker_lists_every_tree_with_its_summary_and_takes_a_number(
    trees: list[Tree],
) -> None:
    shown = io.StringIO()
    assert pick_plain(trees, io.StringIO("2\n"), shown).id == "lockers"
    assert " 1) Self-checkout kiosk won't check out books: The self-checkout" in shown.getvalue()
    assert " 3) Microfilm reader" in shown.getvalue()


def test_plain_picker_narrows_by_words_and_keeps_the_numbers(trees: list[Tree]) -> None:
    shown = io.StringIO()
    assert pick_plain(trees, io.StringIO("won't\n2\n"), shown).id == "lockers"
    after = shown.getvalue().split("> ", 1)[1]
    assert " 2) Holds locker" in after and "Microfilm" not in after


def test_plain_picker_takes_words_that_fit_one_tree(trees: list[Tree]) -> None:
    assert pick_plain(trees, io.StringIO("locker\n"), io.StringIO()).id == "lockers"


def test_plain_picker_ranks_typed_words_as_find_does_and_keeps_the_numbers() -> None:
    bundled = list(Catalog([TREES]).trees())
    shown = io.StringIO()
    number = [t.id for t in bundled].index("pc-reservation") + 1
    picked = pick_plain(bundled, io.StringIO(f"my card won't work\n{number}\n"), shown)
    assert picked.id == "pc-reservation"
    narrowed = shown.getvalue().split("> ", 1)[1].splitlines()
    assert narrowed[0].startswith(f"{number:>2}) PC time ran out")
    assert pick_plain(bundled, io.StringIO("it wants me to agree again\n"), io.StringIO()).id == (
        "wifi"
    )


def test_plain_picker_says_its_lead_line_first(trees: list[Tree]) -> None:
    shown = io.StringIO()
    pick_plain(trees, io.StringIO("1\n"), shown, lead=no_good_match("xyzzy", ["kiosk"]))
    assert shown.getvalue().startswith('No good match for "xyzzy". Closest: kiosk.\nWhat is')


def test_plain_picker_asks_again_after_a_number_out_of_range(trees: list[Tree]) -> None:
    shown = io.StringIO()
    assert pick_plain(trees, io.StringIO("9\n1\n"), shown).id == "kiosk"
    assert "Type a number from 1 to 3." in shown.getvalue()


def test_plain_picker_stops_when_input_ends(trees: list[Tree]) -> None:
    with pytest.raises(EOFError):
        pick_plain(trees, io.StringIO(""), io.StringIO())


MATCHES = [
    Match("kiosk", "Self-checkout kiosk", 0.9, "paper", "receipt paper ran out"),
    Match("lockers", "Holds locker", 0.5),
]


def test_match_list_enter_takes_the_best_and_says_where_it_starts() -> None:
    shown = io.StringIO()
    assert choose_match_plain("no receipt", MATCHES, io.StringIO("\n"), shown) == MATCHES[0]
    assert '1) Self-checkout kiosk (kiosk)\n     starts at the step for "receipt paper' in (
        shown.getvalue()
    )


def test_match_list_number_picks_and_zero_means_none_of_these() -> None:
    assert choose_match_plain("x", MATCHES, io.StringIO("2\n"), io.StringIO()) == MATCHES[1]
    assert choose_match_plain("x", MATCHES, io.StringIO("7\n0\n"), io.StringIO()) is None


def spawn(*args: str, tmp_path: Path) -> pexpect.spawn:
    env = subprocess_env(
        TROUBLESHOOT_TREES=str(SMALL),
        TROUBLESHOOT_DATA=str(tmp_path / "data"),
        TROUBLESHOOT_CACHE=str(tmp_path / "cache"),
        TERM="xterm",
        NO_COLOR="1",
    )
    return pexpect.spawn(
        sys.executable,
        ["-m", "troubleshoot", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 160),
    )


def test_on_a_terminal_typing_a_tree_number_then_enter_walks_that_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(SMALL))
    number = Desk.resolve().catalog.ids().index("microfilm") + 1
    child = spawn(tmp_path=tmp_path)
    child.expect("What is the problem")
    child.send(str(number))
    child.expect(f"{number}\\) Microfilm reader")
    child.send("\r")
    child.expect("Turn the focus knob")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_on_a_terminal_matches_are_offered_with_the_best_first(tmp_path: Path) -> None:
    child = spawn("the locker door is stuck", tmp_path=tmp_path)
    child.expect("Best matches for")
    child.expect("None of these")
    child.send("\r")
    child.expect("Ask the patron to type the code")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


@pytest.mark.parametrize("words", [[], ["the locker door is stuck"]], ids=["all", "matches"])
def test_ctrl_d_in_the_picker_ends_input_as_in_plain_prompts(
    tmp_path: Path, words: list[str]
) -> None:
    child = spawn(*words, tmp_path=tmp_path)
    child.expect("What is the problem" if not words else "None of these")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 3
    assert "troubleshoot: input ended before the walk reached an end." in child.before


def filtering(typed: str) -> str:
    """What the arrow-key list shows under it while staff type: "/ typed...", styled."""
    return r"/ (\x1b\[[0-9;]*m)*" + typed


def test_on_a_terminal_typed_words_rank_the_list_as_find_does() -> None:
    # The title says "Wi-Fi": matched as a plain substring, "wifi" filtered out nothing
    # and Enter took the first tree on the list.
    child = on_terminal([], rows=40, cols=160)
    child.expect("What is the problem")
    child.send("wifi")
    child.expect(filtering("wifi"))
    child.send("\r")
    child.expect(r"What does the patron see\?")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_on_a_terminal_a_synonym_typed_into_the_list_finds_its_tree() -> None:
    child = on_terminal([], rows=40, cols=160)
    child.expect("What is the problem")
    child.send("agree")
    child.expect(filtering("agree"))
    child.send("\r")
    child.expect(r"What does the patron see\?")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_on_a_terminal_words_no_tree_fits_say_so_and_show_every_tree() -> None:
    child = on_terminal(["xyzzy foo"], rows=40, cols=160)
    child.expect('No good match for "xyzzy foo"')
    child.expect("What is the problem")
    child.expect("Laptop printing")  # the whole list, down to the last tree
    child.send("wif")
    child.expect(filtering("wif"))
    child.send("\r")
    child.expect(r"What does the patron see\?")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
