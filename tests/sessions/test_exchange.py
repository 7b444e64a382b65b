"""Export and import: pooling records between desks without doubling any."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from tests.sessions.test_figures import WEEK
from troubleshoot.sessions import codec, exchange
from troubleshoot.sessions.store import Store


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_importing_the_same_file_twice_keeps_one_copy_of_each_session(tmp_path: Path) -> None:
    export = write(tmp_path / "branch.jsonl", list(exchange.lines(WEEK)))
    with Store.open() as db:
        first = exchange.merge(db, exchange.read(export).sessions)
        second = exchange.merge(db, exchange.read(export).sessions)
        kept = db.sessions()
    assert first == exchange.Imported(len(WEEK), 0, 0)
    assert second == exchange.Imported(0, 0, len(WEEK))
    assert sorted(kept, key=lambda s: s.id) == sorted(WEEK, key=lambda s: s.id)


def test_a_more_complete_copy_replaces_a_partial_one_and_never_the_reverse(
    tmp_path: Path,
) -> None:
    closed = WEEK[1]
    partial = replace(closed, moves=closed.moves[:1], handoff=None)
    with Store.open() as db:
        db.put(partial)
        assert exchange.merge(db, [closed]) == exchange.Imported(0, 1, 0)
        assert exchange.merge(db, [partial]) == exchange.Imported(0, 0, 1)
        assert db.get(closed.id) == closed


def test_a_file_of_fallback_lines_yields_the_last_state_of_each_session(tmp_path: Path) -> None:
    closed = WEEK[2]
    steps = [
        replace(closed, moves=closed.moves[:n], handoff=None) for n in range(len(closed.moves))
    ]
    pending = write(tmp_path / "p.jsonl", [codec.to_line(s) for s in (*steps, closed)])
    loaded = exchange.read(pending)
    assert loaded.sessions == (closed,) and loaded.lines == len(steps) + 1


def test_bad_lines_are_reported_by_line_and_the_good_ones_still_load(tmp_path: Path) -> None:
    good = codec.to_line(WEEK[1])
    broken = json.loads(good)
    broken["id"] = "not-a-uuid"
    path = write(tmp_path / "mixed.jsonl", ["{oops", good, json.dumps(broken), ""])
    loaded = exchange.read(path)
    assert [s.id for s in loaded.sessions] == [WEEK[1].id]
    assert [(f.line, f.level) for f in loaded.problems] == [(1, "error"), (3, "error")]
    assert str(loaded.problems[0]).startswith(f"{path}:1:1: error: not JSON")
    assert "not a UUID" in loaded.problems[1].message
