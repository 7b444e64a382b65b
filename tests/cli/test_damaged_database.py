"""A damaged or read-only database: one line saying what is wrong and how to rescue it.

Every command that reads or writes the records is tried on a database with a
damaged page; none may crash. A read-only one is still read (``export`` can rescue
it) and walks go on, kept aside. Read-only is real: the tool runs without root's
power to ignore file modes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, run_tool
from tests.sessions.test_store import damage, many
from troubleshoot.sessions import exchange
from troubleshoot.sessions.store import Store

WALKS = FIXTURE_DIR / "walks"


def rescue_hint(db: Path) -> str:
    return (
        f"troubleshoot: the session records in {db} are damaged (database disk image is "
        "malformed): save what can be read with 'troubleshoot export --rescue -o "
        "rescued.jsonl', move the file aside (rename it), then 'troubleshoot import "
        "rescued.jsonl'\n"
    )


@pytest.fixture
def damaged(private_data: Path, tmp_path: Path) -> Path:
    with Store.open() as db:
        for session in many(120):
            db.put(session)
    (tmp_path / "all.jsonl").write_text(
        "".join(line + "\n" for line in exchange.lines(many(120))), encoding="utf-8"
    )
    damage(private_data / "sessions.db")
    return private_data / "sessions.db"


@pytest.mark.parametrize(
    "args",
    [["history"], ["report"], ["export"], ["resume", "--plain"], ["resume", "--list"], ["import"]],
    ids=lambda args: " ".join(args),
)
def test_every_command_on_a_damaged_database_says_how_to_rescue_it_in_one_line(  # type: ignore[no-untyped-def]
    cli, damaged: Path, tmp_path: Path, args: list[str]
) -> None:
    if args == ["import"]:
        args = ["import", str(tmp_path / "all.jsonl")]
    if args == ["report"]:  # it reads only the summary rows, from their index (schema 5)
        damage(damaged, "summaries_cells")
    result = cli(args)
    assert (result.code, result.err) == (1, rescue_hint(damaged))


def test_a_damaged_database_is_rescued_moved_aside_and_imported_again(  # type: ignore[no-untyped-def]
    cli, damaged: Path, tmp_path: Path
) -> None:
    rescued = tmp_path / "rescued.jsonl"
    saved = cli(["export", "--rescue", "-o", str(rescued)])
    kept = len(rescued.read_text(encoding="utf-8").splitlines())
    assert saved.code == 1 and 100 < kept < 120
    assert saved.err == (
        f"{kept} session(s) exported\n"
        f"{120 - kept} session(s) could not be read: the file is damaged there\n"
    )
    damaged.rename(damaged.with_name("sessions.db.damaged"))
    loaded = cli(["import", str(rescued)])
    assert loaded.code == 0 and f"{kept} added, 0 updated, 0 already here" in loaded.out


def test_a_walk_on_a_damaged_database_goes_on_and_is_kept_aside(  # type: ignore[no-untyped-def]
    cli, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    walked = cli(["desk", "--plain"], input="1\n1\n")
    assert walked.code == 0 and "RESOLVED" in walked.out
    pending = damaged.with_name("sessions-pending.jsonl")
    assert walked.err == (
        "warning: "
        + rescue_hint(damaged).removeprefix("troubleshoot: ").rstrip("\n")
        + f"; this session is kept in {pending} instead. 'troubleshoot import' loads it later.\n"
    )
    assert exchange.read(pending).sessions[0].outcome == "resolved"


def test_a_read_only_database_is_still_read_and_walks_are_kept_aside(
    private_data: Path, tmp_path: Path
) -> None:
    week = many(12)
    with Store.open() as db:
        for session in week:
            db.put(session)
    db_path = private_data / "sessions.db"
    db_path.chmod(0o444)
    read_only = (
        f"the session records in {db_path} are read-only (attempt to write a readonly "
        "database): 'troubleshoot export' still reads them; to keep new ones, ask IT to make "
        "the file writable or move it aside (rename it)"
    )

    exported = run_tool(["export"], obey_modes=True)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.splitlines() == list(
        exchange.lines(sorted(week, key=lambda s: (s.started, s.id)))
    )

    (tmp_path / "more.jsonl").write_text(exported.stdout, encoding="utf-8")
    imported = run_tool(["import", str(tmp_path / "more.jsonl")], obey_modes=True)
    assert (imported.returncode, imported.stderr) == (1, f"troubleshoot: {read_only}\n")

    walked = run_tool(["desk", "--plain"], "1\n1\n", obey_modes=True, TROUBLESHOOT_TREES=str(WALKS))
    pending = private_data / "sessions-pending.jsonl"
    assert walked.returncode == 0 and "RESOLVED" in walked.stdout
    assert walked.stderr == (
        f"warning: {read_only}; this session is kept in {pending} instead. "
        "'troubleshoot import' loads it later.\n"
    )

    unfinished = next(s for s in week if s.outcome is None)
    resumed = run_tool(
        ["resume", unfinished.id, "--plain"], "1\n", obey_modes=True, TROUBLESHOOT_TREES=str(WALKS)
    )
    assert resumed.returncode == 0 and "RESOLVED" in resumed.stdout, resumed.stderr
    assert resumed.stderr.endswith(
        f"; this session is kept in {pending} instead. 'troubleshoot import' loads it later.\n"
    )
    aside = {s.id: s for s in exchange.read(pending).sessions}
    assert aside[unfinished.id].closed and aside[unfinished.id].moves[:1] == unfinished.moves
