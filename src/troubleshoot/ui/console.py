"""Building the rich console, in one place, with untrusted text in mind.

Rich reads ``[tags]``, ``:emoji:`` codes and highlights numbers by default. Tree
text must appear exactly as written, so the console turns all three off; callers
pass :class:`rich.text.Text` or plain strings that have been through ``clean``.
Rich honours ``NO_COLOR`` by itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def make_console(
    file: TextIO | None = None, *, stderr: bool = False, width: int | None = None
) -> Console:
    from rich.console import Console

    return Console(
        file=file, stderr=stderr, markup=False, emoji=False, highlight=False, width=width
    )
