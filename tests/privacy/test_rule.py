"""The privacy rule: what is refused as a card number or a password, and what is kept."""

from __future__ import annotations

import pytest

from troubleshoot import privacy
from troubleshoot.privacy import STRICT, CardPattern, PrivacyRefused

#: Cards here are 14-digit barcodes starting with 2; item barcodes start with 3.
SITE = CardPattern(14, 14, ("2",))


def test_the_refusals_say_what_was_seen_and_what_to_do_instead() -> None:
    with pytest.raises(PrivacyRefused) as card:
        privacy.check("card 21234000123456")
    assert str(card.value) == (
        "that looks like a library card number, so it was not kept. Leave the number out: "
        "identify the patron by PC or station and time instead"
    )
    with pytest.raises(PrivacyRefused) as secret:
        privacy.check("pw hunter2")
    assert str(secret.value) == (
        "that looks like it holds a password or PIN, so it was not kept. Leave it out: "
        "the patron types it themselves, and nobody writes it down"
    )


@pytest.mark.parametrize(
    "text",
    [
        "PC 12 shows 192.168.100.254",
        "ISBN 978-0-596-52068-7",
        "ISBN 9780596520687 and 978-1-4919-4600-8",
        "Windows 10.0.22631.4317",
        "Chrome 126.0.6478.127",
        "https://catalogue.example.org/record/123456789012345678",
        "www.example.org/item?id=21234000123456",
        "PCs 12, 14, 15, 16, 17, 18 and 19 froze",
        "it happened 2026-11-23 14:05",
        "call 555-0100",
        "Patron forgot password, reset link sent",
        "password reset page will not load",
        "the password is wrong",
        "pin the browser to the taskbar",
        "pass it on to IT",
        "PIN is required at the release station",
    ],
)
def test_real_desk_data_is_kept(text: str) -> None:
    assert privacy.problem(text) is None


def test_an_item_barcode_is_kept_where_the_site_says_cards_start_with_2() -> None:
    assert privacy.problem("Item barcode 31234000567890", SITE) is None
    assert privacy.problem("Item barcode 31234000567890") == privacy.CARD_REFUSED  # strict


@pytest.mark.parametrize(
    "text",
    [
        "21234000123456",
        "2 1234 00012 3456",
        "2 - 1234 - 00012 - 3456",
        "2/1234/00012/3456",
        "2_1234_00012_3456",
        "2,1234,00012,3456",
        "2.1234.00012.3456",
        "2\u20121234\u20120001\u201223456",  # figure dashes
        "2\u20131234\u20140001\u2010234\u201156",  # en, em dashes, hyphens
        "2  1234  00012  3456",  # double spaces
        "2\u00a01234\u202f00012\u20073456",  # no-break, narrow and figure spaces
        "2\u200b1234000123456",  # a zero-width space inside
        "\uff12\uff11234000123456",  # full-width digits
        "item 3, card 21234000123456",
        "room 3 2123 4000 1234 56",
        "4111 1111 1111 1111",  # a bank card, whatever the site's pattern
    ],
)
def test_card_numbers_are_refused_however_they_are_written(text: str) -> None:
    assert privacy.problem(text, SITE) == privacy.CARD_REFUSED
    assert privacy.problem(text) == privacy.CARD_REFUSED


@pytest.mark.parametrize(
    "text",
    [
        "pw hunter2",
        "pwd=letmein",
        "pass=abc",
        "password hunter2",
        "password is banana",
        "the password was Summer2024!",
        "passwd: s3cret",
        "passcode 8842",
        "PIN 4321",
        "pin number 4321",
        "PIN number is 4321",
        "Pin: 0000",
    ],
)
def test_passwords_and_pins_are_refused_in_their_common_wordings(text: str) -> None:
    assert privacy.problem(text) == privacy.SECRET_REFUSED


def test_a_pattern_says_itself_in_words() -> None:
    assert STRICT.describe() == "13 to 16 digits"
    assert SITE.describe() == "14 digits starting with 2"
    assert CardPattern(14, 14, ("21", "22")).describe() == "14 digits starting with 21 or 22"


def test_scrub_replaces_only_what_is_refused() -> None:
    assert privacy.scrub("PC 12", SITE) == "PC 12"
    assert privacy.scrub("card 2 1234 00012 3456", SITE) == privacy.REMOVED
    assert privacy.scrub("") == ""
