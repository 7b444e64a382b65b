"""``troubleshoot site``: the settings in force and where each came from; ``--init``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR
from troubleshoot.site import locate, reading

FIXTURES = FIXTURE_DIR / "site"

BRANCH = """\
library: Riverside Public Library
branch: Main
it:
  name: County IT
  phone: 555-0100
  hours: {mon-fri: 08:00-17:00}
policies:
  refunds: {allowed: false, reason: Refunds are done at the main desk only.}
"""


def test_site_shows_each_setting_with_the_line_it_came_from(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "branch.yaml"
    path.write_text(BRANCH, encoding="utf-8")
    result = cli(["site", "--site", str(path)])
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == f"Site settings: {path} (found by --site)"
    assert "library           Riverside Public Library  [branch.yaml:1]" in lines
    assert "IT                County IT  [branch.yaml:3]" in lines
    assert "                  on duty now: yes, until Mon 17:00" in lines
    assert (
        "                  refunds: NOT allowed (Refunds are done at the main desk only.)"
        "  [branch.yaml:8]"
    ) in lines
    assert "policies          clear_jams: allowed  [built-in defaults]" in lines
    assert "admin rights      no  [built-in defaults]" in lines


def test_site_says_when_it_is_not_on_duty_by_the_fixed_clock(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "branch.yaml"
    path.write_text(BRANCH, encoding="utf-8")
    monkeypatch.setenv("TROUBLESHOOT_NOW", "2026-11-28T21:00")
    result = cli(["site", str(path)])
    assert "                  on duty now: no, next on duty Mon 2026-11-30 08:00" in result.out


def test_site_without_a_file_shows_the_built_in_defaults(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["site"])
    assert result.code == 0
    assert result.out.startswith("Site settings: built-in defaults (no settings file found).")
    assert "library           (not set)  [built-in defaults]" in result.out


def test_a_broken_file_lists_every_problem_as_path_line_col(cli) -> None:  # type: ignore[no-untyped-def]
    path = FIXTURES / "bad-hours.yaml"
    result = cli(["site", "--site", str(path)])
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[1].startswith(f"  {path}:5:5: error: it: hours: 'fry' is not a day")
    assert lines[2] == (
        f"  {path}:6:10: error: it: hours: sat: expected hours like 08:00-17:00, got '9-12'"
    )
    assert lines[3] == (
        "  Until they are fixed, walks count every policy as not allowed and use the "
        "defaults shown below."
    )
    assert "clear_jams: NOT allowed (the site settings file could not be read" in result.out


def test_init_writes_a_starter_that_loads_cleanly_and_prints_its_path(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(["site", "--init"])
    assert result.code == 0
    written = Path(result.out.strip())
    assert written == locate.user_settings_path()
    settings, findings = reading.parse_settings(written)
    assert findings == [] and settings is not None
    shown = cli(["site"])
    assert shown.code == 0
    assert shown.out.startswith(f"Site settings: {written} (found by the user config folder)")


def test_init_to_a_named_path_never_overwrites_a_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "desk" / "site.yaml"
    assert cli(["site", "--init", str(target)]).out.strip() == str(target)
    target.write_text("library: Edited by hand\n", encoding="utf-8")
    again = cli(["site", "--init", str(target)])
    assert again.code == 1
    assert again.err.strip() == (
        f"troubleshoot: {target}: a file is already there; it was left as it is"
    )
    assert target.read_text(encoding="utf-8") == "library: Edited by hand\n"


def test_the_database_named_by_the_environment_says_so(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "desk.db"
    monkeypatch.setenv("TROUBLESHOOT_DATABASE", str(kept))
    result = cli(["site"])
    assert result.code == 0, result.err
    assert f"session database  {kept}  [TROUBLESHOOT_DATABASE]" in result.out.splitlines()
    monkeypatch.setenv("TROUBLESHOOT_DATABASE", "postgresql://desk@db.example/records")
    lines = cli(["site"]).out.splitlines()
    assert "shared store      db.example/records  [TROUBLESHOOT_DATABASE]" in lines


def test_site_shows_what_the_self_help_pages_tell_patrons(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "branch.yaml"
    path.write_text(
        "public_phone: 555-0142\npublic_url: https://library.example.org/help\n"
        'opening_hours:\n  mon-thu: "09:00-20:00"\n  sat: "10:00-16:00"\n',
        encoding="utf-8",
    )
    result = cli(["site", "--site", str(path)])
    assert result.code == 0
    rows = result.out.splitlines()
    assert "public phone      555-0142  [branch.yaml:1]" in rows
    assert "public web page   https://library.example.org/help  [branch.yaml:2]" in rows
    at = rows.index("opening hours     mon-thu 09:00-20:00  [branch.yaml:3]")
    assert rows[at + 1] == "                  sat 10:00-16:00"
