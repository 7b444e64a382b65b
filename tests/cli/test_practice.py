"""Practice drills at a real terminal: what a trainee sees, from the patron's words to the score."""

from __future__ import annotations

import io
from pathlib import Path

import pexpect
import pytest

from tests.conftest import run_tool, write_tree
from tests.terminal import ended, spawn
from tests.walk.test_practice import DRILL
from troubleshoot.sessions import practice as kept

# The same drill's card in plain and arrow-key mode: an admin step left for IT.
ADMIN_CARD = [
    "SCORE CARD: desk, scenario 'queue stuck'",
    "  End: Right end.",
    "    Yours:  escalated: Print queue stuck.",
    "    Expert: escalated: Print queue stuck.",
    "  Time: 5 of 10 practice minutes (0 asked of the patron)",
    "  Steps not needed: none",
    "  Needs admin rights (left for IT, as it should be without them):",
    "    - Restart the print spooler.",
    "  Facts for IT: 1 of 1 given (complete)",
    "  Your walk:",
    "    Where did the patron print from? -> A library PC",
    "    Release the job at the station. -> not fixed",
    "    Check the paper tray. -> not fixed",
    "  The expert's walk:",
    "    Where did the patron print from? -> A library PC",
    "    Release the job at the station. -> not fixed",
    "    Check the paper tray. -> not fixed",
    "Kept with the practice results (never with real sessions).",
    "",
]

# How the "tray empty" cards end: the expert's walk, then where the result is kept.
TRAY_EXPERT = [
    "  The expert's walk:",
    "    Where did the patron print from? -> A library PC",
    "    Release the job at the station. -> not fixed",
    "    Check the paper tray. -> fixed",
    "Kept with the practice results (never with real sessions).",
    "",
]


@pytest.fixture
def trees(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "trees", "desk", DRILL).parent


def drill(trees: Path, scenario: str, cols: int = 80) -> tuple[pexpect.spawn, io.StringIO]:
    child = spawn(
        ["practice", "desk", "--scenario", scenario, "--plain"],
        TROUBLESHOOT_TREES=str(trees),
        cols=cols,
    )
    seen = io.StringIO()
    child.logfile_read = seen
    child.expect("Enter to skip\\): ")
    child.sendline("jd")
    return child, seen


def answer(child: pexpect.spawn, *replies: str) -> None:
    for reply in replies:
        child.expect("> ")
        child.sendline(reply)


def lines(seen: io.StringIO) -> list[str]:
    return [line.rstrip() for line in seen.getvalue().replace("\r", "").split("\n")]


def after(shown: list[str], first: str) -> list[str]:
    return shown[shown.index(first) :]


def test_a_perfect_run_asks_the_patron_and_scores_the_right_end(trees: Path) -> None:
    child, seen = drill(trees, "tray empty")
    answer(child, "a", "1", "fixed", "not fixed")
    assert ended(child)[0] == 0
    shown = lines(seen)
    assert shown[1:4] == [
        "PRACTICE: Desk printer",
        'The patron says: "my printout never came out"',
        "At a question, a asks the patron. Practice runs without admin rights.",
    ]
    assert "  Keys: a ask the patron, b back, n note, e escalate now, ? more" in shown
    assert "  The patron's answer: A library PC" in shown
    assert shown.count("That didn't fix it.") == 1  # the release: "fixed" was not so
    assert shown.count("That fixed it.") == 1  # the tray: "not fixed" was not so
    assert after(shown, "SCORE CARD: desk, scenario 'tray empty'") == [
        "SCORE CARD: desk, scenario 'tray empty'",
        "  End: Right end.",
        "    Yours:  resolved: The job printed.",
        "    Expert: resolved: The job printed.",
        "  Time: 6 of 10 practice minutes (1 asked of the patron)",
        "  Steps not needed: none",
        "  Your walk:",
        "    Where did the patron print from? -> A library PC",
        "    Release the job at the station. -> not fixed",
        "    Check the paper tray. -> fixed",
        *TRAY_EXPERT,
    ]
    (result,) = kept.results()
    assert (result.tree, result.scenario, result.initials) == ("desk", "tray empty", "JD")
    assert (result.right_end, result.minutes, result.asks) == (True, 6, 1)


def test_escalating_too_early_is_the_wrong_end_with_facts_missing(trees: Path) -> None:
    child, seen = drill(trees, "tray empty")
    answer(child, "2")  # "Many PCs at once": an outage, though only one patron is stuck
    child.expect("1 of 1: PC number: ")
    child.sendline("")
    assert ended(child)[0] == 0
    assert after(lines(seen), "SCORE CARD: desk, scenario 'tray empty'") == [
        "SCORE CARD: desk, scenario 'tray empty'",
        "  End: Not the right end.",
        "    Yours:  urgent: Nothing prints from any PC.",
        "    Expert: resolved: The job printed.",
        "  Time: 0 of 10 practice minutes (0 asked of the patron)",
        "  Steps not needed: none",
        "  Facts for IT: 0 of 1 given (incomplete)",
        "  Your walk:",
        "    Where did the patron print from? -> Many PCs at once",
        *TRAY_EXPERT,
    ]


def test_on_a_narrow_terminal_the_score_card_is_wrapped_at_spaces(trees: Path) -> None:
    child, seen = drill(trees, "tray empty", cols=40)
    answer(child, "2")
    child.expect("PC number: ")
    child.sendline("")
    assert ended(child)[0] == 0
    shown = after(lines(seen), "SCORE CARD: desk, scenario 'tray empty'")
    assert shown[:6] == [
        "SCORE CARD: desk, scenario 'tray empty'",
        "  End: Not the right end.",
        "    Yours:  urgent: Nothing prints from",
        "            any PC.",
        "    Expert: resolved: The job printed.",
        "  Time: 0 of 10 practice minutes (0",
    ]
    assert "    Where did the patron print from? ->" in shown
    card = shown[: shown.index("Kept with the practice results (never with real sessions).")]
    assert all(len(line) <= 40 for line in card)


def test_an_admin_step_is_left_for_it_and_named_on_the_card(trees: Path) -> None:
    child, seen = drill(trees, "queue stuck")
    answer(child, "1", "2", "2")
    child.expect("1 of 1: PC number: ")
    child.sendline("PC 12")
    assert ended(child)[0] == 0
    shown = lines(seen)
    assert "* Needs admin rights, so it is noted for IT: Restart the print spooler." in shown
    assert after(shown, "SCORE CARD: desk, scenario 'queue stuck'") == ADMIN_CARD


def test_a_seed_draws_the_same_scenario_and_the_report_shows_the_scores(
    trees: Path, private_data: Path
) -> None:
    first = run_tool(
        ["practice", "desk", "--seed", "1", "--initials", "ab"], "1\n1\n1\n-\n", **_on(trees)
    )
    again = run_tool(
        ["practice", "desk", "--seed", "1", "--initials", "ab"], "1\n1\n1\n-\n", **_on(trees)
    )
    assert first.returncode == again.returncode == 0
    assert 'The patron says: "nothing happens when I print"' in first.stdout.splitlines()
    assert first.stdout == again.stdout
    assert not (private_data / "sessions.db").exists()  # never with the real sessions
    report = run_tool(["practice", "--report", "--format", "csv"], **_on(trees))
    assert report.stdout.splitlines() == [
        "date,tree,scenario,initials,right end,minutes,budget,asks,not needed,admin,facts",
        "2026-11-23,desk,queue stuck,AB,yes,5,10,0,0,1,0/1",
        "2026-11-23,desk,queue stuck,AB,yes,5,10,0,0,1,0/1",
    ]


def test_a_tree_without_a_budget_is_scored_against_the_sites_default(tmp_path: Path) -> None:
    trees = write_tree(
        tmp_path / "own", "desk", DRILL.replace("budget: {minutes: 10, steps: 6}\n", "")
    )
    site = tmp_path / "site.yaml"
    site.write_text("budget: {minutes: 25, steps: 20}\n", encoding="utf-8")
    args = ["practice", "desk", "--scenario", "tray empty", "--initials", "ab", "--site", str(site)]
    result = run_tool(args, "1\n1\n1\n", **_on(trees.parent))
    assert result.returncode == 0, result.stderr
    assert "  Time: 5 of 25 practice minutes (0 asked of the patron)" in result.stdout.splitlines()
    report = run_tool(["practice", "--report", "--format", "csv"], **_on(trees.parent))
    assert report.stdout.splitlines()[1] == "2026-11-23,desk,tray empty,AB,yes,5,25,0,0,0,-"


def test_drills_are_kept_beside_the_sites_records_and_reported_from_there(
    trees: Path, tmp_path: Path, private_data: Path
) -> None:
    site = tmp_path / "desk" / "site.yaml"
    site.parent.mkdir()
    site.write_text("database: records/sessions.db\n", encoding="utf-8")
    args = ["practice", "desk", "--scenario", "tray empty", "--initials", "ab"]
    walked = run_tool([*args, "--site", str(site)], "1\n1\n1\n", **_on(trees))
    assert walked.returncode == 0, walked.stderr
    assert (site.parent / "records" / "practice.db").exists()
    assert not (private_data / "practice.db").exists()
    report = run_tool(
        ["practice", "--report", "--format", "csv", "--site", str(site)], **_on(trees)
    )
    assert report.stdout.splitlines()[1:] == ["2026-11-23,desk,tray empty,AB,yes,5,10,0,0,0,-"]
    elsewhere = run_tool(["practice", "--report"], **_on(trees))  # another desk's setup
    assert elsewhere.stdout == "No practice drills kept yet.\n"


def test_a_scenario_that_is_not_there_is_one_line(trees: Path) -> None:
    result = run_tool(["practice", "--scenario", "no such thing", "--initials", ""], **_on(trees))
    assert (result.returncode, result.stderr) == (
        2,
        "troubleshoot: no scenario called 'no such thing'\n",
    )


def _on(trees: Path) -> dict[str, str]:
    return {"TROUBLESHOOT_TREES": str(trees)}


def test_in_arrow_key_mode_ask_the_patron_is_an_entry_of_the_menu(trees: Path) -> None:
    child = spawn(
        ["practice", "desk", "--scenario", "tray empty"], TROUBLESHOOT_TREES=str(trees), cols=100
    )
    child.expect("Enter to skip\\)")
    child.send("jd\r")
    child.expect("Ask the patron")
    child.send("a")
    child.send("\r")
    child.expect("The patron's answer: A library PC")
    child.expect("A library PC")
    child.send("1")
    child.send("\r")
    child.expect("Did that fix it\\?")
    child.send("1")  # "fixed", but the scenario says the release did not fix it
    child.send("\r")
    child.expect("That didn't fix it.")
    child.expect("Did that fix it\\?")
    child.send("2")  # "not fixed", but the paper tray did it
    child.send("\r")
    child.expect("That fixed it.")
    child.expect("SCORE CARD: desk, scenario 'tray empty'")
    child.expect("  End: Right end.")
    child.expect("  Time: 6 of 10 practice minutes \\(1 asked of the patron\\)")
    assert ended(child)[0] == 0
    (result,) = kept.results()
    assert (result.initials, result.right_end) == ("JD", True)


def arrow_drill(trees: Path, scenario: str, cols: int = 100) -> tuple[pexpect.spawn, io.StringIO]:
    """A drill in the arrow-key menus of a real terminal, past the initials."""
    child = spawn(
        ["practice", "desk", "--scenario", scenario],
        TROUBLESHOOT_TREES=str(trees),
        NO_COLOR="1",
        cols=cols,
    )
    seen = io.StringIO()
    child.logfile_read = seen
    child.expect("Enter to skip\\)")
    child.send("jd\r")
    return child, seen


def card(seen: io.StringIO) -> list[str]:
    """The score card as the trainee reads it: printed after the last menu, as plain lines."""
    text = seen.getvalue()
    return lines(io.StringIO(text[text.index("SCORE CARD: ") :]))


def test_in_arrow_key_mode_escalating_now_at_the_first_step_is_stopped_early(
    trees: Path,
) -> None:
    child, seen = arrow_drill(trees, "tray empty")
    child.expect("A library PC")
    child.send("1\r")
    child.expect("Did that fix it\\?")
    child.send("e")  # escalate now, before trying the release that the expert needed
    child.send("\r")
    child.expect("Why stop here\\?")
    child.send("the queue looks long\r")
    child.expect("1 of 1: PC number")
    child.send("\r")
    assert ended(child)[0] == 0
    assert card(seen) == [
        "SCORE CARD: desk, scenario 'tray empty'",
        "  End: Not the right end.",
        "    Yours:  escalated (stopped early): the queue looks long",
        "    Expert: resolved: The job printed.",
        "  Time: 0 of 10 practice minutes (0 asked of the patron)",
        "  Steps not needed: none",
        "  Facts for IT: 0 of 1 given (incomplete)",
        "  Your walk:",
        "    Where did the patron print from? -> A library PC",
        *TRAY_EXPERT,
    ]
    (result,) = kept.results()
    assert (result.right_end, result.same_kind, result.facts_given) == (False, False, 0)


def test_in_arrow_key_mode_an_admin_step_is_left_for_it_and_named_on_the_card(
    trees: Path,
) -> None:
    child, seen = arrow_drill(trees, "queue stuck")
    child.expect("A library PC")
    child.send("1\r")
    for _ in range(2):  # the release, then the tray: neither fixes a stuck queue
        child.expect("Did that fix it\\?")
        child.send("2\r")
    child.expect("Needs admin rights, so it is noted for IT: Restart the print spooler.")
    child.expect("1 of 1: PC number")
    child.send("PC 12\r")
    assert ended(child)[0] == 0
    assert card(seen) == ADMIN_CARD
    (result,) = kept.results()
    assert (result.right_end, result.admin, result.facts_given) == (True, 1, 1)


def test_drawing_from_any_tree_passes_over_one_that_cannot_be_loaded(trees: Path) -> None:
    (trees / "broken.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run_tool(
        ["practice", "--scenario", "tray empty", "--initials", "ab"], "1\n1\n1\n", **_on(trees)
    )
    assert result.returncode == 0, result.stderr
    assert "  End: Right end." in result.stdout.splitlines()


def test_escalating_now_before_any_step_is_shown_as_stopped_early(trees: Path) -> None:
    child, seen = drill(trees, "tray empty")
    answer(child, "1", "e")
    child.expect("Why stop here\\? \\(optional, Enter to skip\\): ")
    child.sendline("the patron is in a hurry")
    child.expect("1 of 1: PC number: ")
    child.sendline("PC 3")
    assert ended(child)[0] == 0
    assert after(lines(seen), "SCORE CARD: desk, scenario 'tray empty'")[:7] == [
        "SCORE CARD: desk, scenario 'tray empty'",
        "  End: Not the right end.",
        "    Yours:  escalated (stopped early): the patron is in a hurry",
        "    Expert: resolved: The job printed.",
        "  Time: 0 of 10 practice minutes (0 asked of the patron)",
        "  Steps not needed: none",
        "  Facts for IT: 1 of 1 given (complete)",
    ]


def test_the_report_names_its_formats_and_says_when_nothing_is_kept(trees: Path) -> None:
    wrong = run_tool(["practice", "--report", "--format", "xml"], **_on(trees))
    assert (wrong.returncode, wrong.stderr) == (
        2,
        "troubleshoot: --format: 'xml' is not one of table, csv, json\n",
    )
    empty = run_tool(["practice", "--report"], **_on(trees))
    assert (empty.returncode, empty.stdout) == (0, "No practice drills kept yet.\n")
