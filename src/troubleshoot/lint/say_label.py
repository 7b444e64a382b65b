"""Words for the patron that start by saying they are words for the patron.

The tool already shows a ``say`` as TELL THE PATRON, and a referral's ``tell`` after
"Tell the patron:", so text that begins "Tell the patron" reads twice over. Start
with the words to say. What only staff should know goes in ``note``.

Passes::

    a: {say: Files saved on this PC are wiped when it restarts., next: b}

Fails (warning)::

    a: {say: "Tell the patron: files saved on this PC are wiped.", next: b}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Refer, Say, Tree

ID = "say-label"

DOUBLED = re.compile(r"^\W*tell\s+(the\s+|a\s+)?patrons?\b", re.IGNORECASE)


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for node in tree.nodes.values():
        if isinstance(node, Say):
            key, text = "say", node.say
        elif isinstance(node, Refer):
            key, text = "tell", node.tell
        else:
            continue
        if DOUBLED.match(text):
            yield at(
                tree,
                node.pos,
                ID,
                f"node '{node.id}': {key}: begins with 'Tell the patron', which the tool "
                "already shows; start with the words to say",
                "warning",
            )
