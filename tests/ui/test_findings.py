from __future__ import annotations

import json

from troubleshoot.errors import Finding
from troubleshoot.ui.findings import render, summary, text
from troubleshoot.ui.formats import Format

FOUND = Finding("trees/printer.yaml", 14, 9, "error", "dangling", "node 'a': unknown target 'b'")


def test_text_is_the_editor_form_path_line_col_level_message() -> None:
    assert text(FOUND) == "trees/printer.yaml:14:9: error: node 'a': unknown target 'b'"


def test_text_leaves_out_a_position_the_problem_does_not_have() -> None:
    unreadable = Finding("x.yaml", 0, 0, "error", "yaml", "cannot read file")
    assert text(unreadable) == "x.yaml: error: cannot read file"


def test_json_is_one_list_of_the_finding_fields() -> None:
    second = Finding("w.yaml", 2, 1, "warning", "symptoms", "only 1 [see] 'x'")
    (output,) = render([FOUND, second], Format.JSON)
    assert json.loads(output) == [
        {
            "path": "trees/printer.yaml",
            "line": 14,
            "col": 9,
            "level": "error",
            "rule": "dangling",
            "message": "node 'a': unknown target 'b'",
        },
        {
            "path": "w.yaml",
            "line": 2,
            "col": 1,
            "level": "warning",
            "rule": "symptoms",
            "message": "only 1 [see] 'x'",
        },
    ]


def test_json_of_no_findings_is_an_empty_list() -> None:
    assert [json.loads(line) for line in render([], Format.JSON)] == [[]]


def test_summary_counts_in_words() -> None:
    assert summary(1, 0, 2) == "1 file checked: 0 errors, 2 warnings"
    assert summary(3, 1, 1) == "3 files checked: 1 error, 1 warning"
