"""``troubleshoot sync``: this desk's own records, sent once to the site's shared store."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURE_DIR
from troubleshoot.sessions.pgstore import PgStore
from troubleshoot.sessions.store import Store

WALKS = FIXTURE_DIR / "walks"


def _walk_here(cli, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    assert cli(["run", "desk", "--plain"], input="1\n1\n").code == 0
    assert cli(["run", "desk", "--plain"], input="3\nHP 4\n\n").code == 0
    with Store.open() as db:
        return [s.id for s in db.sessions()]


def test_sync_sends_each_session_once_and_says_how_many(  # type: ignore[no-untyped-def]
    cli, monkeypatch, postgres_url: str
) -> None:
    kept = _walk_here(cli, monkeypatch)
    monkeypatch.setenv("TROUBLESHOOT_DATABASE", postgres_url)
    first = cli(["sync"])
    assert first.code == 0, first.err
    assert first.out.strip().startswith("2 session(s) sent to local socket")
    assert first.out.strip().endswith(", 0 already there")
    again = cli(["sync"])
    assert again.code == 0 and "0 session(s) sent" in again.out and "2 already there" in again.out
    with PgStore.open(postgres_url) as shared, Store.open(readonly=True) as local:
        assert [s.id for s in shared.sessions()] == kept
        assert shared.sessions() == local.sessions()


def test_sync_without_a_shared_store_says_how_to_name_one(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["sync"])
    assert result.code == 1
    assert "no shared store to send to: set database: postgresql://" in result.err
