"""The bundled trees published once per test session, for the page and browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import TREES
from troubleshoot.publish.site import Published, publish
from troubleshoot.site.config import Settings
from troubleshoot.site.hours import parse_hours
from troubleshoot.tree.loader import load_tree
from troubleshoot.tree.model import Tree

SETTINGS = Settings(
    library="Riverside Public Library",
    public_phone="555-0142",
    public_url="https://library.example.org/help",
    opening_hours=(*parse_hours("mon-thu", "09:00-20:00"), *parse_hours("sat", "10:00-16:00")),
)


def bundled_trees() -> dict[str, Tree]:
    # Read straight from the files, not through the cache: a session fixture runs
    # before any test's private cache folder exists.
    return {p.stem: load_tree(p) for p in sorted(TREES.glob("*.yaml"))}


@pytest.fixture(scope="session")
def trees() -> dict[str, Tree]:
    return bundled_trees()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, trees: dict[str, Tree]) -> Iterator[Published]:
    folder = tmp_path_factory.mktemp("published") / "help"
    yield publish(folder, trees.values(), trees.get, SETTINGS)


def read(site: Published, name: str) -> str:
    return (site.folder / name).read_text(encoding="utf-8")


def every_page(site: Published) -> Iterator[tuple[str, str]]:
    for name in site.files:
        yield name, read(site, name)


def folder_of(site: Published) -> Path:
    return site.folder
