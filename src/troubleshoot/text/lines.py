"""Text as trainers write it, laid out in lines for a screen of a given width.

Trees hold more than one-liners: a ``text: |`` block with paragraphs, numbered
steps, bulleted lists and a fenced block of exactly what to type. Folding all of it
onto one line runs the steps together, and a terminal that breaks a long line at its
edge splits words in two ("Never ask fo / r a card number"). Here the text becomes
blocks (a paragraph, a list item with its marker, a code block) and each block is
laid out on its own: words wrapped at spaces, a list item's later lines indented
under its text, code kept exactly as typed and never wrapped.

Trainers also write Markdown escapes (``B\\&W``), meant for a viewer that shows the
plain character; outside code the plain character is what is shown here, so a
screen reader does not read out a backslash. Inside code every character is kept.

Pure functions: they return lines and print nothing.
"""

from __future__ import annotations

import enum
import re
import string
import unicodedata

from troubleshoot.frozen import frozen
from troubleshoot.text import clean


class Kind(enum.Enum):
    PARAGRAPH = "paragraph"
    ITEM = "item"  # one entry of a numbered or bulleted list
    CODE = "code"  # a fenced block, kept exactly as typed
    BLANK = "blank"  # the empty line the trainer left between two blocks


@frozen
class Block:
    kind: Kind
    text: str = ""  # a paragraph's or item's words (one line, escapes shown plain)
    marker: str = ""  # an item's "1." or "-"
    indent: int = 0  # spaces before an item's marker, so nested lists stay nested
    code: tuple[str, ...] = ()  # a code block's lines, as typed


#: CommonMark lets a backslash escape any ASCII punctuation character, and only those.
PUNCTUATION = frozenset(string.punctuation)

#: Nested lists deeper than this are drawn at this depth, so text keeps its width.
MAX_INDENT = 8

#: Code blocks are set in by this much, which marks them without fence lines.
CODE_INDENT = "    "

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$")


def unescape(text: str) -> str:
    """*text* with Markdown backslash escapes shown as the plain character.

    A code span (text between equal runs of backticks) is kept as typed, backticks
    and backslashes too: there the exact characters are the point (``\\\\server\\share``).
    """
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in PUNCTUATION:
            out.append(text[i + 1])
            i += 2
            continue
        if char == "`":
            run = len(text) - i - len(text[i:].lstrip("`"))
            closing = re.compile(r"(?<!`)" + "`" * run + r"(?!`)")
            end = closing.search(text, i + run)
            if end is not None:
                out.append(text[i : end.end()])
                i = end.end()
                continue
            out.append("`" * run)
            i += run
            continue
        out.append(char)
        i += 1
    return "".join(out)


def blocks(text: str) -> tuple[Block, ...]:
    """The blocks of *text*: paragraphs, list items and code, with the blank lines between."""
    found: list[Block] = []
    words: list[str] = []  # the lines of the paragraph or item being read
    item: tuple[str, int] | None = None  # its marker and indent, when it is an item

    def close() -> None:
        nonlocal words, item
        if words:
            joined = unescape(" ".join(" ".join(words).split()))
            if item is None:
                found.append(Block(Kind.PARAGRAPH, joined))
            else:
                found.append(Block(Kind.ITEM, joined, item[0], min(item[1], MAX_INDENT)))
        words, item = [], None

    def blank() -> None:
        if found and found[-1].kind is not Kind.BLANK:
            found.append(Block(Kind.BLANK))

    lines = clean(text).replace("\r\n", "\n").replace("\r", "\n").expandtabs(4).split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence is not None:
            close()
            opening = fence.group(1)
            code: list[str] = []
            i += 1
            while i < len(lines):
                shut = _FENCE.match(lines[i])
                if (
                    shut is not None
                    and shut.group(1)[0] == opening[0]
                    and len(shut.group(1)) >= len(opening)
                    and not lines[i][shut.end() :].strip()
                ):
                    break
                code.append(lines[i].rstrip())
                i += 1
            while code and not code[-1]:
                code.pop()
            found.append(Block(Kind.CODE, code=tuple(code)))
            i += 1
            continue
        if not line.strip():
            close()
            blank()
        elif (listed := _ITEM.match(line)) is not None:
            close()
            item = (listed.group(2), len(listed.group(1)))
            words = [listed.group(3) or ""]
        else:
            words.append(line)
        i += 1
    close()
    while found and found[-1].kind is Kind.BLANK:
        found.pop()
    return tuple(found)


def width_of(text: str) -> int:
    """Columns *text* takes on a terminal: wide (East Asian, most emoji) characters take two."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200b\u200d\ufe0f":
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _split_long(word: str, room: int) -> list[str]:
    """A word wider than the line, in pieces that fit (the one place a word may break)."""
    pieces, piece = [], ""
    for char in word:
        if piece and width_of(piece + char) > room:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: int | None, first: str = "", rest: str = "") -> list[str]:
    """*text* (one line of words) wrapped at spaces to *width* columns.

    The first line starts with *first*, later lines with *rest*. With no width the
    words stay on one line. Only a word wider than a whole line is broken, and it
    starts on a line of its own.
    """
    words = text.split()
    if width is None:
        return [(first + " ".join(words)).rstrip()]
    out: list[str] = []
    prefix, current = first, ""

    def flush() -> None:
        nonlocal prefix, current
        out.append((prefix + current).rstrip())
        prefix, current = rest, ""

    for word in words:
        if current and width_of(prefix + current + " " + word) > width:
            flush()
        room = max(1, width - width_of(prefix))
        if width_of(word) > room:
            if current:
                flush()
                room = max(1, width - width_of(prefix))
            *full, word = _split_long(word, room)
            for piece in full:
                current = piece
                flush()
        current = f"{current} {word}" if current else word
    flush()
    return out


def lay_out(text: str, width: int | None = None, *, first: str = "", indent: str = "") -> list[str]:
    """*text* as the lines to show, each at most *width* columns (code may run over).

    The first line starts with *first* (a label such as ``QUESTION: ``); every other
    line with *indent*. Without a width nothing is wrapped, but the blocks still
    each get their own lines.
    """
    out: list[str] = []
    for block in blocks(text) or (Block(Kind.PARAGRAPH),):
        lead = first if not out else indent
        if block.kind is Kind.BLANK:
            out.append("")
        elif block.kind is Kind.CODE:
            if not out and first.strip():
                out.append(first.rstrip())
            out.extend((indent + CODE_INDENT + line).rstrip() for line in block.code)
        elif block.kind is Kind.ITEM:
            nest = " " * block.indent
            under = indent + nest + " " * (len(block.marker) + 1)
            if not out and first.strip():
                out.append(first.rstrip())
                lead = indent
            out.extend(wrap(block.text, width, f"{lead}{nest}{block.marker} ", under))
        else:
            out.extend(wrap(block.text, width, lead, indent))
    return out


def is_one_line(text: str) -> bool:
    """Whether *text* is a single paragraph: it then fits after a label on one line."""
    found = blocks(text)
    return len(found) <= 1 and all(b.kind is Kind.PARAGRAPH for b in found)


def plain(text: str) -> str:
    """*text* on one line, escapes shown plain: for a place with room for one line only."""
    parts: list[str] = []
    for block in blocks(text):
        if block.kind is Kind.ITEM:
            parts.append(f"{block.marker} {block.text}")
        elif block.kind is Kind.CODE:
            parts.append(" ".join(" ".join(block.code).split()))
        elif block.kind is Kind.PARAGRAPH:
            parts.append(block.text)
    return " ".join(p for p in parts if p)
