"""The text corpus (#18): trees shaped like real converted trees, run as desks run them.

Trees converted from help bots and printed guides are full of Markdown, backslashes,
``<placeholders>``, fenced code, emoji and scripts other than Latin, and most of their
nodes hold several lines of text. ``fixtures/corpus/`` holds four such trees, written
for the purpose. Every one must check clean, walk its own scenarios, and draw in every
``show`` format; and in the drawing, the lines of a code block (a path, a command)
must come out as written, since staff copy them.

The tool runs as a real process, as a trainer runs it, in a terminal 80 columns wide.
Each run is made once per test process, and the file stays quick.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURE_DIR, subprocess_env
from troubleshoot.tree import render

CORPUS = FIXTURE_DIR / "corpus"
FILES = sorted(CORPUS.glob("*.yaml"))
NAMES = [path.name for path in FILES]
#: Every format ``show`` draws or exports: the drawing here, then the exports.
FORMATS = ["tree", *render.FORMATS]
#: More answers than this is the point of many-answers.yaml, and may earn a warning.
MANY_ANSWERS = 12
#: The node keys whose text the drawing (``show``, format tree) shows.
DRAWN = ("ask", "step", "say", "resolved", "escalate", "refer", "tell", "admin",
         "workaround", "bring", "note")  # fmt: skip
FENCE = re.compile(r"^(\s*)(```|~~~)")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def _env(folder: Path) -> dict[str, str]:
    env = subprocess_env(
        COLUMNS="80",
        TROUBLESHOOT_DATA=str(folder / "data"),
        TROUBLESHOOT_CACHE="off",
        TROUBLESHOOT_NOW="2026-11-23T10:00:00",
        XDG_CONFIG_HOME=str(folder / "config"),
        NO_COLOR="1",
    )
    env.pop("TROUBLESHOOT_TREES", None)  # the bundled trees only, as the gotos expect
    env.pop("TROUBLESHOOT_SITE", None)
    return env


class Runs:
    """Each run once per test process, on first use: a drawing serves two tests."""

    def __init__(self, folder: Path) -> None:
        self.env = _env(folder)
        self.done: dict[tuple[str, ...], Run] = {}

    def __call__(self, *args: str) -> Run:
        if args not in self.done:
            result = subprocess.run(
                [sys.executable, "-m", "troubleshoot", *args],
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=60,
                env=self.env,
            )
            self.done[args] = Run(result.returncode, result.stdout, result.stderr)
        return self.done[args]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    return Runs(tmp_path_factory.mktemp("corpus"))


def _nodes(path: Path) -> dict[str, dict[str, object]]:
    nodes: dict[str, dict[str, object]] = yaml.safe_load(path.read_text("utf-8"))["nodes"]
    return nodes


def _code_lines(text: str) -> Iterator[str]:
    """The lines inside fenced code blocks, without the fence's own indent."""
    fence: str | None = None
    indent = 0
    for line in text.splitlines():
        found = FENCE.match(line)
        if fence is None:
            if found:
                fence, indent = found.group(2), len(found.group(1))
        elif found and found.group(2) == fence:
            fence = None
        elif line.strip():
            inside = line[indent:] if not line[:indent].strip() else line.lstrip()
            yield inside.rstrip()


def drawn_code(path: Path) -> list[str]:
    """Every line of fenced code in the multi-line texts the drawing shows."""
    return [
        line
        for node in _nodes(path).values()
        for key in DRAWN
        if isinstance(text := node.get(key), str) and "\n" in text
        for line in _code_lines(text)
    ]


def test_the_corpus_keeps_the_shape_of_real_converted_trees() -> None:
    assert NAMES == [
        "emoji-and-scripts.yaml",
        "help-desk-bot.yaml",
        "many-answers.yaml",
        "printing-guide.yaml",
    ]
    bot = _nodes(CORPUS / "help-desk-bot.yaml")
    multi_line = [n for n in bot.values() if any("\n" in str(v) for v in n.values())]
    assert len(bot) >= 60 and len(multi_line) * 2 > len(bot)
    assert len(_nodes(CORPUS / "printing-guide.yaml")) >= 40
    counts = sorted(
        len(node["answers"])  # type: ignore[arg-type]
        for node in _nodes(CORPUS / "many-answers.yaml").values()
        if "answers" in node
    )
    assert {9, 10, 13, 40} <= set(counts)
    for path in FILES:
        assert drawn_code(path), f"{path.name} has no fenced code that the drawing shows"


def _crowded_lines(path: Path) -> set[int]:
    """The lines of each question with more answers than a desk menu comfortably holds."""
    root = yaml.compose(path.read_text("utf-8"))
    assert isinstance(root, yaml.MappingNode)
    nodes = next(value for key, value in root.value if key.value == "nodes")
    lines: set[int] = set()
    for _id, node in nodes.value:
        answers = [value for key, value in node.value if key.value == "answers"]
        if answers and len(answers[0].value) > MANY_ANSWERS:
            lines.update(range(node.start_mark.line + 1, node.end_mark.line + 2))
    return lines


@pytest.mark.parametrize("name", NAMES)
def test_each_corpus_tree_checks_clean(runs: Runs, name: str) -> None:
    """No errors; a warning only where the point is a warning (a very long answer list)."""
    result = runs("check", "--format", "json", *map(str, FILES))
    assert "Traceback" not in result.err
    path = CORPUS / name
    mine = [f for f in json.loads(result.out) if Path(f["path"]).name == name]
    assert [f for f in mine if f["level"] == "error"] == []
    allowed = _crowded_lines(path)
    assert [f for f in mine if f["line"] not in allowed] == []


@pytest.mark.parametrize("name", NAMES)
def test_each_corpus_tree_walks_its_scenarios(runs: Runs, name: str) -> None:
    result = runs("test", "--verbose", *map(str, FILES))
    assert "Traceback" not in result.err
    path = CORPUS / name
    said = [line for line in (result.out + result.err).splitlines() if line.startswith(str(path))]
    tree = yaml.safe_load(path.read_text("utf-8"))
    assert tree["scenarios"], "a corpus tree walks real cases"
    expected = [f"{path}: walk '{w['name']}': ok" for w in tree.get("tests", [])]
    expected += [f"{path}: scenario '{w['name']}': ok" for w in tree["scenarios"]]
    assert [line.partition(", ended at")[0] for line in said] == expected


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", NAMES)
def test_each_corpus_tree_shows_in_every_format(runs: Runs, name: str, fmt: str) -> None:
    result = runs("show", str(CORPUS / name), "--format", fmt)
    assert result.code == 0, result.err
    assert "Traceback" not in result.out + result.err
    assert result.err == ""
    assert result.out.strip()


@pytest.mark.parametrize("name", NAMES)
def test_the_drawing_keeps_each_line_of_fenced_code(runs: Runs, name: str) -> None:
    """A path or command copied from the drawing must be the one the tree holds."""
    path = CORPUS / name
    out = runs("show", str(path), "--format", "tree").out
    missing = [line for line in drawn_code(path) if line not in out]
    assert missing == []
