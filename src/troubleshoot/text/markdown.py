"""Text written into a Markdown hand-off so that a viewer shows what was meant.

IT copies paths, messages and commands out of the hand-off, so a character added
or lost on the way is a wrong path in a ticket. Two kinds of text go in, and each
is written its own way:

- What staff **typed** (facts, notes, why they stopped, initials, corrections) and
  what a settings file says: shown exactly as typed. :func:`literal` puts a
  backslash before each character a viewer could act on, and only there: a
  backslash before a letter is shown as it is, so ``C:\\Users\\Ana`` stays
  readable in the file too.
- What a **tree** says (steps, workarounds, answers): trainers write light
  Markdown, so :func:`inline` and :func:`blocks` keep their code spans, fenced
  code, lists, emphasis and the escapes they wrote (``B\\&W`` shows ``B&W``), and
  never touch what is inside code. What would act behind the reader's back is
  shown as written instead: HTML and comments (``<username>``, ``<!-- -->``),
  character references, and every link (``[text](url)``, ``[text][ref]``,
  ``<http://...>``, a ``[ref]: url`` definition). Its brackets are escaped, so
  the reader sees the words and the address as the trainer wrote them and IT can
  copy both; nothing in a hand-off is a live link.

A tree's indented code block (four spaces, no fence) is not told from a paragraph
here: its ``<`` and brackets get a backslash, which a viewer then shows. That is
the safe way to be wrong; fences are the way to write code.
"""

from __future__ import annotations

import re

from troubleshoot.text import clean, one_line

#: CommonMark lets a backslash escape exactly these, and nothing else.
ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

# Typed text: every character that could start or end markup. A backslash only
# acts before punctuation (or at the end, where the note's own punctuation follows);
# "_" inside a word never makes emphasis; "&" only acts as the start of a reference such as "&amp;".
_TYPED = re.compile(
    r"[`*\[\]<|~]"
    r"|\\(?=[!-/:-@\[-`{-~]|$)"
    r"|_(?![^\W_])|(?<![^\W_])_"
    r"|&(?=#?[A-Za-z0-9]+;)"
)
# The start of a line that would open a block: a heading, a quote, a list item, a
# rule, a "~~~" fence, a setext underline. Its first character is escaped. (A run of
# backticks is already either a code span closed on the line or escaped.)
_BLOCK_START = re.compile(r"#|>|[-+*](?= |$)|[-+=](?=[-+=\s]*$)|([-*_])(?: *\1){2,} *$|~{3}")
#: Typed text is never Markdown, so any of these at its start is escaped.
_TYPED_START = re.compile(r"[-+=#>]")
_ORDERED = re.compile(r"([0-9]{1,9})([.)])")
_FENCE = re.compile(r"( *)(`{3,}|~{3,})(.*)$")
_PARAGRAPH_BREAKER = re.compile(r" {0,3}(?:[-+*](?: |$)|[0-9]{1,9}[.)](?: |$)|#|>|`{3}|~{3})")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def _block_start(line: str, starts: re.Pattern[str] = _BLOCK_START) -> str:
    """*line* with its first character escaped if it would start a block of its own."""
    if starts.match(line):
        return "\\" + line
    ordered = _ORDERED.match(line)
    if ordered:
        return f"{ordered[1]}\\{ordered[2]}{line[ordered.end() :]}"
    return line


def literal(text: str) -> str:
    """Typed *text* for one line of Markdown: cleaned, folded, and shown as typed.

    The rendered words equal the typed ones, whatever they hold: a path keeps every
    backslash, ``[it]: http://...`` stays a line of text rather than a hidden link
    definition, and ``<script>`` or ``<!--`` is shown rather than read.
    """
    escaped = _TYPED.sub(lambda m: "\\" + m.group(), one_line(text))
    return _block_start(escaped, _TYPED_START)


def code(text: str) -> str:
    """*text* as an inline code span: a node id or ``tree#node``, shown as it is."""
    text = one_line(text)
    if not text:
        return ""
    ticks = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text[0] in "` " or text[-1] in "` " else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _closing_run(line: str, start: int, size: int) -> int:
    """Where the next run of exactly *size* backticks begins, or -1."""
    found = re.compile(f"(?<!`)`{{{size}}}(?!`)").search(line, start)
    return found.start() if found else -1


def _tree_line(line: str, last: bool) -> str:
    """One line of tree text with its Markdown kept and what would act shown instead.

    Code spans are found as CommonMark finds them (a run of backticks closed by the
    next run of the same length), but only within the line: a backtick left open is
    escaped, so what follows it is never taken for code here and for text by a viewer.
    """
    out: list[str] = []
    i, end = 0, len(line)
    while i < end:
        char = line[i]
        if char == "\\":
            if i + 1 < end and line[i + 1] in ASCII_PUNCTUATION:
                out.append(line[i : i + 2])  # the trainer's own escape
                i += 2
                continue
            out.append("\\\\" if last and i + 1 == end else "\\")
        elif char == "`":
            size = len(line[i:]) - len(line[i:].lstrip("`"))
            closer = _closing_run(line, i + size, size)
            if closer >= 0:
                out.append(line[i : closer + size])
                i = closer + size
                continue
            out.append("\\`" * size)
            i += size
            continue
        elif char in "<[]" or (char == "&" and _ENTITY.match(line, i)):
            out.append("\\" + char)
        else:
            out.append(char)
        i += 1
    return "".join(out)


def inline(text: str) -> str:
    """Tree *text* folded onto one line, its light Markdown kept, nothing live."""
    return _block_start(_tree_line(one_line(text), last=True))


def blocks(text: str) -> list[str]:
    """Tree *text* as Markdown lines: paragraphs, lists and fenced code kept as written.

    Fenced code is copied untouched; every other line goes through the same
    escaping as :func:`inline`. Runs of blank lines become one. A fence counts only
    where any viewer would open one (at most three spaces in), and it ends at its
    closing fence or at a line less indented than it, where a viewer would end the
    list item holding it: past that, the text is escaped again. A fence left open is
    closed, so it cannot take the rest of the hand-off with it. Code fenced deeper
    in (a list inside a list) is escaped like text: safe, if not pretty.
    """
    lines = [line.rstrip() for line in clean(text).expandtabs(4).splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    out: list[str] = []
    fence: tuple[str, str] | None = None  # (indent, marker) of the open fence
    for n, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if fence is not None and (not line or indent >= len(fence[0])):
            out.append(line)
            stripped = line.strip()
            if stripped.startswith(fence[1]) and not stripped.strip(fence[1][0]):
                fence = None
            continue
        if fence is not None:
            out.append(fence[0] + fence[1])
            fence = None
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        opened = _FENCE.match(line)
        if opened and indent <= 3 and not (opened[2][0] == "`" and "`" in opened[3]):
            fence = (opened[1], opened[2])
            out.append(line)
            continue
        out.append(_tree_line(line, last=n == len(lines) - 1))
    if fence is not None:
        out.append(fence[0] + fence[1])
    return out


def item(head: str, text: list[str], tail: str = "", indent: int = 2) -> list[str]:
    """A list item: *head*, then the lines of *text* (from :func:`blocks`), then *tail*.

    A first paragraph goes on the item's own line and *tail* after it; whatever
    follows (more paragraphs, a list, code) is indented under the item so it stays
    inside it. Text that starts with a list or code starts on the line below.
    """
    if not text:
        return [(head + tail).rstrip()]
    pad = " " * indent
    first = 0
    if not _PARAGRAPH_BREAKER.match(text[0]):
        while (
            first < len(text)
            and text[first]
            and not (first and _PARAGRAPH_BREAKER.match(text[first]))
        ):
            first += 1
    if first == 0:
        out = [(head.rstrip() + tail).rstrip(), ""]
    else:
        paragraph = text[:first]
        out = [head + paragraph[0]] + [pad + line for line in paragraph[1:]]
        out[-1] += tail
    out += [pad + line if line else "" for line in text[first:]]
    return out
