"""The arrow-key menu a walk's questions are answered in.

A question can have two answers or two hundred, and staff pick with a patron
waiting, so the menu must never refuse a list for being long and must never show
more than fits on the screen. Keys, the same at every question:

- Up/Down move (and wrap round), PgUp/PgDn a screenful, Home/End to the ends;
  Enter picks the answer under the pointer (``»``, or ``>`` where the terminal
  cannot show it: the pointer is a character, never a colour alone).
- A digit 1-9 moves the pointer to that answer, as the numbers shown beside the
  first nine say; Enter then picks it. Moving rather than picking means a digit
  pressed in a hurry is never an answer given, just as in the plain prompts, where a
  number counts only once Enter is pressed.
- Letters filter the answers: each typed word must start a word of the answer,
  whatever the case, accents, quotes or backticks. Backspace edits the filter and
  Esc clears it; the filter is shown on its own line.
- The walk's action keys (``b`` back, ``n`` note...) are entries of their own below
  the answers. An action key typed as the first letter moves the pointer to its
  action, and Enter does it, as before; a second letter turns the two into a
  filter ("bo" finds "Bolton"). One letter alone is never an answer, as in the
  plain prompts. Actions are shown, and reachable, only while no answer filter is
  typed.
- Ctrl-C stops the walk (KeyboardInterrupt) and Ctrl-D ends input (EOFError), as
  at every other prompt; a hang-up ends the menu through its own loop
  (cli/stopping.py).

prompt_toolkit takes a moment to import on an old PC, so it is imported only when
a menu is shown; everything that decides what is on screen is plain code below,
which tests can read without a terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from troubleshoot.frozen import frozen
from troubleshoot.text import one_line
from troubleshoot.text.lines import plain
from troubleshoot.walk.prompts import narrow

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples

#: Answers that get a number beside them: one key each.
NUMBERED = 9
#: What the pointer looks like, where the terminal can show it, and where it cannot.
POINTER, PLAIN_POINTER = "»", ">"


@frozen
class Row:
    """One entry a person can point at: an answer (by position) or an action (by key)."""

    label: str
    answer: int | None = None  # 0-based position among the answers
    key: str = ""  # the action's key


class Menu:
    """What the menu shows and where its pointer is, apart from any terminal."""

    def __init__(
        self,
        answers: Sequence[str],
        actions: Sequence[tuple[str, str]] = (),
        *,
        start: int = 0,
        pointer: str = POINTER,
    ) -> None:
        self.answers = [plain(a) for a in answers]  # a trainer's B\\&W shows as B&W
        self.actions = [Row(one_line(label), key=key) for key, label in actions]
        self.start = min(max(start, 0), max(len(self.answers) - 1, 0))
        self.pointer = pointer
        self.typed = ""
        self.shown: list[Row] = []
        self.at = 0
        self.top = 0  # the first row drawn when the list is taller than the screen
        self._show(self.start)

    # -- what is shown ------------------------------------------------------------------
    def _all(self) -> list[Row]:
        return [Row(a, answer=i) for i, a in enumerate(self.answers)] + self.actions

    def action_key(self) -> str:
        """The action the one typed letter names, or "" when the filter is not one."""
        keys = {row.key for row in self.actions}
        return self.typed if len(self.typed) == 1 and self.typed.lower() in keys else ""

    def _show(self, at: int = 0) -> None:
        if not self.typed:
            self.shown = self._all()
        elif self.action_key():
            self.shown = self._all()
            key = self.typed.lower()
            at = next(i for i, row in enumerate(self.shown) if row.key == key)
        else:
            self.shown = [Row(self.answers[i], answer=i) for i in narrow(self.answers, self.typed)]
        self.at = min(at, max(len(self.shown) - 1, 0))
        self.top = min(self.top, self.at)

    # -- keys ---------------------------------------------------------------------------
    def type(self, char: str) -> None:
        if not self.typed and char.isdigit():
            number = int(char)
            if 1 <= number <= min(NUMBERED, len(self.answers)):
                self.at = number - 1
            return
        if not self.typed and char.isspace():
            return
        self.typed += char
        self._show()

    def backspace(self) -> None:
        if self.typed:
            self.typed = self.typed[:-1]
            self._show(0 if self.typed else self.start)

    def clear(self) -> None:
        if self.typed:
            self.typed = ""
            self._show(self.start)

    def move(self, by: int, *, wrap: bool = True) -> None:
        if not self.shown:
            return
        if wrap:
            self.at = (self.at + by) % len(self.shown)
        else:
            self.at = min(max(self.at + by, 0), len(self.shown) - 1)

    def home(self) -> None:
        self.at = 0

    def end(self) -> None:
        self.at = max(len(self.shown) - 1, 0)

    def picked(self) -> Row | None:
        return self.shown[self.at] if self.shown else None

    # -- drawing ------------------------------------------------------------------------
    def status(self) -> str:
        """The line under the list: the filter as typed, and what it found."""
        if not self.typed:
            return ""
        key = self.action_key()
        if key:
            label = next(row.label for row in self.actions if row.key == key.lower())
            return f"{key}: {label}. Enter does it; type more to filter the answers."
        if not self.shown:
            return f"Filter: {self.typed}   no answer has a word starting so (Backspace edits)"
        many = f"{len(self.shown)} of {len(self.answers)}"
        return f"Filter: {self.typed}   {many} answers (Backspace edits, Esc clears)"

    def label(self, row: Row) -> str:
        if row.answer is not None:
            number = f"{row.answer + 1}) " if row.answer < NUMBERED and not self.typed else ""
            pad = "   " if not self.typed and not number else ""
            return f"{number or pad}{row.label}"
        return f"{row.key}) {row.label}"

    def lines(self, rows: int, cols: int) -> list[tuple[bool, str]]:
        """The list as drawn in *rows* screen rows *cols* wide: (under the pointer, text).

        When everything fits it is all shown; otherwise a window around the pointer,
        with a line above and below saying how much more there is.
        """
        cols = max(cols, 1)
        drawn = [self._line(i) for i in range(len(self.shown))]
        gap = self._gap()
        heights = [_height(text, cols) for _, text in drawn]
        total = sum(heights) + (1 if gap is not None else 0)
        if total <= rows:
            out = list(drawn)
            if gap is not None:
                out.insert(gap, (False, "  " + "-" * 15))
            return out
        room = max(rows - 2, 1)  # two lines for "more above" and "more below"
        self.top = min(self.top, self.at)
        while self.top < self.at and sum(heights[self.top : self.at + 1]) > room:
            self.top += 1
        last, used = self.top, heights[self.top]
        while last + 1 < len(drawn) and used + heights[last + 1] <= room:
            last += 1
            used += heights[last]
        above, below = self.top, len(drawn) - 1 - last
        out = [(False, f"  ({above} more above)" if above else "")]
        out += drawn[self.top : last + 1]
        out.append((False, f"  ({below} more below)" if below else ""))
        return out

    def _line(self, i: int) -> tuple[bool, str]:
        mine = i == self.at
        return mine, f"{self.pointer if mine else ' '} {self.label(self.shown[i])}"

    def _gap(self) -> int | None:
        """Where the line between answers and actions goes, when both are shown."""
        for i, row in enumerate(self.shown):
            if row.answer is None:
                return i if i > 0 else None
        return None


def _height(text: str, cols: int) -> int:
    from prompt_toolkit.utils import get_cwidth

    return max(1, -(-get_cwidth(text) // cols))


def pointer_for(stream: Any) -> str:
    """``»`` where the terminal's encoding can show it, ``>`` where it cannot."""
    try:
        POINTER.encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return PLAIN_POINTER
    return POINTER


def pick(
    question: str,
    answers: Sequence[str],
    actions: Sequence[tuple[str, str]] = (),
    *,
    start: int = 0,
    hint: str = "",
) -> int | str:
    """Show the menu until something is picked: an answer's position, or an action's key.

    Once picked the list is erased and the question stays with what was picked beside
    it, so the screen above the next question reads as a record of the walk.
    """
    from prompt_toolkit.application import Application, get_app
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.key_binding.key_processor import KeyPressEvent
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from prompt_toolkit.output import ColorDepth
    from prompt_toolkit.styles import Style

    menu = Menu(answers, actions, start=start, pointer=pointer_for(sys.stdout))
    chosen: list[Row] = []

    def head() -> StyleAndTextTuples:
        if chosen:
            return [("class:question", f"? {question} "), ("", chosen[0].label)]
        return [("class:question", f"? {question} "), ("class:hint", hint)]

    def body() -> StyleAndTextTuples:
        size = get_app().output.get_size()
        used = _height(f"? {question} {hint}", size.columns) + 2  # the head, status, cursor
        out: StyleAndTextTuples = []
        for mine, text in menu.lines(max(size.rows - used, 1), size.columns):
            out += [("class:pointer" if mine else "", text), ("", "\n")]
        return out[:-1]

    bindings = KeyBindings()

    @bindings.add(Keys.ControlC, eager=True)
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt(), style="class:aborting")

    @bindings.add(Keys.ControlD, eager=True)
    def _end(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    # Enter typed ahead, before the menu took the terminal, arrives as a newline.
    @bindings.add(Keys.Enter, eager=True)
    @bindings.add(Keys.ControlJ, eager=True)
    def _pick(event: KeyPressEvent) -> None:
        row = menu.picked()
        if row is not None:
            chosen.append(row)
            event.app.exit(result=row)

    moves = {
        Keys.Up: lambda: menu.move(-1),
        Keys.Down: lambda: menu.move(1),
        Keys.PageUp: lambda: menu.move(-page(), wrap=False),
        Keys.PageDown: lambda: menu.move(page(), wrap=False),
        Keys.Home: menu.home,
        Keys.End: menu.end,
        Keys.Backspace: menu.backspace,
        Keys.Escape: menu.clear,
    }

    def page() -> int:
        return max(get_app().output.get_size().rows - 6, 1)

    for key, move in moves.items():
        bindings.add(key, eager=key is not Keys.Escape)(lambda _event, move=move: move())

    @bindings.add(Keys.Any)
    def _typed(event: KeyPressEvent) -> None:
        if len(event.data) == 1 and event.data.isprintable():
            menu.type(event.data)

    layout = Layout(
        HSplit(
            [
                # Only as tall as their lines: a menu must not push the question
                # away from its answers, and a long hint wraps instead of being cut.
                Window(
                    FormattedTextControl(head),
                    wrap_lines=True,
                    dont_extend_height=True,
                    always_hide_cursor=True,
                ),
                ConditionalContainer(
                    HSplit(
                        [
                            Window(
                                FormattedTextControl(body),
                                dont_extend_height=True,
                                always_hide_cursor=True,
                            ),
                            Window(
                                FormattedTextControl(lambda: [("class:hint", menu.status())]),
                                height=1,
                                always_hide_cursor=True,
                            ),
                        ]
                    ),
                    filter=Condition(lambda: not chosen),
                ),
            ]
        )
    )
    app: Application[Row] = Application(
        layout=layout,
        key_bindings=bindings,
        style=Style.from_dict({"question": "bold", "hint": "italic", "pointer": "reverse"}),
        full_screen=False,
        color_depth=ColorDepth.DEPTH_1_BIT if "NO_COLOR" in os.environ else None,
    )
    row = app.run()
    return row.answer if row.answer is not None else row.key
