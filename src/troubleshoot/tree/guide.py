"""A tree as a one-page Markdown guide for the desk binder.

Tree text is untrusted and may hold Markdown of its own; each line is escaped so a
viewer shows the words as the trainer typed them. Text of more than one block
(paragraphs, a numbered list, a block of what to type) stays in those blocks, so
the printed steps read as the trainer laid them out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from troubleshoot.text import one_line
from troubleshoot.text.lines import Kind, blocks, is_one_line, unescape
from troubleshoot.tree.model import Escalate, Goto, Node, Question, Refer, Resolved, Say, Step, Tree
from troubleshoot.tree.outline import walk_order

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")


_MD_LEADING = re.compile(r"^(?:([-+=])|(\d+)([.)]))")

_TICKS = re.compile(r"`+")


def md(text: str) -> str:
    """Text shown literally by any Markdown reader: one line, punctuation escaped.

    A leading ``-``, ``+`` or ``1.`` is escaped too: after a list marker it would
    start a nested list.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line(text))
    return _MD_LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def md_blocks(text: str, lead: str = "") -> list[str]:
    """Tree text as Markdown blocks, each shown literally: paragraphs and list items
    escaped as :func:`md` does, code fenced as typed.

    *lead* (Markdown already, such as ``**3. Ask:**``) opens the first paragraph, or
    stands as a paragraph of its own when the text starts with a list or code. Blocks
    of different kinds are kept apart by a blank line, so a paragraph after a list is
    not read as more of its last item.
    """
    out: list[str] = []
    last: Kind | None = None
    found = [block for block in blocks(text) if block.kind is not Kind.BLANK]
    for block in found:
        if last is not None and (block.kind is not last or block.kind is not Kind.ITEM):
            out.append("")
        if block.kind is Kind.CODE:
            run = max((len(r) for line in block.code for r in _TICKS.findall(line)), default=0)
            fence = "`" * max(3, run + 1)
            out += [fence, *block.code, fence]
        elif block.kind is Kind.ITEM:
            out.append(f"{' ' * block.indent}{block.marker} {md(block.text)}")
        else:
            out.append(md(block.text))
        last = block.kind
    if not lead:
        return out
    if found and found[0].kind is Kind.PARAGRAPH:
        return [f"{lead} {out[0]}", *out[1:]]
    return [lead, *([""] if out else []), *out]


def _nested(lines: list[str], prefix: str) -> list[str]:
    """Markdown lines set inside a list item or a quote: each under *prefix*."""
    return [f"{prefix}{line}".rstrip() if line else prefix.rstrip() for line in lines]


def _numbers(tree: Tree) -> dict[str, int]:
    """Entry numbers in walk order; goto nodes are written into the line that leads there."""
    ids = [i for i in walk_order(tree) if not isinstance(tree.nodes[i], Goto)]
    return {node_id: n for n, node_id in enumerate(ids, 1)}


def _where(tree: Tree, numbers: Mapping[str, int], titles: Mapping[str, str], target: str) -> str:
    node = tree.nodes.get(target)
    if node is None:
        return f"(missing: no node {md(target)})"
    if isinstance(node, Goto):
        title = titles.get(node.tree)
        name = f"“{md(title)}” ({md(node.tree)})" if title else md(node.tree)
        at = f", at {md(node.node)}" if node.node else ""
        return f"continue with the guide {name}{at}"
    return f"**{numbers[target]}**"


def _minutes(node: Step) -> str:
    return f"about {node.minutes} min" if node.minutes else "under a minute"


def _entry(
    tree: Tree, node: Node, numbers: Mapping[str, int], titles: Mapping[str, str]
) -> list[str]:
    n = numbers[node.id]

    def go(target: str) -> str:
        return _where(tree, numbers, titles, target)

    def head(label: str, text: str, detail: str = "") -> list[str]:
        # Detail shares the paragraph, in italics: a printed page has no room to spare.
        # Text of several blocks (a list, code) keeps them, and its detail follows.
        if is_one_line(text) and is_one_line(detail):
            more = f" *{md(unescape(detail))}*" if detail else ""
            return [f"**{n}. {label}:** {md(unescape(text))}{more}", ""]
        lines = md_blocks(text, f"**{n}. {label}:**")
        if detail:
            lines += (
                ["", f"*{md(unescape(detail))}*"]
                if is_one_line(detail)
                else ["", *md_blocks(detail)]
            )
        return [*lines, ""]

    def item(label: str, text: str) -> list[str]:
        """A list entry of ours (``- **Offer the patron:**``) holding tree text."""
        laid = md_blocks(text, f"**{label}**")
        return [f"- {laid[0]}", *_nested(laid[1:], "  ")]

    if isinstance(node, Question):
        lines = head("Ask", node.ask, node.detail)
        lines += [f"- {md(a.text)} → {go(a.next)}" for a in node.answers]
    elif isinstance(node, Step):
        policy = f", site policy {md(node.policy)}" if node.policy else ""
        label = f"{'[ADMIN] ' if node.admin else ''}Step ({_minutes(node)}{policy})"
        lines = head(label, node.step, node.detail)
        if node.admin:
            admin = md_blocks(node.admin, "**[ADMIN] Needs admin rights. IT must:**")
            lines += [*_nested(admin, "> "), ""]
        lines += [f"- Fixed → {go(node.fixed)}", f"- Not fixed → {go(node.not_fixed)}"]
        if node.cannot:
            lines.append(f"- Could not try it → {go(node.cannot)}")
        if node.admin:
            lines.append(f"- **Without admin rights** → {go(node.no_admin or node.not_fixed)}")
        if node.policy:
            lines.append(f"- Not allowed here → {go(node.no_admin or node.not_fixed)}")
    elif isinstance(node, Say):
        lines = head("Say", node.say, node.detail)
        lines.append(f"- Then → {go(node.next)}")
    elif isinstance(node, Resolved):
        lines = md_blocks(node.text, f"**{n}. RESOLVED:**")
    elif isinstance(node, Refer):
        lines = [*md_blocks(node.tell, f"**{n}. [REFER] Not for library IT: {md(node.who)}.**"), ""]
        if node.bring:
            lines += item("The patron should bring or ask:", node.bring)
        if node.collect:
            lines.append("- **Write down:** " + "; ".join(md(c) for c in node.collect))
    else:
        assert isinstance(node, Escalate)
        urgent = " [URGENT] call IT now" if node.urgent else ""
        lines = [*md_blocks(node.reason, f"**{n}. [ESCALATE]{urgent}:**"), ""]
        if node.workaround:
            lines += item("Offer the patron:", node.workaround)
        if node.collect:
            lines.append("- **Write down for IT:** " + "; ".join(md(c) for c in node.collect))
        elif tree.collect:
            lines.append("- **Write down for IT:** the facts at the end of this guide")
    return [*lines, ""]


def to_markdown(tree: Tree, titles: Mapping[str, str] | None = None) -> str:
    """A one-page guide for the desk binder: when to use it, then every entry in walk order.

    *titles* names the trees a goto leads to, so the page can say where to turn.
    """
    titles = titles or {}
    numbers = _numbers(tree)
    about = [f"Guide: {md(tree.id)}"]
    if tree.owner:
        about.append(f"kept by {md(tree.owner)}")
    if tree.reviewed:
        about.append(f"checked {tree.reviewed.isoformat()}")
    lines = [f"# {md(tree.title)}", "", *md_blocks(tree.summary), "", " · ".join(about), ""]
    if tree.symptoms:
        phrases = []
        for symptom in tree.symptoms:
            start = ""
            if symptom.node:
                start = f" (start at {_where(tree, numbers, titles, symptom.node)})"
            phrases.append(f"“{md(symptom.text)}”{start}")
        lines += ["## When to use it", "", "When the patron says: " + " · ".join(phrases), ""]
    budget = tree.budget
    lines += [
        "## Time budget",
        "",
        f"About {budget.minutes} minutes or {budget.steps} steps. Past that, stop "
        "guessing and escalate to IT with what you have tried.",
        "",
    ]
    if tree.start in tree.nodes:
        lines += [f"## Steps (start at {_where(tree, numbers, titles, tree.start)})", ""]
    else:
        lines += ["## Steps", ""]
    for node_id in numbers:
        lines += _entry(tree, tree.nodes[node_id], numbers, titles)
    if tree.collect:
        lines += ["## Facts IT will want when you stop early", ""]
        lines += [f"- {md(item)}" for item in tree.collect]
        lines.append("")
    if tree.sources:
        lines += ["## Sources", ""]
        lines += [f"- {md(item)}" for item in tree.sources]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
