"""``troubleshoot new``: a starter tree that the other commands accept as it stands."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_new_writes_a_starter_that_check_show_and_test_accept(cli, tmp_path: Path) -> None:
    result = cli(["new", "kiosk", "--dir", str(tmp_path)])
    path = tmp_path / "kiosk.yaml"
    assert result.code == 0, result.err
    assert result.out == f"Wrote {path}. Next: troubleshoot check {path}\n"
    assert cli(["check", str(path)]).code == 0
    assert cli(["test", str(path)]).code == 0
    assert cli(["show", str(path)]).code == 0


def test_new_writes_in_the_current_folder_by_default(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli(["new", "kiosk"]).code == 0
    assert (
        (tmp_path / "kiosk.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=")
    )


def test_new_never_overwrites_a_file(cli, tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = cli(["new", "kiosk", "--dir", str(tmp_path)])
    assert result.code == 1
    assert result.err == (
        f"troubleshoot: {path}: already exists; choose another id or move the file first\n"
    )
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_new_refuses_an_id_that_is_a_command(cli, tmp_path: Path) -> None:
    result = cli(["new", "show", "--dir", str(tmp_path)])
    assert result.code == 1
    assert "'show' is the name of a command" in result.err
    assert list(tmp_path.iterdir()) == []


def test_new_refuses_an_id_that_is_not_an_id(cli, tmp_path: Path) -> None:
    result = cli(["new", "Wi Fi", "--dir", str(tmp_path)])
    assert result.code == 1
    assert result.err.startswith("troubleshoot: 'Wi Fi' is not a tree id")
    assert list(tmp_path.iterdir()) == []


def test_new_warns_when_the_id_is_already_a_tree(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "kiosk.yaml").write_text("title: x\n", encoding="utf-8")
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(folder))
    result = cli(["new", "kiosk", "--dir", str(tmp_path)])
    assert result.code == 0
    assert f"note: a tree called 'kiosk' already exists ({folder / 'kiosk.yaml'})" in result.err


def test_new_into_a_folder_whose_parent_is_missing_is_an_error(cli, tmp_path: Path) -> None:
    result = cli(["new", "kiosk", "--dir", str(tmp_path / "nope" / "trees")])
    assert result.code == 1
    assert result.err == (
        f"troubleshoot: {tmp_path / 'nope' / 'trees'}: no such folder, nor its parent "
        f"{tmp_path / 'nope'}; make the folder first\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_new_makes_the_trees_folder_when_run_outside_the_repository(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli(["new", "kiosk", "--dir", "trees"])
    assert result.code == 0, result.err
    path = Path("trees") / "kiosk.yaml"
    assert result.out == f"Wrote {path} (in a new folder). Next: troubleshoot check {path}\n"
    assert cli(["check", str(path)]).code == 0


def test_a_starter_in_a_folder_beside_schema_names_it_as_the_bundled_trees_do(
    cli, tmp_path: Path
) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "tree.schema.json").write_text("{}", encoding="utf-8")
    assert cli(["new", "kiosk", "--dir", str(tmp_path / "trees")]).code == 0
    first = (tmp_path / "trees" / "kiosk.yaml").read_text(encoding="utf-8").split("\n")[0]
    assert first == "# yaml-language-server: $schema=../schema/tree.schema.json"


def test_a_starter_far_from_any_schema_folder_names_the_installed_schema(
    cli, tmp_path: Path
) -> None:
    from troubleshoot.tree.schema import schema_file

    assert cli(["new", "kiosk", "--dir", str(tmp_path)]).code == 0
    first = (tmp_path / "kiosk.yaml").read_text(encoding="utf-8").split("\n")[0]
    schema = first.removeprefix("# yaml-language-server: $schema=")
    shown = (
        Path(schema.removeprefix("file://")) if schema.startswith("file:") else tmp_path / schema
    )
    assert shown.resolve() == schema_file().resolve()
