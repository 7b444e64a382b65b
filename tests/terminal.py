"""Running the tool in a pseudo-terminal, the way staff at a desk PC see it."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect

from tests.conftest import subprocess_env

WALKS = Path(__file__).resolve().parent / "fixtures" / "walks"


def spawn(
    args: list[str], *, rows: int = 24, cols: int = 80, term: str = "xterm", **env: str
) -> pexpect.spawn:
    """The tool on a terminal of the given size and kind, with the two small test trees
    (or the trees *env* names in TROUBLESHOOT_TREES)."""
    return pexpect.spawn(
        sys.executable,
        ["-m", "troubleshoot", *args],
        # A pseudo-terminal never answers cursor-position requests; do not wait for one.
        env=subprocess_env(
            **{"TERM": term, "TROUBLESHOOT_TREES": str(WALKS), "PROMPT_TOOLKIT_NO_CPR": "1", **env}
        ),
        dimensions=(rows, cols),
        encoding="utf-8",
        timeout=20,
    )


def ended(child: pexpect.spawn) -> tuple[int | None, str]:
    """Wait for the tool to exit: its exit code (None if a signal killed it) and last output."""
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before
