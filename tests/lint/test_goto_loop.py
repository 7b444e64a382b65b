from __future__ import annotations

from troubleshoot.lint import Context, goto_loop, run_checks
from troubleshoot.tree.model import Tree

from .common import messages, problems, spot, tree_of

PRINTER = """
title: P
summary: S
symptoms: [a, b, c]
start: a
nodes:
  a:
    ask: Where from?
    answers:
      - {text: A laptop, next: laptop}
      - {text: A library PC, next: it}
  laptop:
    goto: mobile
  it: {escalate: Broken., workaround: Use another.}
"""
MOBILE = """
title: M
summary: S
symptoms: [a, b, c]
start: hello
nodes:
  hello: {say: Laptops print through the web page., next: {next}}
  back: {goto: printer#laptop}
  done: {resolved: Printed.}
"""


def _context(mobile: str) -> tuple[Tree, Context]:
    trees = {"printer": tree_of(PRINTER, "printer"), "mobile": tree_of(mobile, "mobile")}
    return trees["printer"], Context(tree_ids=frozenset(trees), get_tree=trees.get)


def test_trees_that_hand_on_to_each_other_but_can_end_pass() -> None:
    printer, ctx = _context(MOBILE.replace("{next}", "done"))
    assert run_checks(printer, ctx, [goto_loop]) == []


def test_gotos_that_go_round_between_trees_are_reported_in_each() -> None:
    mobile = MOBILE.replace("{next}", "back")
    printer, ctx = _context(mobile)
    line, col = spot(PRINTER, "mobile\n")
    assert [str(f) for f in run_checks(printer, ctx, [goto_loop])] == [
        f"printer.yaml:{line}:{col}: error: node 'laptop': goto: the walk goes round between "
        "trees (printer -> mobile -> printer) and never reaches an end"
    ]
    other = ctx.get_tree("mobile")
    assert other is not None
    assert [(f.line, f.rule) for f in run_checks(other, ctx, [goto_loop])] == [
        (spot(mobile, "back:")[0], "goto-loop")
    ]


def test_a_goto_to_itself_is_a_loop() -> None:
    text = PRINTER.replace("goto: mobile", "goto: t#laptop")
    assert problems(text, goto_loop) == [(*spot(text, "t#laptop"), "goto-loop")]
    assert "(t -> t)" in messages(text, goto_loop)[0]


def test_a_long_chain_of_trees_is_checked_once_per_goto() -> None:
    count = 400
    texts = {
        f"c{i}": (
            f"title: C\nsummary: S\nsymptoms: [a, b, c]\nstart: a\nnodes:\n"
            f"  a: {{goto: c{(i + 1) % count}}}\n"
        )
        for i in range(count)
    }
    trees = {name: tree_of(text, name) for name, text in texts.items()}
    calls = []

    def get_tree(tree_id: str) -> Tree | None:
        calls.append(tree_id)
        return trees.get(tree_id)

    ctx = Context(tree_ids=frozenset(trees), get_tree=get_tree)
    rules = [f.rule for tree in trees.values() for f in run_checks(tree, ctx, [goto_loop])]
    assert rules == ["goto-loop"] * count
    assert len(calls) < 20 * count
