"""``troubleshoot run``: every walk is recorded, with the staff initials if given."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURE_DIR
from troubleshoot.sessions.store import Store

WALKS = FIXTURE_DIR / "walks"


@pytest.fixture(autouse=True)
def walk_trees(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))


def test_a_walk_is_recorded_with_the_initials_given(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["run", "desk", "--plain", "--initials", "mk"], input="1\n1\n")
    assert result.code == 0 and result.err == ""
    with Store.open() as db:
        (session,) = db.sessions()
    assert (session.initials, session.outcome, session.closed) == ("MK", "resolved", True)


def test_a_full_name_as_initials_is_refused_before_the_walk(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["run", "desk", "--plain", "--initials", "Mary Kay"], input="1\n1\n")
    assert result.code == 2 and "not initials" in result.err
    with Store.open() as db:
        assert db.count() == 0


def test_quitting_keeps_the_session_and_says_how_to_resume_it(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["run", "desk", "--plain"], input="1\nq\n1\n")
    with Store.open() as db:
        (session,) = db.sessions()
    assert f"'troubleshoot resume {session.short_id}' continues it" in result.out
    assert session.outcome is None and not session.closed


def test_a_walk_left_at_its_first_prompt_is_not_kept(cli) -> None:  # type: ignore[no-untyped-def]
    quit_at_once = cli(["run", "desk", "--plain"], input="q\n1\n")
    assert (
        quit_at_once.out.splitlines()[-1]
        == "Nothing was answered yet, so there is nothing to keep."
    )
    assert cli(["run", "desk", "--plain"], input="").code == 3  # input ended at the first prompt
    with Store.open() as db:
        assert db.count() == 0
    assert cli(["resume", "--list"]).out == "No unfinished sessions.\n"
    assert cli(["resume", "--plain"]).err == "troubleshoot: no unfinished session to resume\n"


def test_patron_left_ends_the_session_as_abandoned(cli) -> None:  # type: ignore[no-untyped-def]
    cli(["run", "desk", "--plain"], input="1\nq\n2\n")
    with Store.open() as db:
        (session,) = db.sessions()
    assert (session.outcome, session.end_node, session.closed) == ("abandoned", "release", True)
