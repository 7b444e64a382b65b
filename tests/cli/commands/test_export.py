"""``troubleshoot export``: every session as a JSON line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.sessions.test_figures import WEEK
from troubleshoot.frozen import replace
from troubleshoot.sessions.store import Store


def test_export_writes_one_line_per_session_in_start_order(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open() as db:
        for session in WEEK:
            db.put(session)
    target = tmp_path / "out.jsonl"
    result = cli(["export", "--output", str(target)])
    assert result.code == 0 and f"{len(WEEK)} session(s) exported" in result.err
    lines = target.read_text(encoding="utf-8").splitlines()
    starts = [json.loads(line)["started"] for line in lines]
    assert starts == sorted(s.started.isoformat() for s in WEEK)
    since = cli(["export", "--since", "2026-11-26"])
    assert len(since.out.splitlines()) == 2  # S10 and S11


def test_export_to_a_link_is_refused_and_its_target_left_alone(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    victim = tmp_path / "victim.txt"
    victim.write_text("someone's own file\n")
    link = tmp_path / "out.jsonl"
    link.symlink_to(victim)
    result = cli(["export", "--output", str(link)])
    assert (result.code, result.err) == (
        1,
        f"troubleshoot: {link}: is a symbolic link; name the file itself\n",
    )
    assert victim.read_text() == "someone's own file\n"


def test_an_export_file_is_readable_by_its_owner_only(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Store.open() as db:
        db.put(WEEK[0])
    target = tmp_path / "out.jsonl"
    assert cli(["export", "--output", str(target)]).code == 0
    assert target.stat().st_mode & 0o777 == 0o600


def test_export_escapes_direction_marks_and_c1_controls_so_the_file_reads_as_written(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path
) -> None:
    tricky = replace(WEEK[1], initials="AB\u202e\x9b2J")
    with Store.open() as db:
        db.put(tricky)
    printed = cli(["export"]).out
    target = tmp_path / "out.jsonl"
    assert cli(["export", "-o", str(target)]).code == 0
    for text in (printed, target.read_text(encoding="utf-8")):
        assert '"initials": "AB\\u202e\\u009b2J"' in text
        assert not {"\u202e", "\x9b"} & set(text)
    assert cli(["import", str(target)]).code == 0
    with Store.open() as db:
        assert db.get(tricky.id) == tricky
