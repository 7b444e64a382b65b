"""Tab completion of commands and tree ids in the shell."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURE_DIR, run_tool
from troubleshoot.cli.completion import tree_ids
from troubleshoot.tree import catalog as catalog_module

SMALL = FIXTURE_DIR / "find"


def test_tree_ids_complete_from_what_was_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_module, "bundled_dir", lambda: SMALL)
    assert tree_ids("") == ["kiosk", "lockers", "microfilm"]
    assert tree_ids("lo") == ["lockers"]
    assert tree_ids("zz") == []


def test_bash_completes_commands_and_tree_ids() -> None:
    def complete(words: str) -> list[str]:
        done = run_tool(
            [],
            _TROUBLESHOOT_COMPLETE="complete_bash",
            COMP_WORDS=words,
            COMP_CWORD=str(len(words.split()) - 1),
            TROUBLESHOOT_TREES=str(SMALL),
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert "find" in complete("troubleshoot fi")
    assert complete("troubleshoot run mic") == ["microfilm"]
