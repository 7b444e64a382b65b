"""One broken tree among good ones: the good ones stay listed and walkable, with one warning."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import write_tree
from tests.terminal import WALKS
from troubleshoot.errors import TroubleshootError
from troubleshoot.tree.catalog import Catalog

BROKEN = {
    "half-saved": "title: Half-saved guide\nsummary: [unfinished\n",
    "binary": "\x89PNG\r\n\x1a\n\x00\x00",
    "bomb": 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
    + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcde", "bcdef", strict=True)
    ),
}
JUMPS = """\
title: Jumps to a broken tree
summary: Goes on in the unfinished one.
symptoms: [jump]
start: go
nodes:
  go:
    goto: half-saved
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The two test trees, a tree that jumps into a broken one, and three broken files."""
    trees = tmp_path / "trees"
    shutil.copytree(WALKS, trees)
    write_tree(trees, "jumps", JUMPS)
    for name, text in BROKEN.items():
        (trees / f"{name}.yaml").write_bytes(text.encode("utf-8", "surrogateescape"))
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(trees))
    return trees


def test_list_shows_the_good_trees_and_one_warning_per_broken_file(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["list"])
    assert result.code == 0
    for good in ("desk", "other", "jumps", "usb", "frozen-pc"):
        assert good in result.out
    warnings = result.err.splitlines()
    assert len(warnings) == len(BROKEN)
    for name in BROKEN:
        (line,) = [w for w in warnings if f"{folder / name}.yaml" in w]
        assert line.startswith(f"warning: skipped {folder / name}.yaml")
    assert "half-saved" not in result.out


def test_find_ranks_the_good_trees_and_names_each_broken_file_once(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):  # the second search reads the saved index, not the files
        result = cli(["find", "desk", "printer", "--format", "json"])
        assert result.code == 0
        assert json.loads(result.out)[0]["id"] == "desk"
        warnings = result.err.splitlines()
        assert len(warnings) == len(BROKEN)
        for name in BROKEN:
            assert sum(f"warning: skipped {folder / name}.yaml" in w for w in warnings) == 1


def test_a_good_tree_walks_while_a_broken_one_sits_beside_it(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["desk", "--plain"], input="1\n1\n")
    assert result.code == 0 and "RESOLVED: The job printed." in result.out
    assert result.err == ""


def test_the_picker_offers_only_trees_that_load(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["run", "--plain"], input="")
    assert "Desk printer" in result.out and "Jumps to a broken tree" in result.out
    assert "Half-saved guide" not in result.out


def test_walking_the_broken_tree_names_the_file_and_place(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["half-saved", "--plain"])
    assert result.code == 1
    assert result.err.startswith(f"troubleshoot: {folder / 'half-saved.yaml'}:3:1: ")
    assert len(result.err.splitlines()) == 1


def test_a_jump_into_a_broken_tree_ends_in_a_hand_off_not_a_crash(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["jumps", "--plain"], input="\n")
    assert result.code == 0
    assert "The guide points to tree 'half-saved', which could not be loaded" in result.out


def test_check_reports_only_the_broken_files(cli, folder: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(["check", str(folder)])
    assert result.code == 1
    named = {line.split(":")[0] for line in result.out.splitlines() if ": error: " in line}
    assert named == {f"{folder / name}.yaml" for name in BROKEN}


def test_a_broken_site_copy_falls_back_to_the_tree_it_replaced(tmp_path: Path) -> None:
    bundled, site = tmp_path / "bundled", tmp_path / "site"
    shutil.copytree(WALKS, bundled)
    (site).mkdir()
    (site / "desk.yaml").write_text("title: Desk printer, edited\nnodes: [\n", encoding="utf-8")
    catalog = Catalog([bundled, site])
    tree = catalog.load("desk")
    assert tree.path == str(bundled / "desk.yaml")
    assert [f.path for f in catalog.broken()] == [str(site / "desk.yaml")]


def test_no_fallback_when_every_copy_is_broken(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_tree(first, "desk", "title: [\n")
    write_tree(second, "desk", "title: ]\n")
    catalog = Catalog([first, second])
    assert catalog.get("desk") is None and list(catalog.trees()) == []
    with pytest.raises(TroubleshootError) as caught:
        catalog.load("desk")
    assert str(caught.value).startswith(f"{second / 'desk.yaml'}:1:8: ")


def test_a_pipe_a_link_a_dangling_link_and_a_loop_are_each_reported_and_none_is_read(  # type: ignore[no-untyped-def]
    cli, folder: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "private.txt"
    secret.write_text("root:x:0:0:the first line of a private file\n")
    os.mkfifo(folder / "pipe.yaml")
    (folder / "passwd.yaml").symlink_to(secret)
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    result = cli(["list"])
    assert result.code == 0 and "Desk printer" in result.out
    linked = "is a symbolic link; a tree is read only from a plain file (copy it into the folder)"
    skipped = [line for line in result.err.splitlines() if line.startswith("warning: skipped")]
    for name, why in [
        ("pipe", "not a regular file"),
        ("passwd", linked),
        ("gone", linked),
        ("loop", linked),
    ]:
        assert f"warning: skipped {folder / name}.yaml: error: {why}" in skipped
    assert "root:x" not in result.out + result.err
    checked = cli(["check", str(folder / "passwd.yaml")])
    assert checked.out == f"{folder / 'passwd.yaml'}: error: {linked}\n"
