"""Reading YAML for settings and trees: plain data only, and every refusal is our one error."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from troubleshoot import yamlsafe
from troubleshoot.errors import TroubleshootError


def refusal(text: str) -> TroubleshootError:
    with pytest.raises(TroubleshootError) as caught:
        yamlsafe.safe_load(text, "site.yaml")
    return caught.value


def test_settings_load_as_plain_values() -> None:
    loaded = yamlsafe.safe_load("name: Central\nopens: 2026-11-23\nbranches: [a, b]\nlate: no\n")
    assert loaded == {
        "name": "Central",
        "opens": dt.date(2026, 11, 23),
        "branches": ["a", "b"],
        "late": False,
    }


def test_empty_settings_are_nothing() -> None:
    assert yamlsafe.safe_load("# nothing yet\n") is None


def test_shared_aliases_are_allowed_when_small() -> None:
    loaded = yamlsafe.safe_load("a: &x [1, 2]\nb: *x\n")
    assert loaded == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: !!python/object/apply:os.system [ls]\n", "unsafe YAML tag", 1),
        ("a: &x [*x]\n", "refers to the value it is inside", 1),
        ("a: [b\n", "the [ ] list opened at line 1", 2),
        ("a: 1\n---\nb: 2\n", "more than one YAML document", 2),
        ("when: 2026-13-45\n", "a value cannot be read", None),
        ("n: " + "9" * 5000 + "\n", "a value cannot be read", None),
        ("a: " + "[" * 1000 + "]" * 1000 + "\n", "nested more than 64 levels deep", 1),
    ],
)
def test_harmful_settings_are_refused_with_our_error(
    text: str, message: str, line: int | None
) -> None:
    error = refusal(text)
    assert message in error.message
    assert error.path == "site.yaml" and error.line == line
    assert "\n" not in str(error)


def test_alias_bomb_is_refused_before_anything_is_built() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 7)]
    assert "100000 values" in refusal("\n".join(levels)).message


def test_values_up_to_the_limit_are_fine() -> None:
    room = yamlsafe.MAX_VALUES - 3  # the document's mapping, the key and the list count too
    items = ", ".join(["1"] * room)
    loaded = yamlsafe.safe_load("a: [" + items + "]\n")
    assert isinstance(loaded, dict) and len(loaded["a"]) == room
    assert "values" in refusal("a: [" + items + ", 1]\n").message


def test_non_specific_tag_is_not_refused() -> None:
    assert yamlsafe.safe_load("a: ! words\n") == {"a": "words"}


def test_position_of_a_control_character_counts_characters_not_bytes() -> None:
    error = refusal("ééé: a\x1bb\n")
    assert (error.line, error.col) == (1, 7)
    assert "U+001B" in error.message


def parse_error(text: str) -> str:
    with pytest.raises(TroubleshootError) as caught:
        yamlsafe.compose(text, "printer.yaml")
    return str(caught.value)


def test_a_key_indented_further_than_the_one_above_is_an_indentation_error() -> None:
    text = "nodes:\n  kiosk:\n    text: Restart the kiosk.\n      next: done\n"
    assert parse_error(text) == (
        "printer.yaml:4:7: this line is indented differently from the lines above it; "
        'line up "next:" with "text:" (line 3)'
    )


def test_a_key_indented_less_than_its_siblings_is_an_indentation_error() -> None:
    text = "nodes:\n  kiosk:\n    text: Restart the kiosk.\n   next: done\n"
    assert parse_error(text) == (
        "printer.yaml:4:4: this line is indented differently from the lines above it; "
        'line up "next:" with "text:" (line 3)'
    )


def test_a_key_in_a_list_item_lines_up_with_the_first_key_after_the_dash() -> None:
    text = "tests:\n  - name: fixed\n   answers: [a]\n"
    assert parse_error(text) == (
        "printer.yaml:3:4: this line is indented differently from the lines above it; "
        'line up "answers:" with "name:" (line 2)'
    )


def test_a_list_item_out_of_line_lines_up_with_the_dash_above() -> None:
    assert parse_error("symptoms:\n  - a\n - b\n") == (
        "printer.yaml:3:2: this line is indented differently from the lines above it; "
        'line up "-" with "-" (line 2)'
    )


def test_a_colon_inside_text_still_asks_for_quotes() -> None:
    assert parse_error("title: Note: the scanner\n") == (
        "printer.yaml:1:12: a ': ' inside text; put the whole text in quotes"
    )


def test_a_colon_later_in_a_continued_line_is_about_the_text_not_the_indent() -> None:
    text = "title: T\ndetail: Jobs wait\n  for about: 30 minutes\n"
    assert parse_error(text) == (
        "printer.yaml:3:12: a ': ' inside text; put the whole text in quotes"
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("nodes:\n  a:\n\tstep: x\n", "3:1"),
        ("a:\n  b: 1\n\t c: 2\n", "3:1"),
    ],
)
def test_a_tab_before_a_line_is_one_clear_line(text: str, where: str) -> None:
    message = "a tab is used for indenting here; YAML needs spaces"
    assert parse_error(text) == f"printer.yaml:{where}: {message}"


def test_a_tab_between_a_key_and_its_value_is_named_as_spacing() -> None:
    # libyaml takes this tab as a space; PyYAML's own parser refuses it, in these words.
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.load("a:\n  b:\tx\n", Loader=yaml.SafeLoader)  # a SafeLoader: no objects
    message, mark = yamlsafe.explain(caught.value, "a:\n  b:\tx\n")
    assert message == "a tab is used for spacing here; YAML needs spaces"
    assert mark is not None and (mark.line + 1, mark.column + 1) == (2, 5)
