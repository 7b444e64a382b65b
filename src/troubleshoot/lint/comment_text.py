"""Unquoted text that a `` #`` cut short without a word.

YAML takes a ``#`` after a space as the start of a comment, even in the middle of
a sentence, so ``step: Restart kiosk #3 from the menu`` shows at the desk as
"Restart kiosk". The text is found while the file is read (see
:mod:`troubleshoot.tree.comments`); a comment after a key that holds no words, such
as ``next: done  # the end``, is a comment meant as one and passes.

Passes::

    a: {step: "Restart kiosk #3 from the menu.", fixed: done, not_fixed: it}

Fails (warning)::

    a:
      step: Restart kiosk #3 from the menu.
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Tree

ID = "comment-in-text"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for cut in tree.cut_texts:
        yield at(
            tree,
            cut.pos,
            ID,
            f'{cut.where}: " #" starts a comment here, so the text ends at "{cut.kept}"; '
            "put the whole text in quotes (a note for trainers goes on a line of its own)",
            "warning",
        )
