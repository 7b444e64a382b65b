from __future__ import annotations

from troubleshoot.lint import privacy

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
collect: [PC number, {item}]
start: a
nodes:
  a: {step: {step}, fixed: done, not_fixed: it}
  done: {resolved: Printed.}
  it:
    escalate: Broken.
    workaround: Use another.
    collect: [{node_item}]
"""


def tree(item: str = "Time", step: str = "Restart it.", node_item: str = "Panel message") -> str:
    return TREE.replace("{item}", item).replace("{step}", step).replace("{node_item}", node_item)


def test_ordinary_facts_pass_and_so_does_saying_never_to_collect_a_card_number() -> None:
    assert problems(tree(), privacy) == []
    assert problems(tree(item="'Card type (adult, child); never the card number'"), privacy) == []


def test_collecting_a_card_number_is_a_warning() -> None:
    text = tree(item="Patron's library card number")
    line, col = spot(text, "collect:")
    assert messages(text, privacy) == [
        f"t.yaml:{line}:{col}: warning: collect[2]: 'Patron's library card number' asks for a "
        "library card number; never collect a patron's password, PIN or card number "
        "(identify them by PC or station and time)"
    ]


def test_collecting_a_pin_at_an_escalation_is_a_warning() -> None:
    text = tree(node_item="Their PIN")
    assert problems(text, privacy) == [(*spot(text, "escalate:"), "privacy")]


def test_a_card_number_written_into_a_step_is_a_warning() -> None:
    text = tree(step="'Log in with the staff card 21234000123456.'")
    assert problems(text, privacy) == [(*spot(text, "{step:"), "privacy")]
    text = tree(step="'Type password: hunter2 at the prompt.'")
    assert problems(text, privacy) == [(*spot(text, "{step:"), "privacy")]
