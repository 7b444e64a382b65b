"""An admin step that does not say where staff without admin rights go.

Staff without rights never do an admin step: the walk notes it for IT and follows
``no_admin``. Without one it would fall through to ``not_fixed``, which was written
for someone who tried the step and saw it fail.

Passes::

    spooler:
      step: Restart the print spooler.
      admin: Restart the Print Spooler service.
      no_admin: escalate_queue
      fixed: done
      not_fixed: escalate_queue

Fails::

    spooler:
      step: Restart the print spooler.
      admin: Restart the Print Spooler service.
      fixed: done
      not_fixed: escalate_queue
"""

from __future__ import annotations

from collections.abc import Iterator

from troubleshoot.errors import Finding
from troubleshoot.lint import Context, at
from troubleshoot.tree.model import Step, Tree

ID = "admin"


def check(tree: Tree, ctx: Context) -> Iterator[Finding]:
    for node in tree.nodes.values():
        if isinstance(node, Step) and node.admin and node.no_admin is None:
            yield at(
                tree,
                node.key_pos.get("admin", node.pos),
                ID,
                f"node '{node.id}': admin step without 'no_admin': "
                "say where staff without admin rights go",
            )
