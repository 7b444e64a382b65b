"""A tree file in, a finished :class:`~troubleshoot.model.Tree` out.

Trainers write these files by hand, so every complaint names the file, line and
column of the key at fault and, where a key is misspelt, the key they meant. The
reader keeps going after a problem so that ``check`` can list them all at once;
``load_tree`` stops at the first for callers that just want a tree.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import yaml

from troubleshoot import yamlio
from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.model import (
    COMMAND_NAMES,
    DEFAULT_STEP_MINUTES,
    Answer,
    Budget,
    Escalate,
    Goto,
    Node,
    Pos,
    Question,
    Resolved,
    Say,
    Step,
    Symptom,
    Tree,
    WalkTest,
)

T = TypeVar("T")

NODE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
TREE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
MAX_COUNT = 10_000
#: Step keys whose value positions a check may point at.
STEP_LINKS = frozenset({"fixed", "not_fixed", "cannot", "no_admin", "admin", "policy"})

TOP_KEYS = (
    "title",
    "summary",
    "symptoms",
    "owner",
    "reviewed",
    "budget",
    "collect",
    "sources",
    "start",
    "nodes",
    "tests",
)
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "ask": ("ask", "detail", "answers"),
    "step": (
        "step",
        "detail",
        "minutes",
        "fixed",
        "not_fixed",
        "cannot",
        "admin",
        "no_admin",
        "policy",
    ),
    "say": ("say", "detail", "next"),
    "goto": ("goto",),
    "resolved": ("resolved",),
    "escalate": ("escalate", "urgent", "workaround", "collect"),
}
STR = "tag:yaml.org,2002:str"
MAP = "tag:yaml.org,2002:map"
MERGE = "tag:yaml.org,2002:merge"
PLAIN_SCALARS = {
    STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
STANDARD_TAGS = PLAIN_SCALARS | {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


def closest(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


SCALAR_NAMES = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:timestamp": "a date",
}


def got(node: yaml.Node) -> str:
    """What a trainer actually wrote, in their words, for a wrong-type message."""
    if isinstance(node, yaml.MappingNode):
        return "got keys and values"
    if isinstance(node, yaml.SequenceNode):
        return "got a list"
    value = str(node.value)
    if node.tag == "tag:yaml.org,2002:null" and value in ("", "~", "null", "Null", "NULL"):
        return "got nothing"
    shown = value if len(value) <= 30 else value[:27] + "..."
    return f"got {SCALAR_NAMES.get(node.tag, 'text')} '{shown}'"


class _Invalid(Exception):
    """Raised inside the reader once a problem is recorded, to skip the bad value."""


class Reader:
    """Turns composed YAML nodes into model values, recording every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []
        # keys a misspelt key was taken for, per mapping: "missing 'summary'" would only
        # repeat "unknown key 'sumary' (did you mean 'summary'?)". The mapping is kept
        # with its set so that its id is not reused for another one.
        self.misspelt: dict[int, tuple[dict[str, tuple[yaml.Node, yaml.Node]], set[str]]] = {}

    # -- recording ---------------------------------------------------------------
    def problem(self, at: Pos, message: str, rule: str = "schema") -> _Invalid:
        self.findings.append(Finding(self.path, at.line, at.col, "error", rule, message))
        return _Invalid()

    def attempt(self, fn: Callable[[], T], default: T) -> T:
        try:
            return fn()
        except _Invalid:
            return default

    # -- shapes ------------------------------------------------------------------
    def check_tag(self, node: yaml.Node, where: str) -> None:
        if node.tag not in STANDARD_TAGS:
            raise self.problem(pos(node), f"{where}unknown or unsafe YAML tag '{node.tag}'")

    def mapping(self, node: yaml.Node, where: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if node.tag != MAP or type(node) is not yaml.MappingNode:
            self.check_tag(node, where)
            if not isinstance(node, yaml.MappingNode):
                raise self.problem(pos(node), f"{where}expected keys and values, {got(node)}")
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            if type(key) is not yaml.ScalarNode or key.tag == MERGE:
                raise self.problem(pos(key), f"{where}keys must be plain words")
            name = str(key.value)
            if name in result:
                first = pos(result[name][0])
                self.problem(
                    pos(key),
                    f"{where}duplicate key '{name}' (first at line {first.line}); "
                    "YAML would silently keep only the last one",
                )
                continue
            result[name] = (key, value)
        return result

    def known_keys(
        self,
        fields: dict[str, tuple[yaml.Node, yaml.Node]],
        allowed: Iterable[str],
        where: str,
        elsewhere: dict[str, str] | None = None,
    ) -> None:
        """Report unknown keys; *elsewhere* says where a key that is wrong here belongs."""
        allowed = tuple(allowed)
        for name, (key, _) in fields.items():
            if name in allowed:
                continue
            meant = closest(name, allowed)
            if meant is not None:
                self.misspelt.setdefault(id(fields), (fields, set()))[1].add(meant)
                hint = f" (did you mean '{meant}'?)"
            elif elsewhere and name in elsewhere:
                hint = f" ('{name}' belongs in {elsewhere[name]})"
            else:
                hint = ""
            self.problem(pos(key), f"{where}unknown key '{name}'{hint}")

    def missing(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], name: str) -> bool:
        """True when *name* is absent and not already explained by a misspelling."""
        meant = self.misspelt.get(id(fields))
        return name not in fields and (meant is None or name not in meant[1])

    def required(
        self, fields: dict[str, tuple[yaml.Node, yaml.Node]], name: str, at: Pos, where: str
    ) -> yaml.Node:
        if name not in fields:
            if self.missing(fields, name):
                raise self.problem(at, f"{where}missing required key '{name}'")
            raise _Invalid()
        return fields[name][1]

    def text(self, node: yaml.Node, where: str, *, empty_ok: bool = False) -> str:
        self.check_tag(node, where)
        if not isinstance(node, yaml.ScalarNode):
            raise self.problem(pos(node), f"{where}expected text, {got(node)}")
        if node.tag == "tag:yaml.org,2002:null" and node.value in ("", "~", "null", "Null", "NULL"):
            value = ""
        else:
            value = str(node.value).strip()
        if not value and not empty_ok:
            raise self.problem(pos(node), f"{where}must not be empty")
        return value

    def integer(self, node: yaml.Node, where: str, low: int = 0, high: int = MAX_COUNT) -> int:
        self.check_tag(node, where)
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:int":
            raise self.problem(pos(node), f"{where}expected a whole number, {got(node)}")
        raw = str(node.value).replace("_", "")
        if len(raw) > 12:
            raise self.problem(pos(node), f"{where}number is too large (at most {high})")
        try:
            value = int(raw, 0)
        except ValueError:
            raise self.problem(pos(node), f"{where}expected a whole number") from None
        if not low <= value <= high:
            raise self.problem(pos(node), f"{where}must be between {low} and {high}")
        return value

    def boolean(self, node: yaml.Node, where: str) -> bool:
        self.check_tag(node, where)
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
            raise self.problem(pos(node), f"{where}expected true or false, {got(node)}")
        return str(node.value).lower() in ("true", "yes", "on", "y")

    def date(self, node: yaml.Node, where: str) -> dt.date:
        value = self.text(node, where)
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            raise self.problem(pos(node), f"{where}expected a date like 2026-11-01") from None

    def sequence(self, node: yaml.Node, where: str) -> list[yaml.Node]:
        self.check_tag(node, where)
        if not isinstance(node, yaml.SequenceNode):
            raise self.problem(pos(node), f"{where}expected a list, {got(node)}")
        if len(node.value) > MAX_COUNT:
            raise self.problem(pos(node), f"{where}list is too long (at most {MAX_COUNT} items)")
        return list(node.value)

    def texts(self, node: yaml.Node, where: str) -> tuple[str, ...]:
        items = self.sequence(node, where)
        out = []
        for i, item in enumerate(items, 1):
            try:
                out.append(self.text(item, f"{where}[{i}]: "))
            except _Invalid:
                continue
        return tuple(out)

    def node_id(self, node: yaml.Node, where: str) -> str:
        value = self.text(node, where)
        if not NODE_ID.match(value):
            raise self.problem(
                pos(node),
                f"{where}'{value}' is not a node id (lower case letters, digits and _)",
            )
        return value


def tree_id_for(path: Path) -> str:
    return path.name[: -len(".yaml")] if path.name.endswith(".yaml") else path.stem


def parse_tree(path: Path, text: str | None = None) -> tuple[Tree | None, list[Finding]]:
    """Read one tree, returning it (if it could be built) and every problem found."""
    name = str(path)
    try:
        if text is None:
            text = yamlio.read_text(path)
        root = yamlio.compose(text, name)
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
    if reader.findings:
        return None, sorted(reader.findings)
    return tree, []


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
        owner=get("owner", lambda n: r.text(n, "owner: ", empty_ok=True), ""),
        reviewed=get("reviewed", lambda n: r.date(n, "reviewed: "), None),
        budget=get("budget", lambda n: _budget(r, n), Budget()),
        collect=get("collect", lambda n: r.texts(n, "collect: "), ()),
        sources=get("sources", lambda n: r.texts(n, "sources: "), ()),
        tests=get("tests", lambda n: _tests(r, n), ()),
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


def _budget(r: Reader, node: yaml.Node) -> Budget:
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


def _tests(r: Reader, node: yaml.Node) -> tuple[WalkTest, ...]:
    out = []
    for i, item in enumerate(r.sequence(node, "tests: "), 1):
        where = f"tests[{i}]: "

        def one(item: yaml.Node = item, where: str = where) -> WalkTest:
            fields = r.mapping(item, where)
            r.known_keys(fields, ("name", "answers", "end", "admin"), where)
            answers = r.texts(r.required(fields, "answers", pos(item), where), where + "answers: ")
            end = r.text(r.required(fields, "end", pos(item), where), where + "end: ")
            admin = r.boolean(fields["admin"][1], where + "admin: ") if "admin" in fields else False
            return WalkTest(answers, end, admin, pos(item))

        test = r.attempt(one, None)
        if test is not None:
            out.append(test)
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
        except _Invalid:
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
        except _Invalid:
            return ""

    def optional(self, key: str) -> str:
        return self.text(key) if key in self.fields else ""

    def target(self, key: str) -> str:
        value = self.plain(key)
        if value and NODE_ID.match(value):
            return value
        try:
            return self.r.node_id(self.value(key), f"{self.where}{key}: ")
        except _Invalid:
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
    """One node, or :class:`_Invalid` once every problem in it has been recorded."""
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
        raise _Invalid()
    return built


def _build(kind: str, name: str, f: _NodeFields) -> Node:
    if kind == "ask":
        no_answers: tuple[Answer, ...] = ()
        answers = f.r.attempt(lambda: _answers(f.r, f.value("answers"), f.where), no_answers)
        return Question(name, f.text("ask"), answers, f.optional("detail"), f.at)
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
        )
    if kind == "say":
        return Say(
            name, f.text("say"), f.target("next"), f.optional("detail"), f.at, f.at_value("next")
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
        return Resolved(name, f.text("resolved"), f.at)
    return Escalate(
        name, f.text("escalate"), f.text("workaround"), f.flag("urgent"), f.texts("collect"), f.at
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
        except _Invalid:
            continue
    return tuple(out)
