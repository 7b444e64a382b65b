"""Mermaid, DOT and Markdown exports: well-formed for any tree text, complete, readable."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, TREES, write_tree
from troubleshoot.tree import render
from troubleshoot.tree.loader import load_tree
from troubleshoot.tree.model import Goto, Step, Tree

NASTY = FIXTURE_DIR / "show" / "nasty.yaml"
BUNDLED = sorted(TREES.glob("*.yaml"))

# -- a small structural validator for each diagram language -------------------------------

MERMAID_SHAPES = {
    "{{": "}}",
    "[[": "]]",
    "([": "])",
    "[(": ")]",
    "[/": "/]",
    "[\\": "\\]",
    "{": "}",
    "[": "]",
}
OPENINGS = "|".join(re.escape(o) for o in MERMAID_SHAPES)
CLOSINGS = "|".join(re.escape(c) for c in MERMAID_SHAPES.values())
MERMAID_NODE = re.compile(rf'^  (n_[a-z][a-z0-9_]*)({OPENINGS})"([^"]*)"({CLOSINGS})$')
MERMAID_EDGE = re.compile(r'^  (n_[a-z][a-z0-9_]*) -->\|"([^"]*)"\| (n_[a-z][a-z0-9_]*)$')
MERMAID_CLASS = re.compile(r"^  class (n_[a-z0-9_]+(?:,n_[a-z0-9_]+)*) ([a-z]+)$")
MERMAID_CLASSDEF = re.compile(r"^  classDef ([a-z]+) [a-z-]+:[^,;]+(?:,[a-z-]+:[^,;]+)*$")
ENTITY = re.compile(r"#(?:quot|amp|lt|gt|\d+);")


def mermaid_problems(text: str) -> list[str]:
    """Why *text* is not a flowchart Mermaid would read as we meant it (empty: fine)."""
    lines = text.rstrip("\n").split("\n")
    problems = [] if lines[0] == "flowchart TD" else [f"header is {lines[0]!r}"]
    declared: set[str] = set()
    edges: list[tuple[str, str]] = []
    classes: set[str] = set()
    for number, line in enumerate(lines[1:], 2):
        if line.count('"') % 2:
            problems.append(f"line {number}: unbalanced quotes")
        label = ""
        if node := MERMAID_NODE.match(line):
            if MERMAID_SHAPES[node[2]] != node[4]:
                problems.append(f"line {number}: shape {node[2]} closed by {node[4]}")
            declared.add(node[1])
            label = node[3]
        elif edge := MERMAID_EDGE.match(line):
            edges.append((edge[1], edge[3]))
            label = edge[2]
        elif cls := MERMAID_CLASS.match(line):
            edges += [(i, i) for i in cls[1].split(",")]
            if cls[2] not in classes:
                problems.append(f"line {number}: class {cls[2]} is not defined")
        elif cdef := MERMAID_CLASSDEF.match(line):
            classes.add(cdef[1])
        elif line.startswith("  %% "):
            label = line[5:]
        else:
            problems.append(f"line {number}: not a node, edge, class or comment: {line!r}")
        bare = ENTITY.sub("", label)
        if any(c in bare for c in '"#<>`|%\n'):
            problems.append(f"line {number}: unescaped character in label {label!r}")
    for source, target in edges:
        for end in (source, target):
            if end not in declared:
                problems.append(f"edge or class names undeclared node {end}")
    return problems


DOT_TOKEN = re.compile(
    r'\s+|"(?:[^"\\\n]|\\.)*"|->|[{}\[\];,=]|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?|.'
)


def dot_tokens(text: str) -> list[str]:
    tokens = [t for t in DOT_TOKEN.findall(text) if not t.isspace()]
    for token in tokens:
        if token.startswith('"') and (len(token) < 2 or not token.endswith('"')):
            raise ValueError(f"unterminated string {token!r}")
    return tokens


def dot_problems(text: str) -> list[str]:
    """Why *text* is not a digraph Graphviz would read as we meant it (empty: fine)."""
    try:
        tokens = dot_tokens(text)
    except ValueError as e:
        return [str(e)]
    bad = [t for t in tokens if len(t) == 1 and not re.match(r'[{}\[\];,="A-Za-z_0-9]', t)]
    if bad:
        return [f"stray characters {bad}"]
    if tokens[:1] != ["digraph"] or len(tokens) < 4 or tokens[2] != "{" or tokens[-1] != "}":
        return ["not 'digraph NAME { ... }'"]
    depth = {"{": 0, "[": 0}
    for token in tokens:
        if token in ("{", "["):
            depth[token] += 1
        elif token in ("}", "]"):
            key = "{" if token == "}" else "["
            depth[key] -= 1
            if depth[key] < 0:
                return [f"unbalanced {token}"]
    if any(depth.values()):
        return ["unbalanced brackets"]
    problems = []
    declared: set[str] = set()
    edges: list[tuple[str, str]] = []
    body = tokens[3:-1]
    statements: list[list[str]] = [[]]
    for token in body:
        if token == ";":
            statements.append([])
        else:
            statements[-1].append(token)
    for statement in filter(None, statements):
        first = statement[0]
        if len(statement) >= 3 and statement[1] == "->":
            edges.append((first, statement[2]))
            rest = statement[3:]
        elif first.startswith('"'):
            declared.add(first)
            rest = statement[1:]
        elif first == "node":
            rest = statement[1:]
        elif len(statement) == 3 and statement[1] == "=":
            continue
        else:
            problems.append(f"statement not understood: {statement}")
            continue
        if rest and (rest[0] != "[" or rest[-1] != "]"):
            problems.append(f"attributes not in brackets: {statement}")
    for source, target in edges:
        for end in (source, target):
            if end not in declared:
                problems.append(f"edge names undeclared node {end}")
    return problems


def test_the_validators_catch_broken_diagrams() -> None:
    good = 'flowchart TD\n  n_a["x"]\n  n_b{"y"}\n  n_a -->|"go"| n_b\n'
    assert mermaid_problems(good) == []
    assert mermaid_problems(good.replace('"x"', '"x " y"'))
    assert mermaid_problems(good.replace("n_b{", "n_b["))
    assert mermaid_problems(good.replace("| n_b", "| n_c"))
    assert mermaid_problems(good.replace("flowchart TD", "graph"))
    assert mermaid_problems(good.replace('"go"', '"a # b"'))
    dot = 'digraph "t" {\n  "a" [label="x"];\n  "b" [label="y"];\n  "a" -> "b" [label="go"];\n}\n'
    assert dot_problems(dot) == []
    assert dot_problems(dot.replace('"x"', '"x " y"'))
    assert dot_problems(dot.replace('-> "b"', '-> "c"'))
    assert dot_problems(dot.replace('[label="go"]', '[label="go"'))
    assert dot_problems(dot.replace("digraph", "graph"))
    assert dot_problems(dot.replace('label="y"', 'label="y\\"'))


# -- every bundled tree, and one full of hostile text -------------------------------------


def trees_to_draw() -> list[Path]:
    return [*BUNDLED, NASTY]


@pytest.mark.parametrize("path", trees_to_draw(), ids=lambda p: p.stem)
def test_mermaid_is_well_formed_and_draws_every_node(path: Path) -> None:
    tree = load_tree(path)
    text = render.to_mermaid(tree)
    assert mermaid_problems(text) == []
    for node_id in tree.nodes:
        assert re.search(rf"^  n_{node_id}[\[{{(]", text, re.M), node_id


@pytest.mark.parametrize("path", trees_to_draw(), ids=lambda p: p.stem)
def test_dot_is_well_formed_and_draws_every_node(path: Path) -> None:
    tree = load_tree(path)
    text = render.to_dot(tree)
    assert dot_problems(text) == []
    for node_id in tree.nodes:
        assert f'\n  "{node_id}" [label=' in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graphviz_reads_the_dot_output_of_every_tree() -> None:
    for path in trees_to_draw():
        text = render.to_dot(load_tree(path))
        done = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True)
        assert done.returncode == 0, (path, done.stderr)


def test_hostile_text_is_escaped_in_mermaid_labels() -> None:
    text = render.to_mermaid(load_tree(NASTY))
    assert 'n_style{{"ESCALATE URGENT: Urgent: #quot;everything#quot; is #lt;broken#gt;' in text
    assert "#37;#37;{init" in text  # no directive hiding in a label
    assert '-->|"Yes #quot;really#quot; #124; no"| n_graph' in text


def test_hostile_text_is_escaped_in_dot_labels() -> None:
    text = render.to_dot(load_tree(NASTY))
    assert r'"graph" [label="ADMIN: Run `rm -rf` \\ never; press [Ctrl]+[Alt]+[Del] {now}"' in text


def test_a_target_that_does_not_exist_is_drawn_as_missing(tmp_path: Path) -> None:
    path = write_tree(
        tmp_path,
        "gap",
        """
        title: Gap
        summary: A step points nowhere.
        symptoms: [gap]
        start: a
        nodes:
          a: {step: Try it., fixed: done, not_fixed: nowhere}
          done: {resolved: Fine.}
        """,
    )
    tree = load_tree(path)
    mermaid, dot = render.to_mermaid(tree), render.to_dot(tree)
    assert mermaid_problems(mermaid) == [] and dot_problems(dot) == []
    assert '  n_nowhere["MISSING: nowhere"]' in mermaid
    assert '"nowhere" [label="MISSING: nowhere"' in dot


def test_long_text_is_cut_in_diagrams_but_whole_in_markdown(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(40))
    path = write_tree(
        tmp_path,
        "long",
        f"""
        title: Long
        summary: Long words.
        symptoms: [long]
        start: a
        nodes:
          a: {{step: {words}, fixed: done, not_fixed: done}}
          done: {{resolved: Fine.}}
        """,
    )
    tree = load_tree(path)
    label = render.to_mermaid(tree).split("n_a[", 1)[1].split("\n", 1)[0]
    assert len(label) < render.LABEL_CHARS + 10 and label.endswith('…"]')
    assert f"**1. Step (about 2 min):** {words}" in render.to_markdown(tree)


# -- walk order and the Markdown guide ----------------------------------------------------


def small(tmp_path: Path) -> Tree:
    return load_tree(
        write_tree(
            tmp_path,
            "small",
            """
            title: Small
            summary: Order of a walk.
            symptoms: [small, {text: deep in, node: reset}]
            owner: Desk team
            reviewed: 2026-11-01
            budget: {minutes: 7, steps: 4}
            collect: [PC name]
            start: ask
            nodes:
              stray: {resolved: Nobody comes here.}
              ask:
                ask: One or many?
                answers:
                  - {text: One, next: restart}
                  - {text: Many, next: outage}
              outage:
                escalate: Many are down.
                urgent: true
                workaround: Offer the other room.
                collect: [How many]
              restart:
                step: Restart it.
                minutes: 3
                fixed: done
                not_fixed: reset
              reset:
                step: Reset it.
                admin: Reset it from the console.
                no_admin: outage
                fixed: done
                not_fixed: outage
              done: {resolved: It works.}
            """,
        )
    )


def test_walk_order_is_depth_first_from_the_start_with_unreachable_nodes_last(
    tmp_path: Path,
) -> None:
    assert render.walk_order(small(tmp_path)) == [
        "ask",
        "restart",
        "done",
        "reset",
        "outage",
        "stray",
    ]


def test_markdown_guide_numbers_entries_in_walk_order_and_links_answers(tmp_path: Path) -> None:
    text = render.to_markdown(small(tmp_path))
    assert text.startswith("# Small\n\nOrder of a walk.\n\nGuide: small · kept by Desk team")
    assert "**1. Ask:** One or many?\n\n- One → **2**\n- Many → **5**\n" in text
    assert "**2. Step (about 3 min):** Restart it.\n\n- Fixed → **3**\n- Not fixed → **4**" in text
    assert "“deep in” (start at **4**)" in text
    assert "About 7 minutes or 4 steps" in text
    assert text.index("**5. [ESCALATE]") < text.index("**6. RESOLVED:** Nobody comes here.")


def test_markdown_guide_calls_out_admin_steps_and_what_it_must_do(tmp_path: Path) -> None:
    text = render.to_markdown(small(tmp_path))
    assert "**4. [ADMIN] Step (about 2 min):** Reset it." in text
    assert "> **[ADMIN] Needs admin rights. IT must:** Reset it from the console." in text
    assert "- **Without admin rights** → **5**" in text


def test_markdown_guide_gives_escalations_a_workaround_and_facts(tmp_path: Path) -> None:
    text = render.to_markdown(small(tmp_path))
    assert "**5. [ESCALATE] [URGENT] call IT now:** Many are down." in text
    assert "- **Offer the patron:** Offer the other room." in text
    assert "- **Write down for IT:** How many\n" in text
    assert text.rstrip().endswith("## Facts IT will want when you stop early\n\n- PC name")


def test_an_escalation_without_its_own_facts_points_to_the_trees_list() -> None:
    text = render.to_markdown(load_tree(NASTY))
    assert (
        "- **Offer the patron:** None\n- **Write down for IT:** the facts at the end of this guide"
    ) in text


def test_markdown_guide_names_the_tree_a_goto_continues_in() -> None:
    tree = load_tree(NASTY)
    plain = render.to_markdown(tree)
    named = render.to_markdown(tree, {"other-tree": "Other *thing*"})
    assert "- Then → continue with the guide other-tree, at some\\_node" in plain
    assert "continue with the guide “Other \\*thing\\*” (other-tree), at some\\_node" in named


def test_markdown_shows_hostile_text_literally() -> None:
    text = render.to_markdown(load_tree(NASTY))
    assert "<script>" not in text and "\\<script\\>alert(1)\\</script\\>" in text
    assert "<b>" not in text and "](x)" in text and "\\[links\\]" in text
    assert "- 1\\. numbered --\\>\\|label\\| n\\_x → **5**" in text
    assert "“\\- looks like a list” (start at **2**)" in text
    assert "\x1b" not in text and "\t" not in text


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_markdown_guide_of_a_bundled_tree_has_every_entry_once(path: Path) -> None:
    tree = load_tree(path)
    text = render.to_markdown(tree)
    entries = re.findall(r"^\*\*(\d+)\. ", text, re.M)
    goto_count = sum(isinstance(n, Goto) for n in tree.nodes.values())
    assert [int(e) for e in entries] == list(range(1, len(tree.nodes) - goto_count + 1))
    assert text.count("[ADMIN] Needs admin rights") == sum(
        isinstance(n, Step) and bool(n.admin) for n in tree.nodes.values()
    )


def test_render_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        render.render(small(tmp_path), "pdf")
