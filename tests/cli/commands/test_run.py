"""Walking a tree from the command line in plain mode, as a script or screen reader would."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, TREES, run_tool

WALKS = FIXTURE_DIR / "walks"


def handoffs(data: Path) -> list[Path]:
    return sorted((data / "handoffs").glob("*.md"))


def test_answering_1_to_everything_reaches_an_end_of_the_printer_tree(private_data: Path) -> None:
    result = run_tool(["printer", "--plain"], input="1\n" * 300)
    assert result.returncode == 0, result.stderr
    assert "QUESTION:" in result.stdout
    assert "RESOLVED" in result.stdout or "ESCALATE" in result.stdout.upper()
    assert "Traceback" not in result.stderr


def test_input_ending_before_an_end_exits_3_with_a_message(private_data: Path) -> None:
    result = run_tool(["printer", "--plain"], input="")
    assert result.returncode == 3
    assert "input ended before the walk reached an end" in result.stderr


def test_unknown_tree_suggests_the_closest_and_offers_every_tree(private_data: Path) -> None:
    result = run_tool(["prntrqq", "--plain"], input="")
    assert result.returncode == 3  # the list was offered; input ended before a choice
    assert 'No good match for "prntrqq". Closest: printer' in result.stdout
    assert "What is the problem?" in result.stdout


def test_escalation_hand_off_lists_the_admin_steps_not_done(private_data: Path) -> None:
    # A library PC -> not fixed -> not fixed: the spooler step needs admin rights.
    result = run_tool(
        ["desk", "--plain"],
        input="1\n2\n2\nTLW-6789\nPaper jam light\n",
        TROUBLESHOOT_TREES=str(WALKS),
    )
    assert result.returncode == 0, result.stderr
    assert "Needs admin rights, so it is noted for IT: Restart the print spooler." in result.stdout
    [saved] = handoffs(private_data)
    text = saved.read_text()
    assert "## Needs admin rights (not done at the desk)" in text
    assert (
        "- [ ] Restart the print spooler. **IT must:** Restart the Print Spooler service "
        "and clear stuck jobs."
    ) in text
    assert "- Printer name: TLW-6789" in text
    assert "- Workaround given to the patron: Use the printer by the reference desk." in text
    assert f"Saved for IT as: {saved}" in result.stdout


def test_with_admin_rights_the_admin_step_is_offered(private_data: Path) -> None:
    result = run_tool(
        ["desk", "--plain", "--admin"], input="1\n2\n2\n1\n", TROUBLESHOOT_TREES=str(WALKS)
    )
    assert result.returncode == 0, result.stderr
    assert "STEP: Restart the print spooler." in result.stdout
    assert "NEEDS ADMIN RIGHTS: Restart the Print Spooler service" in result.stdout
    assert "RESOLVED: The job printed." in result.stdout
    assert handoffs(private_data) == []


def test_back_note_couldnt_try_and_escalate_now_all_reach_the_hand_off(
    private_data: Path,
) -> None:
    script = (
        "\n".join(
            [
                "2",  # Their own laptop (wrong answer)
                "b",  # back
                "1",  # A library PC
                "n",
                "Screen shows error E-104",
                "c",
                "no key to the cabinet",  # couldn't try the release step
                "e",  # escalate now at the paper step
                "",
                "",  # skip the facts
            ]
        )
        + "\n"
    )
    result = run_tool(["desk", "--plain"], input=script, TROUBLESHOOT_TREES=str(WALKS))
    assert result.returncode == 0, result.stderr
    [saved] = handoffs(private_data)
    text = saved.read_text()
    assert "- Where did the patron print from? **A library PC**" in text
    assert (
        "- Changed 'Where did the patron print from?' from 'Their own laptop' to 'A library PC'"
        in text
    )
    assert "- Screen shows error E-104" in text
    assert "## Steps not tried" in text
    assert "- Release the job at the station. (why: no key to the cabinet)" in text
    assert "- Reason: Stopped by staff at the step: Check the paper tray." in text
    assert "stopped by staff: the right call when guessing would not help" in text


def test_a_note_with_a_14_digit_number_is_refused_and_stored_nowhere(private_data: Path) -> None:
    script = "1\nn\nPatron card 21234000987654 did not work\ne\n\n\n"
    result = run_tool(["desk", "--plain"], input=script, TROUBLESHOOT_TREES=str(WALKS))
    assert result.returncode == 0, result.stderr
    assert "Refused: that looks like a library card number" in result.stdout
    # Not echoed back after the refusal, not in the hand-off, not in any record.
    assert "21234000987654" not in result.stdout
    for path in private_data.rglob("*"):
        if path.is_file():
            assert b"21234000987654" not in path.read_bytes(), path


def test_single_letters_are_actions_never_answers(private_data: Path) -> None:
    # "t" alone must not pick "Their own laptop"; "?" lists the keys.
    result = run_tool(["desk", "--plain"], input="t\n?\nq\n1\n", TROUBLESHOOT_TREES=str(WALKS))
    assert "Not one of the answers" in result.stdout
    assert "b  back" in result.stdout
    assert result.returncode == 0


def test_quit_patron_left_ends_the_session(private_data: Path) -> None:
    result = run_tool(["desk", "--plain"], input="1\nq\n2\n", TROUBLESHOOT_TREES=str(WALKS))
    assert result.returncode == 0
    assert "SESSION ENDED: the patron left." in result.stdout


@pytest.mark.parametrize("tree", sorted(p.stem for p in TREES.glob("*.yaml")))
def test_every_bundled_tree_reaches_an_end_when_always_answering_1(
    private_data: Path,
    tree: str,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    result = cli([tree, "--plain"], input="1\n" * 300)
    assert result.code == 0, result.err
