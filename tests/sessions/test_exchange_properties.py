"""Import under random input: every line imports or is reported by its number, never a crash.

Lines are real records with parts replaced by random JSON (any kind of value, at
any depth, including NaN, Infinity, huge numbers and lone surrogates), random JSON
that is not a record at all, and random bytes. Whatever comes in, what is imported
can then be listed, reported on and exported again.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sessions.test_figures import WEEK
from troubleshoot.errors import Finding
from troubleshoot.frozen import replace
from troubleshoot.sessions import codec, exchange, figures
from troubleshoot.sessions.store import Store
from troubleshoot.ui.records import history_csv

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()
    | st.text(st.characters(blacklist_categories=()), max_size=12)
    | st.sampled_from(["2026-11-23T10:00:00+05:00", "2026-11-23T10:00:00Z", "0001-01-01T00:00"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)


@st.composite
def changed(draw: st.DrawFn, value: Any) -> Any:
    """*value* with one part, at any depth, replaced by random JSON."""
    if isinstance(value, dict) and value and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(value)))
        return {**value, key: draw(changed(value[key]))}
    if isinstance(value, list) and value and draw(st.booleans()):
        at = draw(st.integers(0, len(value) - 1))
        return [*value[:at], draw(changed(value[at])), *value[at + 1 :]]
    return draw(JSON)


@st.composite
def records(draw: st.DrawFn) -> bytes:
    data = codec.to_json(draw(st.sampled_from(WEEK)))
    data["id"] = str(draw(st.uuids(version=4)))
    for _ in range(draw(st.integers(0, 3))):
        data = draw(changed(data))
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


LINES = st.lists(
    records()
    | JSON.map(lambda v: json.dumps(v).encode())
    | st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")),
    min_size=1,
    max_size=6,
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One database for every example: each example's sessions have ids of their own."""
    with Store.open(tmp_path_factory.mktemp("random") / "sessions.db") as db:
        yield db


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=LINES)
def test_any_lines_import_or_are_reported_by_number_and_what_imports_can_be_read(
    store: Store, lines: list[bytes]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        found = list(exchange.records(path))
        numbered = [n for n, line in enumerate(lines, 1) if line.strip()]
        assert len(found) == len(numbered)
        for number, item in zip(numbered, found, strict=True):
            assert not isinstance(item, Finding) or item.line == number
        problems: list[Finding] = []
        exchange.import_file(store, path, problems)
    assert [p.line for p in problems] == [f.line for f in found if isinstance(f, Finding)]
    ids = {item.id for item in found if not isinstance(item, Finding)}
    kept = [s for s in store.sessions() if s.id in ids]
    assert len(kept) == len(ids)
    figures.build(kept)
    history_csv(kept)
    for session in kept:
        assert session.started.tzinfo is None and session.imported
        assert codec.from_line(codec.to_line(session)) == replace(session, imported=False)
