from __future__ import annotations

from troubleshoot.lint import admin

from .common import messages, problems, spot

TREE = """
title: T
summary: S
symptoms: [a, b, c]
start: spooler
nodes:
  spooler:
    step: Restart the print spooler.
    admin: Restart the Print Spooler service.
{route}    fixed: done
    not_fixed: it
  done: {resolved: Printed.}
  it: {escalate: Stuck., workaround: Use the other printer.}
"""


def test_an_admin_step_with_a_no_admin_route_passes() -> None:
    assert problems(TREE.replace("{route}", "    no_admin: it\n"), admin) == []


def test_an_admin_step_without_no_admin_is_reported_at_admin() -> None:
    text = TREE.replace("{route}", "")
    line, col = spot(text, "Restart the Print")
    assert messages(text, admin) == [
        f"t.yaml:{line}:{col}: error: node 'spooler': admin step without 'no_admin': "
        "say where staff without admin rights go"
    ]
