"""A tree file in, a finished :class:`~troubleshoot.model.Tree` out.

Trainers write these files by hand, so every complaint names the file, line and
column of the key at fault and, where a key is misspelt, the key they meant. The
reader keeps going after a problem so that ``check`` can list them all at once;
``load_tree`` stops at the first for callers that just want a tree.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from troubleshoot import yamlsafe
from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.frozen import replace
from troubleshoot.tree.comments import cut_texts
from troubleshoot.tree.example_walks import read_walks
from troubleshoot.tree.model import (
    COMMAND_NAMES,
    TREE_ID,
    Budget,
    Node,
    Pos,
    SelfHelp,
    Symptom,
    Tree,
    tree_id_for,
)
from troubleshoot.tree.nodes import read_nodes
from troubleshoot.tree.reader import Reader, did_you_mean, pos

T = TypeVar("T")

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
    "self_help",
)
#: The keys of a tree's ``self_help:`` block.
SELF_HELP_KEYS = ("title", "start", "short")
#: A page's short address: what a QR code on a sign encodes, so short and plain.
SHORT = re.compile(r"^[a-z0-9][a-z0-9-]{0,31}$")


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
    nodes = need("nodes", lambda n: read_nodes(r, n, declared), no_nodes)
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
        self_help=get("self_help", lambda n: _self_help(r, n), None),
    )
    if start and declared and start not in declared:
        r.problem(
            pos(fields["start"][1]),
            f"start: unknown node '{start}'{did_you_mean(start, declared)}",
            "dangling",
        )
    helped = tree.self_help
    if helped and helped.start and declared and helped.start not in declared:
        r.problem(
            helped.start_pos,
            f"self_help: start: unknown node '{helped.start}'"
            f"{did_you_mean(helped.start, declared)}",
            "dangling",
        )
    return tree


def _self_help(r: Reader, node: yaml.Node) -> SelfHelp:
    where = "self_help: "
    fields = r.mapping(node, where)
    r.known_keys(fields, SELF_HELP_KEYS, where)
    at = pos(node)
    title = r.text(r.required(fields, "title", at, where), f"{where}title: ")
    start_node = r.required(fields, "start", at, where)
    start = r.node_id(start_node, f"{where}start: ")
    short = ""
    if "short" in fields:
        value = fields["short"][1]
        short = r.text(value, f"{where}short: ")
        if not SHORT.match(short):
            raise r.problem(
                pos(value),
                f"{where}short: '{short}' is not a short address "
                "(up to 32 lower case letters, digits and -)",
            )
    return SelfHelp(title, start, short, at, pos(start_node))


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
