"""Reading a user-written YAML file's nodes into values, with every problem recorded.

Trees and site settings are both written by hand by people who are not
programmers. This reader gives both the same quality of complaint: the line and
column of the value at fault, what was found instead, and for a misspelt key the
key that was meant. It keeps going after a problem so that all of them are listed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

import yaml

from troubleshoot.errors import Finding
from troubleshoot.tree.model import Pos

T = TypeVar("T")

NODE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
MAX_COUNT = 10_000

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


class Invalid(Exception):
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
    def problem(self, at: Pos, message: str, rule: str = "schema") -> Invalid:
        self.findings.append(Finding(self.path, at.line, at.col, "error", rule, message))
        return Invalid()

    def attempt(self, fn: Callable[[], T], default: T) -> T:
        try:
            return fn()
        except Invalid:
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
            raise Invalid()
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
        """A day written as YYYY-MM-DD, and nothing after it (``2026-11-01garbage`` is not one)."""
        value = self.text(node, where)
        try:
            if not DATE.fullmatch(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
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
            except Invalid:
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
