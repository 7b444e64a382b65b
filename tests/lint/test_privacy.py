from __future__ import annotations

import pytest

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
        f't.yaml:{line}:{col}: warning: collect[2] "Patron\'s library card number": asks for a '
        "card number; never collect a patron's password, PIN or card number "
        "(identify them by PC or station and time)"
    ]


def test_the_warning_at_an_escalation_names_the_node_and_the_field() -> None:
    text = tree(node_item="Library card number")
    line, col = spot(text, "escalate:")
    assert messages(text, privacy) == [
        f"t.yaml:{line}:{col}: warning: node 'it': collect[1] \"Library card number\": asks "
        "for a card number; never collect a patron's password, PIN or card number "
        "(identify them by PC or station and time)"
    ]


@pytest.mark.parametrize(
    "item",
    ["Item barcode", "Barcode of the laptop on loan", "ISBN of the book", "IP address of the PC"],
)
def test_an_item_barcode_and_other_desk_data_may_be_collected(item: str) -> None:
    assert problems(tree(item=f"'{item}'"), privacy) == []


@pytest.mark.parametrize(
    "item",
    ["Barcode on the library card", "Patron barcode", "Their password", "PIN", "Card no."],
)
def test_wording_that_asks_for_a_card_number_or_password_is_flagged(item: str) -> None:
    assert len(problems(tree(item=f"'{item}'"), privacy)) == 1


def test_ip_addresses_isbns_and_build_numbers_in_a_step_are_not_flagged() -> None:
    step = "'Check 192.168.100.254, ISBN 978-0-596-52068-7 and build 10.0.22631.4317.'"
    assert problems(tree(step=step), privacy) == []


def test_collecting_a_pin_at_an_escalation_is_a_warning() -> None:
    text = tree(node_item="Their PIN")
    assert problems(text, privacy) == [(*spot(text, "escalate:"), "privacy")]


def test_a_card_number_written_into_a_step_is_a_warning() -> None:
    text = tree(step="'Log in with the staff card 21234000123456.'")
    assert problems(text, privacy) == [(*spot(text, "{step:"), "privacy")]
    text = tree(step="'Type password: hunter2 at the prompt.'")
    assert problems(text, privacy) == [(*spot(text, "{step:"), "privacy")]
