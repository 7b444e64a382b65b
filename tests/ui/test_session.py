"""Which prompts a terminal gets: arrow keys only where they can be drawn."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.terminal import ended, spawn
from troubleshoot.ui import session
from troubleshoot.ui.plain import PlainPrompter


def test_a_dumb_terminal_gets_plain_numbered_prompts(private_data: Path) -> None:
    child = spawn(["desk"], term="dumb")
    child.expect("> ")
    assert "QUESTION: Where did the patron print from?" in child.before
    assert "\x1b" not in child.before
    child.sendline("3")  # many PCs at once: an urgent escalation
    child.expect("URGENT: ESCALATE NOW: Nothing prints from any PC.")  # before any fact
    child.expect("1 of 1: Printer name: ")
    assert "\x1b" not in child.before
    child.sendline("")
    code, output = ended(child)
    assert code == 0
    assert "\x1b" not in output and "Traceback" not in output
    assert "----- HAND-OFF FOR IT: copy from here -----" in output


def test_list_on_a_dumb_terminal_has_no_escape_sequences() -> None:
    code, output = ended(spawn(["list"], term="dumb"))
    assert code == 0
    assert "Desk printer" in output and "\x1b" not in output


def test_plain_flag_dumb_terminal_and_pipes_all_mean_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")
    assert not session.is_interactive(plain=True)
    monkeypatch.setattr("sys.stdin", io.StringIO())
    assert not session.is_interactive(plain=False)
    assert isinstance(session.prompter(plain=False), PlainPrompter)
    monkeypatch.setenv("TERM", "dumb")
    assert not session.is_interactive(plain=False)
