"""Hostile tree files: each is refused with a place and a reason, quickly, without a traceback.

The lines are asserted whole, so every build of PyYAML (libyaml 0.2.5 or 0.2.6, or
none) must word and place each refusal the same way; CI runs the suite on each.

Every file here is written by the test into its own folder. ``troubleshoot check``
must name the file (and the line and column when there is one), exit 1, print no
traceback and finish in well under the time a person would wait.
"""

from __future__ import annotations

import codecs
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import subprocess_env, write_tree
from troubleshoot import yamlsafe
from troubleshoot.tree.loader import parse_tree

GOOD = """\
title: Printer
summary: Nothing came out of the printer.
symptoms: [nothing printed]
start: where
nodes:
  where:
    ask: Where did the patron print from?
    answers:
      - {text: A library PC, next: done}
      - {text: Their laptop, next: stuck}
  done:
    resolved: It printed.
  stuck:
    escalate: Laptop printing is broken.
    workaround: Print from a library PC.
"""

LAUGHS = "\n".join(
    [
        'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)),
    ]
)
# Inside the shape the loader reads: 5000 tests, each an alias to one test with 5000 answers.
SCHEMA_BOMB = (
    GOOD
    + "x: &t {end: done, answers: ["
    + ", ".join(["a"] * 5000)
    + "]}\ntests: ["
    + ", ".join(["*t"] * 5000)
    + "]\n"
)
UNSAFE = "title: !!python/object/apply:os.system ['touch {marker}']\n"


@dataclass(frozen=True)
class Case:
    content: bytes
    message: str  # the whole message of the first line of output (see ``whole``)
    where: tuple[int, int] | None = None  # (line, col), or None for a whole-file problem
    whole: bool = True  # False: the message is only the start (it quotes a huge key)


def text(s: str) -> bytes:
    return s.encode("utf-8")


CASES: dict[str, Case] = {
    # -- malformed YAML -------------------------------------------------------------
    "unclosed_quote": Case(
        text('title: "abc\n'), "a quote opened at line 1 is never closed", (1, 8)
    ),
    "bad_indent": Case(
        text("title: a\n  summary: b\n"),
        'this line is indented differently from the lines above it; line up "summary:" with '
        '"title:" (line 1)',
        (2, 3),
    ),
    "tab_indent": Case(
        text("title: a\n\tsummary: b\n"),
        "a tab is used for indenting here; YAML needs spaces",
        (2, 1),
    ),
    "unclosed_flow": Case(
        text("symptoms: [a, b\nstart: x\n"),
        "the [ ] list opened at line 1 is not closed, or text in it needs quotes",
        (2, 6),
    ),
    "stray_bracket": Case(
        text("title: a\n]\n"),
        "this line's indentation does not match the block that starts at line 1",
        (2, 1),
    ),
    "list_then_map": Case(
        text("- a\nb: c\n"),
        "this line's indentation does not match the block that starts at line 1",
        (2, 1),
    ),
    "bad_escape": Case(
        text('title: "\\q"\n'),
        "'\\q' is not an escape YAML knows in \"double quotes\"; "
        "write '\\\\' for a backslash, or use 'single quotes'",
        (1, 9),
    ),
    "duplicate_key": Case(
        text(GOOD + "title: Again\n"),
        "duplicate key 'title' (first at line 1); YAML would silently keep only the last one",
        (16, 1),
    ),
    "undefined_alias": Case(
        text("title: *nope\n"), "text cannot start with '*'; put the whole text in quotes", (1, 8)
    ),
    "duplicate_anchor": Case(
        text("a: &x 1\nb: &x 2\n"),
        "anchor defined twice (first at line 1); give each '&name' its own name",
        (2, 4),
    ),
    "complex_key": Case(text("? [a, b]\n: c\n"), "keys must be plain words", (1, 3)),
    "merge_key": Case(text("base: &b {a: 1}\n<<: *b\n"), "keys must be plain words", (2, 1)),
    "two_yaml_directives": Case(
        text("%YAML 1.1\n%YAML 1.1\n---\na: 1\n"), "the %YAML line appears twice; keep one", (2, 1)
    ),
    "top_level_list": Case(
        text("- title\n- summary\n"), "expected keys and values, got a list", (1, 1)
    ),
    "top_level_text": Case(
        text("just some words\n"), "expected keys and values, got text 'just some words'", (1, 1)
    ),
    "control_character": Case(
        text("title: a\x07b\n"),
        "character U+0007 is not allowed in YAML (special characters are not allowed)",
        (1, 9),
    ),
    # -- wrong encodings and binary files -----------------------------------------------
    "latin1": Case(
        "title: Café\n".encode("latin-1"),
        "not UTF-8 text (byte 0xe9); save the file as UTF-8",
        (1, 11),
    ),
    "utf16_bom": Case("title: x\n".encode("utf-16"), "file is UTF-16; save it as UTF-8"),
    "utf16_no_bom": Case(
        "title: x\n".encode("utf-16-le"),
        "file holds NUL bytes: not a text file; it may be UTF-16 (save it as UTF-8)",
        (1, 2),
    ),
    "utf32_bom": Case("title: x\n".encode("utf-32"), "file is UTF-32; save it as UTF-8"),
    "nul_byte": Case(b"title: a\nsum\0mary: b\n", "file holds NUL bytes: not a text file", (2, 4)),
    "png_renamed": Case(
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)),
        "file holds NUL bytes: not a text file",
        (3, 1),
    ),
    "binary_without_nul": Case(
        bytes(range(0x80, 0x100)) * 4, "not UTF-8 text (byte 0x80); save the file as UTF-8", (1, 1)
    ),
    # -- nothing, or too much --------------------------------------------------------
    "empty": Case(b"", "file is empty; a tree needs title, summary, start and nodes", (1, 1)),
    "blank_lines": Case(
        b"\n\n   \n", "file is empty; a tree needs title, summary, start and nodes", (1, 1)
    ),
    "comments_only": Case(
        b"# a tree\n# to be written\n",
        "file is empty; a tree needs title, summary, start and nodes",
        (1, 1),
    ),
    "bom_only": Case(
        codecs.BOM_UTF8, "file is empty; a tree needs title, summary, start and nodes", (1, 1)
    ),
    "two_documents": Case(
        text(GOOD + "---\n" + GOOD),
        "file holds more than one YAML document (a '---' line); keep one per file",
        (16, 1),
    ),
    # -- alias bombs and loops ---------------------------------------------------------
    "billion_laughs": Case(
        text(LAUGHS + "\n"),
        "file holds more than 100000 values (each use of an alias counts in full)",
        (5, 45),
    ),
    "bomb_in_tree_shape": Case(
        text(SCHEMA_BOMB),
        "file holds more than 100000 values (each use of an alias counts in full)",
        (17, 81),
    ),
    "self_alias_list": Case(
        text("title: &t\n  - *t\n"), "alias '*t' refers to the value it is inside (a loop)", (2, 5)
    ),
    "self_alias_map": Case(
        text("nodes: &n\n  x: *n\n"), "alias '*n' refers to the value it is inside (a loop)", (2, 6)
    ),
    # -- nesting ---------------------------------------------------------------------
    "deep_flow": Case(
        text("a: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        "lists and mappings nested more than 64 levels deep",
        (1, 67),
    ),
    "deep_flow_map": Case(
        text("a: " + "{a: " * 50_000 + "1" + "}" * 50_000),
        "lists and mappings nested more than 64 levels deep",
        (1, 256),
    ),
    "deep_block": Case(
        text("".join("  " * i + f"k{i}:\n" for i in range(200))),
        "lists and mappings nested more than 64 levels deep",
        (65, 129),
    ),
    # -- tags ------------------------------------------------------------------------
    "python_object": Case(
        text(UNSAFE), "unknown or unsafe YAML tag '!!python/object/apply:os.system'", (1, 8)
    ),
    "python_name": Case(
        text("!!python/name:os.system\n"),
        "unknown or unsafe YAML tag '!!python/name:os.system'",
        (1, 1),
    ),
    "python_new": Case(
        text("a: !!python/object/new:os.system [ls]\n"),
        "unknown or unsafe YAML tag '!!python/object/new:os.system'",
        (1, 4),
    ),
    "tag_on_key": Case(
        text("!!python/name:os.system : x\n"),
        "unknown or unsafe YAML tag '!!python/name:os.system'",
        (1, 1),
    ),
    "binary_tag": Case(
        text("title: !!binary aGVsbG8=\n"), "unknown or unsafe YAML tag '!!binary'", (1, 8)
    ),
    "set_tag": Case(
        text("symptoms: !!set {a, b}\n"), "unknown or unsafe YAML tag '!!set'", (1, 11)
    ),
    "local_tag": Case(text("title: !shout hello\n"), "unknown or unsafe YAML tag '!shout'", (1, 8)),
    "tag_directive": Case(
        text("%TAG !e! tag:example.com,2000:\n---\ntitle: !e!foo x\n"),
        "unknown or unsafe YAML tag 'tag:example.com,2000:foo'",
        (3, 8),
    ),
    # -- numbers and long lines ------------------------------------------------------
    "huge_integer": Case(
        text(GOOD.replace("start:", f"budget: {{minutes: {'9' * 5000}}}\nstart:")),
        "budget: minutes: number is too large (at most 1440)",
        (4, 19),
    ),
    "infinite_minutes": Case(
        text(GOOD.replace("start:", "budget: {minutes: .inf}\nstart:")),
        "budget: minutes: expected a whole number, got a number '.inf'",
        (4, 19),
    ),
    "long_implicit_key": Case(
        text("k" * 2000 + ": 1\n"), "a ': ' inside text; put the whole text in quotes", (1, 2001)
    ),
    "long_explicit_key": Case(
        text(GOOD + "? " + "k" * 900_000 + "\n: 1\n"), "unknown key 'kkk", (16, 3), whole=False
    ),
    "one_huge_line": Case(
        text("x" * (yamlsafe.MAX_FILE_BYTES - 1)), "expected keys and values", (1, 1), whole=False
    ),
}


#: A bound that catches a hang or a blow-up (minutes, or memory without end), not a
#: benchmark: generous enough for a busy 2-core machine running the suite under
#: coverage. PyYAML without libyaml reads a 1 MiB line in about 1.5 s alone.
PATIENCE = 20 if yamlsafe.HAVE_LIBYAML else 60


def check_one(cli, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """Run ``check`` on one file and hold it to the rules every refusal keeps."""
    began = time.perf_counter()
    result = cli(["check", str(path)])
    elapsed = time.perf_counter() - began
    assert elapsed < PATIENCE, f"took {elapsed:.1f} s"
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    errors = len(result.out.splitlines())
    assert result.err.strip() == f"1 file checked: {errors} error{'s' * (errors != 1)}, 0 warnings"
    lines = result.out.splitlines()
    pattern = re.compile(re.escape(str(path)) + r"(:\d+:\d+)?: error: \S.*")
    assert lines and all(pattern.fullmatch(line) for line in lines), lines[:3]
    assert all(len(line) < 1000 for line in lines)
    return lines


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_is_refused_with_its_place_and_reason(cli, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    case = CASES[name]
    path = tmp_path / f"{name.replace('_', '-')}.yaml"
    path.write_bytes(case.content)
    first = check_one(cli, path)[0]
    where = f"{path}:{case.where[0]}:{case.where[1]}" if case.where else str(path)
    if case.whole:
        assert first == f"{where}: error: {case.message}"
    else:
        assert first.startswith(f"{where}: error: {case.message}"), first


def test_unsafe_tag_never_runs_anything(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    marker = tmp_path / "ran"
    path = tmp_path / "evil.yaml"
    path.write_text(UNSAFE.format(marker=marker), encoding="utf-8")
    check_one(cli, path)
    cli(["run", "evil", "--plain"])
    assert not marker.exists()


def test_huge_file_is_refused_from_its_size_without_being_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # sparse: 4 GiB on paper, nothing on disk
        handle.truncate(4 * 1024**3)
    began = time.perf_counter()
    lines = check_one(cli, path)
    assert time.perf_counter() - began < PATIENCE  # reading 4 GiB would take far longer
    assert lines == [f"{path}: error: file is 4194304 KiB; the limit is 1024 KiB"]


def test_file_at_the_size_limit_still_loads(tmp_path: Path) -> None:
    padding = yamlsafe.MAX_FILE_BYTES - len(GOOD.encode())
    path = tmp_path / "big.yaml"
    path.write_bytes(GOOD.encode() + b"#" * (padding - 1) + b"\n")
    assert path.stat().st_size == yamlsafe.MAX_FILE_BYTES
    tree, findings = parse_tree(path)
    assert findings == [] and tree is not None
    path.write_bytes(path.read_bytes() + b"\n")
    assert "the limit is 1024 KiB" in parse_tree(path)[1][0].message


def test_tree_with_utf8_bom_and_document_markers_loads(tmp_path: Path) -> None:
    path = tmp_path / "marked.yaml"
    path.write_bytes(codecs.BOM_UTF8 + b"---\n" + GOOD.encode() + b"...\n")
    tree, findings = parse_tree(path)
    assert findings == [] and tree is not None and tree.title == "Printer"


def test_very_long_text_and_numbers_as_text_load(tmp_path: Path) -> None:
    long_title = "x" * 500_000
    path = write_tree(
        tmp_path,
        "long",
        GOOD.replace("Printer", long_title).replace("Nothing came out of the printer.", "9" * 5000),
    )
    tree, findings = parse_tree(path)
    assert findings == [] and tree is not None
    assert tree.title == long_title and tree.summary == "9" * 5000


def test_nesting_just_under_the_limit_is_not_refused_for_depth(tmp_path: Path) -> None:
    depth = yamlsafe.MAX_DEPTH - 1  # the top mapping is one level
    path = tmp_path / "deepish.yaml"
    path.write_text("a: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    _, findings = parse_tree(path)
    assert findings and not any("nested" in f.message for f in findings)


def test_message_quoting_a_huge_key_stays_short(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "longkey.yaml"
    path.write_text(GOOD + "? " + "k" * 900_000 + "\n: 1\n", encoding="utf-8")
    (line,) = check_one(cli, path)
    assert " … " in line and line.endswith("'")


def test_missing_file_and_non_file_are_reported(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "missing.yaml"
    result = cli(["check", str(missing)])
    assert (result.code, result.err) == (2, f"troubleshoot: no such file or folder: {missing}\n")
    fifo = tmp_path / "pipe.yaml"
    import os

    os.mkfifo(fifo)
    assert check_one(cli, fifo) == [f"{fifo}: error: not a regular file"]


def test_every_hostile_file_together_stays_within_memory_and_time(tmp_path: Path) -> None:
    """All the cases at once in a real process whose address space is capped at 256 MiB."""
    for name, case in CASES.items():
        (tmp_path / f"{name.replace('_', '-')}.yaml").write_bytes(case.content)
    cap = 256 * 1024 * 1024

    def limit() -> None:  # pragma: no cover - runs in the child
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "troubleshoot", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=20 * PATIENCE,
        env=subprocess_env(),
        preexec_fn=limit,
    )
    assert time.perf_counter() - began < 3 * PATIENCE
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    named = {line.split(":")[0] for line in done.stdout.splitlines()}
    assert named == {str(p) for p in tmp_path.glob("*.yaml")}
    assert done.stderr.startswith(f"{len(CASES)} files checked")
