"""Picking the prompt style for this terminal: arrow keys, or plain numbered lines."""

from __future__ import annotations

import sys

from troubleshoot.ui.console import make_console
from troubleshoot.ui.interactive import InteractivePrompter
from troubleshoot.ui.plain import PlainPrompter
from troubleshoot.walk.driver import Prompter


def is_interactive(plain: bool) -> bool:
    """Arrow-key prompts only for a person at a real terminal that can draw them."""
    import os

    if plain or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


def prompter(plain: bool) -> Prompter:
    if is_interactive(plain):
        return InteractivePrompter(make_console())
    return PlainPrompter(sys.stdin, sys.stdout)
