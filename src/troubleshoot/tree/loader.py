"""A tree file in, a finished :class:`~troubleshoot.model.Tree` out.

Trainers write these files by hand, so every complaint names the file, line and
column of the key at fault and, where a key is misspelt, the key they meant. The
reader keeps going after a problem so that ``check`` can list them all at once;
``load_tree`` stops at the first for callers that just want a tree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import yaml

from troubleshoot import yamlsafe
from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.tree.comments import cut_texts
from troubleshoot.tree.example_walks import read_walks
from troubleshoot.tree.model import (
    COMMAND_NAMES,
    DEFAULT_STEP_MINUTES,
    TREE_ID,
    Answer,
    Budget,
    Escalate,
    Goto,
    Node,
    Pos,
    Question,
    Refer,
    Resolved,
    Say,
    Step,
    Symptom,
    Tree,
    tree_id_for,
)
from troubleshoot.tree.reader import NODE_ID, STR, Invalid, Reader, did_you_mean, pos

T = TypeVar("T")

#: Step keys whose value positions a check may point at.
STEP_LINKS = frozenset({"fixed", "not_fixed", "cannot", "no_admin", "admin", "policy"})

TOP_KEYS = (
    "title",
    "summary",
    "symptoms",
    "synonyms",
    "owner",
    "reviewed",
    "budget",
    "collect",
    "workaround",
    "sources",
    "start",
    "nodes",
    "tests",
    "scenarios",
)
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "ask": ("ask", "detail", "note", "answers"),
    "step": (
        "step",
        "detail",
        "note",
        "minutes",
        "fixed",
        "not_fixed",
        "cannot",
        "admin",
        "no_admin",
        "policy",
    ),
    "say": ("say", "detail", "note", "next"),
    "goto": ("goto",),
    "resolved": ("resolved", "note"),
    "escalate": ("escalate", "urgent", "workaround", "collect", "note"),
    "refer": ("refer", "tell", "bring", "collect", "note"),
}


def parse_tree(path: Path, text: str | None = None) -> tuple[Tree | None, list[Finding]]:
    """Read one tree, returning it (if it could be built) and every problem found."""
    name = str(path)
    try:
        if text is None:
            text = yamlsafe.read_text(path, follow_links=False)
        root = yamlsafe.compose(text, name)
    except TroubleshootError as e:
        return None, [Finding(name, e.line or 0, e.col or 0, "error", "yaml", e.message)]
    reader = Reader(name)
    if root is None:
        reader.problem(Pos(1, 1), "file is empty; a tree needs title, summary, start and nodes")
        return None, reader.findings
    tree = reader.attempt(lambda: _tree(reader, path, root, text or ""), None)
    tid = tree_id_for(path)
    if not TREE_ID.match(tid):
        reader.problem(
            Pos(1, 1),
            f"file name '{path.name}' is not a tree id (lower case letters, digits and -)",
            "tree-id",
        )
    elif tid in COMMAND_NAMES:
        reader.problem(
            Pos(1, 1), f"tree id '{tid}' is the name of a command; rename the file", "tree-id"
        )
    if reader.findings or tree is None:
        return None, sorted(reader.findings)
    return replace(tree, cut_texts=cut_texts(root, text or "")), []


def load_tree(path: Path) -> Tree:
    """A tree, or the first problem in it as a :class:`TroubleshootError`."""
    tree, findings = parse_tree(path)
    if tree is None:
        raise findings[0].to_error()
    return tree


def _tree(r: Reader, path: Path, root: yaml.Node, text: str) -> Tree:
    fields = r.mapping(root, "")
    r.known_keys(fields, TOP_KEYS, "")
    top = Pos(1, 1)

    def get(key: str, fn: Callable[[yaml.Node], T], default: T) -> T:
        if key not in fields:
            return default
        return r.attempt(lambda: fn(fields[key][1]), default)

    def need(key: str, fn: Callable[[yaml.Node], T], default: T) -> T:
        if key not in fields:
            if r.missing(fields, key):
                r.problem(top, f"missing required key '{key}'")
            return default
        return get(key, fn, default)

    title = need("title", lambda n: r.text(n, "title: "), "")
    summary = need("summary", lambda n: r.text(n, "summary: "), "")
    start = need("start", lambda n: r.node_id(n, "start: "), "")
    no_nodes: dict[str, Node] = {}
    no_symptoms: tuple[Symptom, ...] = ()
    declared: set[str] = set()
    nodes = need("nodes", lambda n: _nodes(r, n, declared), no_nodes)
    symptoms = need("symptoms", lambda n: _symptoms(r, n), no_symptoms)
    tree = Tree(
        id=tree_id_for(path),
        path=str(path),
        title=title,
        summary=summary,
        start=start,
        nodes=nodes,
        symptoms=symptoms,
        synonyms=get("synonyms", lambda n: r.texts(n, "synonyms: "), ()),
        owner=get("owner", lambda n: r.text(n, "owner: ", empty_ok=True), ""),
        reviewed=get("reviewed", lambda n: r.date(n, "reviewed: "), None),
        budget=get("budget", lambda n: read_budget(r, n), Budget()),
        collect=get("collect", lambda n: r.texts(n, "collect: "), ()),
        workaround=get("workaround", lambda n: r.text(n, "workaround: "), ""),
        sources=get("sources", lambda n: r.texts(n, "sources: "), ()),
        tests=get("tests", lambda n: read_walks(r, n), ()),
        scenarios=get("scenarios", lambda n: read_walks(r, n, "scenarios"), ()),
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        key_pos={key: pos(k) for key, (k, _) in fields.items()},
    )
    if start and declared and start not in declared:
        r.problem(
            pos(fields["start"][1]),
            f"start: unknown node '{start}'{did_you_mean(start, declared)}",
            "dangling",
        )
    return tree


def read_budget(r: Reader, node: yaml.Node) -> Budget:
    fields = r.mapping(node, "budget: ")
    r.known_keys(fields, ("minutes", "steps"), "budget: ")
    default = Budget()
    minutes, steps = default.minutes, default.steps
    if "minutes" in fields:
        minutes = r.integer(fields["minutes"][1], "budget: minutes: ", 1, 24 * 60)
    if "steps" in fields:
        steps = r.integer(fields["steps"][1], "budget: steps: ", 1, 1000)
    return Budget(minutes, steps)


def _symptoms(r: Reader, node: yaml.Node) -> tuple[Symptom, ...]:
    out = []
    for i, item in enumerate(r.sequence(node, "symptoms: "), 1):
        where = f"symptoms[{i}]: "

        def one(item: yaml.Node = item, where: str = where) -> Symptom:
            if isinstance(item, yaml.MappingNode):
                fields = r.mapping(item, where)
                r.known_keys(fields, ("text", "node"), where)
                text = r.text(r.required(fields, "text", pos(item), where), where + "text: ")
                target = None
                if "node" in fields:
                    target = r.node_id(fields["node"][1], where + "node: ")
                return Symptom(text, target, pos(item))
            return Symptom(r.text(item, where), None, pos(item))

        symptom = r.attempt(one, None)
        if symptom is not None:
            out.append(symptom)
    return tuple(out)


def _nodes(r: Reader, node: yaml.Node, declared: set[str]) -> dict[str, Node]:
    """The nodes that could be built; *declared* gets every id written, built or not."""
    fields = r.mapping(node, "nodes: ")
    if not fields:
        raise r.problem(pos(node), "nodes: a tree needs at least one node")
    declared.update(fields)
    out: dict[str, Node] = {}
    for name, (key, value) in fields.items():
        where = f"node '{name}': "
        if not NODE_ID.match(name):
            r.problem(pos(key), f"{where}not a node id (lower case letters, digits and _)")
            continue
        try:
            out[name] = _node(r, name, value, where)
        except Invalid:
            continue
    return out


#: For a key that is wrong in one kind of node, the kinds it belongs to.
KEY_HOMES: dict[str, str] = {
    key: " and ".join(f"'{kind}' nodes" for kind, keys in KIND_KEYS.items() if key in keys)
    for key in {k for keys in KIND_KEYS.values() for k in keys}
}


class _NodeFields:
    """Reads one node's keys, recording a problem for each bad one and going on."""

    def __init__(
        self, r: Reader, fields: dict[str, tuple[yaml.Node, yaml.Node]], where: str, at: Pos
    ) -> None:
        self.r, self.fields, self.where, self.at = r, fields, where, at

    def __contains__(self, key: str) -> bool:
        return key in self.fields

    def value(self, key: str) -> yaml.Node:
        return self.r.required(self.fields, key, self.at, self.where)

    def plain(self, key: str) -> str:
        """The key's text when it is plainly fine, else "" (the careful path then runs)."""
        found = self.fields.get(key)
        if found is not None:
            node = found[1]
            if node.tag == STR and type(node) is yaml.ScalarNode:
                return str(node.value).strip()
        return ""

    def text(self, key: str) -> str:
        value = self.plain(key)
        if value:
            return value
        try:
            return self.r.text(self.value(key), f"{self.where}{key}: ")
        except Invalid:
            return ""

    def optional(self, key: str) -> str:
        return self.text(key) if key in self.fields else ""

    def target(self, key: str) -> str:
        value = self.plain(key)
        if value and NODE_ID.match(value):
            return value
        try:
            return self.r.node_id(self.value(key), f"{self.where}{key}: ")
        except Invalid:
            return ""

    def maybe(self, key: str) -> str | None:
        return (self.target(key) or None) if key in self.fields else None

    def at_value(self, key: str) -> Pos:
        return pos(self.fields[key][1]) if key in self.fields else self.at

    def number(self, key: str, default: int) -> int:
        if key not in self.fields:
            return default
        where = f"{self.where}{key}: "
        return self.r.attempt(lambda: self.r.integer(self.value(key), where, 0, 24 * 60), default)

    def flag(self, key: str) -> bool:
        if key not in self.fields:
            return False
        return self.r.attempt(
            lambda: self.r.boolean(self.value(key), f"{self.where}{key}: "), False
        )

    def texts(self, key: str) -> tuple[str, ...]:
        if key not in self.fields:
            return ()
        return self.r.attempt(lambda: self.r.texts(self.value(key), f"{self.where}{key}: "), ())


def _node(r: Reader, name: str, node: yaml.Node, where: str) -> Node:
    """One node, or :class:`Invalid` once every problem in it has been recorded."""
    fields = r.mapping(node, where)
    at = pos(node)
    kinds = [k for k in KIND_KEYS if k in fields]
    if not kinds:
        allowed = [k for keys in KIND_KEYS.values() for k in keys]
        for key_name, (key, _) in fields.items():
            if key_name not in allowed:
                raise r.problem(
                    pos(key), f"{where}unknown key '{key_name}'{did_you_mean(key_name, allowed)}"
                )
        raise r.problem(at, f"{where}no kind: give it one of {', '.join(KIND_KEYS)}")
    if len(kinds) > 1:
        raise r.problem(at, f"{where}has both '{kinds[0]}' and '{kinds[1]}'; a node is one kind")
    before = len(r.findings)
    r.known_keys(fields, KIND_KEYS[kinds[0]], where, KEY_HOMES)
    built = _build(kinds[0], name, _NodeFields(r, fields, where, at))
    if len(r.findings) > before:
        raise Invalid()
    return built


def _build(kind: str, name: str, f: _NodeFields) -> Node:
    if kind == "ask":
        no_answers: tuple[Answer, ...] = ()
        answers = f.r.attempt(lambda: _answers(f.r, f.value("answers"), f.where), no_answers)
        return Question(
            name, f.text("ask"), answers, f.optional("detail"), f.at, f.optional("note")
        )
    if kind == "step":
        return Step(
            id=name,
            step=f.text("step"),
            fixed=f.target("fixed"),
            not_fixed=f.target("not_fixed"),
            detail=f.optional("detail"),
            minutes=f.number("minutes", DEFAULT_STEP_MINUTES),
            cannot=f.maybe("cannot"),
            admin=f.optional("admin") or None,
            no_admin=f.maybe("no_admin"),
            policy=f.maybe("policy"),
            pos=f.at,
            key_pos={k: pos(v) for k, (_, v) in f.fields.items() if k in STEP_LINKS},
            note=f.optional("note"),
        )
    if kind == "say":
        return Say(
            name,
            f.text("say"),
            f.target("next"),
            f.optional("detail"),
            f.at,
            f.at_value("next"),
            f.optional("note"),
        )
    if kind == "goto":
        raw = f.text("goto")
        tree_name, _, node_name = raw.partition("#")
        if raw and (not TREE_ID.match(tree_name) or (node_name and not NODE_ID.match(node_name))):
            raise f.r.problem(
                f.at_value("goto"), f"{f.where}goto: expected TREE or TREE#node, got '{raw}'"
            )
        return Goto(name, tree_name, node_name or None, f.at_value("goto"))
    if kind == "resolved":
        return Resolved(name, f.text("resolved"), f.at, f.optional("note"))
    if kind == "refer":
        return Refer(
            name,
            f.text("refer"),
            f.text("tell"),
            f.optional("bring"),
            f.texts("collect"),
            f.at,
            f.optional("note"),
        )
    return Escalate(
        name,
        f.text("escalate"),
        f.text("workaround"),
        f.flag("urgent"),
        f.texts("collect"),
        f.at,
        f.optional("note"),
    )


def _answers(r: Reader, node: yaml.Node, where: str) -> tuple[Answer, ...]:
    out = []
    for i, item in enumerate(r.sequence(node, f"{where}answers: "), 1):
        at = f"{where}answers[{i}]: "
        try:
            fields = r.mapping(item, at)
            f = _NodeFields(r, fields, at, pos(item))
            r.known_keys(fields, ("text", "next"), at)
            before = len(r.findings)
            answer = Answer(f.text("text"), f.target("next"), f.at, f.at_value("next"))
            if len(r.findings) == before:
                out.append(answer)
        except Invalid:
            continue
    return tuple(out)
