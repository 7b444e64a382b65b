"""A question staff cannot really choose in.

With one answer there is nothing to ask; with two answers of the same text staff
cannot tell which to pick, and ``test`` walks cannot name either.

Passes::

    ask: Where did the patron print from?
    answers:
      - {text: A library PC, next: release}
      - {text: Their own laptop, next: mobile}

Fails (twice)::

    ask: Is the printer on?
    answers:
      - {text: Yes, next: release}
      - {text: yes, next: paper}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Question, Tree

ID = "answers"
MIN_ANSWERS = 2


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for node in tree.nodes.values():
        if not isinstance(node, Question):
            continue
        if len(node.answers) < MIN_ANSWERS:
            yield at(
                tree,
                node.pos,
                ID,
                f"node '{node.id}': a question needs at least {MIN_ANSWERS} answers "
                f"(it has {len(node.answers)}); use 'say' or 'step' for one way on",
            )
        first: dict[str, int] = {}
        for i, answer in enumerate(node.answers, 1):
            same = " ".join(answer.text.lower().split())
            if same in first:
                yield at(
                    tree,
                    answer.pos,
                    ID,
                    f"node '{node.id}': answers[{i}]: same text as answers[{first[same]}] "
                    f"('{answer.text}'); staff could not tell them apart",
                )
            else:
                first[same] = i
