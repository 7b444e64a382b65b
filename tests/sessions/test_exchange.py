"""Export and import: pooling records between desks without doubling any."""

from __future__ import annotations

import json
import tracemalloc
import uuid
from pathlib import Path

import pytest

from tests.sessions.test_figures import WEEK
from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import replace
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


def test_an_overlong_line_and_one_that_is_not_utf8_are_skipped_by_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exchange, "MAX_LINE_BYTES", 64 * 1024)
    good = [codec.to_line(s).encode() for s in WEEK[:2]]
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b"\n".join([good[0], b"x" * 200_000, b"\xff\xfe not text", good[1]]) + b"\n")
    loaded = exchange.read(path)
    assert [s.id for s in loaded.sessions] == [WEEK[0].id, WEEK[1].id]
    assert [str(p) for p in loaded.problems] == [
        f"{path}:2:1: error: line is over 64 KiB long",
        f"{path}:3:1: error: not UTF-8 text",
    ]


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as f:
        f.truncate(exchange.MAX_FILE_BYTES + 1)  # sparse: no disk used
    with Store.open() as db, pytest.raises(TroubleshootError) as refused:
        exchange.import_file(db, path, [])
    assert str(refused.value) == (
        f"{path}: the file is 256 MiB; import takes files up to 256 MiB: export it in parts "
        "('troubleshoot export --since DAY') and import each"
    )


def test_memory_does_not_grow_with_the_size_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four times the sessions cost less extra memory than the extra lines themselves:
    they are read and merged a batch at a time, and only their ids are kept throughout.
    (Holding every session, as import once did, costs about 2.5 times the extra lines.)"""
    monkeypatch.setattr(exchange, "BATCH", 20)
    peaks, sizes = [], []
    for count, first in ((20, 0), (60, 100), (240, 1000)):  # the first one warms up
        path = tmp_path / f"{count}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for n in range(first, first + count):
                session = replace(WEEK[n % len(WEEK)], id=str(uuid.UUID(int=n + 1, version=4)))
                f.write(codec.to_line(session) + "\n")
        with Store.open(tmp_path / f"{count}.db") as db:
            tracemalloc.start()
            try:
                done = exchange.import_file(db, path, [])
                peaks.append(tracemalloc.get_traced_memory()[1])
            finally:
                tracemalloc.stop()
            assert done == exchange.Imported(count, 0, 0) and db.count() == count
        sizes.append(path.stat().st_size)
    assert peaks[2] - peaks[1] < sizes[2] - sizes[1]
