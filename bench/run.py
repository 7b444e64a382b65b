"""Benchmark: how fast does the tool feel on a 2-core desk PC, and how does it grow?

Run from the project root after installing it: ``python bench/run.py``. It generates
synthetic libraries of 10, 100, 1,000 and 5,000 trees (about 50 nodes each), measures
the median of repeated whole-process runs, peak memory, and, on the same files, what a
trainer would otherwise reach for (yamllint, check-jsonschema) when installed. It
prints a table and writes bench/results.json. It is a benchmark, not a test: nothing
here fails on a timing.

Options: ``--quick`` (3 runs of each unless ``--repeat`` says otherwise, no 5,000-tree
library), ``--repeat N``. The start-up measures are taken in turns, one of each per
round, so that a machine's drift during the run falls on both sides of each ratio.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

SIZES = (10, 100, 1000, 5000)


def env_for(data: Path, trees: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src")
    env["TROUBLESHOOT_DATA"] = str(data)
    env["TROUBLESHOOT_CACHE"] = str(data / "cache")
    env["NO_COLOR"] = "1"
    env.pop("TROUBLESHOOT_TREES", None)
    # An installed tool runs from bytecode (pip compiles it); without this, a shell that
    # sets PYTHONDONTWRITEBYTECODE would time the compiling of every module on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if trees is not None:
        env["TROUBLESHOOT_TREES"] = str(trees)
    return env


def timed(cmd: list[str], env: dict[str, str], stdin: str = "") -> tuple[float, int]:
    """Wall seconds and peak memory (MB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    assert proc.stdin is not None
    try:
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
    except BrokenPipeError:
        pass
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss // 1024


def first_question(env: dict[str, str]) -> float:
    """Seconds from start until the first plain prompt ('> ') is on screen."""
    cmd = [sys.executable, "-m", "troubleshoot", "printer", "--plain"]
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert proc.stdout is not None
    seen = b""
    while b"> " not in seen:
        chunk = os.read(proc.stdout.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
    elapsed = time.perf_counter() - start
    proc.kill()
    proc.wait()
    return elapsed


def in_terminal(cmd: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    """*cmd* started on a new pseudo-terminal, as at a desk; the terminal's side to read."""
    import pty

    parent, child = pty.openpty()
    proc = subprocess.Popen(
        cmd,
        env=env | {"TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"},
        stdin=child,
        stdout=child,
        stderr=child,
        close_fds=True,
    )
    os.close(child)
    return proc, parent


def read_until(parent: int, until: bytes | None, quiet: float | None = None) -> bytes:
    """What the terminal shows until *until* is on it, or (with None) until the program
    has gone; with *quiet*, also once nothing has come for that many seconds."""
    import select

    seen = b""
    while until is None or until not in seen:
        if quiet is not None and not select.select([parent], [], [], quiet)[0]:
            break
        try:
            chunk = os.read(parent, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    return seen


def first_arrow_question(env: dict[str, str]) -> float:
    """Seconds from start until the first arrow-key menu is drawn on a real terminal."""
    start = time.perf_counter()
    proc, parent = in_terminal([sys.executable, "-m", "troubleshoot", "printer"], env)
    read_until(parent, b"Choose:")
    elapsed = time.perf_counter() - start
    proc.kill()
    proc.wait()
    os.close(parent)
    return elapsed


#: Start-up budgets, as the most a command may take against ``python -c "import typer"``
#: in the same run (a ratio holds on a fast PC and a slow one alike).
STARTUP_BUDGETS = {
    "list": 1.3,
    "find 'my printout never came out'": 1.3,
    "first question, printer --plain": 1.5,
    "first question, printer (arrow keys)": 2.5,
}


def interleaved(env: dict[str, str], repeat: int) -> dict[str, dict[str, float]]:
    """Medians of the start-up measures, taken in turns rather than one after another.

    A shared machine speeds up and slows down over a run; measuring ``import typer``
    fifteen times and then ``list`` fifteen times puts that drift into the ratio.
    Taking one of each in every round puts the same drift on both sides of it.
    """
    commands: dict[str, list[str]] = {
        "import typer": [sys.executable, "-c", "import typer"],
        "--version": tool("--version"),
        "--help": tool("--help"),
        "list": tool("list"),
        "find 'my printout never came out'": tool(
            "find", "my printout never came out", "--format", "json"
        ),
    }
    walks = {
        "first question, printer --plain": first_question,
        "first question, printer (arrow keys)": first_arrow_question,
    }
    runs: dict[str, list[tuple[float, int]]] = {name: [] for name in [*commands, *walks]}
    for round_ in range(repeat + 1):  # the first round fills the caches and is not kept
        for name, cmd in commands.items():
            got = timed(cmd, env)
            if round_:
                runs[name].append(got)
        for name, walk in walks.items():
            seconds = walk(env)
            if round_:
                runs[name].append((seconds, 0))
    return {
        name: {
            "median_s": round(statistics.median(r[0] for r in got), 4),
            "peak_mb": max(r[1] for r in got),
        }
        for name, got in runs.items()
    }


def median(cmd: list[str], env: dict[str, str], repeat: int, stdin: str = "") -> dict[str, float]:
    """Median of *repeat* runs after one warm-up run (which fills the caches)."""
    timed(cmd, env, stdin)
    runs = [timed(cmd, env, stdin) for _ in range(repeat)]
    return {
        "median_s": round(statistics.median(r[0] for r in runs), 4),
        "peak_mb": max(r[1] for r in runs),
    }


def once(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """One run, for the slow outside tools measured beside ours."""
    seconds, peak = timed(cmd, env)
    return {"median_s": round(seconds, 4), "peak_mb": peak}


def tool(*args: str) -> list[str]:
    return [sys.executable, "-m", "troubleshoot", *args]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=None, help="runs of each (5; 3 quick)")
    opts = parser.parse_args()
    repeat = opts.repeat or (3 if opts.quick else 5)
    sizes = SIZES[:-1] if opts.quick else SIZES
    work = Path(tempfile.mkdtemp(prefix="troubleshoot-bench-"))
    compileall.compile_dir(ROOT / "src", quiet=1)  # as pip leaves an installed tool
    results: dict[str, object] = {"python": sys.version.split()[0], "cores": os.cpu_count()}
    rows: list[tuple[str, float, str]] = []
    try:
        data = work / "data"
        env = env_for(data)
        startup = interleaved(env, repeat)
        base = startup["import typer"]
        rows.append(("python -c 'import typer'", base["median_s"], f"{base['peak_mb']} MB"))
        version = startup["--version"]
        ratio = version["median_s"] / base["median_s"]
        rows.append(("--version", version["median_s"], f"{ratio:.2f}x import typer"))
        for name in ("--help", "list", "find 'my printout never came out'"):
            got = startup[name]
            rows.append((name, got["median_s"], f"{got['peak_mb']} MB"))
            results[name] = got
        for name in ("first question, printer --plain", "first question, printer (arrow keys)"):
            rows.append((name, startup[name]["median_s"], ""))
            results[name] = {"median_s": startup[name]["median_s"]}
        results["first_question_s"] = startup["first question, printer --plain"]["median_s"]
        budgets = []
        for name, most in STARTUP_BUDGETS.items():
            measured = results[name]
            assert isinstance(measured, dict)
            times = measured["median_s"] / base["median_s"]
            budgets.append(
                {"measure": name, "ratio": round(times, 2), "budget": most, "holds": times <= most}
            )
        results["startup_budgets"] = budgets
        results["version"] = version | {"ratio_to_import_typer": round(ratio, 2)}
        results["import_typer"] = base

        scaling: list[dict[str, float]] = []
        yamllint = shutil.which("yamllint")
        jsonschema = shutil.which("check-jsonschema")
        schema = ROOT / "schema" / "tree.schema.json"
        for size in sizes:
            lib = generate.library(work / f"lib{size}", size)
            libenv = env_for(data, lib)
            cold = timed(tool("check", str(lib)), env_for(work / f"cold{size}"))
            warm = median(tool("check", str(lib)), libenv, repeat if size < 5000 else 1)
            row: dict[str, float] = {
                "trees": size,
                "check_cold_s": round(cold[0], 3),
                "check_s": warm["median_s"],
                "check_peak_mb": warm["peak_mb"],
            }
            listing = median(tool("list"), libenv, repeat if size < 5000 else 1)
            row["list_s"] = listing["median_s"]
            finding = median(
                tool("find", "paper jam release", "--format", "json"),
                libenv,
                repeat if size < 5000 else 1,
            )
            row["find_s"] = finding["median_s"]
            if yamllint and size <= 1000:
                yl = once([yamllint, "-d", "relaxed", str(lib)], libenv)
                row["yamllint_s"] = yl["median_s"]
                row["yamllint_ratio"] = round(yl["median_s"] / warm["median_s"], 1)
            if jsonschema and schema.exists() and size <= 1000:
                files = sorted(str(p) for p in lib.glob("*.yaml"))
                js = once([jsonschema, "--schemafile", str(schema), *files], libenv)
                row["check_jsonschema_s"] = js["median_s"]
            scaling.append(row)
            rows.append(
                (
                    f"check {size} trees (warm cache / cold)",
                    warm["median_s"],
                    f"cold {cold[0]:.2f} s, {warm['peak_mb']} MB",
                )
            )
            rows.append((f"list {size} trees", listing["median_s"], f"{listing['peak_mb']} MB"))
            rows.append((f"find {size} trees", finding["median_s"], f"{finding['peak_mb']} MB"))
            if "yamllint_s" in row:
                rows.append(
                    (
                        f"yamllint {size} trees",
                        row["yamllint_s"],
                        f"{row['yamllint_ratio']}x slower than check",
                    )
                )
            if "check_jsonschema_s" in row:
                rows.append((f"check-jsonschema {size} trees", row["check_jsonschema_s"], ""))
        results["scaling"] = scaling
        if len(scaling) >= 2:
            big, small = scaling[-1], scaling[-2]
            slope = (big["check_s"] - small["check_s"]) / (big["trees"] - small["trees"])
            results["check_ms_per_tree"] = round(slope * 1000, 3)
            rows.append(("slope of check, per tree", round(slope, 6), "seconds per extra tree"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'median s':>9}  notes")
    for name, seconds, note in rows:
        print(f"{name.ljust(width)}  {seconds:>9.3f}  {note}")
    print()
    print("start-up against python -c 'import typer' in this run:")
    for b in results["startup_budgets"]:  # type: ignore[attr-defined]
        verdict = "holds" if b["holds"] else "MISSED"
        print(
            f"  {b['measure'].ljust(width)}  {b['ratio']:>5.2f}x  budget {b['budget']}x  {verdict}"
        )
    out = HERE / "results.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
