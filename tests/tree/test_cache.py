"""The parsed-tree cache: fast, and never wrong when a file changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import write_tree
from troubleshoot import paths
from troubleshoot.tree import cache, loader

TREE = """
title: Cache test
summary: One step.
symptoms: [broken]
synonyms: [kaput, bust]
start: s
nodes:
  s: {step: Try it., fixed: ok, not_fixed: esc}
  ok: {resolved: Fixed.}
  esc: {escalate: Still broken., workaround: Use another PC.}
"""


@pytest.fixture
def tree_file(tmp_path: Path) -> Path:
    return write_tree(tmp_path / "trees", "sample", TREE)


def entries(folder: Path) -> list[Path]:
    return list(folder.glob("*.json"))


def test_second_load_comes_from_the_cache_and_equals_the_first(tree_file: Path) -> None:
    first, _ = cache.parse(tree_file)
    folder = paths.cache_dir()
    assert folder is not None and len(entries(folder)) == 1
    second, _ = cache.parse(tree_file)
    assert first == second
    assert second is not None and second.synonyms == ("kaput", "bust")


def test_cached_tree_is_used_without_parsing_again(
    tree_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.parse(tree_file)

    def no_parsing(*args: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(loader, "parse_tree", no_parsing)
    tree, _ = cache.parse(tree_file)
    assert tree is not None and tree.title == "Cache test"


def test_an_edit_is_seen(tree_file: Path) -> None:
    cache.parse(tree_file)
    tree_file.write_text(tree_file.read_text().replace("Cache test", "Edited title here"))
    tree, _ = cache.parse(tree_file)
    assert tree is not None and tree.title == "Edited title here"


def test_a_same_size_edit_with_the_same_time_stamp_is_seen(tree_file: Path) -> None:
    cache.parse(tree_file)
    stat = tree_file.stat()
    text = tree_file.read_text().replace("Cache test", "Cache TEST")
    assert len(text) == stat.st_size
    tree_file.write_text(text)
    os.utime(tree_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    tree, _ = cache.parse(tree_file)
    assert tree is not None and tree.title == "Cache TEST"


def test_a_touch_keeps_the_right_tree(tree_file: Path) -> None:
    before, _ = cache.parse(tree_file)
    os.utime(tree_file)
    after, _ = cache.parse(tree_file)
    assert before == after


def test_a_deleted_file_is_reported_not_served_from_the_cache(tree_file: Path) -> None:
    cache.parse(tree_file)
    tree_file.unlink()
    tree, findings = cache.parse(tree_file)
    assert tree is None
    assert findings[0].message.startswith("cannot read file")


def test_a_broken_edit_reports_the_error_instead_of_the_old_tree(tree_file: Path) -> None:
    cache.parse(tree_file)
    tree_file.write_text(tree_file.read_text().replace("summary: One step.", "summary: [oops"))
    tree, findings = cache.parse(tree_file)
    assert tree is None
    assert findings and findings[0].path == str(tree_file)


def test_a_corrupt_cache_entry_means_parse_again(tree_file: Path) -> None:
    cache.parse(tree_file)
    folder = paths.cache_dir()
    assert folder is not None
    for entry in entries(folder):
        entry.write_text("{not json")
    tree, _ = cache.parse(tree_file)
    assert tree is not None and tree.title == "Cache test"


def test_cache_off_writes_nothing(
    tree_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_CACHE", "off")
    tree, _ = cache.parse(tree_file)
    assert tree is not None
    assert not (tmp_path / "cache").exists()


def test_every_bundled_tree_round_trips_through_the_cache() -> None:
    from tests.conftest import TREES
    from troubleshoot.tree.loader import parse_tree

    for path in sorted(TREES.glob("*.yaml")):
        fresh, _ = parse_tree(path)
        cache.parse(path)
        cached, _ = cache.parse(path)
        assert cached == fresh, path


def test_cache_entries_are_private_to_this_user(tree_file: Path) -> None:
    cache.parse(tree_file)
    folder = paths.cache_dir()
    assert folder is not None
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {p.stat().st_mode & 0o777 for p in entries(folder)} == {0o600}
