"""The editor schema: generated from the loader, in step with the file, and in step with
what the loader accepts and refuses."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, TREES
from troubleshoot.tree import schema
from troubleshoot.tree.loader import TOP_KEYS, parse_tree
from troubleshoot.tree.nodes import KIND_KEYS

SCHEMA_FILE = ROOT / "schema" / "tree.schema.json"
BUNDLED = sorted(TREES.glob("*.yaml"))


class EditorLoader(yaml.SafeLoader):
    """Reads YAML the way an editor's YAML 1.2 language server does: dates stay text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_editor_sees(text: str) -> Any:
    return yaml.load(text, Loader=EditorLoader)  # a SafeLoader subclass: no objects


@pytest.fixture(scope="module")
def validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    built = schema.build()
    jsonschema.Draft7Validator.check_schema(built)
    return jsonschema.Draft7Validator(built)


def test_schema_file_matches_the_schema_built_from_the_loader() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema.render(), (
        "schema/tree.schema.json is out of date: run 'python -m troubleshoot.schema'"
    )


def test_schema_module_writes_the_file_it_is_compared_with(tmp_path: Path) -> None:
    target = tmp_path / "out" / "tree.schema.json"
    assert schema.main([str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema.build()


def test_every_loader_key_is_in_the_schema() -> None:
    built = schema.build()
    assert list(built["properties"]) == list(TOP_KEYS)
    for kind, keys in KIND_KEYS.items():
        assert list(built["definitions"][kind]["properties"]) == list(keys)
    node_kinds = [rule["then"]["$ref"] for rule in built["definitions"]["node"]["allOf"]]
    assert node_kinds == [f"#/definitions/{kind}" for kind in KIND_KEYS]


def test_a_key_the_loader_learns_breaks_the_build_until_described(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(schema.KIND_KEYS, "step", (*KIND_KEYS["step"], "colour"))
    with pytest.raises(KeyError, match="colour"):
        schema.build()


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_tree_is_valid_for_the_editor(validator: Any, path: Path) -> None:
    data = as_editor_sees(path.read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_every_bundled_tree_names_the_schema_on_its_first_line() -> None:
    for path in BUNDLED:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == "# yaml-language-server: $schema=../schema/tree.schema.json", path.name


# -- the schema refuses what the loader refuses -----------------------------------------

GOOD = """
title: Good
summary: A tree both agree on.
symptoms: [it broke, {text: "it says: no", node: fix}]
synonyms: [gadget, widget]
owner: Desk
reviewed: 2026-11-01
budget: {minutes: 10, steps: 12}
collect: [PC name]
sources: [https://example.org]
start: ask
nodes:
  ask:
    ask: One or many?
    detail: More words.
    answers:
      - {text: One, next: fix}
      - {text: Many, next: out}
  fix:
    step: Restart it.
    detail: Why.
    minutes: 3
    fixed: done
    not_fixed: admin
    cannot: out
    policy: clear_jams
  admin:
    step: Reset it.
    admin: Reset from the console.
    no_admin: out
    fixed: done
    not_fixed: out
  tell: {say: Tell them., detail: Why., next: done}
  other: {goto: "printer#done"}
  done: {resolved: Works.}
  out:
    escalate: Broken.
    urgent: true
    workaround: Use another.
    collect: [What you tried]
tests:
  - name: fixed
    answers: [One, fixed, 2]
    end: done
    admin: true
"""

# (what to change in GOOD, the start of the loader's message)
BROKEN = [
    ("title: Good", "titel: Good", "unknown key 'titel' (did you mean 'title'?)"),
    ("summary: A tree both agree on.\n", "", "missing required key 'summary'"),
    ("owner: Desk", "owner: [Desk]", "owner: expected text"),
    ("synonyms: [gadget, widget]", "synonyms: gadget", "synonyms: expected a list"),
    ("synonyms: [gadget, widget]", "synonyms: [gadget, [widget]]", "synonyms: [2]: expected text"),
    ("budget: {minutes: 10, steps: 12}", "budget: {minutes: 0}", "budget: minutes: must be"),
    ("budget: {minutes: 10, steps: 12}", "budget: {steps: 1001}", "budget: steps: must be"),
    ("budget: {minutes: 10, steps: 12}", "budget: {hours: 1}", "budget: unknown key 'hours'"),
    ('{text: "it says: no", node: fix}', "{txt: no}", "symptoms[2]: unknown key 'txt'"),
    ('{text: "it says: no", node: fix}', "{node: fix}", "symptoms[2]: missing required"),
    ("start: ask", "start: Ask", "start: 'Ask' is not a node id"),
    ("    detail: More words.\n", "    details: More.\n", "node 'ask': unknown key 'details'"),
    ("      - {text: One, next: fix}", "      - {text: One}", "node 'ask': answers[1]: missing"),
    ("      - {text: One, next: fix}", "      - One", "node 'ask': answers[1]: expected keys"),
    ("    minutes: 3\n", "    minutes: 2000\n", "node 'fix': minutes: must be between"),
    ("    minutes: 3\n", "    minutes: three\n", "node 'fix': minutes: expected a whole"),
    ("    not_fixed: admin\n    cannot", "    cannot", "node 'fix': missing required key"),
    ("  tell: {say: Tell them., detail: Why., next: done}", "  tell: {say: Hi.}", "node 'tell'"),
    ("  done: {resolved: Works.}", "  done: {resolved: Works., step: x}", "node 'done': has both"),
    ("  done: {resolved: Works.}", "  done: {finished: Works.}", "node 'done': unknown key"),
    ("  done: {resolved: Works.}", "  Done: {resolved: Works.}", "node 'Done': not a node id"),
    ('{goto: "printer#done"}', '{goto: "Printer"}', "node 'other': goto: expected TREE"),
    ("    workaround: Use another.\n", "", "node 'out': missing required key 'workaround'"),
    ("    urgent: true", "    urgent: very", "node 'out': urgent: expected true or false"),
    ("    end: done\n", "", "tests[1]: missing required key 'end'"),
    ("    admin: true\n", "    admin: true\n    when: now\n", "tests[1]: unknown key 'when'"),
    ("    answers: [One, fixed, 2]", "    answers: One", "tests[1]: answers: expected a list"),
    ("    admin: true\n", "    admin: sometimes\n", "tests[1]: admin: expected true"),
    ("nodes:\n", "nodes: {}\nold_nodes:\n", "nodes: a tree needs at least one node"),
]


def variant(old: str, new: str) -> str:
    text = textwrap.dedent(GOOD).lstrip("\n")
    assert old in text, old
    return text.replace(old, new, 1)


def test_the_good_tree_loads_and_is_valid_for_the_editor(validator: Any, tmp_path: Path) -> None:
    path = tmp_path / "good.yaml"
    path.write_text(variant("", ""), encoding="utf-8")
    tree, findings = parse_tree(path)
    assert findings == [] and tree is not None
    assert [e.message for e in validator.iter_errors(as_editor_sees(variant("", "")))] == []


@pytest.mark.parametrize(("old", "new", "message"), BROKEN, ids=[b[2][:40] for b in BROKEN])
def test_what_the_loader_refuses_the_editor_marks_too(
    validator: Any, tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = variant(old, new)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    tree, findings = parse_tree(path)
    assert tree is None
    assert any(f.message.startswith(message) for f in findings), findings
    assert list(validator.iter_errors(as_editor_sees(text))), "the schema let it through"


def test_an_admin_step_without_a_no_admin_route_is_marked_in_the_editor(validator: Any) -> None:
    text = variant("    no_admin: out\n", "")
    assert list(validator.iter_errors(as_editor_sees(text)))


def node_messages(validator: Any, node: dict[str, Any]) -> list[str]:
    """What an editor says about one node of an otherwise good tree."""
    tree = {"title": "T", "summary": "S", "symptoms": ["s"], "start": "a"}
    tree["nodes"] = {"a": node, "done": {"resolved": "Done."}}
    return [e.message for e in validator.iter_errors(tree)]


def test_an_admin_step_missing_no_admin_is_told_it_lacks_no_admin(validator: Any) -> None:
    step = {"step": "Reset it.", "admin": "IT resets it.", "fixed": "done", "not_fixed": "done"}
    assert node_messages(validator, step) == ["'no_admin' is a dependency of 'admin'"]


def test_a_step_missing_a_route_is_told_which_route(validator: Any) -> None:
    assert node_messages(validator, {"step": "Reset it.", "fixed": "done"}) == [
        "'not_fixed' is a required property"
    ]


def test_a_misspelt_key_in_a_node_is_named_alone(validator: Any) -> None:
    say = {"say": "Hi.", "next": "done", "nxet": "done"}
    assert node_messages(validator, say) == [
        "Additional properties are not allowed ('nxet' was unexpected)"
    ]


def test_a_node_of_no_kind_is_marked(validator: Any) -> None:
    assert node_messages(validator, {"detail": "D."}) == [
        "{'detail': 'D.'} is not valid under any of the given schemas"
    ]


# -- limits the schema states are the loader's limits ------------------------------------


@pytest.mark.parametrize(
    ("old", "key", "limits"),
    [
        ("budget: {minutes: 10, steps: 12}", "budget: {{minutes: {}}}", ("budget", "minutes")),
        ("budget: {minutes: 10, steps: 12}", "budget: {{steps: {}}}", ("budget", "steps")),
        ("    minutes: 3\n", "    minutes: {}\n", ("step", "minutes")),
    ],
)
def test_number_limits_in_the_schema_are_those_the_loader_enforces(
    tmp_path: Path, old: str, key: str, limits: tuple[str, str]
) -> None:
    built = schema.build()
    where, name = limits
    if where == "budget":
        spec = built["properties"]["budget"]["properties"][name]
    else:
        spec = built["definitions"]["step"]["properties"][name]
    path = tmp_path / "limits.yaml"
    for value, loads in (
        (spec["minimum"], True),
        (spec["maximum"], True),
        (spec["minimum"] - 1, False),
        (spec["maximum"] + 1, False),
    ):
        path.write_text(variant(old, key.format(value)), encoding="utf-8")
        tree, _ = parse_tree(path)
        assert (tree is not None) is loads, (name, value)


def write_json_tree(path: Path, nodes: dict[str, Any], **top: Any) -> Path:
    """A tree written as JSON, which is YAML too: easy to vary key by key."""
    tree = {"title": "T", "summary": "S", "symptoms": ["s"], "start": "node", **top}
    tree["nodes"] = {**nodes, "end": {"resolved": "Done."}}
    path.write_text(json.dumps(tree), encoding="utf-8")
    return path


EVERY_KEY: dict[str, dict[str, Any]] = {
    "ask": {
        "ask": "Q?",
        "detail": "D.",
        "note": "N.",
        "patron": "P?",
        "answers": [{"text": "A", "next": "end"}, {"text": "B", "next": "end"}],
    },
    "step": {
        "step": "Do it.",
        "detail": "D.",
        "note": "N.",
        "minutes": 2,
        "fixed": "end",
        "not_fixed": "end",
        "cannot": "end",
        "admin": "IT does it.",
        "no_admin": "end",
        "policy": "refunds",
        "patron": "P.",
    },
    "say": {"say": "Hi.", "detail": "D.", "note": "N.", "patron": "P.", "next": "end"},
    "goto": {"goto": "other"},
    "resolved": {"resolved": "Fine.", "note": "N.", "patron": "P."},
    "escalate": {
        "escalate": "Broken.",
        "urgent": True,
        "workaround": "W.",
        "collect": ["x"],
        "note": "N.",
    },
    "refer": {
        "refer": "The patron's email provider",
        "tell": "Use the provider's account recovery page.",
        "bring": "The recovery phone.",
        "collect": ["x"],
        "note": "N.",
    },
}


@pytest.mark.parametrize("kind", list(KIND_KEYS))
def test_required_keys_in_the_schema_are_those_the_loader_requires(
    tmp_path: Path, kind: str
) -> None:
    full = EVERY_KEY[kind]
    assert list(full) == list(KIND_KEYS[kind])
    _, findings = parse_tree(write_json_tree(tmp_path / "kinds.yaml", {"node": full}))
    assert findings == []
    for key in full:
        if key == kind:
            continue  # without its kind key a node is another problem altogether
        fewer = {k: v for k, v in full.items() if k != key}
        _, findings = parse_tree(write_json_tree(tmp_path / "kinds.yaml", {"node": fewer}))
        says_missing = any(f"missing required key '{key}'" in f.message for f in findings)
        assert says_missing is (key in schema.REQUIRED[kind]), (kind, key, findings)


def answers_with(key: str) -> dict[str, Any]:
    answer = {"text": "A", "next": "end", key: "end"}
    return {"nodes": {"node": {"ask": "Q?", "answers": [answer, {"text": "B", "next": "end"}]}}}


@pytest.mark.parametrize(
    ("table", "top"),
    [
        (schema.BUDGET_KEYS, lambda key: {"budget": {key: 5}}),
        (schema.SYMPTOM_KEYS, lambda key: {"symptoms": [{"text": "t", key: "node"}]}),
        (schema.ANSWER_KEYS, answers_with),
        (
            schema.SELF_HELP_KEYS,
            lambda key: {"self_help": {"title": "t", "start": "node", key: "x"}},
        ),
        (schema.TEST_KEYS, lambda key: {"tests": [{"answers": [], "end": "end", key: True}]}),
    ],
)
def test_sub_tables_in_the_schema_match_the_keys_the_loader_knows(
    tmp_path: Path, table: tuple[str, ...], top: Any
) -> None:
    def unknown(key: str) -> bool:
        extra = top(key)
        nodes = extra.pop("nodes", {"node": {"resolved": "Done."}})
        _, findings = parse_tree(write_json_tree(tmp_path / "sub.yaml", nodes, **extra))
        return any(f"unknown key '{key}'" in f.message for f in findings)

    for key in table:
        assert not unknown(key), key
    assert unknown("surprise")


def test_starter_tree_is_valid_for_the_editor(validator: Any) -> None:
    import datetime as dt

    from troubleshoot.tree.starter import starter_text

    text = starter_text("kiosk", dt.date(2026, 11, 23), "../schema/tree.schema.json")
    assert [e.message for e in validator.iter_errors(as_editor_sees(text))] == []
