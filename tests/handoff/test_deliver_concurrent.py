"""Hand-offs saved by many terminals at once: each walk keeps its own file, every time.

Twenty real processes share one data folder and walk to the same escalation at the
same second (the clock is fixed), so every hand-off wants the same file name. They
wait for each other at a barrier and then race, as busy desks on a shared drive do.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import stat
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR

WALKS = FIXTURE_DIR / "walks"
WALKERS = 20


def walk_once(barrier: multiprocessing.synchronize.Barrier, out: str) -> None:
    from troubleshoot.cli.app import main

    sys.stdin = io.StringIO("3\nHP 4\n")  # many PCs at once: urgent, one fact for IT
    with open(out, "w", encoding="utf-8") as printed:
        sys.stdout = sys.stderr = printed
        barrier.wait(timeout=60)
        code = main(["desk", "--plain"])
        printed.flush()
    os._exit(code)


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork")
def test_twenty_walks_escalating_at_once_save_twenty_distinct_hand_offs(
    private_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    # The walk's modules are loaded once, here, so that twenty children do not each
    # spend a second importing them on a two-core runner: what races is the saving.
    import troubleshoot.cli.commands.run
    import troubleshoot.cli.walking
    import troubleshoot.sessions.recording
    import troubleshoot.ui.interactive
    import troubleshoot.ui.plain
    import troubleshoot.ui.views  # noqa: F401

    fork = multiprocessing.get_context("fork")
    barrier = fork.Barrier(WALKERS)
    outputs = [tmp_path / f"walker-{n}.txt" for n in range(WALKERS)]
    walkers = [fork.Process(target=walk_once, args=(barrier, str(p))) for p in outputs]
    for walker in walkers:
        walker.start()
    for walker in walkers:
        walker.join(timeout=120)
    assert [w.exitcode for w in walkers] == [0] * WALKERS, [p.read_text() for p in outputs]

    saved = sorted((private_data / "handoffs").glob("*.md"))
    assert len(saved) == WALKERS
    reported = sorted(
        line.removeprefix("Saved for IT as: ")
        for p in outputs
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.startswith("Saved for IT as: ")
    )
    assert reported == [str(p) for p in saved]  # each walk names its own file
    assert all("HP 4" in p.read_text(encoding="utf-8") for p in saved)
    assert {stat.S_IMODE(p.stat().st_mode) for p in saved} == {0o600}
    assert stat.S_IMODE((private_data / "handoffs").stat().st_mode) == 0o700
