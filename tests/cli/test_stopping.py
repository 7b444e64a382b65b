"""Ctrl-C, SIGTERM and a closed window end a walk with one line and an exit code.

Each test starts a real walk in a pseudo-terminal, waits for the first prompt, and
stops it the way a desk PC would: Ctrl-C typed, SIGTERM at shutdown, SIGHUP when the
window is closed. Nothing may print a traceback or leave a crash report.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.terminal import WALKS, ended, spawn
from troubleshoot.cli import stopping
from troubleshoot.errors import Exit, Stopped

PROMPTS = {"plain": (["desk", "--plain"], "> "), "arrows": (["desk"], "Choose:")}


def assert_stopped_cleanly(output: str, data: Path) -> None:
    assert "Traceback" not in output
    assert "went wrong" not in output
    assert not (data / "crashes").exists()


@pytest.mark.parametrize("style", list(PROMPTS))
def test_ctrl_c_at_a_prompt_stops_with_130(style: str, private_data: Path) -> None:
    args, prompt = PROMPTS[style]
    child = spawn(args)
    child.expect(prompt)
    child.sendintr()
    code, output = ended(child)
    assert code == Exit.INTERRUPTED == 130
    assert output.rstrip().endswith("troubleshoot: stopped.")
    assert_stopped_cleanly(output, private_data)


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)], ids=["TERM", "HUP"]
)
@pytest.mark.parametrize("style", list(PROMPTS))
def test_signal_at_a_prompt_stops_with_its_exit_code(
    style: str, signum: int, code: int, private_data: Path
) -> None:
    args, prompt = PROMPTS[style]
    child = spawn(args)
    child.expect(prompt)
    child.kill(signum)
    exit_code, output = ended(child)
    assert exit_code == code
    assert output.rstrip().endswith("troubleshoot: stopped.")
    assert_stopped_cleanly(output, private_data)


@pytest.mark.parametrize("style", list(PROMPTS))
def test_closing_the_window_ends_the_walk_as_a_hang_up(style: str, private_data: Path) -> None:
    args, prompt = PROMPTS[style]
    child = spawn(args)
    child.expect(prompt)
    child.ptyproc.delayafterclose = 2.0  # time to exit on its own (on a busy PC) before a signal
    child.close(force=False)  # the terminal goes away: end of input and SIGHUP together
    assert child.exitstatus == Exit.HANGUP
    assert not (private_data / "crashes").exists()


def test_signals_raise_stopped_only_inside_the_block() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with stopping.on_signals():
        with pytest.raises(Stopped) as caught:
            signal.raise_signal(signal.SIGTERM)
        assert caught.value.exit_code == Exit.TERMINATED
        with pytest.raises(Stopped) as caught:
            signal.raise_signal(signal.SIGHUP)
        assert caught.value.exit_code == Exit.HANGUP
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_stop_is_a_keyboard_interrupt_so_prompt_libraries_let_it_through() -> None:
    assert issubclass(Stopped, KeyboardInterrupt)
    assert not issubclass(Stopped, Exception)


def test_a_stop_that_cannot_unwind_still_ends_the_process_with_its_code(
    tmp_path: Path,
) -> None:
    """A prompt library that never returns must not keep a shutting-down PC waiting."""
    import subprocess
    import sys

    from tests.conftest import subprocess_env

    hang = (
        "import signal, time\n"
        "from troubleshoot.cli import stopping\n"
        "with stopping.on_signals(grace=0.5):\n"
        "    try:\n"
        "        signal.raise_signal(signal.SIGTERM)\n"
        "    except KeyboardInterrupt:\n"
        "        while True:\n"
        "            time.sleep(0.1)  # as if stuck tearing down a prompt\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", hang],
        capture_output=True,
        text=True,
        timeout=20,
        env=subprocess_env(),
    )
    assert (done.returncode, done.stderr) == (Exit.TERMINATED, "\ntroubleshoot: stopped.\n")


def test_ctrl_c_at_a_fact_for_it_is_recorded_unfinished_and_resume_saves_the_hand_off(  # type: ignore[no-untyped-def]
    cli, private_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = spawn(["desk", "--plain"])
    child.expect("> ")
    child.sendline("3")  # many PCs at once: an urgent escalation that asks the printer's name
    child.expect("1 of 1: Printer name: ")
    child.sendintr()
    code, output = ended(child)
    assert code == Exit.INTERRUPTED
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    short = lines[-2].split("'troubleshoot resume ")[1][:8]
    assert lines[-2:] == [
        f"The hand-off was not saved: 'troubleshoot resume {short}' carries on with the "
        "facts for IT.",
        "troubleshoot: stopped.",
    ]
    assert not (private_data / "handoffs").exists()

    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    (row,) = json.loads(cli(["history", "--format", "json"]).out)
    assert (row["outcome"], row["end"]) == ("unfinished", "")
    total = json.loads(cli(["report", "--format", "json"]).out)["total"]
    assert (total["escalated"], total["unfinished"]) == (0, 1)
    shown = cli(["history", "show", short]).out
    assert (
        "Outcome: unfinished: reached 'escalated' at desk#outage but stopped before the "
        "hand-off was saved" in shown
    )

    resumed = cli(["resume", short, "--plain"], input="HP 4\n")
    assert resumed.code == 0 and "Saved for IT as" in resumed.out
    (row,) = json.loads(cli(["history", "--format", "json"]).out)
    assert (row["outcome"], row["end"]) == ("escalated", "desk#outage")
