from __future__ import annotations

import re
from pathlib import Path

from troubleshoot.lint import _registry

DOC = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_every_check_has_an_id_a_passing_and_failing_example_and_a_line_in_the_docs() -> None:
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", DOC.read_text("utf-8"), re.MULTILINE))
    ids = [module.ID for module in _registry()]
    assert len(ids) == len(set(ids))
    for module in _registry():
        assert module.ID in documented, module.ID
        assert "Passes" in (module.__doc__ or "") and "Fails" in (module.__doc__ or "")
