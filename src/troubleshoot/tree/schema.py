"""The JSON Schema of the tree format, built from the loader's own key tables.

Editors that read JSON Schema (VS Code with the YAML extension, for one) use it to
complete keys and mark mistakes while a trainer types, before ``troubleshoot
check`` ever runs. The key names come from :mod:`troubleshoot.loader`, so a key the
loader learns cannot be missing here: building the schema fails until it is
described. ``schema/tree.schema.json`` is this module's output; a test fails when
the two drift apart. Regenerate it with ``python -m troubleshoot.schema``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from troubleshoot import files
from troubleshoot.frozen import fields
from troubleshoot.tree.example_walks import SCENARIO_KEYS, TEST_KEYS
from troubleshoot.tree.loader import SELF_HELP_KEYS, SHORT, TOP_KEYS
from troubleshoot.tree.model import DEFAULT_STEP_MINUTES, TREE_ID, Budget
from troubleshoot.tree.nodes import ANSWER_KEYS, KIND_KEYS
from troubleshoot.tree.reader import NODE_ID

Schema = dict[str, Any]

DRAFT = "http://json-schema.org/draft-07/schema#"
FILE_NAME = "tree.schema.json"

# Sub-tables the loader checks inline; tests/test_schema.py holds the loader to them.
BUDGET_KEYS = ("minutes", "steps")
SYMPTOM_KEYS = ("text", "node")
__all__ = ["ANSWER_KEYS", "BUDGET_KEYS", "SELF_HELP_KEYS", "SYMPTOM_KEYS"]

#: Keys a node of each kind must have (the loader says "missing required key").
REQUIRED: dict[str, tuple[str, ...]] = {
    "ask": ("ask", "answers"),
    "step": ("step", "fixed", "not_fixed"),
    "say": ("say", "next"),
    "goto": ("goto",),
    "resolved": ("resolved",),
    "escalate": ("escalate", "workaround"),
    "refer": ("refer", "tell"),
}
TOP_REQUIRED = ("title", "summary", "symptoms", "start", "nodes")

_NODE = NODE_ID.pattern[1:-1]
_TREE = TREE_ID.pattern[1:-1]


def _text(description: str) -> Schema:
    # The loader takes any plain scalar as text (a bare 42 is the words "42").
    return {"description": description, "type": ["string", "number", "boolean"], "minLength": 1}


def _ref(name: str, description: str) -> Schema:
    # draft-07 ignores keys beside $ref, so the description goes in an allOf.
    return {"description": description, "allOf": [{"$ref": f"#/definitions/{name}"}]}


def _texts(description: str) -> Schema:
    return {"description": description, "type": "array", "items": {"$ref": "#/definitions/text"}}


def _integer(description: str, low: int, high: int, default: int) -> Schema:
    return {
        "description": description,
        "type": "integer",
        "minimum": low,
        "maximum": high,
        "default": default,
    }


def _boolean(description: str) -> Schema:
    return {"description": description, "type": "boolean", "default": False}


def _object(properties: Schema, required: Sequence[str] = (), **extra: Any) -> Schema:
    result: Schema = {"type": "object", "properties": properties}
    if required:
        result["required"] = list(required)
    result["additionalProperties"] = False
    result.update(extra)
    return result


def _pick(table: Schema, keys: Sequence[str], where: str) -> Schema:
    missing = [k for k in keys if k not in table]
    if missing:
        raise KeyError(f"{where}: no schema for key(s) {', '.join(missing)}; describe them here")
    return {k: table[k] for k in keys}


NODE_KEYS: Schema = {
    "ask": _text("The question, as staff would ask it."),
    "answers": {
        "description": "Two or more answers, each with its own text and where it leads.",
        "type": "array",
        "minItems": 2,
        "items": {"$ref": "#/definitions/answer"},
    },
    "detail": _text("Why, or how, in a sentence or two; shown under the main line."),
    "step": _text("One action for staff to take, in plain words."),
    "minutes": _integer("About how long the step takes.", 0, 24 * 60, DEFAULT_STEP_MINUTES),
    "fixed": _ref("nodeId", "Where to go when the step worked."),
    "not_fixed": _ref("nodeId", "Where to go when it did not."),
    "cannot": _ref("nodeId", "Where to go when staff could not try it (default: not_fixed)."),
    "admin": _text("This step needs administrator rights: say what IT must do."),
    "no_admin": _ref("nodeId", "Where staff without admin rights go instead of this step."),
    "policy": {
        "description": "A site policy switch; a site that forbids it never shows the step.",
        "anyOf": [
            {"enum": ["patron_devices", "clear_jams", "session_override", "refunds"]},
            {"$ref": "#/definitions/nodeId"},
        ],
    },
    "say": _text("Something to tell the patron, or to know, before going on."),
    "next": _ref("nodeId", "The node that comes next."),
    "goto": {
        "description": "Carry on in another tree: TREE, or TREE#node for a node inside it.",
        "type": "string",
        "pattern": f"^{_TREE}(#{_NODE})?$",
    },
    "resolved": _text("What to tell the patron now that it works."),
    "escalate": _text("The reason, one line, for IT."),
    "urgent": _boolean("true when it cannot wait (many devices or patrons affected)."),
    "workaround": _text("What to offer the patron now."),
    "collect": _texts(
        "Facts for IT that the tool cannot know (it records times, answers and steps itself)."
        " Never a password or a card number."
    ),
    "note": _text("For staff only: shown as FOR STAFF, never told to the patron."),
    "refer": _text("Who this belongs to, e.g. the patron's email provider; no IT ticket."),
    "tell": _text("What to tell the patron: where to go, whom to ask."),
    "bring": _text("What the patron should bring or ask for."),
    "patron": _text(
        "The same, in words for a patron alone (the self-help page); only nodes with"
        " patron text are published, every other way on says Ask at the desk."
    ),
}

TOP: Schema = {
    "title": _text("One line staff recognise: the problem as the patron sees it."),
    "summary": _text("One sentence: what this tree covers. Shown by 'troubleshoot list'."),
    "symptoms": {
        "description": "Phrases as patrons and staff say them; used to find the tree.",
        "type": "array",
        "minItems": 1,
        "items": {"$ref": "#/definitions/symptom"},
    },
    "synonyms": _texts(
        "Other words patrons use for what this tree covers (wireless, hotspot, memory"
        " stick), a word or a short name each; find counts them a little below symptoms."
    ),
    "owner": {
        "description": "Who keeps this tree.",
        "type": ["string", "number", "boolean", "null"],
    },
    "reviewed": {
        "description": "Date (YYYY-MM-DD) the tree was last checked against reality.",
        "type": "string",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}",
    },
    "budget": {
        "description": "When to stop guessing and escalate.",
        **_object(
            {
                "minutes": _integer("Minutes before offering to stop.", 1, 24 * 60, 10),
                "steps": _integer("Steps tried before offering to stop.", 1, 1000, 12),
            }
        ),
    },
    "collect": _texts("Facts IT will want whenever a walk of this tree ends early."),
    "workaround": _text(
        "What to offer the patron when staff stop before the tree names the fault."
    ),
    "sources": _texts("Addresses of the documentation the tree rests on."),
    "start": _ref("nodeId", "The id of the first node."),
    "nodes": {
        "description": "The nodes, by id. Each is one kind, told by its first key.",
        "type": "object",
        "minProperties": 1,
        "patternProperties": {NODE_ID.pattern: {"$ref": "#/definitions/node"}},
        "additionalProperties": False,
    },
    "tests": {
        "description": "Example walks that 'troubleshoot test' runs.",
        "type": "array",
        "items": {"$ref": "#/definitions/walk"},
    },
    "scenarios": {
        "description": "Real patron cases played through as staff who know the situation "
        "would; 'troubleshoot test' runs them and practice drills use them.",
        "type": "array",
        "items": {"$ref": "#/definitions/scenario"},
    },
    "self_help": {
        "description": "Publish the patron's part of this tree as a self-help page.",
        **_object(
            {
                "title": _text("The problem in a patron's words, for the index of pages."),
                "start": _ref("nodeId", "The node a patron starts at; it needs patron text."),
                "short": {
                    "description": "The page's short address (default: the tree's id).",
                    "type": "string",
                    "pattern": SHORT.pattern,
                },
            },
            ("title", "start"),
        ),
    },
}

ANSWER: Schema = {
    "text": _text("The answer as staff would say it; each one different."),
    "next": _ref("nodeId", "Where this answer leads."),
    "patron": _text("The answer in a patron's words; only these are on the self-help page."),
}

SYMPTOM: Schema = {
    "text": _text("A phrase as patrons and staff say it."),
    "node": _ref("nodeId", "Start the walk at this node."),
}

WALK: Schema = {
    "name": _text("What the walk shows, for whoever reads a failure."),
    "answers": {
        "description": "Answers in order: an answer's text (or its start) or number; "
        "for a step: fixed, not fixed or cannot.",
        "type": "array",
        "items": {"type": ["string", "integer"]},
    },
    "end": {
        "description": "The end the walk must reach: a node id, or tree#node in another tree.",
        "type": "string",
        "pattern": f"^({_NODE}|{_TREE}#{_NODE})$",
    },
    "admin": _boolean("Walk as someone with admin rights."),
    "patron": _text("What the patron says at the desk, in their own words."),
    "situation": _text("What is really going on, as staff would find out."),
    "forbid": _texts("Site policies that are not allowed in this case."),
}


def _kind(kind: str) -> Schema:
    keys = KIND_KEYS[kind]
    schema = _object(_pick(NODE_KEYS, keys, f"node kind '{kind}'"), REQUIRED[kind])
    if "admin" in keys:
        # check reports an admin step with nowhere to go for staff without rights.
        schema["dependencies"] = {"admin": ["no_admin"]}
    return {"description": f"A '{kind}' node.", **schema}


def build() -> Schema:
    """The schema as a dict, ready for ``json.dumps``."""
    budget = _pick(TOP["budget"]["properties"], BUDGET_KEYS, "budget")
    _pick(TOP["self_help"]["properties"], SELF_HELP_KEYS, "self_help")
    if set(budget) != {f.name for f in fields(Budget)}:
        raise KeyError("budget: schema keys differ from model.Budget")
    definitions: Schema = {
        "text": {"type": ["string", "number", "boolean"], "minLength": 1},
        "nodeId": {
            "description": "A node id: lower case letters, digits and _, starting with a letter.",
            "type": "string",
            "pattern": NODE_ID.pattern,
        },
        "answer": _object(_pick(ANSWER, ANSWER_KEYS, "answers"), ("text", "next")),
        "symptom": {
            "oneOf": [
                _text("A phrase as patrons and staff say it."),
                _object(_pick(SYMPTOM, SYMPTOM_KEYS, "symptoms"), ("text",)),
            ]
        },
        "walk": _object(_pick(WALK, TEST_KEYS, "tests"), ("answers", "end")),
        "scenario": _object(
            _pick(WALK, SCENARIO_KEYS, "scenarios"), ("patron", "situation", "answers", "end")
        ),
        # The kind key picks the rules (if/then), rather than "one of" seven: an editor
        # then says what this node lacks ("'no_admin' is a dependency of 'admin'"),
        # not what the nearest other kind would need ("'ask' is a required property").
        "node": {
            "description": "One node: " + ", ".join(KIND_KEYS) + ".",
            "type": "object",
            "anyOf": [{"required": [kind]} for kind in KIND_KEYS],
            "allOf": [
                {"if": {"required": [kind]}, "then": {"$ref": f"#/definitions/{kind}"}}
                for kind in KIND_KEYS
            ],
        },
    }
    for kind in KIND_KEYS:
        definitions[kind] = _kind(kind)
    return {
        "$schema": DRAFT,
        "$comment": "Generated by 'python -m troubleshoot.schema' from the loader; "
        "do not edit by hand.",
        "title": "troubleshoot tree",
        "description": "One troubleshooting tree for a library service desk (docs/tree-format.md).",
        **_object(_pick(TOP, TOP_KEYS, "top level"), TOP_REQUIRED),
        "definitions": definitions,
    }


def render() -> str:
    """The schema file's exact text."""
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def schema_file() -> Path:
    """Where the schema lives: inside the package once installed, else the repo's."""
    package = Path(__file__).resolve().parent.parent  # src/troubleshoot, or the installed one
    packaged = package / "schema" / FILE_NAME
    if packaged.is_file():
        return packaged
    return package.parent.parent / "schema" / FILE_NAME


def main(argv: Sequence[str] | None = None) -> int:
    """Write the schema to the path given, or over the repo's copy."""
    args = list(sys.argv[1:] if argv is None else argv)
    target = Path(args[0]) if args else schema_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    files.replace(target, render().encode("utf-8"), mode=files.SHARED_FILE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
