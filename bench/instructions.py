"""Benchmark: start-up counted in instructions, which a busy machine does not change.

``bench/run.py`` times whole runs; on a shared 2-core PC a neighbour's build can
double one run and not the next, so its ratios wander. This counts the instructions
the same runs execute, under valgrind's callgrind, and gives them as ratios to
``python -c "import typer"`` counted the same way: repeatable to a fraction of a
percent whatever else the machine is doing. Instructions are not seconds (a run
that waits on the disk costs time and few instructions), so this complements the
timings rather than replacing them. It is a benchmark, not a test.

Run from the project root after installing the tool, with valgrind installed:
``python bench/instructions.py``. The walks run on a pseudo-terminal to their first
question and are then ended: the plain walk by quitting ("q", then "the patron
left", so its count includes ending the record), the arrow-key walk by Ctrl-C on a
pseudo-terminal.
"""

from __future__ import annotations

import compileall
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import ROOT, STARTUP_BUDGETS, env_for, in_terminal, read_until  # noqa: E402

COUNTED = re.compile(rb"Collected : (\d+)")
VALGRIND = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]


def counted(args: list[str], env: dict[str, str], stdin: str = "") -> int:
    """Instructions one whole process executes, read from callgrind's summary."""
    done = subprocess.run(
        [*VALGRIND, sys.executable, *args],
        input=stdin.encode(),
        capture_output=True,
        env=env,
        check=False,
    )
    found = COUNTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count for {args}: {done.stderr[-300:]!r}")
    return int(found.group(1))


def counted_in_terminal(args: list[str], env: dict[str, str], until: bytes) -> int:
    """The same, on a pseudo-terminal: stopped with Ctrl-C once *until* is on screen."""
    proc, parent = in_terminal([*VALGRIND, sys.executable, *args], env)
    seen = read_until(parent, until)
    os.write(parent, b"\x03")  # Ctrl-C, which the arrow-key menu reads itself
    seen += read_until(parent, None, quiet=10)  # to the end, where callgrind's count is
    proc.wait()
    os.close(parent)
    found = COUNTED.search(seen)
    if found is None:
        raise SystemExit(f"callgrind gave no count for {args}")
    return int(found.group(1))


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind); nothing counted.")
        return 1
    # As pip leaves an installed tool: otherwise a module edited since its last run is
    # compiled inside the count (seen: the plain walk 1.59x instead of 1.45x).
    compileall.compile_dir(ROOT / "src", quiet=1)
    with tempfile.TemporaryDirectory(prefix="troubleshoot-bench-") as work:
        env = env_for(Path(work) / "data")
        tool = ["-m", "troubleshoot"]
        for warm in (["list"], ["find", "my printout never came out", "--format", "json"]):
            # Fills the caches (parsed trees, the search index), as a desk's first run does.
            subprocess.run([sys.executable, *tool, *warm], env=env, capture_output=True)
        base = counted(["-c", "import typer"], env)
        measures = {
            "list": counted([*tool, "list"], env),
            "find 'my printout never came out'": counted(
                [*tool, "find", "my printout never came out", "--format", "json"], env
            ),
            "first question, printer --plain": counted(
                [*tool, "printer", "--plain"], env, stdin="q\n2\n"
            ),
            "first question, printer (arrow keys)": counted_in_terminal(
                [*tool, "printer"], env, until=b"Choose:"
            ),
        }
    print(f"python -c 'import typer': {base:,} instructions")
    for name, count in measures.items():
        ratio = count / base
        verdict = "holds" if ratio <= STARTUP_BUDGETS[name] else "MISSED"
        print(f"  {name.ljust(38)} {ratio:5.2f}x  budget {STARTUP_BUDGETS[name]}x  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
