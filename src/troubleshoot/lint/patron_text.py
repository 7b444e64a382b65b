"""A self-help path that is cut short because patron text is missing where it is needed.

A page shows only what has ``patron:`` text. An end with none sends a patron who
has just fixed the problem to "Ask at the desk"; a question none of whose answers
has patron text offers only "None of these". Escalations, referrals and nodes left
for staff are fine without it: those are meant to end at the desk.

Passes::

    self_help: {title: Wi-Fi, start: a}
    nodes:
      a: {step: Ask the patron to open a plain page., patron: Open neverssl.com.,
          fixed: done, not_fixed: it}
      done: {resolved: The patron is online., patron: You are online.}

Fails (warning)::

      done: {resolved: The patron is online.}
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Question, Resolved, Tree
from troubleshoot.tree.patron import patron_links, reachable

ID = "patron-text"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    told: set[str] = set()
    for node_id in reachable(tree):
        node = tree.nodes[node_id]
        if isinstance(node, Question) and not any(a.patron for a in node.answers):
            yield at(
                tree,
                node.pos,
                ID,
                f"node '{node_id}': a patron is asked this on the self-help page, but no"
                " answer has patron text, so the page offers only None of these",
                "warning",
            )
        for _, target in patron_links(node):
            end = tree.nodes.get(target)
            if isinstance(end, Resolved) and not end.patron and target not in told:
                told.add(target)
                yield at(
                    tree,
                    end.pos,
                    ID,
                    f"node '{target}': a patron reaches this end from '{node_id}' on the"
                    " self-help page, but it has no patron text, so the page says Ask at"
                    " the desk there",
                    "warning",
                )
