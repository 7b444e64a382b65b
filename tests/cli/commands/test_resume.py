"""``troubleshoot resume``: an interrupted walk picks up exactly where it stopped."""

from __future__ import annotations

import datetime as dt
import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, Result, run_tool, subprocess_env
from tests.sessions.test_figures import WEEK
from troubleshoot.sessions import exchange, records
from troubleshoot.sessions.store import Store
from troubleshoot.tree.catalog import Catalog
from troubleshoot.walk import engine

WALKS = FIXTURE_DIR / "walks"
RELEASE, PAPER = "STEP: Release the job at the station.", "STEP: Check the paper tray."


@pytest.fixture(autouse=True)
def walk_trees(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))


def read_until(proc: subprocess.Popen[bytes], marker: str, seen: bytearray) -> None:
    """Read the child's output until *marker* and a prompt after it have appeared."""
    assert proc.stdout is not None
    deadline = time.monotonic() + 20
    fd = proc.stdout.fileno()
    while True:
        text = seen.decode("utf-8", "replace")
        at = text.rfind(marker)
        if at >= 0 and "> " in text[at:]:
            return
        assert time.monotonic() < deadline, f"never saw {marker!r} in:\n{text}"
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            chunk = os.read(fd, 4096)
            assert chunk, f"the walk ended before {marker!r}:\n{text}"
            seen += chunk


def answer(proc: subprocess.Popen[bytes], text: str) -> None:
    assert proc.stdin is not None
    proc.stdin.write(text.encode() + b"\n")
    proc.stdin.flush()


def test_a_walk_killed_after_two_answers_resumes_at_the_same_node_with_the_same_transcript(
    private_data: Path,
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "troubleshoot", "run", "desk", "--plain", "--initials", "jd"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=subprocess_env(),
    )
    seen = bytearray()
    try:
        read_until(proc, "QUESTION: Where did the patron print from?", seen)
        answer(proc, "1")
        read_until(proc, RELEASE, seen)
        answer(proc, "2")
        read_until(proc, PAPER, seen)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        proc.kill()
    with Store.open() as db:
        before = db.latest_unfinished()
    assert before is not None and len(before.moves) == 2
    assert (before.at_node, before.initials) == ("paper", "JD")

    resumed = run_tool(["resume", "--plain"], input="2\nHP 4\n\n")
    assert resumed.returncode == 0, resumed.stderr
    first_prompt = resumed.stdout.index("STEP:")
    assert resumed.stdout[first_prompt:].startswith(PAPER)
    assert "Where did the patron print from? -> A library PC" in resumed.stdout[:first_prompt]

    with Store.open() as db:
        after = db.get(before.id)
    assert after is not None and after.closed and after.outcome == "escalated"
    assert after.events[: len(before.events)] == before.events
    assert after.moves[:2] == before.moves
    assert after.handoff is not None
    assert after.handoff.answers == (("Where did the patron print from?", "A library PC"),)
    assert after.handoff.tried == (
        ("Release the job at the station.", "not fixed"),
        ("Check the paper tray.", "not fixed"),
    )
    assert after.facts == (("Printer name", "HP 4"),)


def quit_after_one_answer(cli, tree: str = "desk") -> str:  # type: ignore[no-untyped-def]
    result: Result = cli(["run", tree, "--plain"], input="1\nq\n1\n")
    assert result.code == 0, result.err
    assert "Kept for later: 'troubleshoot resume " in result.out
    return result.out.split("troubleshoot resume ")[1][:8]


def test_resume_list_shows_unfinished_sessions_newest_first(  # type: ignore[no-untyped-def]
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = quit_after_one_answer(cli)
    monkeypatch.setenv("TROUBLESHOOT_NOW", "2026-11-23T11:30:00")
    second = quit_after_one_answer(cli, "other")
    listed = cli(["resume", "--list"])
    assert listed.code == 0
    assert listed.out.index(first) > listed.out.index(second) > 0
    assert "desk#release" in listed.out and "other#tell" in listed.out
    assert "2026-11-23 11:30" in listed.out


def test_resume_with_an_id_picks_that_session(cli) -> None:  # type: ignore[no-untyped-def]
    first = quit_after_one_answer(cli)
    quit_after_one_answer(cli, "other")
    resumed = cli(["resume", first, "--plain"], input="1\n")
    assert resumed.code == 0, resumed.err
    assert RELEASE in resumed.out and "RESOLVED: The job printed." in resumed.out


def test_resume_with_nothing_to_resume_says_so(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["resume", "--plain"])
    assert (result.code, result.err.strip()) == (1, "troubleshoot: no unfinished session to resume")


def test_a_finished_session_is_not_resumed_but_pointed_to_history(cli) -> None:  # type: ignore[no-untyped-def]
    done = cli(["run", "desk", "--plain"], input="1\n1\n")
    assert done.code == 0
    with Store.open() as db:
        (session,) = db.sessions()
    result = cli(["resume", session.id])
    assert result.code == 1
    assert f"'troubleshoot history show {session.short_id}'" in result.err


def test_a_changed_tree_is_announced_and_the_walk_continues(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "trees"
    folder.mkdir()
    for source in WALKS.glob("*.yaml"):
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(folder))
    short = quit_after_one_answer(cli)
    desk = folder / "desk.yaml"
    desk.write_text(desk.read_text().replace("Desk printer", "Desk printers"), encoding="utf-8")
    resumed = cli(["resume", short, "--plain"], input="1\n")
    assert resumed.code == 0
    assert "the tree 'desk' has changed since this session began" in resumed.err
    assert "continuing at 'release'" in resumed.err
    assert RELEASE in resumed.out


def test_a_broken_resume_state_on_disk_is_one_line_not_a_traceback(  # type: ignore[no-untyped-def]
    cli, private_data: Path
) -> None:
    private_data.mkdir(parents=True)
    (private_data / "sessions.db").write_bytes(b"not a database" * 100)
    result: Result = cli(["resume", "--list"])
    assert result.code == 1
    db = private_data / "sessions.db"
    assert result.err == (
        f"troubleshoot: the session records in {db} are damaged (file is not a database): "
        "save what can be read with 'troubleshoot export --rescue -o rescued.jsonl', "
        "move the file aside (rename it), then 'troubleshoot import rescued.jsonl'\n"
    )


def test_starts_left_without_an_answer_by_earlier_versions_are_never_offered_or_counted(  # type: ignore[no-untyped-def]
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = quit_after_one_answer(cli)
    trees = Catalog([WALKS])
    with Store.open() as db:
        for minute in range(3):  # later than the real one, as the junk piled up
            at = dt.datetime(2026, 11, 23, 11, minute)
            db.put(records.begin(engine.start(trees, "desk", at), trees.load("desk").digest))
        assert db.count() == 4
    listed = cli(["resume", "--list"])
    assert listed.out.count("desk#") == 1 and real in listed.out
    report = json.loads(cli(["report", "--format", "json"]).out)
    assert (report["total"]["sessions"], report["total"]["unfinished"]) == (1, 1)
    resumed = cli(["resume", "--plain"], input="1\n")
    assert f"Resuming session {real}" in resumed.out and "RESOLVED" in resumed.out


def test_a_session_imported_from_another_branch_is_read_here_but_never_resumed(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    unfinished = next(s for s in WEEK if not s.closed)
    branch = tmp_path / "branch.jsonl"
    branch.write_text("".join(line + "\n" for line in exchange.lines(WEEK)), encoding="utf-8")
    assert cli(["import", str(branch)]).code == 0
    assert cli(["resume", "--list"]).out == "No unfinished sessions.\n"
    assert cli(["resume", "--plain"]).err == "troubleshoot: no unfinished session to resume\n"
    refused = cli(["resume", unfinished.id, "--plain"])
    assert (refused.code, refused.err) == (
        1,
        f"troubleshoot: session {unfinished.short_id} was imported from another desk's records, "
        f"so it is not resumed here; 'troubleshoot history show {unfinished.short_id}' shows it\n",
    )
    history = json.loads(cli(["history", "--format", "json", "--outcome", "unfinished"]).out)
    assert [row["id"] for row in history] == [unfinished.id]
