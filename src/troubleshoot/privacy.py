"""Keeping patrons' secrets out of everything the tool stores or shows.

Staff type free text in notes, facts and reasons. A library card number or a
password must never end up in a hand-off that is emailed around or in the session
records, so such text is refused before it is kept anywhere, with the reason and
what to do instead; text that comes from elsewhere (an import) is scrubbed.

The rule must not fight library work either: IP addresses, version and build
numbers, ISBNs, web addresses and (once the site says what its cards look like)
item barcodes are ordinary data at a desk and are kept.

How a card number is found. The text is normalised first (compatibility forms,
invisible format characters dropped, every kind of digit read as 0-9). A *number*
is then a run of digit groups joined by separators: spaces of any kind, ``- ‐ ‑ ‒ –
—``, ``/``, ``_``, ``.`` and ``,`` (a comma followed by a space ends a number: that
is a list). Within a number, an ISBN-13 (978 or 979, with a valid check digit), an
IPv4 address and a version number (``10.0.22631.4317``) are set aside; any run of
whole groups left whose digits fit the :class:`CardPattern` is a card number. Bank
card numbers (15 or 16 digits that pass the card checksum) are refused whatever the
pattern. Digits inside a web address are not counted.
"""

from __future__ import annotations

import re
import unicodedata

from troubleshoot.errors import TroubleshootError
from troubleshoot.frozen import frozen

#: What a refused value is replaced by wherever a record from elsewhere held it.
REMOVED = "[removed: looked like a card number or a password]"

_SPACE = r"[^\S\r\n]"  # any space but a line break: NBSP, narrow NBSP, figure space...
_MARK = r"[\-\u2010\u2011\u2012\u2013\u2014\u2212/_.,]"
#: Between two digit groups: spaces, or one mark with spaces either side.
_GAP = rf"(?:{_SPACE}{{0,3}}{_MARK}{_SPACE}{{0,3}}|{_SPACE}{{1,3}})"
NUMBER = re.compile(rf"[0-9]+(?:{_GAP}[0-9]+)*")
_GROUP = re.compile(r"[0-9]+")
_LIST = re.compile(r",\s")  # "12, 14 and 16": a list, not one number
_URL = re.compile(r"\b(?:[a-z][a-z0-9+.\-]*://|www\.)\S+", re.IGNORECASE)


@frozen
class CardPattern:
    """What this library's patron card numbers look like, counted in digits.

    The default is the strict one: any 13 to 16 digits. A site whose cards are
    14-digit barcodes starting with 2 (items starting with 3) says so, and item
    barcodes are then kept.
    """

    least: int = 13
    most: int = 16
    starts_with: tuple[str, ...] = ()

    def fits(self, digits: str) -> bool:
        """Whether *digits* (separators already removed) could be a patron's card."""
        if not self.least <= len(digits) <= self.most:
            return False
        return not self.starts_with or digits.startswith(self.starts_with)

    def describe(self) -> str:
        """The pattern in words, for ``troubleshoot site``."""
        size = f"{self.least}" if self.least == self.most else f"{self.least} to {self.most}"
        start = ""
        if self.starts_with:
            start = " starting with " + " or ".join(self.starts_with)
        return f"{size} digits{start}"


#: Used wherever a site has not said otherwise, and whenever its setting is broken.
STRICT = CardPattern()


class PrivacyRefused(TroubleshootError):
    """Text that looks like it holds a card number or a password."""


CARD_REFUSED = (
    "that looks like a library card number, so it was not kept. Leave the number out: "
    "identify the patron by PC or station and time instead"
)
SECRET_REFUSED = (
    "that looks like it holds a password or PIN, so it was not kept. Leave it out: "
    "the patron types it themselves, and nobody writes it down"
)


def problem(text: str, cards: CardPattern = STRICT) -> str | None:
    """Why *text* may not be kept or shown, or None when it is fine."""
    if has_card(text, cards):
        return CARD_REFUSED
    if has_secret(text):
        return SECRET_REFUSED
    return None


def check(text: str, cards: CardPattern = STRICT) -> None:
    """Raise :class:`PrivacyRefused` when *text* must not be kept."""
    reason = problem(text, cards)
    if reason is not None:
        raise PrivacyRefused(reason)


def scrub(text: str, cards: CardPattern = STRICT) -> str:
    """*text*, or :data:`REMOVED` in its place: for records that come from elsewhere."""
    return REMOVED if text and problem(text, cards) else text


# -- card numbers ----------------------------------------------------------------------


def normalise(text: str) -> str:
    """The text as the matching reads it: one form of each character, digits as 0-9,
    and nothing invisible (a zero-width space or soft hyphen hides nothing)."""
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    out = []
    for char in text:
        kind = unicodedata.category(char)
        if kind == "Cf":
            continue
        out.append(str(unicodedata.decimal(char)) if kind == "Nd" else char)
    return "".join(out)


def has_card(text: str, cards: CardPattern = STRICT) -> bool:
    """Whether *text* holds a number that fits *cards*, or a bank card number."""
    if not any(c.isdigit() for c in text):
        return False
    plain = _URL.sub(" ", normalise(text))
    return any(_is_card(found.group(), cards) for found in NUMBER.finditer(plain))


def _is_card(number: str, cards: CardPattern) -> bool:
    groups = _GROUP.findall(number)
    gaps = _GROUP.split(number)[1:-1]
    for piece in _pieces(groups, gaps):
        for first in range(len(piece)):
            digits = ""
            for group in piece[first:]:
                digits += group
                if len(digits) > max(cards.most, 16):
                    break
                if cards.fits(digits) or _bank_card(digits):
                    return True
    return False


def _pieces(groups: list[str], gaps: list[str]) -> list[list[str]]:
    """The groups of one number, split where a comma and a space make a list, with
    ISBNs and dotted chains (addresses, versions) taken out."""
    pieces: list[list[str]] = [[groups[0]]]
    dotted: list[list[bool]] = [[]]
    for group, gap in zip(groups[1:], gaps, strict=True):
        if _LIST.search(gap):
            pieces.append([group])
            dotted.append([])
            continue
        pieces[-1].append(group)
        dotted[-1].append(gap == ".")
    out: list[list[str]] = []
    for piece, dots in zip(pieces, dotted, strict=True):
        out.extend(_without_data(piece, dots))
    return out


def _without_data(groups: list[str], dots: list[bool]) -> list[list[str]]:
    """*groups* split around the ISBNs and dotted chains in them."""
    kept: list[list[str]] = [[]]
    i = 0
    while i < len(groups):
        end = _isbn_end(groups, i) or _dotted_end(groups, dots, i)
        if end:
            kept.append([])
            i = end
            continue
        kept[-1].append(groups[i])
        i += 1
    return [piece for piece in kept if piece]


def _isbn_end(groups: list[str], start: int) -> int:
    """Where an ISBN-13 that begins at *start* ends (0: none does)."""
    digits = ""
    for end in range(start, len(groups)):
        digits += groups[end]
        if len(digits) == 13:
            return end + 1 if _isbn13(digits) else 0
        if len(digits) > 13:
            return 0
    return 0


def _isbn13(digits: str) -> bool:
    if not digits.startswith(("978", "979")):
        return False
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return total % 10 == 0


def _dotted_end(groups: list[str], dots: list[bool], start: int) -> int:
    """Where an address or version number beginning at *start* ends (0: none does).

    That is a chain of short groups joined by dots alone: an IPv4 address
    (``192.168.100.254``), or one with a group of one or two digits between its first
    and last (``10.0.22631.4317``). A card number written with dots has long groups
    there (``2123.4567.8901.2345``, ``2.1234.56789.0123``) and is not set aside.
    """
    if start and dots[start - 1] and len(groups[start - 1]) <= 5 and len(groups[start]) <= 5:
        return 0  # inside a chain that began earlier and was not set aside
    end = start
    while end < len(dots) and dots[end] and len(groups[end]) <= 5 and len(groups[end + 1]) <= 5:
        end += 1
    chain = groups[start : end + 1]
    if len(chain) < 3:
        return 0
    address = len(chain) == 4 and all(len(g) <= 3 and int(g) <= 255 for g in chain)
    version = any(len(g) < 3 for g in chain[1:-1])
    return end + 1 if address or version else 0


def _bank_card(digits: str) -> bool:
    """A payment card's number: 15 or 16 digits, first 3 to 6, passing the Luhn check."""
    if len(digits) not in (15, 16) or digits[0] not in "3456":
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


# -- passwords and PINs ----------------------------------------------------------------

_SECRET_WORD = (
    r"\b(?:pass\s*words?|passwd|passcodes?|pass|pwd|pw|pins?(?:\s*(?:numbers?|no\.?|codes?))?)"
)
SECRET = re.compile(
    rf"{_SECRET_WORD}(?:\s*(?P<said>\bis\b|\bwas\b|[=:])\s*(?P<value>\S+)|\s+(?P<next>\S+))",
    re.IGNORECASE,
)
#: Words that say something about a password rather than being one.
_ABOUT_WORDS = """a an the it is was not no none too still also now being been set new old
    same different their her his my your our its this that wrong incorrect right correct
    expired reset changed locked unlocked forgotten forgot lost required needed missing
    blank empty invalid valid working accepted rejected ok okay fine unknown long short
    asked requested typed entered saved stored shown hidden case sensitive disabled
    enabled weak strong there here in on for to from at of and or by with"""
_ABOUT = frozenset(_ABOUT_WORDS.split())


def has_secret(text: str) -> bool:
    """Whether *text* writes down a password or PIN: ``password is ...``, ``pw hunter2``,
    ``pwd=...``, ``PIN 4321``. "Password reset" or "pin it to the taskbar" is not one."""
    for found in SECRET.finditer(normalise(text)):
        value = (found.group("value") or found.group("next")).rstrip(".,;:!?)\"'")
        if not value:
            continue
        if found.group("value") is not None:
            if not (value.isalpha() and value.lower() in _ABOUT):
                return True
        elif len(value) >= 4 and re.search(r"[^\W_]", value) and _looks_made_up(value):
            return True
    return False


def _looks_made_up(value: str) -> bool:
    """A word after a bare space is a secret only when it holds a digit or a symbol."""
    return any(c.isdigit() or not (c.isalpha() or c in "-'") for c in value)
