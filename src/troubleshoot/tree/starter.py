"""The starter tree ``troubleshoot new`` writes: every kind of node, explained in comments.

A trainer learns the format fastest from a small tree that already works, so the
starter loads, passes ``check`` and ``test`` as written, and its comments say what
to change. Its first line points editors at the JSON Schema for autocomplete.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from troubleshoot import files
from troubleshoot.errors import TroubleshootError
from troubleshoot.tree.model import COMMAND_NAMES, TREE_ID
from troubleshoot.tree.schema import FILE_NAME, schema_file

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A troubleshooting tree: one problem, as a patron describes it, walked one question
# or step at a time. Change the words below to fit your problem; keep the shape.
#   troubleshoot check {file}   finds mistakes (run it after every change)
#   troubleshoot show {file}    draws the tree; --format markdown prints a guide
#   troubleshoot test {file}    runs the example walks at the bottom
# Tip: put text in "double quotes" when it holds a colon followed by a space
# (like "Error: no signal"), starts with a special character ([ {{ * & ! | > ' " % @ `)
# or could be read as yes/no or a number.

# The problem as the patron sees it, in one line staff recognise.
title: "Starter tree: {tree_id} (replace with the problem in the patron's words)"
# One sentence: what this tree covers. 'troubleshoot list' shows it.
summary: What this tree covers, in one sentence.
# Phrases as patrons and staff really say them; they are how staff find the tree.
# A phrase can start the walk deeper in: {{text: ..., node: a_node_id}}.
symptoms:
  - it doesn't work
  - "it says: not available"
  - {{text: it needs restarting again, node: restart}}
owner: Training team
# The day you last checked the tree against how things really work.
reviewed: {reviewed}
# When to stop guessing and hand it to IT.
budget: {{minutes: 10, steps: 6}}
# Facts IT will want whenever a walk ends early, that the tool cannot know: it
# records the times, every answer, the steps tried and not tried, notes, the
# library, branch, your initials and the session by itself. Keep it to a few.
# Never a password or a card number.
collect:
  - PC or device name, and where it is
  - Exact message shown (a photo helps)
# What to offer the patron if staff stop early, before the tree finds the fault.
workaround: Offer the patron another device while this one is looked at.
# The pages this tree rests on, so the next reviewer can check them.
sources:
  - https://www.example.org/replace-with-the-manual-page
start: how_many
nodes:
  # A question: two or more answers, each with its own text and where it leads.
  how_many:
    ask: Is it one patron or device, or many?
    detail: An optional line shown under the question.
    answers:
      - {{text: One patron or one device, next: restart}}
      - {{text: Many patrons or devices, next: outage}}
      - {{text: "The patron's own account with another company", next: elsewhere}}

  # A step: something staff do. The tool asks whether it fixed the problem.
  restart:
    step: Restart the device and try again.
    detail: Why or how, in a sentence or two.
    # For staff only: shown as FOR STAFF, never told to the patron.
    note: Warn the patron first that anything not saved is lost.
    minutes: 2
    fixed: done
    not_fixed: reset
    # cannot: where to go when staff could not try it (default: not_fixed)

  # A step that needs administrator rights: 'admin' says what IT must do, and
  # staff without rights go to 'no_admin' instead.
  reset:
    step: Reset the device's settings.
    minutes: 5
    admin: Reset the settings from the management console and check the logs.
    no_admin: stuck
    fixed: done
    not_fixed: stuck
    cannot: stuck

  # Other kinds you may need:
  #   tell_patron:
  #     say: Words to say to the patron, as you would say them.
  #     note: Something only staff should know (any node can have one).
  #     next: restart
  #   other_tree:
  #     goto: printer            # or printer#a_node, to carry on in another tree
  #   not_ours:
  #     refer: the patron's email provider    # who the problem belongs to
  #     tell: What to tell the patron to do there.
  #     bring: What they should bring or ask for.

  # The happy end: what to tell the patron.
  done:
    resolved: It works again. Tell the patron what fixed it.

  # Ends that hand the problem to IT: the reason, what to offer the patron now,
  # and facts IT needs that the tool cannot know (at most four or so).
  # 'urgent: true' when it cannot wait.
  stuck:
    escalate: The device still does not work after a restart.
    workaround: Offer the patron another device.
    collect:
      - Exact message shown after the restart

  outage:
    escalate: It does not work for many patrons or devices.
    urgent: true
    workaround: Put up a notice and offer another service for now.

  # An end for a problem that belongs to someone else: no IT ticket, no facts.
  elsewhere:
    refer: the company that runs the patron's account
    tell: Only that company can fix the account. Show the patron its help page.
    bring: Whatever the company asked them to keep, like a recovery phone number.

# Example walks: the answers staff would give, in order, and the end they reach.
# For a step, answer fixed, not fixed or cannot. 'troubleshoot test' runs them.
tests:
  - name: a restart fixes it
    answers: [One patron, fixed]
    end: done
  - name: nothing helps, staff without admin rights
    answers: [One patron, not fixed]
    end: stuck
  - name: many devices at once
    answers: [Many]
    end: outage
  - name: IT resets it
    answers: [One patron, not fixed, fixed]
    admin: true
    end: done

# Real cases, played as a staff member who knows the real situation would:
# the patron's own words, what is really going on, and the end it should reach.
scenarios:
  - name: a frozen screen
    patron: it's stuck and won't do anything
    situation: The device froze; a restart brings it back.
    answers: [One patron, fixed]
    end: done
  - name: their own account
    patron: it won't let me into my account
    situation: The patron is locked out of an account the library does not run.
    answers: [The patron's own account]
    end: elsewhere
"""


def check_id(tree_id: str) -> None:
    """Refuse an id staff could never type to reach the tree."""
    if tree_id.endswith(".yaml"):
        raise TroubleshootError(f"'{tree_id}': give the id without .yaml")
    if not TREE_ID.match(tree_id) or tree_id != tree_id.strip():
        raise TroubleshootError(
            f"'{tree_id}' is not a tree id: use lower case letters, digits and hyphens, "
            "like frozen-pc"
        )
    if tree_id in COMMAND_NAMES:
        raise TroubleshootError(
            f"'{tree_id}' is the name of a command, so 'troubleshoot {tree_id}' would never "
            "reach the tree; choose another id"
        )


#: A relative path climbing more folders than this is harder to read than an address.
MAX_CLIMB = 3


def schema_ref(folder: Path) -> str:
    """How a file in *folder* names the schema.

    A ``schema/`` folder beside the tree folder (or one or two folders up) comes
    first: that is the repository's ``trees/`` and ``schema/``, and a site folder laid
    out the same way keeps one line that works on every PC that opens it. Failing
    that, the schema installed with the tool: a short relative path, else its address.
    """
    here = folder.resolve()
    for up in [here, *here.parents][: MAX_CLIMB + 1]:
        nearby = up / "schema" / FILE_NAME
        if nearby.is_file():
            return _relative(nearby, here) or nearby.as_uri()
    target = schema_file().resolve()
    return _relative(target, here) or target.as_uri()


def _relative(target: Path, folder: Path) -> str | None:
    """*target* seen from *folder*, unless that climbs too far or crosses drives."""
    try:
        relative = Path(os.path.relpath(target, folder))
    except ValueError:  # another drive on Windows
        return None
    if relative.parts.count("..") > MAX_CLIMB:
        return None
    return relative.as_posix()


def starter_text(tree_id: str, reviewed: dt.date, schema: str) -> str:
    check_id(tree_id)
    return TEMPLATE.format(
        tree_id=tree_id, file=f"{tree_id}.yaml", reviewed=reviewed.isoformat(), schema=schema
    )


def write_starter(folder: Path, tree_id: str, today: dt.date) -> Path:
    """Write ``folder/ID.yaml``; never over an existing file."""
    check_id(tree_id)
    if not folder.is_dir():
        if not folder.parent.is_dir():
            raise TroubleshootError(
                f"no such folder, nor its parent {folder.parent}; make the folder first",
                str(folder),
            )
        try:
            files.shared_dir(folder)
        except OSError as e:
            raise TroubleshootError(
                f"cannot make the folder: {e.strerror or e}", str(folder)
            ) from None
    path = folder / f"{tree_id}.yaml"
    text = starter_text(tree_id, today, schema_ref(folder))
    try:
        files.create(path, text.encode("utf-8"), mode=files.SHARED_FILE)
    except FileExistsError:
        raise TroubleshootError(
            "already exists; choose another id or move the file first", str(path)
        ) from None
    except OSError as e:
        raise TroubleshootError(f"cannot write: {e.strerror or e}", str(path)) from None
    return path
