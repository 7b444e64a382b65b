"""A corpus of broken trees, one fault each, and exactly what ``check`` says about each.

``fixtures/broken/expected.txt`` holds the lines ``check`` must print, as a trainer
would see them (``file.yaml:line:col: level: message``). Each fixture's lines are
compared whole, so a changed message, line or column fails here.
"""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from tests.conftest import FIXTURE_DIR
from troubleshoot.lint.runner import Options, check_paths
from troubleshoot.tree.catalog import Catalog, bundled_dir
from troubleshoot.ui.findings import text

BROKEN = FIXTURE_DIR / "broken"
#: ``site/`` stands for a desk's own folder: its ``shadowed.yaml`` replaces the one here.
FOLDERS = [BROKEN, BROKEN / "site"]
EXPECTED = [row for row in (BROKEN / "expected.txt").read_text("utf-8").splitlines() if row]
FIXTURES = sorted(str(p.relative_to(BROKEN)) for folder in FOLDERS for p in folder.glob("*.yaml"))
TODAY = dt.date(2026, 11, 23)


def shorten(line: str) -> str:
    return line.replace(f"{BROKEN}/", "")


@functools.cache
def reported() -> tuple[str, ...]:
    """Every line ``check`` prints for the corpus, paths relative to its folder."""
    report = check_paths(FOLDERS, Options(today=TODAY), Catalog([bundled_dir()]))
    return tuple(shorten(text(f)) for f in report.findings)


def test_the_corpus_has_at_least_25_broken_trees_each_with_an_expectation() -> None:
    assert len(FIXTURES) >= 25
    named = {row.split(":", 1)[0] for row in EXPECTED}
    assert named == set(FIXTURES)


@pytest.mark.parametrize("name", FIXTURES)
def test_broken_tree_is_reported_with_exact_message_and_line(name: str) -> None:
    expected = [row for row in EXPECTED if row.startswith(f"{name}:")]
    assert [row for row in reported() if row.startswith(f"{name}:")] == expected


@pytest.mark.parametrize("name", FIXTURES)
def test_each_reported_line_is_a_line_of_the_file(name: str) -> None:
    rows = (BROKEN / name).read_text("utf-8").splitlines() or [""]
    for row in reported():
        if row.startswith(f"{name}:"):
            line = int(row.split(":")[1])
            assert 1 <= line <= len(rows) + 1


def test_check_on_the_corpus_prints_exactly_the_expected_lines(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["check", *map(str, FOLDERS)])
    assert result.code == 1
    assert sorted(map(shorten, result.out.splitlines())) == sorted(EXPECTED)
