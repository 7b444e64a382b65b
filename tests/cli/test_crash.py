"""Crash reports: saved for IT in the data folder, readable by this user only."""

from __future__ import annotations

from pathlib import Path

import pytest

from troubleshoot.cli import crash


def test_a_crash_report_is_private_and_holds_the_traceback(private_data: Path) -> None:
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        saved = crash.save()
    assert saved is not None and saved.parent == private_data / "crashes"
    assert "RuntimeError: a bug" in saved.read_text(encoding="utf-8")
    assert (saved.stat().st_mode & 0o777, saved.parent.stat().st_mode & 0o777) == (0o600, 0o700)
    assert private_data.stat().st_mode & 0o777 == 0o700


def test_no_crash_report_when_the_data_folder_cannot_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("TROUBLESHOOT_DATA", str(tmp_path / "a-file" / "data"))
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        assert crash.save() is None
