"""Keys the arrow-key prompts share with plain ones.

In plain prompts Ctrl-D ends input: the walk stops with exit code 3 and one line,
as it does when a script's input runs out. questionary's lists ignored it, so a
person used to Ctrl-D (or a screen reader's "end of input") was left in the list.
"""

from __future__ import annotations

from typing import Any


def ctrl_d_ends_input(question: Any) -> Any:
    """*question* (a questionary list), ending with EOFError on Ctrl-D like a plain prompt."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _end(event: Any) -> None:
        event.app.exit(exception=EOFError(), style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), bindings])
    return question
