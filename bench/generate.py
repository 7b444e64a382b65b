"""Synthetic tree libraries in the real format, for the benchmark.

Each tree has about 50 nodes: a scope question, a chain of questions and steps with
admin steps and escalations, as a trainer would write them. The trees are valid:
``troubleshoot check`` passes on them, so the benchmark measures the normal path.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = [
    "printer",
    "paper",
    "jam",
    "release",
    "station",
    "queue",
    "screen",
    "cable",
    "wifi",
    "portal",
    "login",
    "card",
]
WORDS += [
    "session",
    "timer",
    "drive",
    "port",
    "scanner",
    "email",
    "copier",
    "projector",
    "label",
    "roll",
    "toner",
]


def tree_text(index: int, nodes: int = 50, seed: int = 0) -> str:
    rng = random.Random(seed * 100_003 + index)

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    lines = [
        "# yaml-language-server: $schema=../schema/tree.schema.json",
        f"title: Synthetic problem {index} with the {words(2)}",
        f"summary: A made-up tree about the {words(3)} for measuring speed.",
        "symptoms:",
        *(f"  - {words(4)}" for _ in range(8)),
        "owner: Benchmark",
        "reviewed: 2026-11-01",
        "budget: {minutes: 400, steps: 60}",
        "collect: [PC name, Exact message]",
        "start: n0",
        "nodes:",
    ]
    body = nodes - 3  # three ends
    for i in range(body):
        nxt = f"n{i + 1}" if i + 1 < body else "done"
        if i % 3 == 0:
            lines += [
                f"  n{i}:",
                f"    ask: Is the {words(3)} showing an error?",
                "    answers:",
                f"      - {{text: Yes the {words(2)}, next: {nxt}}}",
                f"      - {{text: No the {words(2)}, next: {nxt}}}",
                "      - {text: Many patrons at once, next: urgent}",
            ]
        else:
            lines += [
                f"  n{i}:",
                f"    step: Check the {words(3)} and try again.",
                f"    detail: The {words(6)} usually clears after this.",
                "    minutes: 1",
                f"    fixed: {'done' if i % 2 else nxt}",
                f"    not_fixed: {nxt if i % 2 else 'escalate'}",
            ]
            if i % 7 == 0:
                lines += [f"    admin: Restart the {words(2)} service.", "    no_admin: escalate"]
    lines += [
        "  done:",
        "    resolved: It works again.",
        "  escalate:",
        "    escalate: Still broken after the steps.",
        "    workaround: Move the patron to another PC.",
        "    collect: [PC name, Exact message]",
        "  urgent:",
        "    escalate: Many patrons affected.",
        "    urgent: true",
        "    workaround: Put up a sign and offer another service.",
        "tests:",
        "  - {answers: [Many], end: urgent}",
    ]
    return "\n".join(lines) + "\n"


def library(folder: Path, count: int, nodes: int = 50) -> Path:
    """Write *count* trees into *folder* (reused if already complete)."""
    folder.mkdir(parents=True, exist_ok=True)
    existing = list(folder.glob("*.yaml"))
    if len(existing) == count:
        return folder
    for path in existing:
        path.unlink()
    for i in range(count):
        (folder / f"synthetic-{i:05d}.yaml").write_text(tree_text(i, nodes), encoding="utf-8")
    return folder
