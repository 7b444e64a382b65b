"""Hypothesis strategies for trees: valid ones as plain data ready for YAML, and near misses."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

NODE_IDS = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)
#: Text a trainer might type: anything printable, never blank once stripped.
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30
).filter(lambda s: s.strip() != "")
KINDS = ("ask", "step", "say", "resolved", "escalate", "goto")


@st.composite
def tree_data(draw: st.DrawFn, other: str = "other") -> dict[str, Any]:
    """A tree that loads: every link points at one of its own nodes or at another tree."""
    ids = draw(st.lists(NODE_IDS, min_size=1, max_size=8, unique=True))
    target = st.sampled_from(ids)
    nodes: dict[str, Any] = {}
    for node_id in ids:
        kind = draw(st.sampled_from(KINDS))
        if kind == "ask":
            answers = draw(st.lists(st.tuples(TEXT, target), min_size=1, max_size=4))
            nodes[node_id] = {
                "ask": draw(TEXT),
                "answers": [{"text": text, "next": nxt} for text, nxt in answers],
            }
        elif kind == "step":
            step: dict[str, Any] = {
                "step": draw(TEXT),
                "fixed": draw(target),
                "not_fixed": draw(target),
            }
            if draw(st.booleans()):
                step["cannot"] = draw(target)
            if draw(st.booleans()):
                step["admin"] = draw(TEXT)
                step["no_admin"] = draw(target)
            if draw(st.booleans()):
                step["policy"] = draw(st.sampled_from(["clear_jams", "refunds"]))
            if draw(st.booleans()):
                step["minutes"] = draw(st.integers(0, 30))
            nodes[node_id] = step
        elif kind == "say":
            nodes[node_id] = {"say": draw(TEXT), "next": draw(target)}
        elif kind == "resolved":
            nodes[node_id] = {"resolved": draw(TEXT)}
        elif kind == "escalate":
            nodes[node_id] = {
                "escalate": draw(TEXT),
                "workaround": draw(TEXT),
                "urgent": draw(st.booleans()),
                "collect": draw(st.lists(TEXT, max_size=2)),
            }
        else:
            places = [other, "gone", *(f"{other}#{n}" for n in ("start", "n1"))]
            nodes[node_id] = {"goto": draw(st.sampled_from(places))}
    return {
        "title": draw(TEXT),
        "summary": draw(TEXT),
        "symptoms": draw(st.lists(TEXT, min_size=1, max_size=3)),
        "budget": {"minutes": draw(st.integers(1, 60)), "steps": draw(st.integers(1, 20))},
        "start": draw(target),
        "nodes": nodes,
    }


#: Any data YAML can hold, nested.
ANY_DATA = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=10) | st.integers(), inner, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def near_misses(draw: st.DrawFn) -> Any:
    """A valid tree with one to three things changed: a key dropped, renamed or replaced."""
    data: Any = draw(tree_data())
    for _ in range(draw(st.integers(1, 3))):
        holder = data
        # Walk down a few levels to pick the dict or list to change.
        for _ in range(draw(st.integers(0, 3))):
            children = list(holder.values()) if isinstance(holder, dict) else list(holder)
            children = [c for c in children if isinstance(c, dict | list) and c]
            if not children:
                break
            holder = draw(st.sampled_from(children))
        if isinstance(holder, dict) and holder:
            key = draw(st.sampled_from(sorted(holder, key=str)))
            how = draw(st.sampled_from(["drop", "rename", "replace"]))
            if how == "drop":
                del holder[key]
            elif how == "rename":
                holder[draw(st.text(max_size=8))] = holder.pop(key)
            else:
                holder[key] = draw(ANY_DATA)
        elif isinstance(holder, list) and holder:
            holder[draw(st.integers(0, len(holder) - 1))] = draw(ANY_DATA)
    return data


#: Pieces of YAML, good and bad, for text that is almost but not quite a tree.
FRAGMENTS = [
    "title: Printer",
    "summary: x",
    "symptoms: [a, b]",
    "start: a",
    "nodes:",
    "  a:",
    "    ask: Where?",
    "    answers:",
    "      - {text: PC, next: b}",
    "      - text: x",
    "        next: a",
    "  b:",
    "    resolved: ok",
    "    step: Do it",
    "    fixed: b",
    "    not_fixed: a",
    "    goto: other#a",
    "budget: {minutes: 5, steps: 2}",
    "---",
    "...",
    "- a",
    "? x",
    ": y",
    "&anchor",
    "*anchor",
    "&a [1, 2]",
    "*a",
    "!!python/name:os.system",
    "!!str",
    "!local",
    "%YAML 1.2",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "|",
    ">",
    "#",
    "\t",
    "  ",
    "key: value: other",
    "nodes: {a: {ask: q, answers: []}}",
    "<<: *a",
    "~",
    "null",
    "0x1F",
    "1e400",
    "2026-13-45",
    "-",
    ",",
    "@",
    "`",
    "\\e[2J",
]
YAMLISH = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=25).map(
    "\n".join
) | st.text(st.sampled_from(list(":-[]{}&*!|>'\"#%@`,? \n\tab1")), max_size=80)
