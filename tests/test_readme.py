"""The README shows what the tool really does: its example walk and its Quick start."""

from __future__ import annotations

import re

from tests.conftest import ROOT, run_tool

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_quick_start_is_exactly_two_commands() -> None:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert commands == [
        "pip install . && troubleshoot printer",
        "pip install '.[test]' && pytest -q",
    ]


def test_ci_runs_the_quick_start_test_command_as_written() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]' && pytest -q" in [line.strip() for line in ci.splitlines()]


def test_the_example_walk_is_what_the_printer_tree_shows_today() -> None:
    shown = re.search(r"```text\n\$ troubleshoot printer --plain\n(.*?)```", README, re.S)
    assert shown is not None
    result = run_tool(["printer", "--plain"], input="1\n1\n1\n")
    assert result.returncode == 0
    assert result.stdout.rstrip() == shown.group(1).rstrip()
