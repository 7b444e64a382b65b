"""How problems read: editor-friendly places, and always one line."""

from __future__ import annotations

from troubleshoot.errors import MAX_MESSAGE, Finding, TroubleshootError


def test_a_finding_names_only_the_place_it_knows() -> None:
    assert str(Finding("t.yaml", 3, 7, "error", "x", "bad")) == "t.yaml:3:7: error: bad"
    assert str(Finding("t.yaml", 3, 0, "error", "x", "bad")) == "t.yaml:3: error: bad"
    assert str(Finding("t.yaml", 0, 0, "error", "x", "bad")) == "t.yaml: error: bad"


def test_a_message_quoting_a_file_stays_on_one_line() -> None:
    finding = Finding("t.yaml", 1, 1, "error", "x", "unknown key 'a\nt.yaml:9:9: error: fake'")
    assert str(finding) == "t.yaml:1:1: error: unknown key 'a t.yaml:9:9: error: fake'"
    error = TroubleshootError("no tree called 'a\r\nb'", "odd\nname.yaml", 2)
    assert str(error) == "odd name.yaml:2: no tree called 'a b'"


def test_a_very_long_message_keeps_its_start_and_end() -> None:
    message = "unknown key '" + "k" * 10_000 + "' (did you mean 'title'?)"
    shown = str(TroubleshootError(message))
    assert len(shown) == MAX_MESSAGE
    assert shown.startswith("unknown key 'kkk") and shown.endswith("(did you mean 'title'?)")
