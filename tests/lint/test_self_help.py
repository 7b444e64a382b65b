from __future__ import annotations

from troubleshoot.lint import self_help

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
self_help: {title: Print from your phone, start: a}
start: a
nodes:
  a: {step: Ask them to join the Wi-Fi., patron: Join the Wi-Fi., fixed: done, not_fixed: b}
  b: {step: Check the print server., admin: Restart it., no_admin: it, fixed: done, not_fixed: it}
  done: {resolved: Printed., patron: Your job printed.}
  it: {escalate: Broken., workaround: Use a library PC.}
"""


def test_a_patron_path_that_hands_admin_steps_to_the_desk_passes() -> None:
    assert problems(TREE, self_help) == []


def test_patron_text_on_an_admin_step_a_patron_reaches_is_a_warning() -> None:
    text = TREE.replace(
        "{step: Check the print server.,", "{step: Check it., patron: Restart the server.,"
    )
    line, col = spot(text, "{step: Check it.")
    assert messages(text, self_help) == [
        f"t.yaml:{line}:{col}: warning: node 'b': a patron path reaches an admin step;"
        " it is never published (the page says Ask at the desk there), so its patron"
        " text is not shown"
    ]


def test_a_policy_step_is_for_staff_too() -> None:
    text = TREE.replace(
        "admin: Restart it., no_admin: it,", "policy: refunds, patron: Take a refund.,"
    )
    assert [m.split(": warning: ")[1] for m in messages(text, self_help)] == [
        "node 'b': a patron path reaches a step behind the site policy 'refunds'; it is"
        " never published (the page says Ask at the desk there), so its patron text is"
        " not shown"
    ]


def test_a_start_without_patron_text_means_no_page() -> None:
    text = TREE.replace("patron: Join the Wi-Fi., ", "")
    line, col = spot(text, "a}")
    assert messages(text, self_help) == [
        f"t.yaml:{line}:{col}: warning: self_help: start: node 'a' is a node with no patron"
        " text, so the tree has no self-help page; start at a node a patron may follow,"
        " with patron text"
    ]


def test_a_tree_without_self_help_is_not_checked() -> None:
    text = TREE.replace("self_help: {title: Print from your phone, start: a}\n", "")
    text = text.replace("{step: Check the print server.,", "{step: Check it., patron: Restart.,")
    assert problems(text, self_help) == []
