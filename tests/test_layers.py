"""The house keeps its shape: data flows one way, only ui/ prints, only cli/ imports typer.

Each package has a rank, lowest first: files -> trees -> walk -> hand-off and
sessions -> the desk -> ui -> cli. A module may import from a lower rank, or from
its own package; never upwards, never sideways into another package of the same
rank, and never round in a cycle. Imports made only for type checking count too:
a name that runs up the layers is a seam in the wrong place.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "troubleshoot"

#: Lowest first. Modules at the top of the package are named alone.
RANKS: dict[str, int] = {
    "__init__": 0,
    "errors": 0,
    "frozen": -1,  # errors.py uses it too
    "clock": 1,
    "files": 1,
    "paths": 1,
    "text": 1,
    "privacy": 1,
    "textfile": 1,
    "yamlindent": 1,
    "yamlsafe": 2,
    "tree": 3,
    "lint": 4,
    "search": 4,
    "site": 4,
    "walk": 5,
    "handoff": 6,
    "publish": 6,  # reads trees and site settings; the command line calls it
    "sessions": 7,
    "desk": 8,
    "ui": 9,
    "cli": 10,
    "__main__": 11,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts)


def area(module: str) -> str:
    """The package (or top-level module) a dotted name below ``troubleshoot`` is in."""
    return module.split(".")[0]


def modules() -> dict[str, ast.Module]:
    return {
        module_name(p): ast.parse(p.read_text(encoding="utf-8"), str(p))
        for p in sorted(SRC.rglob("*.py"))
    }


def imports(module: str, tree: ast.Module) -> set[str]:
    """Every module of ours that *module* imports, anywhere in it (below ``troubleshoot``)."""
    found: set[str] = set()
    package = module.rsplit(".", 1)[0] if "." in module else ""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("troubleshoot."):
                    found.add(alias.name.removeprefix("troubleshoot."))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                )
                base = "troubleshoot." + base.strip(".")
            if base == "troubleshoot":
                found.update(alias.name for alias in node.names if alias.name != "__version__")
            elif base.startswith("troubleshoot."):
                target = base.removeprefix("troubleshoot.")
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    found.add(sub if (SRC / (sub.replace(".", "/") + ".py")).exists() else target)
    found.discard(module)
    return found


ALL = modules()


def test_every_package_has_a_rank() -> None:
    assert {area(m) for m in ALL} == set(RANKS)


@pytest.mark.parametrize("module", sorted(ALL))
def test_imports_run_down_the_layers(module: str) -> None:
    mine = area(module)
    wrong = sorted(
        target
        for target in imports(module, ALL[module])
        if area(target) != mine and RANKS[area(target)] >= RANKS[mine]
    )
    assert wrong == [], f"{module} (rank {RANKS[mine]}) imports upwards or sideways: {wrong}"


def test_no_import_cycles() -> None:
    graph = {m: imports(m, tree) & set(ALL) for m, tree in ALL.items()}
    cycles = []
    for start in graph:
        stack, seen = [(start, (start,))], {start}
        while stack:
            here, path = stack.pop()
            for there in graph[here]:
                if there == start:
                    cycles.append(" -> ".join((*path, start)))
                elif there not in seen:
                    seen.add(there)
                    stack.append((there, (*path, there)))
    assert cycles == []


@pytest.mark.parametrize("module", sorted(ALL))
def test_only_ui_prints(module: str) -> None:
    if area(module) == "ui":
        return
    calls = [
        node.lineno
        for node in ast.walk(ALL[module])
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "print"
    ]
    assert calls == [], f"{module} calls print() at lines {calls}"


@pytest.mark.parametrize("module", sorted(ALL))
def test_only_the_cli_imports_typer(module: str) -> None:
    if area(module) == "cli":
        return
    names = {
        alias.name.split(".")[0]
        for node in ast.walk(ALL[module])
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        (node.module or "").split(".")[0]
        for node in ast.walk(ALL[module])
        if isinstance(node, ast.ImportFrom)
    }
    assert "typer" not in names and "click" not in names


@pytest.mark.parametrize("module", ["walk.engine", "walk.state", "walk.ending", "walk.prompts"])
def test_the_engine_has_no_io_and_no_clock(module: str) -> None:
    banned = {"datetime.datetime.now", "open", "print", "input", "time.time"}
    tree = ALL[module]
    used = {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    assert used & banned == set()
    top = {alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names}
    assert top & {"os", "sys", "pathlib", "sqlite3", "time", "subprocess"} == set()
