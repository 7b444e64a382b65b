"""``troubleshoot show``: a tree drawn, or exported, by id or by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TREES, write_tree
from troubleshoot.tree import render
from troubleshoot.tree.loader import load_tree

DESK = """
title: Desk printer
summary: Nothing printed.
symptoms: [nothing printed]
start: where
nodes:
  where:
    ask: Where did the patron print from?
    answers:
      - {text: A library PC, next: spooler}
      - {text: A phone, next: phone}
  phone:
    goto: phone-printing
  spooler:
    step: Restart the print spooler.
    admin: Restart the Print Spooler service.
    no_admin: stuck
    fixed: done
    not_fixed: stuck
  done:
    resolved: The job printed.
  stuck:
    escalate: Print queue stuck.
    urgent: true
    workaround: Use the printer by the desk.
"""

PHONE = """
title: Printing from a phone
summary: Phone printing.
symptoms: [phone]
start: done
nodes:
  done: {resolved: Printed.}
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site-trees"
    write_tree(folder, "desk", DESK)
    write_tree(folder, "phone-printing", PHONE)
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(folder))
    return folder


def test_show_draws_the_tree_with_marked_admin_steps_and_escalations(cli, site: Path) -> None:
    result = cli(["show", "desk"])
    assert result.code == 0, result.err
    assert "[ADMIN] [STEP] spooler: Restart the print spooler." in result.out
    assert "[ESCALATE] [URGENT] stuck: Print queue stuck." in result.out
    assert "[GOTO] phone: phone-printing (Printing from a phone)" in result.out


@pytest.mark.parametrize("fmt", render.FORMATS)
def test_show_exports_each_format_exactly_as_the_exporter_writes_it(
    cli, site: Path, fmt: str
) -> None:
    result = cli(["show", "desk", "--format", fmt])
    assert result.code == 0, result.err
    tree = load_tree(site / "desk.yaml")
    assert result.out == render.render(tree, fmt, {"phone-printing": "Printing from a phone"})


def test_show_takes_the_path_of_a_tree_being_written(cli, tmp_path: Path) -> None:
    path = write_tree(tmp_path / "draft", "desk", DESK)
    result = cli(["show", str(path), "-f", "mermaid"])
    assert result.code == 0, result.err
    assert result.out.startswith("flowchart TD\n")


def test_show_of_an_unknown_tree_suggests_close_ids(cli, site: Path) -> None:
    result = cli(["show", "dsk"])
    assert result.code == 2
    assert result.err.startswith("troubleshoot: no tree called 'dsk'; closest: desk")


def test_show_of_a_broken_file_points_at_the_line(cli, tmp_path: Path) -> None:
    path = write_tree(tmp_path, "broken", DESK.replace("  phone:\n", "  phone:\n    colour: red\n"))
    result = cli(["show", str(path)])
    assert result.code == 1
    assert result.err == (f"troubleshoot: {path}:12:5: node 'phone': unknown key 'colour'\n")


def test_show_refuses_an_unknown_format(cli, site: Path) -> None:
    result = cli(["show", "desk", "--format", "pdf"])
    assert result.code == 2
    assert "pdf" in result.err


@pytest.mark.parametrize("path", sorted(TREES.glob("*.yaml")), ids=lambda p: p.stem)
def test_show_draws_every_bundled_tree(cli, path: Path) -> None:
    result = cli(["show", path.stem])
    assert result.code == 0, result.err
    assert load_tree(path).title.split()[0] in result.out


def test_a_missing_file_is_a_usage_error_as_for_check_and_test(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nope.yaml"
    for command in ("show", "check", "test"):
        result = cli([command, str(missing)])
        assert (result.code, result.err) == (
            2,
            f"troubleshoot: no such file or folder: {missing}\n",
        )
