"""A question with more answers than staff can take in at a glance.

Staff read a question's answers with a patron waiting. Past a dozen they stop
reading and start scrolling, and the answer that fits is the one they miss; two
questions (which area first, then which problem there) are quicker and safer.

Passes::

    ask: Where did the patron print from?
    answers:
      - {text: A library PC, next: release}
      - {text: Their own laptop, next: mobile}

Fails (13 answers)::

    ask: Which branch is the patron at?
    answers:
      - {text: Aberdeen, next: north}
      # ... twelve more
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Question, Tree

ID = "many-answers"
#: The most answers a question may have before staff can no longer scan them.
MAX_ANSWERS = 12


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for node in tree.nodes.values():
        if isinstance(node, Question) and len(node.answers) > MAX_ANSWERS:
            yield at(
                tree,
                node.pos,
                ID,
                f"node '{node.id}': the question has {len(node.answers)} answers; staff "
                f"can't scan more than {MAX_ANSWERS} answers, so split the question in two",
                "warning",
            )
