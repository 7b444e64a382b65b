"""Site settings: read with line numbers, found in the right place, never in the way."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DIR, run_tool, write_tree
from troubleshoot.site import config, locate, reading
from troubleshoot.tree.model import KNOWN_POLICIES, Budget

FIXTURES = FIXTURE_DIR
SITE_TREES = FIXTURES / "site"
WALKS = FIXTURES / "walks"

RIVERSIDE = """\
library: Riverside Public Library
branch: Main
it:
  name: County IT
  phone: 555-0100
  email: helpdesk@example.org
  ticket: https://help.example.org/new
  hours:
    mon-fri: 08:00-17:00
    sat: 09:00-12:00, 13:00-15:00
  closed: [2026-12-25, 2026-12-31..2027-01-01]
emergency:
  name: IT on-call
  phone: 555-0199
  when: [Every public PC is down]
policies:
  patron_devices: {allowed: false, reason: Staff here do not handle patrons' own devices.}
  refunds: false
  fax: true
admin: true
trees: [more-trees]
budget: {minutes: 15, steps: 20}
handoffs: ~/handoffs
"""


def write(folder: Path, text: str, name: str = "site.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_full_settings_file_is_read_into_values(tmp_path: Path) -> None:
    path = write(tmp_path, RIVERSIDE)
    settings = reading.load_settings(path)
    assert settings.label == "Riverside Public Library, Main"
    (it,) = settings.it
    assert (it.name, it.phone, it.email, it.ticket) == (
        "County IT",
        "555-0100",
        "helpdesk@example.org",
        "https://help.example.org/new",
    )
    assert [(sorted(h.days), h.start, h.end) for h in it.hours] == [
        ([0, 1, 2, 3, 4], 8 * 60, 17 * 60),
        ([5], 9 * 60, 12 * 60),
        ([5], 13 * 60, 15 * 60),
    ]
    assert it.closed == (
        (dt.date(2026, 12, 25), dt.date(2026, 12, 25)),
        (dt.date(2026, 12, 31), dt.date(2027, 1, 1)),
    )
    assert settings.emergency is not None
    assert settings.emergency.when == ("Every public PC is down",)
    assert settings.forbidden == {"patron_devices", "refunds"}
    assert settings.reasons == {"patron_devices": "Staff here do not handle patrons' own devices."}
    assert settings.admin is True
    assert settings.trees == (tmp_path / "more-trees",)
    assert settings.budget == Budget(15, 20)
    assert settings.handoffs == Path("~/handoffs").expanduser()
    assert settings.source("admin") == f"{path}:20"
    assert settings.source("database") == config.DEFAULTS


def test_known_policies_are_the_built_in_four_plus_the_sites_own(tmp_path: Path) -> None:
    settings = reading.load_settings(write(tmp_path, RIVERSIDE))
    assert config.known_policies(settings) == KNOWN_POLICIES | {"fax"}
    assert config.known_policies(config.Settings()) == KNOWN_POLICIES


def test_the_starter_file_loads_cleanly_and_forbids_nothing() -> None:
    settings, findings = reading.parse_settings(config.STARTER)
    assert findings == []
    assert settings is not None
    assert settings.forbidden == frozenset()
    assert config.known_policies(settings) == KNOWN_POLICIES
    assert [h.text for h in settings.it[0].hours] == ["mon-fri 08:00-17:00"]


def test_a_misspelt_key_is_reported_at_its_line_with_the_key_meant() -> None:
    path = SITE_TREES / "misspelt.yaml"
    settings, findings = reading.parse_settings(path)
    assert settings is None
    assert [str(f) for f in findings] == [
        f"{path}:3:1: error: unknown key 'libary' (did you mean 'library'?)"
    ]


def test_a_bad_day_and_bad_hours_are_each_reported_where_they_are() -> None:
    path = SITE_TREES / "bad-hours.yaml"
    _, findings = reading.parse_settings(path)
    assert [str(f) for f in findings] == [
        f"{path}:5:5: error: it: hours: 'fry' is not a day (use mon, tue, wed, thu, fri, sat, "
        "sun, or a range like mon-fri) (did you mean 'fri'?)",
        f"{path}:6:10: error: it: hours: sat: expected hours like 08:00-17:00, got '9-12'",
    ]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("library: [unclosed\n", "2:1", "the [ ] list opened at line 1 is not closed"),
        ("it:\n  phone: 555-0100\n", "2:3", "it: missing required key 'name'"),
        ("admin: sometimes\n", "1:8", "admin: expected true or false"),
        ("policies:\n  Clear Jams: false\n", "2:3", "policies: Clear Jams: not a policy name"),
        ("it: {name: IT, email: helpdesk}\n", "1:23", "it: email: 'helpdesk' is not an email"),
        ("it: {name: IT, hours: {sun: 17:00-09:00}}\n", "1:29", "ends before it starts"),
        ("it: {name: IT, closed: [2026-13-01]}\n", "1:25", "closed: [1]: expected a date"),
    ],
)
def test_each_mistake_names_its_line_and_column(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    path = write(tmp_path, text)
    _, findings = reading.parse_settings(path)
    assert findings, "the mistake was not noticed"
    assert str(findings[0]).startswith(f"{path}:{where}: error: ")
    assert message in findings[0].message


def test_an_empty_settings_file_means_the_defaults(tmp_path: Path) -> None:
    settings = reading.load_settings(write(tmp_path, "# nothing set yet\n"))
    assert settings.it == () and settings.forbidden == frozenset()


def test_days_may_be_ranges_across_the_weekend_lists_or_whole_names(tmp_path: Path) -> None:
    hours = "{fri-mon: 10:00-11:00, 'tuesday, thu': 10:00-11:00}"
    path = write(tmp_path, f"it:\n  name: IT\n  hours: {hours}\n")
    days = [sorted(h.days) for h in reading.load_settings(path).it[0].hours]
    assert days == [[0, 4, 5, 6], [1, 3]]


# -- IT hours -------------------------------------------------------------------------


@pytest.fixture
def county(tmp_path: Path) -> config.Contact:
    return reading.load_settings(write(tmp_path, RIVERSIDE)).it[0]


@pytest.mark.parametrize(
    ("moment", "on_duty"),
    [
        ("2026-11-23T10:00", True),  # Monday morning
        ("2026-11-23T07:59", False),
        ("2026-11-23T17:00", False),  # closing time is already closed
        ("2026-11-28T12:30", False),  # Saturday lunch break
        ("2026-11-28T13:00", True),
        ("2026-11-28T21:00", False),  # Saturday night
        ("2026-12-25T10:00", False),  # a Friday, but closed
        ("2027-01-01T10:00", False),  # the last day of a closed stretch
    ],
)
def test_it_is_on_duty_only_inside_its_hours_and_not_on_closed_days(
    county: config.Contact, moment: str, on_duty: bool
) -> None:
    assert county.on_duty(dt.datetime.fromisoformat(moment)) is on_duty


def test_next_on_duty_skips_the_weekend_gap_and_closed_days(county: config.Contact) -> None:
    saturday_night = dt.datetime(2026, 11, 28, 21, 0)
    assert county.next_on_duty(saturday_night) == dt.datetime(2026, 11, 30, 8, 0)
    christmas_eve = dt.datetime(2026, 12, 24, 18, 0)
    assert county.next_on_duty(christmas_eve) == dt.datetime(2026, 12, 26, 9, 0)


def test_a_contact_without_hours_always_answers_except_on_closed_days(tmp_path: Path) -> None:
    path = write(tmp_path, "it: {name: Help line, closed: [2026-11-28]}\n")
    (always,) = reading.load_settings(path).it
    assert always.on_duty(dt.datetime(2026, 11, 29, 3, 0))
    assert not always.on_duty(dt.datetime(2026, 11, 28, 12, 0))
    assert always.next_on_duty(dt.datetime(2026, 11, 28, 12, 0)) == dt.datetime(2026, 11, 29)


# -- where the settings come from --------------------------------------------------------


def test_lookup_order_is_site_option_then_env_then_user_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert locate.resolve().how == config.DEFAULTS
    user = write(locate.user_settings_path().parent, "library: From the user folder\n")
    assert (locate.resolve().path, locate.resolve().settings.library) == (
        user,
        "From the user folder",
    )
    env = write(tmp_path / "env", "library: From the environment\n")
    monkeypatch.setenv(config.ENV, str(env))
    assert (locate.resolve().how, locate.resolve().settings.library) == (
        config.ENV,
        "From the environment",
    )
    given = write(tmp_path / "given", "library: From the option\n")
    assert (locate.resolve(given).how, locate.resolve(given).settings.library) == (
        "--site",
        "From the option",
    )


def test_a_broken_file_fails_closed_with_one_warning_line() -> None:
    path = SITE_TREES / "bad-hours.yaml"
    resolved = locate.resolve(path)
    assert resolved.settings == config.Settings(policies=config.closed_policies())
    assert resolved.settings.forbidden == frozenset(KNOWN_POLICIES)
    assert len(resolved.findings) == 2
    assert resolved.warning is not None and "\n" not in resolved.warning
    assert resolved.warning.startswith(f"warning: {path}:5:5: it: hours: 'fry' is not a day")
    assert "(and 1 more problem)" in resolved.warning


def test_a_missing_settings_file_is_a_warning_not_a_stop(tmp_path: Path) -> None:
    resolved = locate.resolve(tmp_path / "nowhere.yaml")
    assert resolved.settings == config.Settings(policies=config.closed_policies())
    assert resolved.warning is not None and "cannot read file" in resolved.warning


def test_a_tree_budget_wins_over_the_site_default(tmp_path: Path) -> None:
    from troubleshoot.tree.loader import load_tree

    settings = config.Settings(budget=Budget(30, 40))
    assert config.budget_for(settings, load_tree(WALKS / "desk.yaml")) == Budget(10, 3)
    assert config.budget_for(settings, load_tree(WALKS / "other.yaml")) == Budget(30, 40)


# -- walks under site settings --------------------------------------------------------------


def forbid_devices(tmp_path: Path, allowed: bool) -> Path:
    return write(
        tmp_path,
        f"""\
        trees: [{SITE_TREES}]
        policies:
          patron_devices:
            allowed: {str(allowed).lower()}
            reason: Staff here do not handle patrons' own devices.
        """,
    )


def test_a_site_forbidding_patron_devices_never_shows_such_a_step(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no line of interest wraps
    step = "Take the patron's laptop and join it to the library Wi-Fi for them."
    allowed = cli(
        ["own-laptop", "--plain", "--site", str(forbid_devices(tmp_path / "a", True))],
        input="1\n2\n1\n\n",
    )
    assert f"STEP: {step}" in allowed.out  # the same walk shows it where it is allowed
    result = cli(
        ["own-laptop", "--plain", "--site", str(forbid_devices(tmp_path / "f", False))],
        input="1\n1\n\n",
    )
    assert result.code == 0
    assert "STEP:" not in result.out
    assert (
        f"* Not done here: this library's policy 'patron_devices' does not allow it: {step} "
        "(Why: Staff here do not handle patrons' own devices.)"
    ) in result.out
    assert "TELL THE PATRON: Give the patron the printed Wi-Fi guide" in result.out
    assert (
        f"- {step} (policy patron_devices: Staff here do not handle patrons' own devices.)"
    ) in result.out  # in the ticket to copy


def test_a_broken_settings_file_still_lets_the_walk_run_with_one_warning(  # type: ignore[no-untyped-def]
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    path = SITE_TREES / "misspelt.yaml"
    result = cli(["desk", "--plain", "--site", str(path)], input="3\n\n")
    assert result.code == 0
    warnings = [line for line in result.err.splitlines() if line.strip()]
    assert len(warnings) == 1
    assert warnings[0] == (
        f"warning: {path}:3:1: unknown key 'libary' (did you mean 'library'?); "
        "site settings not used: every policy counts as not allowed, and any 13 to 16 digits "
        "as a card number, until the file is fixed. "
        "'troubleshoot site' shows what to fix."
    )
    assert "URGENT: ESCALATE NOW" in result.out
    assert "Saved for IT as:" in result.out


def test_a_real_run_with_a_broken_settings_file_warns_once_and_helps_the_patron(
    private_data: Path,
) -> None:
    path = SITE_TREES / "bad-hours.yaml"
    result = run_tool(
        ["desk", "--plain"],
        input="1\n1\n",
        TROUBLESHOOT_SITE=str(path),
        TROUBLESHOOT_TREES=str(WALKS),
    )
    assert result.returncode == 0
    assert "RESOLVED: The job printed." in result.stdout
    (warning,) = result.stderr.splitlines()
    assert warning.startswith(f"warning: {path}:5:5: it: hours: 'fry' is not a day")


def test_a_broken_file_named_by_the_environment_warns_the_same_way(  # type: ignore[no-untyped-def]
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    monkeypatch.setenv(config.ENV, str(SITE_TREES / "misspelt.yaml"))
    result = cli(["desk", "--plain"], input="1\n1\n")
    assert result.code == 0 and "RESOLVED" in result.out
    assert result.err.count("warning:") == 1


def test_admin_rights_default_comes_from_the_site_and_the_flag_overrides_it(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TROUBLESHOOT_TREES", str(WALKS))
    admin_site = write(tmp_path, "admin: true\n")
    spooler = "STEP: Restart the print spooler."
    walk_to_spooler = "1\n2\n2\n1\n"
    assert spooler in cli(["desk", "--plain", "--site", str(admin_site)], walk_to_spooler).out
    without = cli(["desk", "--plain", "--no-admin", "--site", str(admin_site)], walk_to_spooler)
    assert spooler not in without.out and "Needs admin rights" in without.out


def test_a_site_tree_replaces_the_bundled_one_and_says_so_once(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from troubleshoot.tree.catalog import bundled_dir

    ours = write_tree(
        tmp_path / "ours",
        "usb",
        """
        title: Our own USB guide
        summary: The branch's own way with USB sticks.
        symptoms: [usb]
        start: done
        nodes:
          done: {resolved: Use the USB port on the front of the PC.}
        """,
    )
    settings = write(tmp_path, f"trees: [{ours.parent}]\n")
    result = cli(["usb", "--plain", "--site", str(settings)])
    assert result.code == 0
    assert "RESOLVED: Use the USB port on the front of the PC." in result.out
    assert result.err.splitlines() == [
        f"Using the 'usb' tree in {ours}, not {bundled_dir() / 'usb.yaml'}."
    ]


def test_site_tree_folders_are_listed_with_the_bundled_trees(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.ENV, str(write(tmp_path, f"trees: [{SITE_TREES}]\n")))
    result = cli(["list"])
    assert result.code == 0
    assert "own-laptop" in result.out and "usb" in result.out


def test_cover_until_midnight_is_written_as_24_00(tmp_path: Path) -> None:
    path = write(tmp_path, "it: {name: Late desk, hours: {sat: 20:00-24:00}}\n")
    (late,) = reading.load_settings(path).it
    assert late.on_duty(dt.datetime(2026, 11, 28, 23, 59))
    assert not late.on_duty(dt.datetime(2026, 11, 29, 0, 0))


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("a@[1.2.3.4", "is not an email address (like helpdesk@example.org)"),
        ('"x"@', "is not an email address (like helpdesk@example.org)"),
        ('"it desk"@example.org', "is not an email address (like helpdesk@example.org)"),
        ("=?utf-8?q?evil?=@x", "holds '=?', which mail programs read as an encoded name"),
        ("help@desk@example.org", "is not an email address (like helpdesk@example.org)"),
        ("a" * 250 + "@x.org", "is longer than 254 characters"),
    ],
)
@pytest.mark.parametrize("section", ["it", "emergency"])
def test_an_address_a_draft_could_not_carry_as_written_is_refused(
    tmp_path: Path, address: str, why: str, section: str
) -> None:
    quoted = address.replace("'", "''")
    path = write(tmp_path, f"{section}:\n  name: IT\n  email: '{quoted}'\n")
    _, findings = reading.parse_settings(path)
    assert [str(f) for f in findings] == [
        f"{path}:3:10: error: {section}: email: '{address}' {why}"
    ]
