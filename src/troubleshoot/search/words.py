"""Turning what people type into the words a search compares.

Staff type what they hear: "wifi wont conect", "my flashdrive", "it's frozen",
"my résumé", "the Wi‑Fi". So text is folded first: lower case without accents
("résumé" is "resume"), every kind of apostrophe dropped ("won’t" is "wont"), every
kind of dash between letters a plain hyphen. Then filler words are set aside and
forms brought together by a light stemmer: "typing", "typed" and "types" all become
"type", "jammed" is "jam", "recognised" meets "recognized". A hyphenated word is one
word said two ways: "read-only", "read only" and "readonly" meet. Pure standard
library: a Porter-style stemmer is a page of code and needs no package.
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Words that say nothing about which problem it is: how people wrap a problem.
#: "work" is here because "not working" is the most common filler at a desk.
_STOP_WORDS = """
    a about after again all also am an and any anything are as at be because been
    being but by can cannot cant could couldnt did didnt do does doesnt doing done
    dont each either even ever every for from get gets getting got had hadnt has
    hasnt have havent having he hello help her here hers hi him his how i id if
    im in into is isnt it itll its ive just keep keeps kept let lets like me mine
    my myself need needs no nor not of ok okay on once only or other our ours
    please really said say saying says she should shouldnt so some someone
    something still such than thank thanks that thats the their theirs them then
    there theres these they theyre this those to too tried tries try trying uh um
    us very want wants was wasnt we were what whats when where which while who why
    will with wont work worked working works would wouldnt yes you your youre yours
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

#: Forms a suffix rule cannot reach, mapped to the word they are a form of.
IRREGULAR = {
    "ate": "eat",
    "eaten": "eat",
    "froze": "freeze",
    "frozen": "freeze",
    "broke": "break",
    "broken": "break",
    "ran": "run",
    "went": "go",
    "gone": "go",
    "lost": "lose",
    "sent": "send",
    "taken": "take",
    "took": "take",
    "paid": "pay",
    "made": "make",
    "bought": "buy",
    "wrote": "write",
    "written": "write",
    "began": "begin",
    "shown": "show",
}

#: Words people use for the same thing at a desk. Kept short and general: a word
#: belongs here only if staff would accept either in any tree.
SYNONYM_GROUPS = (
    "freeze hung hang unresponsive",
    "disappear vanish missing delete wipe erase lose",
    "money dollar cash coin bill pay charge fund credit balance",
    "computer pc workstation",
    "wifi wireless internet network",
    "phone cell cellphone iphone android smartphone",
    "laptop notebook chromebook macbook",
    "tablet ipad",
    "usb flash thumb pendrive",
    "copier photocopier xerox",
    "login logon signin",
    "password passcode",
    "screen monitor display",
    "sound audio speaker volume",
    "resume cv",
    "program software",
    "broken dead",
    "restart reboot",
    "blank empty",
)

#: Apostrophes as keyboards, phones and word processors type them, and the soft hyphen.
_DROPPED = re.compile("['`\u00ad\u02bc\u2018\u2019\u201b\u2032\uff07]")
#: Hyphens and dashes of every width; between letters they join a word.
_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
#: Letters and digits of any script; no underscore, which is not how people spell.
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_BRITISH = re.compile(r"is(e|ed|es|ing|ation|ations)$")


def fold(text: str) -> str:
    """Lower case without accents, apostrophes dropped, every dash a plain hyphen.

    "Résumé", "RESUME" and "resume" are one word; so are "won’t" and "wont", and
    "Wi‑Fi" (a non-breaking hyphen, as phones type it) and "wi-fi".
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = _DASHES.sub("-", text)
    return _DROPPED.sub("", text.casefold())


def raw_words(text: str) -> list[str]:
    """The folded words of *text*, hyphens kept ("won't" is "wont", "wi-fi" one word)."""
    return _WORD.findall(fold(text))


def terms(text: str) -> list[str]:
    """The stems of *text* that carry meaning; a hyphenated word also counts joined."""
    out: list[str] = []
    for word in raw_words(text):
        if "-" not in word:
            if meaningful(word):
                out.append(stem(word))
            continue
        parts = word.split("-")
        out.append(stem("".join(parts)))
        out.extend(stem(p) for p in parts if meaningful(p))
    return out


def units(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The words of a phrase as a person says them: a stem and, for a hyphenated word,
    the stems of its parts ("read-only" is ("readonly", ("read", "only"))).

    A phrase is there in full when each unit is, whole or by all its parts.
    """
    out: list[tuple[str, tuple[str, ...]]] = []
    for word in raw_words(text):
        if "-" not in word:
            if meaningful(word):
                out.append((stem(word), ()))
            continue
        parts = [p for p in word.split("-") if p]
        out.append((stem("".join(parts)), tuple(stem(p) for p in parts)))
    return out


def meaningful(word: str) -> bool:
    return len(word) > 1 and word not in STOP_WORDS


def _vowel(word: str, i: int) -> bool:
    """Vowels as Porter counts them: a e i o u, and y after a consonant."""
    if word[i] in "aeiou":
        return True
    return word[i] == "y" and i > 0 and not _vowel(word, i - 1)


def _measure(word: str) -> int:
    """How many vowel-then-consonant runs: "tree" 0, "print" 1, "printer" 2."""
    runs, previous = 0, False
    for i in range(len(word)):
        vowel = _vowel(word, i)
        runs += previous and not vowel
        previous = vowel
    return runs


def _short(word: str) -> bool:
    """Ends consonant-vowel-consonant, like "spin" or "typ": then the e belongs."""
    n = len(word)
    return (
        n >= 3
        and not _vowel(word, n - 3)
        and _vowel(word, n - 2)
        and not _vowel(word, n - 1)
        and word[-1] not in "wxy"
    )


def _drop_e(word: str) -> str:
    if word.endswith("e") and len(word) >= 4:
        base = word[:-1]
        if _measure(base) > 1 or (_measure(base) == 1 and not _short(base)):
            return base
    return word


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light Porter-style stemmer: plurals, -ing, -ed and a silent e, so forms meet.

    "typing", "typed" and "types" all become "type"; "spinning" becomes "spin" while
    "spine" stays "spine"; "jammed" is "jam"; "copies" is "copy".
    """
    word = IRREGULAR.get(word, word)
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _BRITISH.sub(r"iz\1", word)
    if word.endswith(("ies", "ied")) and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if not word.endswith(suffix) or len(base) < 3:
            continue
        # A typo can lose the vowel ("prnting"); a long enough base is still a base.
        if len(base) < 4 and not any(_vowel(base, i) for i in range(len(base))):
            continue
        if base[-1] == base[-2] and base[-1] not in "lsz" and not _vowel(base, len(base) - 1):
            return base[:-1]
        return base + "e" if _measure(base) == 1 and _short(base) else _drop_e(base)
    return _drop_e(word)


def root(term: str) -> str:
    """A stem without a doer's -er/-or: "printer" -> "print", "copier" -> "copy"."""
    if len(term) < 5 or not term.endswith(("er", "or")):
        return term
    base = term[:-2]
    if base[-1] == base[-2] and not _vowel(base, len(base) - 1):
        return base[:-1]
    return base[:-1] + "y" if base.endswith("i") else base


def one_edit_apart(a: str, b: str) -> bool:
    """One letter wrong, missing, extra, or two neighbours swapped ("comptuer")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i, n = 0, min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    if len(a) > len(b):
        return a[i + 1 :] == b[i:]
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return (
        a[i + 1 : i + 2] == b[i : i + 1]
        and a[i : i + 1] == b[i + 1 : i + 2]
        and (a[i + 2 :] == b[i + 2 :])
    )


def _synonym_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for group in SYNONYM_GROUPS:
        stems = tuple(stem(word) for word in group.split())
        for word in stems:
            table[word] = tuple(other for other in stems if other != word)
    return table


#: Stem -> the other stems of its synonym group.
SYNONYMS = _synonym_table()
