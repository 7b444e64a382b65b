"""The starter tree: loads, passes the checks and its own walks, and shows every kind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from troubleshoot.desk import Desk
from troubleshoot.errors import TroubleshootError
from troubleshoot.lint import Context, run_checks
from troubleshoot.tree import schema
from troubleshoot.tree.catalog import Catalog
from troubleshoot.tree.loader import parse_tree
from troubleshoot.tree.model import (
    COMMAND_NAMES,
    Escalate,
    Question,
    Resolved,
    Say,
    Step,
    Tree,
    kind_of,
)
from troubleshoot.tree.starter import check_id, schema_ref, starter_text, write_starter
from troubleshoot.walk.examples import run_tree

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def written(tmp_path: Path) -> tuple[Path, Tree]:
    path = write_starter(tmp_path, "kiosk", TODAY)
    tree, findings = parse_tree(path)
    assert findings == []
    assert tree is not None
    return path, tree


def test_starter_tree_passes_every_check(written: tuple[Path, Tree]) -> None:
    path, tree = written
    catalog = Desk.resolve(extra_trees=(path.parent,)).catalog
    ctx = Context(tree_ids=frozenset(catalog.ids()), get_tree=catalog.get)
    assert run_checks(tree, ctx) == []


def test_starter_tree_walks_pass_and_end_both_resolved_and_escalated(
    written: tuple[Path, Tree],
) -> None:
    path, tree = written
    results = run_tree(Catalog([path.parent]), tree)
    assert [r.problem for r in results] == [""] * len(results)
    ends = {type(tree.nodes[r.reached]) for r in results}
    assert {Resolved, Escalate} <= ends
    assert any(t.admin for t in tree.tests)


def test_starter_tree_shows_each_thing_a_tree_needs(written: tuple[Path, Tree]) -> None:
    _, tree = written
    kinds = {kind_of(node) for node in tree.nodes.values()}
    assert {"ask", "step", "resolved", "escalate"} <= kinds
    admin = [n for n in tree.nodes.values() if isinstance(n, Step) and n.admin]
    assert admin and all(n.no_admin in tree.nodes for n in admin)
    assert any(isinstance(n, Escalate) and n.urgent for n in tree.nodes.values())
    assert any(isinstance(n, Question) and len(n.answers) >= 2 for n in tree.nodes.values())
    assert tree.symptoms and any(s.node for s in tree.symptoms)
    assert tree.collect and tree.sources and tree.owner
    assert tree.reviewed == TODAY
    assert not any(isinstance(n, Say) for n in tree.nodes.values())  # shown in comments


def test_starter_tree_explains_itself_in_comments(written: tuple[Path, Tree]) -> None:
    path, _ = written
    text = path.read_text(encoding="utf-8")
    assert "troubleshoot check kiosk.yaml" in text
    assert "#     say: " in text and "#     goto: " in text
    assert "colon" in text


def test_starter_first_line_points_editors_at_the_schema(written: tuple[Path, Tree]) -> None:
    path, _ = written
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    ref = first[len(prefix) :]
    target = Path(ref[len("file://") :]) if ref.startswith("file://") else path.parent / ref
    assert target.resolve() == schema.schema_file().resolve()


def test_a_starter_in_the_trees_folder_names_the_schema_like_the_bundled_trees() -> None:
    trees = schema.schema_file().parent.parent / "trees"
    assert schema_ref(trees) == "../schema/tree.schema.json"


def test_a_starter_far_from_the_schema_names_it_by_address(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b" / "c" / "d" / "e" / "f"
    deep.mkdir(parents=True)
    ref = schema_ref(deep)
    assert ref == schema.schema_file().resolve().as_uri()


def test_starter_is_never_written_over_an_existing_file(written: tuple[Path, Tree]) -> None:
    path, _ = written
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(TroubleshootError, match="already exists"):
        write_starter(path.parent, "kiosk", TODAY)
    assert path.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("name", sorted(COMMAND_NAMES))
def test_an_id_that_is_a_command_is_refused(name: str) -> None:
    with pytest.raises(TroubleshootError, match="is the name of a command"):
        check_id(name)


@pytest.mark.parametrize("name", ["Printer", "wifi fix", "-wifi", "wi.fi", "", "printer.yaml"])
def test_an_id_staff_could_not_type_is_refused(name: str) -> None:
    with pytest.raises(TroubleshootError):
        starter_text(name, TODAY, "x")


def test_the_starter_id_appears_in_its_title(written: tuple[Path, Tree]) -> None:
    _, tree = written
    assert "kiosk" in tree.title
