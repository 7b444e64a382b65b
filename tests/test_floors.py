"""CI's floors run pins every dependency at the lowest release pyproject.toml allows."""

from __future__ import annotations

import sys

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["test"]
    return {canonicalize_name(r.name): r for r in map(Requirement, lines)}


def floors() -> dict[str, Version]:
    pins = {}
    for line in (ROOT / ".ci" / "floors.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonicalize_name(name)] = Version(version)
    return pins


def test_every_dependency_and_nothing_else_has_a_floor() -> None:
    assert sorted(floors()) == sorted(declared())


def test_each_floor_is_the_lower_bound_of_its_dependency() -> None:
    """A release pyproject.toml allows, within its lower bound: >=13.8 pins 13.8.x."""
    for name, pinned in floors().items():
        specifier = declared()[name].specifier
        assert specifier.contains(pinned), name
        for bound in (Version(s.version) for s in specifier if s.operator == ">="):
            assert pinned.release[: len(bound.release)] == bound.release, name
