"""Practice results: a private file of their own, never the session database."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from troubleshoot.errors import TroubleshootError
from troubleshoot.sessions import practice

RESULT = practice.Result(
    dt.datetime(2026, 11, 23, 10, 0),
    "printer",
    "queue stuck",
    "JD",
    True,
    True,
    6,
    10,
    1,
    0,
    1,
    1,
    1,
)


def test_results_are_kept_in_a_private_file_beside_not_in_the_sessions(private_data: Path) -> None:
    path = practice.add(RESULT)
    assert path == private_data / "practice.db"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not (private_data / "sessions.db").exists()
    practice.add(RESULT)
    assert practice.results() == [RESULT, RESULT]


def test_no_file_reads_as_no_drills_and_makes_none(private_data: Path) -> None:
    assert practice.results() == []
    assert not (private_data / "practice.db").exists()


@pytest.mark.skipif(os.name == "nt", reason="links need privileges on Windows")
def test_a_link_where_the_file_should_be_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.db"
    link = tmp_path / "practice.db"
    link.symlink_to(target)
    with pytest.raises(TroubleshootError, match="symbolic link"):
        practice.add(RESULT, link)
    assert not target.exists()
