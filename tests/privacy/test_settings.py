"""The card pattern comes from the site settings, through the desk, to every part."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, run_tool
from troubleshoot.desk import Desk
from troubleshoot.privacy import STRICT, CardPattern
from troubleshoot.site import reading

WALKS = FIXTURE_DIR / "walks"


def settings_from(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_site_says_what_its_card_numbers_look_like(tmp_path: Path) -> None:
    path = settings_from(tmp_path, "card_numbers: {digits: 14, starts_with: '2'}\n")
    assert reading.load_settings(path).cards == CardPattern(14, 14, ("2",))
    path = settings_from(tmp_path, "card_numbers: {digits: 13-16, starts_with: [21, 22]}\n")
    assert reading.load_settings(path).cards == CardPattern(13, 16, ("21", "22"))
    assert reading.load_settings(settings_from(tmp_path, "library: L\n")).cards == STRICT


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("{digits: 4}", "card_numbers: digits: must be between 8 and 19"),
        ("{digits: 16-13}", "card_numbers: digits: must be between 8 and 19 digits, fewest first"),
        ("{digits: many}", "card_numbers: digits: expected a number of digits like 14, or 13-16"),
        (
            "{starts_with: B}",
            "card_numbers: starts_with: 'B' is not the first digits of a card (like \"2\")",
        ),
        ("{digit: 14}", "card_numbers: unknown key 'digit' (did you mean 'digits'?)"),
    ],
)
def test_a_broken_card_setting_is_reported(tmp_path: Path, setting: str, message: str) -> None:
    settings, findings = reading.parse_settings(
        settings_from(tmp_path, f"card_numbers: {setting}\n")
    )
    assert settings is None
    assert [f.message for f in findings] == [message]


def test_a_broken_card_setting_falls_back_to_the_strict_pattern_and_says_so(
    tmp_path: Path,
) -> None:
    path = settings_from(tmp_path, "card_numbers: {digits: 4}\n")
    desk = Desk.resolve(path)
    assert desk.cards == STRICT
    assert desk.warnings == [
        f"warning: {path}:1:24: card_numbers: digits: must be between 8 and 19; site settings "
        "not used: every policy counts as not allowed, and any 13 to 16 digits as a card "
        "number, until the file is fixed. 'troubleshoot site' shows what to fix."
    ]


def test_troubleshoot_site_shows_the_pattern_and_where_it_came_from(tmp_path: Path) -> None:
    path = settings_from(tmp_path, "library: L\ncard_numbers: {digits: 14, starts_with: '2'}\n")
    result = run_tool(["site", "--site", str(path)])
    row = next(line for line in result.stdout.splitlines() if line.startswith("card numbers"))
    assert row.split(None, 2)[2] == "14 digits starting with 2  [site.yaml:2]"


def test_an_item_barcode_fact_is_kept_where_cards_start_with_2(tmp_path: Path) -> None:
    path = settings_from(tmp_path, "card_numbers: {digits: 14, starts_with: '2'}\n")
    walked = run_tool(
        ["desk", "--plain", "--site", str(path)],
        "3\n31234000567890\n",
        TROUBLESHOOT_TREES=str(WALKS),
    )
    assert walked.returncode == 0
    assert "- Printer name: 31234000567890" in walked.stdout
    strict = run_tool(["desk", "--plain"], "3\n31234000567890\n\n", TROUBLESHOOT_TREES=str(WALKS))
    assert "that looks like a library card number" in strict.stdout + strict.stderr


def test_piped_input_never_echoes_a_card_number_typed_at_an_answer_prompt() -> None:
    walked = run_tool(
        ["desk", "--plain"],
        "2 1234 00012 3456\npw hunter2\n3\n\n-\n",
        TROUBLESHOOT_TREES=str(WALKS),
    )
    assert walked.returncode == 0
    assert "Not one of the answers" in walked.stdout
    assert "3456" not in walked.stdout and "hunter2" not in walked.stdout
    assert "> 3\n" in walked.stdout  # an ordinary answer is still written back


def test_a_record_kept_under_a_looser_rule_is_shown_and_exported_scrubbed(
    tmp_path: Path,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    from tests.recorded import desk_trees, walked
    from troubleshoot.frozen import replace
    from troubleshoot.sessions.store import Store
    from troubleshoot.walk.prompts import Choose

    old = "2 - 1234 - 00012 - 3456"  # kept by an older version, which missed ' - '
    session = walked(desk_trees(), Choose(0))[1]
    session = replace(session, initials=old, facts=(("Printer name", old),))
    database = tmp_path / "sessions.db"
    with Store.open(database) as store:
        store.put_all([session])
    path = settings_from(tmp_path, f"database: {database}\n")
    shown = cli(["history", "show", session.short_id, "--site", str(path)])
    exported = cli(["export", "--site", str(path)])
    assert shown.code == exported.code == 0
    assert "3456" not in shown.out + exported.out
    assert "[removed: looked like a card number or a password]" in exported.out
