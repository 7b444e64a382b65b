"""Picking the prompt style for this terminal: arrow keys, or plain numbered lines."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Protocol

from troubleshoot.walk.driver import Prompter

if TYPE_CHECKING:
    from troubleshoot.handoff.content import HandOff
    from troubleshoot.handoff.deliver import WalkResult


class DeskPrompter(Prompter, Protocol):
    """A walk's prompter that also shows the end: the outcome first, the hand-off last."""

    def outcome(self, note: HandOff) -> None: ...

    def finished(self, result: WalkResult) -> None: ...


def is_interactive(plain: bool) -> bool:
    """Arrow-key prompts only for a person at a real terminal that can draw them."""
    import os

    if plain or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


def prompter(plain: bool) -> DeskPrompter:
    if is_interactive(plain):  # each imports only its own kind: a walk uses one
        from troubleshoot.ui.interactive import InteractivePrompter

        return InteractivePrompter()
    from troubleshoot.ui.plain import PlainPrompter

    return PlainPrompter(sys.stdin, sys.stdout)
