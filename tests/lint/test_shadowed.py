from __future__ import annotations

from pathlib import Path

from troubleshoot.lint import Context, run_checks, shadowed
from troubleshoot.tree.catalog import Catalog
from troubleshoot.tree.loader import load_tree

TREE = """\
title: T
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a: {escalate: Broken., workaround: Use another.}
"""


def test_the_same_id_in_two_folders_warns_in_both_saying_which_wins(tmp_path: Path) -> None:
    bundled, site = tmp_path / "bundled", tmp_path / "site"
    for folder in (bundled, site):
        folder.mkdir()
        (folder / "printer.yaml").write_text(TREE, encoding="utf-8")
    catalog = Catalog([bundled, site])
    ctx = Context(shadows=tuple(catalog.shadows))
    used, hidden = site / "printer.yaml", bundled / "printer.yaml"
    assert [str(f) for f in run_checks(load_tree(used), ctx, [shadowed])] == [
        f"{used}:1:1: warning: tree id 'printer' is also in {hidden}; "
        "this file wins, that one is not used"
    ]
    assert [str(f) for f in run_checks(load_tree(hidden), ctx, [shadowed])] == [
        f"{hidden}:1:1: warning: tree id 'printer' is also in {used}, which wins; "
        "this file is not used"
    ]


def test_an_id_in_one_folder_only_passes(tmp_path: Path) -> None:
    (tmp_path / "printer.yaml").write_text(TREE, encoding="utf-8")
    catalog = Catalog([tmp_path])
    ctx = Context(shadows=tuple(catalog.shadows))
    assert run_checks(load_tree(tmp_path / "printer.yaml"), ctx, [shadowed]) == []
