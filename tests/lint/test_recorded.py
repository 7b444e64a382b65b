from __future__ import annotations

import pytest

from troubleshoot.lint import recorded

from .common import messages, problems, spot

# Items are quoted: a plain '?' just before ']' reads differently with and without libyaml.
TREE = """
title: T
summary: S
symptoms: [a, b, c]
collect: [PC name and where it is, "{item}"]
start: a
nodes:
  a: {step: Restart it., fixed: done, not_fixed: it, cannot: it}
  done: {resolved: Working.}
  it:
    escalate: Broken.
    workaround: Use another.
    collect: ["{node_item}"]
  gone:
    refer: the patron's email provider
    tell: Use the provider's recovery form.
    collect: ["{refer_item}"]
"""


def tree(
    item: str = "Exact error", node_item: str = "Panel message", refer_item: str = "Provider"
) -> str:
    return (
        TREE.replace("{item}", item)
        .replace("{node_item}", node_item)
        .replace("{refer_item}", refer_item)
    )


def test_facts_only_staff_can_see_pass_and_so_does_a_callback_number() -> None:
    assert problems(tree(item="Callback number", node_item="Time the job was sent"), recorded) == []
    assert problems(tree(item="Network name the patron tried"), recorded) == []
    assert problems(tree(item="What the patron tried to print"), recorded) == []


def test_asking_for_the_steps_tried_is_a_warning_at_the_trees_collect() -> None:
    text = tree(item="Steps tried and what happened")
    line, col = spot(text, "collect:")
    assert messages(text, recorded) == [
        f"t.yaml:{line}:{col}: warning: collect[2]: 'Steps tried and what happened': the tool "
        "records every step tried and its result itself; leave it out"
    ]


def test_asking_when_it_was_first_seen_at_an_escalation_is_a_warning_at_the_end() -> None:
    text = tree(node_item="Date and time first seen")
    line, col = spot(text, "escalate:")
    assert messages(text, recorded) == [
        f"t.yaml:{line}:{col}: warning: node 'it': collect[1]: 'Date and time first seen': the "
        "tool records when the walk began and ended itself; leave it out"
    ]


def test_asking_for_your_name_with_a_callback_number_says_to_keep_only_the_number() -> None:
    text = tree(item="Your name and callback number")
    line, col = spot(text, "collect:")
    assert messages(text, recorded) == [
        f"t.yaml:{line}:{col}: warning: collect[2]: 'Your name and callback number': the tool "
        "records the initials of the staff member at the desk itself; ask only for the "
        "callback number"
    ]


def test_asking_whether_a_ticket_is_filed_at_a_referral_is_a_warning() -> None:
    text = tree(refer_item="Ticket already filed?")
    line, col = spot(text, "refer:")
    assert messages(text, recorded) == [
        f"t.yaml:{line}:{col}: warning: node 'gone': collect[1]: 'Ticket already filed?': the "
        "hand-off the tool writes is the ticket, with the session's id; leave it out"
    ]


@pytest.mark.parametrize(
    "item",
    [
        "Which ways of restarting you tried",
        "Anything already tried, and what happened",
        "Whether a known-good laptop was tried",
        "Date and time",
        "Time it happened",
        "When the problem was first seen",
        "Your initials",
        "Which branch",
        "Ticket or service call already placed?",
    ],
)
def test_each_kind_of_recorded_fact_is_one_warning(item: str) -> None:
    assert [rule for *_, rule in problems(tree(item=f"'{item}'"), recorded)] == ["recorded"]
