"""``troubleshoot import``: exported files and sessions kept aside, loaded once."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR
from tests.sessions.test_figures import WEEK
from troubleshoot.sessions import exchange
from troubleshoot.sessions.store import Store

WALKS = FIXTURE_DIR / "walks"


def test_importing_an_export_twice_adds_nothing_the_second_time(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    export = tmp_path / "branch.jsonl"
    export.write_text("".join(line + "\n" for line in exchange.lines(WEEK)), encoding="utf-8")
    first = cli(["import", str(export)])
    second = cli(["import", str(export)])
    assert (first.code, second.code) == (0, 0)
    assert f"{len(WEEK)} added, 0 updated, 0 already here" in first.out
    assert f"0 added, 0 updated, {len(WEEK)} already here" in second.out
    with Store.open() as db:
        assert db.count() == len(WEEK)


def test_a_walk_with_a_damaged_database_warns_once_and_import_loads_it_later(  # type: ignore[no-untyped-def]
    cli, private_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    private_data.mkdir(parents=True)
    db = private_data / "sessions.db"
    db.write_bytes(b"\x00garbage" * 500)
    walked = cli(["run", "desk", "--plain"], input="1\n2\n1\n")
    assert walked.code == 0 and "RESOLVED" in walked.out
    warnings = [line for line in walked.err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "sessions-pending.jsonl" in warnings[0]

    db.unlink()  # IT replaces the damaged file
    loaded = cli(["import"])
    assert loaded.code == 0 and "1 added" in loaded.out
    assert not (private_data / "sessions-pending.jsonl").exists()
    assert list(private_data.glob("sessions-pending-imported-*.jsonl"))
    history = cli(["history", "--format", "csv"])
    assert history.out.splitlines()[1].split(",")[3] == "resolved"
    assert "Nothing to import" in cli(["import"]).out


def test_a_file_with_bad_lines_imports_the_rest_and_exits_1(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mixed.jsonl"
    path.write_text("not json\n" + next(exchange.lines(WEEK[:1])) + "\n", encoding="utf-8")
    result = cli(["import", str(path)])
    assert result.code == 1
    assert f"{path}:1:1: error: not JSON" in result.err
    assert "1 added" in result.out


def test_importing_a_missing_file_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["import", str(tmp_path / "nope.jsonl")])
    assert result.code == 1 and "nope.jsonl" in result.err


def test_sessions_kept_in_the_temp_folder_are_imported_and_nothing_is_left_there(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("TROUBLESHOOT_DATA", str(tmp_path / "a-file" / "data"))
    temp = tmp_path / "tmp"
    temp.mkdir(mode=0o1777)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    planted = temp / f"troubleshoot-{os.getuid()}-planted"  # records someone else made up
    planted.mkdir()
    planted.chmod(0o777)
    (planted / "sessions-pending.jsonl").write_text(next(exchange.lines(WEEK[:1])) + "\n")

    walked = cli(["run", "desk", "--plain"], input="1\n1\n")
    assert walked.code == 0 and "sessions-pending.jsonl instead" in walked.err

    monkeypatch.setenv("TROUBLESHOOT_DATA", str(tmp_path / "data"))  # IT fixes the folder
    loaded = cli(["import"])
    assert loaded.code == 0 and loaded.out.count("1 added") == 1
    assert [p.name for p in temp.iterdir()] == [planted.name]
    with Store.open() as db:
        assert [s.outcome for s in db.sessions()] == ["resolved"]


def test_each_bad_line_is_reported_by_number_and_every_good_one_is_imported(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    good = list(exchange.lines(WEEK[:3]))
    offset = json.loads(good[2])
    offset["started"] = "2026-11-23T10:00:00+05:00"  # another branch's clock, with its offset
    infinite = json.loads(good[1])
    infinite["id"] = "0f0f0f0f-0000-4000-8000-000000000000"
    lines = [
        good[0],
        json.dumps(infinite).replace('"minutes": 10', '"minutes": Infinity'),
        "[" * 50_000 + "]" * 50_000,
        good[1].replace('"tree": "desk"', '"tree": "\\ud800"'),
        json.dumps(offset),
    ]
    path = tmp_path / "branch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli(["import", str(path)])
    assert result.code == 1
    assert result.err.splitlines() == [
        f"{path}:2:1: error: not a usable session record: 'Infinity' is not a number a record "
        "can hold",
        f"{path}:3:1: error: not a session record: nested too deeply",
        f"{path}:4:1: error: not a usable session record: text that is not Unicode (a lone "
        "surrogate such as \\ud800)",
    ]
    assert result.out == f"{path}: 2 added, 0 updated, 0 already here\n"
    history = cli(["history", "--format", "csv"])
    assert history.code == 0 and len(history.out.splitlines()) == 3
