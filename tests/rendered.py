"""A hand-off read back as a CommonMark viewer reads it: the words shown, and what acts.

Tests compare what a reader sees with what was typed, so they need the rendered
text rather than the HTML: :func:`read` walks the parsed tokens and gives the shown
text of each block, and every kind of token that could act (a link, an image, raw
HTML) or a link definition the file holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt

#: Token types that make something live or hidden rather than shown.
ACTING = {"link_open", "image", "html_inline", "html_block", "autolink"}


@dataclass
class Reading:
    blocks: list[str] = field(default_factory=list)  # the shown text of each leaf block
    acting: list[str] = field(default_factory=list)  # token types that act
    codes: list[str] = field(default_factory=list)  # inline code and fenced code, as shown
    types: list[str] = field(default_factory=list)  # every block token type, in order
    html: str = ""

    @property
    def text(self) -> str:
        """Everything shown, whitespace folded: what a reader would copy."""
        return " ".join(" ".join(self.blocks).split())


def read(markdown: str) -> Reading:
    parser = MarkdownIt("commonmark")
    env: dict[str, Any] = {}
    tokens = parser.parse(markdown, env)
    out = Reading(html=parser.render(markdown))
    if env.get("references"):
        out.acting.append("reference")
    for token in tokens:
        out.types.append(token.type)
        if token.type in ACTING:
            out.acting.append(token.type)
        if token.type in ("fence", "code_block"):
            out.blocks.append(token.content)
            out.codes.append(token.content)
        elif token.type == "inline":
            shown = []
            for child in token.children or []:
                if child.type in ACTING:
                    out.acting.append(child.type)
                if child.type in ("text", "text_special"):
                    shown.append(child.content)
                elif child.type == "code_inline":
                    shown.append(child.content)
                    out.codes.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    shown.append(" ")
            out.blocks.append("".join(shown))
    return out
