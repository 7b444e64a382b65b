"""Checking files or the whole catalog: which trees, with what context.

Kept apart from the command so that tests and other commands (``test`` may want the
same file handling) can check trees without the command line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from troubleshoot import privacy
from troubleshoot.errors import Exit, Finding, TroubleshootError
from troubleshoot.frozen import frozen
from troubleshoot.lint import Context, run_checks
from troubleshoot.tree import cache
from troubleshoot.tree.catalog import Catalog, Shadow, tree_files
from troubleshoot.tree.model import DEFAULT_MAX_AGE_DAYS, KNOWN_POLICIES, Tree


@frozen
class Options:
    today: dt.date | None = None
    max_age_days: int = DEFAULT_MAX_AGE_DAYS
    policies: frozenset[str] = KNOWN_POLICIES
    cards: privacy.CardPattern = privacy.STRICT


@frozen
class Report:
    files: int
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> int:
        return sum(f.level == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.level == "warning" for f in self.findings)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def check_paths(paths: Sequence[Path], options: Options, catalog: Catalog) -> Report:
    """Check the named files and folders, or every tree *catalog* would load.

    Gotos may name any tree of the catalog (the bundled and site trees), of the files
    being checked, or beside a file being checked; those being checked win, as they are
    the ones being edited, then their neighbours.
    """
    with _batch():
        return _check_paths(paths, options, catalog)


@contextlib.contextmanager
def _batch() -> Iterator[None]:
    """Pause the cycle collector while a folder of trees is read and checked.

    Reading keeps every tree and makes many small objects; the collector would sweep
    the growing heap again and again (a third of the time on a thousand trees), while
    nothing made here forms a cycle that reference counting cannot free.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_paths(paths: Sequence[Path], options: Options, catalog: Catalog) -> Report:
    if not paths:
        ctx = _context(options, catalog, catalog.get, frozenset(catalog.paths), ())
        found: list[Finding] = []
        for tree_id in catalog.ids():
            tree = catalog.get(tree_id)
            found += catalog.problems(tree_id) if tree is None else run_checks(tree, ctx)
        return Report(len(catalog.paths), tuple(sorted(found)))

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise TroubleshootError(f"no such file or folder: {missing[0]}", exit_code=Exit.USAGE)
    # A path that is not a folder is checked as a file, so a device or pipe is reported.
    files = list(dict.fromkeys(f for p in paths for f in (tree_files(p) if p.is_dir() else [p])))
    local = Catalog(list(paths))
    # A file checked on its own may goto a tree beside it that is still being written.
    beside = Catalog(list(dict.fromkeys(p.parent for p in paths if not p.is_dir())))

    def get_tree(tree_id: str) -> Tree | None:
        if tree_id in local.paths:  # read again rather than kept: memory stays flat
            return cache.parse(local.paths[tree_id])[0]
        if tree_id in beside.paths:
            return beside.get(tree_id)
        return catalog.get(tree_id)

    ids = frozenset(catalog.paths) | frozenset(local.paths) | frozenset(beside.paths)
    ctx = _context(options, catalog, get_tree, ids, tuple(local.shadows))
    found = []
    for path in files:  # one tree at a time, so a big library never sits in memory whole
        tree, problems = cache.parse(path)
        found += problems if tree is None else run_checks(tree, ctx)
    return Report(len(files), tuple(sorted(found)))


def _context(
    options: Options,
    catalog: Catalog,
    get_tree: Callable[[str], Tree | None],
    ids: frozenset[str],
    more_shadows: tuple[Shadow, ...],
) -> Context:
    return Context(
        tree_ids=ids,
        get_tree=get_tree,
        today=options.today,
        max_age_days=options.max_age_days,
        policies=options.policies,
        cards=options.cards,
        shadows=(*catalog.shadows, *more_shadows),
    )
