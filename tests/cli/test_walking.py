"""The hand-off moment, at a real terminal: outcome first, facts inside the walk, a true note.

Every test here runs the tool in a pseudo-terminal the way a desk PC would and reads
the screen and the saved hand-off as staff and IT would.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pexpect
import pytest

from tests.conftest import run_tool, write_tree
from tests.terminal import ended, spawn
from troubleshoot.sessions.store import Store

#: A small tree with every kind of end the hand-off moment has to get right.
ACCOUNT = """
title: Patron's email account
summary: The patron cannot get into their own email, or the PC login fails.
symptoms: [I can't get into my email]
collect: [PC number]
workaround: Offer a library PC with a guest pass.
start: whose
nodes:
  whose:
    ask: Whose account is it?
    answers:
      - {text: Their own webmail account, next: provider}
      - {text: The library PC login, next: restart}
      - {text: Every PC in the lab refuses logins, next: outage}
  provider:
    refer: the patron's email provider
    tell: Only the provider can reset it. Use the provider's own account recovery page.
    bring: The phone number or backup email they gave the provider.
  restart:
    step: Restart the PC.
    note: Warn the patron that unsaved work is lost.
    fixed: done
    not_fixed: stuck
    cannot: stuck
  done:
    resolved: The PC lets the patron in.
  stuck:
    escalate: The PC still refuses the patron's login.
    workaround: Move the patron to another PC.
    collect: [Exact message on screen, PC number]
  outage:
    escalate: No PC in the lab accepts a login.
    urgent: true
    workaround: Put up a sign; offer the Wi-Fi.
"""


@pytest.fixture
def trees(tmp_path: Path) -> Path:
    folder = tmp_path / "trees"
    write_tree(folder, "account", ACCOUNT)
    return folder


def start(trees: Path, *args: str) -> pexpect.spawn:
    return spawn(["account", "--plain", *args], TROUBLESHOOT_TREES=str(trees))


def handoffs(data: Path) -> list[Path]:
    return sorted((data / "handoffs").glob("*.md"))


def test_the_outcome_and_whom_to_call_come_before_the_first_fact(
    trees: Path, private_data: Path
) -> None:
    child = start(trees)
    child.expect("> ")
    child.sendline("3")  # every PC refuses logins: urgent
    child.expect("1 of 1: PC number: ")
    before_facts = child.before
    assert "URGENT: ESCALATE NOW: No PC in the lab accepts a login." in before_facts
    assert "Now: offer the patron: Put up a sign; offer the Wi-Fi." in before_facts
    assert "URGENT: phone IT now rather than filing a ticket and waiting." in before_facts
    assert "Whom to call: no IT contact is set for this desk." in before_facts
    assert (  # wrapped to the 80 columns of the terminal, as every line is
        "FOR IT: 1 quick fact. Enter skips one, - skips the rest, b goes back, q keeps\r\n"
        "  the session for later.\r\n"
    ) in before_facts
    child.sendline("Lab 4")
    code, _ = ended(child)
    assert code == 0
    (saved,) = handoffs(private_data)
    assert "- PC number: Lab 4" in saved.read_text(encoding="utf-8")


def test_b_at_the_first_fact_goes_back_into_the_walk_and_the_note_says_what_changed(
    trees: Path, private_data: Path
) -> None:
    child = start(trees)
    child.expect("> ")
    child.sendline("3")  # a wrong answer: it is only this PC
    child.expect("1 of 1: PC number: ")
    child.sendline("b")
    child.expect("QUESTION: Whose account is it?")
    child.expect("> ")
    child.sendline("2")  # the library PC login
    child.expect("STEP: Restart the PC.")
    child.expect("FOR STAFF: Warn the patron that unsaved work is lost.")
    child.expect("> ")
    child.sendline("2")  # not fixed
    child.expect("ESCALATE TO IT: The PC still refuses the patron's login.")
    child.expect("1 of 2: Exact message on screen: ")
    child.sendline("Access denied")
    child.expect("2 of 2: PC number: ")
    child.sendline("b")  # back one fact
    child.expect("1 of 2: Exact message on screen: ")
    child.sendline("Your account is locked")
    child.expect("2 of 2: PC number: ")
    child.sendline("q")  # a key, never a fact
    child.expect("Quit: 1\\) keep this session for later")
    child.sendline("3")  # not quitting after all
    child.expect("2 of 2: PC number: ")
    child.sendline("PC 7")
    code, _output = ended(child)
    assert code == 0
    (saved,) = handoffs(private_data)
    text = saved.read_text(encoding="utf-8")
    assert "- Exact message on screen: Your account is locked\n- PC number: PC 7\n" in text
    assert "Access denied" not in text and "- PC number: q" not in text
    assert (
        "- Changed 'Whose account is it?' from 'Every PC in the lab refuses logins' to "
        "'The library PC login'"
    ) in text
    assert "- Tree: Patron's email account (`account`)\n" in text


def test_a_walk_killed_between_facts_resumes_at_the_next_fact_with_the_first_kept(
    trees: Path, private_data: Path
) -> None:
    child = start(trees)
    child.expect("> ")
    child.sendline("2")
    child.expect("> ")
    child.sendline("2")
    child.expect("1 of 2: Exact message on screen: ")
    child.sendline("Account locked")
    child.expect("2 of 2: PC number: ")
    child.kill(signal.SIGKILL)
    child.close()
    with Store.open() as db:
        kept = db.latest_unfinished()
    assert kept is not None
    resumed = run_tool(["resume", "--plain"], input="PC 9\n", TROUBLESHOOT_TREES=str(trees))
    assert resumed.returncode == 0, resumed.stderr
    assert "1 of 2" not in resumed.stdout  # the fact already typed is not asked again
    assert "ESCALATE TO IT: The PC still refuses the patron's login." in resumed.stdout
    (saved,) = handoffs(private_data)
    text = saved.read_text(encoding="utf-8")
    assert "- Exact message on screen: Account locked\n- PC number: PC 9\n" in text


def test_a_case_for_someone_else_is_referred_with_no_ticket_and_no_facts(
    trees: Path, private_data: Path
) -> None:
    child = start(trees)
    child.expect("> ")
    child.sendline("1")
    code, output = ended(child)
    assert code == 0
    assert "NOT FOR LIBRARY IT: this belongs to the patron's email provider." in output
    assert (  # wrapped at spaces to the 80 columns of the terminal, each line hanging
        "  Tell the patron: Only the provider can reset it. Use the provider's own\r\n"
        "    account recovery page.\r\n"
        "  They should bring or ask for: The phone number or backup email they gave the\r\n"
        "    provider.\r\n"
    ) in output
    assert "FOR IT" not in output and "HAND-OFF" not in output
    assert handoffs(private_data) == []
    history = run_tool(["history", "--outcome", "referred", "--format", "csv"])
    assert "account" in history.stdout and "referred" in history.stdout


def test_escalate_now_takes_the_reason_staff_give_and_the_trees_own_workaround(
    trees: Path, private_data: Path
) -> None:
    child = start(trees)
    child.expect("> ")
    child.sendline("2")
    child.expect("STEP: Restart the PC.")
    child.expect("> ")
    child.sendline("e")
    child.expect("Why stop here\\? \\(optional, Enter to skip\\): ")
    child.sendline("patron has to leave for a train")
    child.expect("ESCALATE TO IT: patron has to leave for a train")
    child.expect("Now: offer the patron: Offer a library PC with a guest pass.")
    child.expect("1 of 1: PC number: ")
    child.sendline("")
    assert ended(child)[0] == 0
    (saved,) = handoffs(private_data)
    text = saved.read_text(encoding="utf-8")
    assert "- Reason: patron has to leave for a train\n" in text
    assert "Move the patron to another PC" not in text  # another end's workaround


def test_a_step_that_could_not_be_tried_is_never_reported_as_failed(
    trees: Path, private_data: Path
) -> None:
    result = run_tool(
        ["account", "--plain"],
        input="2\nc\nPC is in use\n-\n",
        TROUBLESHOOT_TREES=str(trees),
        COLUMNS="200",  # wide enough that the outcome stays on one line
    )
    assert result.returncode == 0, result.stderr
    expected = (
        "ESCALATE TO IT: The PC still refuses the patron's login. "
        "(not confirmed: 'Restart the PC.' could not be tried)"
    )
    assert expected in result.stdout
    (saved,) = handoffs(private_data)
    text = saved.read_text(encoding="utf-8")
    assert "## Steps not tried\n\n- Restart the PC. (why: PC is in use)" in text
    assert "## Steps tried\n\nNone." in text


def test_a_broken_site_file_fails_closed_and_says_so_first(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "trees",
        "jam",
        """
        title: Printer jam
        summary: Paper is stuck.
        symptoms: [paper jam]
        start: clear
        nodes:
          clear:
            step: Open the front door and pull the stuck sheet out.
            policy: clear_jams
            fixed: done
            not_fixed: stuck
            cannot: stuck
          done: {resolved: It prints.}
          stuck: {escalate: The printer jams., workaround: Use the other printer.}
        """,
    )
    site = tmp_path / "site.yaml"
    site.write_text("libary: Riverside\n", encoding="utf-8")  # a typo
    result = run_tool(
        ["jam", "--plain", "--site", str(site)],
        input="\n",
        TROUBLESHOOT_TREES=str(tmp_path / "trees"),
        COLUMNS="300",  # wide enough that the notice stays on one line
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"warning: {site}:1:1: unknown key 'libary'")
    assert "every policy counts as not allowed" in result.stderr
    assert "STEP:" not in result.stdout  # a branch that forbids clearing jams is never told to
    assert (
        "* Not done here: this library's policy 'clear_jams' does not allow it: "
        "Open the front door and pull the stuck sheet out. (Why: the site settings file "
        "could not be read, so nothing it may forbid is done)"
    ) in result.stdout


def test_a_resolved_walk_that_passed_admin_steps_leaves_a_no_rush_note_for_it(
    tmp_path: Path, private_data: Path
) -> None:
    write_tree(
        tmp_path / "trees",
        "kiosk",
        """
        title: Kiosk
        summary: The kiosk is slow.
        symptoms: [kiosk slow]
        start: update
        nodes:
          update:
            step: Install the kiosk update.
            admin: Run the kiosk updater as an administrator.
            no_admin: restart
            fixed: done
            not_fixed: restart
          restart:
            step: Restart the kiosk.
            fixed: done
            not_fixed: stuck
            cannot: stuck
          done: {resolved: The kiosk is quick again.}
          stuck: {escalate: The kiosk stays slow., workaround: Use the desk.}
        """,
    )
    result = run_tool(["kiosk", "--plain"], input="1\n", TROUBLESHOOT_TREES=str(tmp_path / "trees"))
    assert result.returncode == 0, result.stderr
    assert "RESOLVED: The kiosk is quick again." in result.stdout
    assert "For IT, no rush: steps that need admin rights were passed over" in result.stdout
    (saved,) = sorted((private_data / "handoffs").glob("for-it-kiosk-*.md"))
    text = saved.read_text(encoding="utf-8")
    assert "**Resolved; for IT, no rush: admin steps**" in text
    assert (
        "- [ ] Install the kiosk update. **IT must:** Run the kiosk updater as an administrator."
    ) in text


def test_in_arrow_key_mode_the_outcome_is_on_screen_before_the_first_fact(
    trees: Path,
) -> None:
    child = spawn(["account"], TROUBLESHOOT_TREES=str(trees), cols=100)
    child.expect("Every PC in the lab refuses logins")
    child.send("3")
    child.send("\r")
    child.expect("URGENT: ESCALATE NOW: No PC in the lab accepts a login.")
    child.expect("FOR IT: 1 quick fact")
    child.expect("1 of 1: PC number")
    child.send("-\r")
    assert ended(child)[0] == 0
