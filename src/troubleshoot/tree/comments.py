"""Finding text that a `` #`` cut short.

In YAML a ``#`` after a space starts a comment, even in the middle of a sentence:
``step: Restart kiosk #3 from the menu`` is read as "Restart kiosk", and nothing
says so. This reads the composed nodes beside the file's own lines, and notes each
unquoted text whose line goes on, after a space, with a ``#``. Only keys that hold
words are looked at: ``next: done  # the end`` is a comment meant as one.

Lines and columns are the parser's (0-based in, 1-based out). Found while the file
is read, since checks never read files; the loader keeps them on the tree.
"""

from __future__ import annotations

import re

import yaml

from troubleshoot.tree.model import CutText, Pos

#: Keys whose value is words for a person to read.
TEXT_KEYS = frozenset(
    {
        "title",
        "summary",
        "workaround",
        "ask",
        "detail",
        "note",
        "step",
        "admin",
        "say",
        "resolved",
        "escalate",
        "refer",
        "tell",
        "bring",
        "text",
        "name",
        "patron",
        "situation",
        "owner",
    }
)
#: Keys whose value is a list of such words.
TEXT_LISTS = frozenset({"symptoms", "collect", "synonyms", "answers"})
#: Lists of mappings to look inside.
LISTS = frozenset({"answers", "symptoms", "tests", "scenarios"})

_COMMENT = re.compile(r"[ \t]+#")


def cut_texts(root: yaml.Node, text: str) -> tuple[CutText, ...]:
    """Each unquoted text in *root* that a comment on its last line cut short."""
    if not isinstance(root, yaml.MappingNode):
        return ()
    found: list[CutText] = []
    rows: list[str] = []

    def look(value: yaml.Node, where: str) -> None:
        # a plain scalar's style is None from PyYAML's parser, "" from libyaml's
        if type(value) is not yaml.ScalarNode or value.style:
            return
        if not rows:
            rows.extend(text.split("\n"))
        end = value.end_mark
        rest = rows[end.line][end.column :] if end.line < len(rows) else ""
        comment = _COMMENT.match(rest)
        if comment:
            at = Pos(end.line + 1, end.column + comment.end())
            found.append(CutText(at, where, str(value.value)))

    def mapping(node: yaml.MappingNode, where: str) -> None:
        for key, value in node.value:
            if type(key) is not yaml.ScalarNode:
                continue
            name = str(key.value)
            if name in TEXT_KEYS:
                look(value, f"{where}{name}")
            elif isinstance(value, yaml.SequenceNode) and name in TEXT_LISTS | LISTS:
                for i, item in enumerate(value.value, 1):
                    if isinstance(item, yaml.MappingNode):
                        mapping(item, f"{where}{name}[{i}]: ")
                    elif name in TEXT_LISTS:
                        look(item, f"{where}{name}[{i}]")
            elif isinstance(value, yaml.MappingNode) and name == "nodes" and not where:
                for node_key, node_value in value.value:
                    if isinstance(node_value, yaml.MappingNode):
                        mapping(node_value, f"node '{node_key.value}': ")

    mapping(root, "")
    return tuple(found)
