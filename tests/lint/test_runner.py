from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from troubleshoot.errors import TroubleshootError
from troubleshoot.lint.runner import Options, check_paths
from troubleshoot.tree.catalog import Catalog

TREE = """\
title: T
summary: S
symptoms: [a, b, c]
reviewed: 2026-01-01
start: a
nodes:
  a: {step: Restart it., fixed: done, not_fixed: away}
  done: {resolved: Working.}
  away: {goto: {target}}
"""
OTHER = """\
title: O
summary: S
symptoms: [a, b, c]
start: it
nodes:
  it: {escalate: Broken., workaround: Use another.}
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_with_no_paths_every_catalog_tree_is_checked_with_gotos_between_them(
    tmp_path: Path,
) -> None:
    write(tmp_path, "t", TREE.replace("{target}", "other"))
    write(tmp_path, "other", OTHER)
    report = check_paths([], Options(), Catalog([tmp_path]))
    assert (report.files, report.findings) == (2, ())


def test_a_checked_file_may_goto_a_catalog_tree_and_the_catalog_sees_it(tmp_path: Path) -> None:
    write(tmp_path / "desk", "other", OTHER)
    path = write(tmp_path / "edit", "t", TREE.replace("{target}", "other#it"))
    report = check_paths([path], Options(), Catalog([tmp_path / "desk"]))
    assert report.findings == ()
    broken = write(tmp_path / "edit", "t", TREE.replace("{target}", "other#ti"))
    (found,) = check_paths([broken], Options(), Catalog([tmp_path / "desk"])).findings
    assert found.rule == "goto"


def test_the_age_check_uses_the_given_today(tmp_path: Path) -> None:
    path = write(tmp_path, "t", TREE.replace("{target}", "t#done"))
    early = Options(today=dt.date(2026, 6, 1))
    late = Options(today=dt.date(2027, 6, 1))
    assert check_paths([path], early, Catalog([])).findings == ()
    (found,) = check_paths([path], late, Catalog([])).findings
    assert (found.rule, found.level) == ("reviewed", "warning")
    assert check_paths([path], late, Catalog([])).failed() is False
    assert check_paths([path], late, Catalog([])).failed(strict=True) is True


def test_the_same_file_named_twice_is_checked_once(tmp_path: Path) -> None:
    path = write(tmp_path, "t", TREE.replace("{target}", "t#done"))
    assert check_paths([path, tmp_path], Options(), Catalog([])).files == 1


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(TroubleshootError, match="no such file or folder"):
        check_paths([tmp_path / "nope"], Options(), Catalog([]))


def test_a_file_checked_alone_may_goto_a_tree_beside_it(tmp_path: Path) -> None:
    path = write(tmp_path, "t", TREE.replace("{target}", "other#it"))
    write(tmp_path, "other", OTHER)
    assert check_paths([path], Options(), Catalog([])).findings == ()
    (tmp_path / "other.yaml").unlink()
    (found,) = check_paths([path], Options(), Catalog([])).findings
    assert found.message == "node 'away': goto: no tree called 'other'"
