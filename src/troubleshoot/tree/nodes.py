"""The ``nodes:`` of a tree file: each node's kind from its keys, its fields, its links.

Kept apart from the loader, which reads the file's top level: a node is the part of
a tree trainers write most, and its rules (one kind key, the keys each kind allows,
what a step's links must be) are one idea of their own.
"""

from __future__ import annotations

import yaml

from troubleshoot.tree.model import (
    DEFAULT_STEP_MINUTES,
    TREE_ID,
    Answer,
    Escalate,
    Goto,
    Node,
    Pos,
    Question,
    Refer,
    Resolved,
    Say,
    Step,
)
from troubleshoot.tree.reader import NODE_ID, STR, Invalid, Reader, did_you_mean, pos

#: Step keys whose value positions a check may point at.
STEP_LINKS = frozenset({"fixed", "not_fixed", "cannot", "no_admin", "admin", "policy"})

KIND_KEYS: dict[str, tuple[str, ...]] = {
    "ask": ("ask", "detail", "note", "patron", "answers"),
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
        "patron",
    ),
    "say": ("say", "detail", "note", "patron", "next"),
    "goto": ("goto",),
    "resolved": ("resolved", "note", "patron"),
    "escalate": ("escalate", "urgent", "workaround", "collect", "note"),
    "refer": ("refer", "tell", "bring", "collect", "note"),
}


def read_nodes(r: Reader, node: yaml.Node, declared: set[str]) -> dict[str, Node]:
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


#: The keys of one answer of a question.
ANSWER_KEYS = ("text", "next", "patron")

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
            name,
            f.text("ask"),
            answers,
            f.optional("detail"),
            f.at,
            f.optional("note"),
            f.optional("patron"),
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
            patron=f.optional("patron"),
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
            f.optional("patron"),
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
        return Resolved(name, f.text("resolved"), f.at, f.optional("note"), f.optional("patron"))
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
            r.known_keys(fields, ANSWER_KEYS, at)
            before = len(r.findings)
            answer = Answer(
                f.text("text"), f.target("next"), f.at, f.at_value("next"), f.optional("patron")
            )
            if len(r.findings) == before:
                out.append(answer)
        except Invalid:
            continue
    return tuple(out)
