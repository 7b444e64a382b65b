"""The real arrow-key prompt, in a real pseudo-terminal."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

from tests.conftest import FIXTURE_DIR, subprocess_env

WALKS = FIXTURE_DIR / "walks"
ENTER = "\r"


def spawn(*args: str, data: Path) -> pexpect.spawn:
    env = subprocess_env(
        TROUBLESHOOT_TREES=str(WALKS), TROUBLESHOOT_DATA=str(data), TERM="xterm", NO_COLOR="1"
    )
    child = pexpect.spawn(
        sys.executable,
        ["-m", "troubleshoot", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 120),
    )
    return child


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_walk_from_start_to_a_resolved_end_with_the_arrow_key_prompt(data: Path) -> None:
    child = spawn("desk", data=data)
    child.expect("Where did the patron print from")
    child.expect("Many PCs at once")
    child.send(ENTER)  # the first answer is highlighted: A library PC
    child.expect("Release the job at the station")
    child.expect("Did that fix it")
    child.send("1")  # the pointer starts on "not fixed": a hurried Enter never resolves
    child.send(ENTER)  # Yes, that fixed it
    child.expect("RESOLVED")
    child.expect("The job printed")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_back_in_the_arrow_key_prompt_leads_to_a_different_end(data: Path) -> None:
    child = spawn("desk", data=data)
    child.expect("Many PCs at once")
    child.send(ENTER)  # A library PC
    child.expect("Did that fix it")
    child.send("b")  # shortcut to Back
    child.send(ENTER)
    child.expect("Went back one step")
    child.expect("Where did the patron print from")
    child.expect("Many PCs at once")
    child.send("3")  # Many PCs at once
    child.send(ENTER)
    child.expect("URGENT: ESCALATE NOW")  # what to do comes before any fact
    child.expect("Printer name")  # facts for IT, each skippable
    child.send(ENTER)
    child.expect("HAND-OFF FOR IT: copy from here")
    child.expect("Saved for IT as")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = list((data / "handoffs").glob("*.md"))
    assert len(saved) == 1
    text = saved[0].read_text()
    assert (
        "- Changed 'Where did the patron print from?' from 'A library PC' to 'Many PCs at once'"
        in text
    )


def test_ctrl_c_in_the_arrow_key_prompt_exits_130_without_a_traceback(data: Path) -> None:
    child = spawn("desk", data=data)
    child.expect("Many PCs at once")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in output


def test_ctrl_d_in_the_arrow_key_prompt_ends_input_as_in_plain_prompts(data: Path) -> None:
    child = spawn("desk", data=data)
    child.expect("Many PCs at once")
    child.sendcontrol("d")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 3
    assert "troubleshoot: input ended before the walk reached an end." in child.before
    assert "Traceback" not in child.before
