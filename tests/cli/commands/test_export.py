"""``troubleshoot export``: every session as a JSON line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.sessions.test_figures import WEEK
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
