"""The search index kept between runs, and rebuilt whenever a tree file changes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, TREES
from tests.search.test_find import desk_phrases
from troubleshoot.search.find import Index
from troubleshoot.search.index import cache_file, from_data, index_for, to_data
from troubleshoot.tree import loader
from troubleshoot.tree.catalog import Catalog

SMALL = FIXTURE_DIR / "find"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SMALL, tmp_path / "trees"))


def test_current_index_is_read_back_without_parsing_any_tree(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = index_for(Catalog([folder]))
    saved = cache_file(Catalog([folder]))
    assert saved is not None and saved.is_file()

    def no_parsing(*args: object) -> None:
        raise AssertionError("a tree was parsed although the index was current")

    monkeypatch.setattr(loader, "parse_tree", no_parsing)
    again = index_for(Catalog([folder]))
    assert again.search("receipt paper ran out") == first.search("receipt paper ran out")


def test_an_edited_tree_is_searched_by_its_new_words(folder: Path) -> None:
    assert index_for(Catalog([folder])).search("pigeon") == []
    path = folder / "lockers.yaml"
    path.write_text(path.read_text().replace("the locker door is stuck", "a pigeon is inside"))
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 10**9))
    assert index_for(Catalog([folder])).search("pigeon")[0].id == "lockers"


def test_a_removed_tree_is_no_longer_found(folder: Path) -> None:
    assert index_for(Catalog([folder])).search("microfilm")
    (folder / "microfilm.yaml").unlink()
    assert index_for(Catalog([folder])).search("microfilm") == []


def test_a_damaged_index_file_is_rebuilt(folder: Path) -> None:
    index_for(Catalog([folder]))
    saved = cache_file(Catalog([folder]))
    assert saved is not None
    saved.write_text('{"signature": "", "index": {"format"', "utf-8")
    assert index_for(Catalog([folder])).search("kiosk")[0].id == "kiosk"


def test_an_edit_keeping_size_and_time_is_still_seen(folder: Path) -> None:
    path = folder / "lockers.yaml"
    before = path.stat()
    assert index_for(Catalog([folder])).search("pigeon") == []
    path.write_text(path.read_text().replace("locker door", "pigeon door"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert index_for(Catalog([folder])).search("pigeon")[0].id == "lockers"


def test_search_works_when_the_cache_folder_cannot_be_written(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("TROUBLESHOOT_CACHE", str(blocked))
    assert index_for(Catalog([folder])).search("kiosk")[0].id == "kiosk"


def test_cache_off_writes_nothing(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_CACHE", "off")
    assert cache_file(Catalog([folder])) is None
    assert index_for(Catalog([folder])).search("kiosk")[0].id == "kiosk"
    assert not (tmp_path / "cache").exists()


def test_index_answers_the_same_after_a_json_round_trip() -> None:
    bundled = Index.build(Catalog([TREES]).trees())
    again = from_data(json.loads(json.dumps(to_data(bundled))))
    for phrase, _ in desk_phrases()[:20]:
        assert again.search(phrase) == bundled.search(phrase)


def test_index_data_of_another_format_is_refused() -> None:
    small = Index.build(Catalog([SMALL]).trees())
    data = to_data(small)
    with pytest.raises(ValueError):
        from_data({**data, "format": -1})
    with pytest.raises(ValueError):
        from_data({"format": data["format"]})
