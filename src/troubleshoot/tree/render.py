"""A tree as text for review and printing: Mermaid, Graphviz DOT and a Markdown guide.

Every function here turns a :class:`~troubleshoot.model.Tree` into a string and does
nothing else, so the command that prints them stays thin and tests can check the
text directly. Tree text is untrusted and may hold quotes, brackets, ``#``, HTML or
newlines; each format escapes it its own way so the output always parses and shows
the words as the trainer typed them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from troubleshoot.text import one_line
from troubleshoot.tree.model import (
    Escalate,
    Goto,
    Node,
    Question,
    Refer,
    Resolved,
    Say,
    Step,
    Tree,
    links,
)

FORMATS = ("mermaid", "dot", "markdown")

#: Diagram labels longer than this are cut, so a review picture stays readable.
LABEL_CHARS = 80
EDGE_CHARS = 40

STEP_LABELS = {
    "fixed": "fixed",
    "not_fixed": "not fixed",
    "cannot": "cannot try",
    "no_admin": "no admin rights",
    "next": "next",
}


@dataclass(frozen=True)
class Edge:
    source: str
    label: str  # what staff answered or what happened, in plain words
    target: str


def edges(node: Node) -> Iterator[Edge]:
    """The node's links with labels a reader understands (answer text, 'fixed'...)."""
    for link in links(node):
        if isinstance(node, Question) and link.answer is not None:
            label = node.answers[link.answer].text
        else:
            label = STEP_LABELS.get(link.label, link.label)
        yield Edge(node.id, label, link.target)


def walk_order(tree: Tree) -> list[str]:
    """Node ids as a walk meets them: depth first from the start, answers in order.

    Nodes no walk can reach come last, in file order, so nothing is ever left out.
    """
    seen: dict[str, None] = {}
    stack = [tree.start] if tree.start in tree.nodes else []
    while stack:
        node_id = stack.pop()
        if node_id in seen or node_id not in tree.nodes:
            continue
        seen[node_id] = None
        targets = [e.target for e in edges(tree.nodes[node_id])]
        stack.extend(reversed(targets))
    for node_id in tree.nodes:
        seen.setdefault(node_id, None)
    return list(seen)


def missing_targets(tree: Tree) -> list[str]:
    """Targets no node answers to (a tree ``check`` would reject, drawn all the same)."""
    found: dict[str, None] = {}
    for node_id in walk_order(tree):
        for edge in edges(tree.nodes[node_id]):
            if edge.target not in tree.nodes:
                found.setdefault(edge.target, None)
    return list(found)


def short(text: str, limit: int) -> str:
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def marker(node: Node) -> str:
    """The word that says what a node is without colour: ASK, STEP, ADMIN, ESCALATE..."""
    if isinstance(node, Question):
        return "ASK"
    if isinstance(node, Step):
        return "ADMIN" if node.admin else "STEP"
    if isinstance(node, Say):
        return "SAY"
    if isinstance(node, Goto):
        return "GOTO"
    if isinstance(node, Resolved):
        return "RESOLVED"
    if isinstance(node, Refer):
        return "REFER"
    return "ESCALATE URGENT" if node.urgent else "ESCALATE"


def main_text(node: Node) -> str:
    if isinstance(node, Question):
        return node.ask
    if isinstance(node, Step):
        return node.step
    if isinstance(node, Say):
        return node.say
    if isinstance(node, Goto):
        return node.target
    if isinstance(node, Resolved):
        return node.text
    if isinstance(node, Refer):
        return f"{node.who}: {node.tell}"
    return node.reason


# -- Mermaid -------------------------------------------------------------------------------

_MERMAID_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    "\\": "#92;",
    "|": "#124;",  # ends an edge label
    "%": "#37;",  # '%%{' starts a directive anywhere in the text
}
_MERMAID_SPECIAL = re.compile("[" + re.escape("".join(_MERMAID_ENTITIES)) + "]")


def mermaid_text(text: str, limit: int = LABEL_CHARS) -> str:
    """Text safe inside a quoted Mermaid label: entity codes for anything it reads."""
    return _MERMAID_SPECIAL.sub(lambda m: _MERMAID_ENTITIES[m.group()], short(text, limit))


def _mermaid_shape(node: Node | None) -> tuple[str, str]:
    if isinstance(node, Question):
        return "{", "}"
    if isinstance(node, Step):
        return ("[[", "]]") if node.admin else ("[", "]")
    if isinstance(node, Say):
        return "[/", "/]"
    if isinstance(node, Goto):
        return "[\\", "\\]"
    if isinstance(node, Resolved):
        return "([", "])"
    if isinstance(node, Escalate):
        return "{{", "}}"
    if isinstance(node, Refer):
        return "[(", ")]"
    return "[", "]"


def _mermaid_id(node_id: str) -> str:
    # A prefix keeps ids such as 'end' or 'graph' from reading as Mermaid words.
    return f"n_{node_id}"


def _mermaid_class(node: Node | None) -> str:
    if node is None:
        return "missing"
    if isinstance(node, Step) and node.admin:
        return "admin"
    if isinstance(node, Escalate):
        return "urgent" if node.urgent else "escalate"
    if isinstance(node, Resolved):
        return "resolved"
    if isinstance(node, Refer):
        return "refer"
    return ""


def to_mermaid(tree: Tree) -> str:
    """A Mermaid flowchart; paste it into a Markdown file or a Mermaid viewer."""
    lines = ["flowchart TD", f"  %% {mermaid_text(tree.title)} ({tree.id})"]
    order = walk_order(tree)
    for node_id in order:
        node = tree.nodes[node_id]
        opening, closing = _mermaid_shape(node)
        label = mermaid_text(f"{marker(node)}: {main_text(node)}")
        lines.append(f'  {_mermaid_id(node_id)}{opening}"{label}"{closing}')
    for target in missing_targets(tree):
        label = mermaid_text(f"MISSING: {target}")
        lines.append(f'  {_mermaid_id(target)}["{label}"]')
    for node_id in order:
        for edge in edges(tree.nodes[node_id]):
            label = mermaid_text(edge.label, EDGE_CHARS)
            lines.append(f'  {_mermaid_id(node_id)} -->|"{label}"| {_mermaid_id(edge.target)}')
    lines += [
        "  classDef admin stroke-width:4px,stroke-dasharray:6 3",
        "  classDef escalate stroke-width:3px",
        "  classDef urgent stroke-width:5px",
        "  classDef resolved stroke-width:2px",
        "  classDef refer stroke-dasharray:8 4",
        "  classDef missing stroke-dasharray:2 2",
    ]
    classes: dict[str, list[str]] = {}
    for node_id in order:
        name = _mermaid_class(tree.nodes[node_id])
        if name:
            classes.setdefault(name, []).append(_mermaid_id(node_id))
    for target in missing_targets(tree):
        classes.setdefault("missing", []).append(_mermaid_id(target))
    for name, ids in classes.items():
        lines.append(f"  class {','.join(ids)} {name}")
    return "\n".join(lines) + "\n"


# -- DOT -----------------------------------------------------------------------------------


def dot_text(text: str, limit: int = LABEL_CHARS) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, always one line."""
    body = short(text, limit).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{body}"'


def _dot_attrs(node: Node | None) -> str:
    if isinstance(node, Question):
        return "shape=diamond"
    if isinstance(node, Step):
        return "shape=box, peripheries=2, style=bold" if node.admin else "shape=box"
    if isinstance(node, Say):
        return "shape=note"
    if isinstance(node, Goto):
        return "shape=cds"
    if isinstance(node, Resolved):
        return "shape=oval"
    if isinstance(node, Escalate):
        return "shape=octagon, style=bold" + (", peripheries=3" if node.urgent else "")
    if isinstance(node, Refer):
        return "shape=house"
    return "shape=box, style=dashed"


def to_dot(tree: Tree) -> str:
    """A Graphviz digraph: ``dot -Tpdf printer.dot -o printer.pdf`` makes a page."""
    lines = [
        f"digraph {dot_text(tree.id)} {{",
        f"  label={dot_text(tree.title)};",
        "  labelloc=t;",
        '  node [fontname="Helvetica"];',
    ]
    order = walk_order(tree)
    for node_id in order:
        node = tree.nodes[node_id]
        label = dot_text(f"{marker(node)}: {main_text(node)}")
        lines.append(f"  {dot_text(node_id)} [label={label}, {_dot_attrs(node)}];")
    for target in missing_targets(tree):
        label = dot_text(f"MISSING: {target}")
        lines.append(f"  {dot_text(target)} [label={label}, {_dot_attrs(None)}];")
    for node_id in order:
        for edge in edges(tree.nodes[node_id]):
            label = dot_text(edge.label, EDGE_CHARS)
            lines.append(f"  {dot_text(node_id)} -> {dot_text(edge.target)} [label={label}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- Markdown ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!])")


_MD_LEADING = re.compile(r"^(?:([-+=])|(\d+)([.)]))")


def md(text: str) -> str:
    """Text shown literally by any Markdown reader: one line, punctuation escaped.

    A leading ``-``, ``+`` or ``1.`` is escaped too: after a list marker it would
    start a nested list.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line(text))
    return _MD_LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


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
        more = f" *{md(detail)}*" if detail else ""
        return [f"**{n}. {label}:** {md(text)}{more}", ""]

    if isinstance(node, Question):
        lines = head("Ask", node.ask, node.detail)
        lines += [f"- {md(a.text)} → {go(a.next)}" for a in node.answers]
    elif isinstance(node, Step):
        policy = f", site policy {md(node.policy)}" if node.policy else ""
        label = f"{'[ADMIN] ' if node.admin else ''}Step ({_minutes(node)}{policy})"
        lines = head(label, node.step, node.detail)
        if node.admin:
            lines += [f"> **[ADMIN] Needs admin rights. IT must:** {md(node.admin)}", ""]
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
        lines = [f"**{n}. RESOLVED:** {md(node.text)}"]
    elif isinstance(node, Refer):
        lines = [f"**{n}. [REFER] Not for library IT: {md(node.who)}.** {md(node.tell)}", ""]
        if node.bring:
            lines.append(f"- **The patron should bring or ask:** {md(node.bring)}")
        if node.collect:
            lines.append("- **Write down:** " + "; ".join(md(c) for c in node.collect))
    else:
        assert isinstance(node, Escalate)
        urgent = " [URGENT] call IT now" if node.urgent else ""
        lines = [f"**{n}. [ESCALATE]{urgent}:** {md(node.reason)}", ""]
        if node.workaround:
            lines.append(f"- **Offer the patron:** {md(node.workaround)}")
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
    lines = [f"# {md(tree.title)}", "", md(tree.summary), "", " · ".join(about), ""]
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


def render(tree: Tree, fmt: str, titles: Mapping[str, str] | None = None) -> str:
    if fmt == "mermaid":
        return to_mermaid(tree)
    if fmt == "dot":
        return to_dot(tree)
    if fmt == "markdown":
        return to_markdown(tree, titles)
    raise ValueError(f"unknown format {fmt!r}")
