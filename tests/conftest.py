"""Shared fixtures: a private data folder for every test, and ways to run the tool."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from troubleshoot.cli.entry import main
from troubleshoot.tree.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
TREES = ROOT / "trees"
FIXTURE_DIR = ROOT / "tests" / "fixtures"
T0 = dt.datetime(2026, 11, 23, 10, 0)  # a Monday morning

# Property tests try a moderate number of examples, so `pytest -q` stays quick under
# coverage on a busy PC; HYPOTHESIS_PROFILE=thorough tries ten times as many (CI does).
# No deadline: coverage and a busy machine make an example slow, not wrong. Both build
# on the settings hypothesis starts with, so its own CI profile (same examples on
# every run, no database) still applies where it sees CI.
for _name, _examples in (("quick", 50), ("thorough", 500)):
    settings.register_profile(
        _name,
        settings.default,
        max_examples=_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


@pytest.fixture(autouse=True)
def private_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test writes to the real user folders or sees another test's records."""
    data = tmp_path / "data"
    monkeypatch.setenv("TROUBLESHOOT_DATA", str(data))
    monkeypatch.setenv("TROUBLESHOOT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("TROUBLESHOOT_NOW", "2026-11-23T10:00:00")
    monkeypatch.delenv("TROUBLESHOOT_TREES", raising=False)
    monkeypatch.delenv("TROUBLESHOOT_SITE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no real site.yaml
    monkeypatch.setenv("NO_COLOR", "1")
    yield data


def write_tree(folder: Path, tree_id: str, text: str) -> Path:
    """Write a tree file from indented YAML text and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{tree_id}.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def catalog_of(*paths: Path) -> Catalog:
    return Catalog(list(paths))


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run the tool in-process: ``cli(["list"], input="1\\n")``."""
    import io

    def run(args: list[str], input: str = "") -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(input))
        monkeypatch.setattr(sys, "argv", ["troubleshoot", *args])
        code = main(args)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    # The terminal size comes from the (pseudo-)terminal itself, never from the runner.
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def without_root_powers() -> None:
    """Run in a child before it starts the tool: root that obeys file modes as anyone else.

    Tests run as root in CI, and root writes to a read-only file regardless. Dropping
    the capabilities that override file modes (for the child only) makes a read-only
    file read-only to it, without needing a second user account.
    """
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop root's powers")


def run_tool(
    args: list[str],
    input: str = "",
    timeout: float = 30,
    *,
    obey_modes: bool = False,
    **env: str,
) -> subprocess.CompletedProcess[str]:
    """Run the tool as a real process, as a script or a screen reader would.

    *obey_modes* runs it without root's power to ignore file modes (see above).
    """
    try:
        return subprocess.run(
            [sys.executable, "-m", "troubleshoot", *args],
            input=input,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=subprocess_env(**env),
            preexec_fn=without_root_powers if obey_modes else None,
        )
    except subprocess.SubprocessError as e:
        if obey_modes and "preexec" in str(e):
            pytest.skip("root's powers cannot be dropped here")
        raise


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """One throwaway PostgreSQL server per test process (see tests/postgres.py)."""
    from tests.postgres import cluster

    with cluster() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """An empty database of its own on the throwaway server."""
    from tests.postgres import fresh_database

    return fresh_database(postgres_server)
