"""What ``list``, ``find`` and a walk do, once, with nothing of typer in it.

These are the commands a desk runs many times a day, so their first screen should
come as fast as the machine allows. Their typer commands (cli/commands/) and the
quick path (cli/quick.py) both call these bodies: one behaviour, two ways in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from troubleshoot.errors import Exit

if TYPE_CHECKING:
    from troubleshoot.desk import Desk


def list_trees(desk: Desk) -> int:
    """Every tree this desk can walk, as a table; broken files as warnings after it."""
    import shutil

    from troubleshoot.ui import out
    from troubleshoot.ui.tables import table

    for warning in desk.warnings:
        out.line(warning, err=True)
    infos, broken = desk.catalog.infos()
    width = shutil.get_terminal_size((100, 24)).columns
    rows = [(t.id, t.title, t.summary) for t in infos]
    for text in table(("id", "title", "summary"), rows, width):
        out.line(text)
    for problem in broken:
        out.line(f"warning: skipped {problem}", err=True)
    return Exit.OK


def find(
    desk: Desk,
    said: str,
    json_out: bool = False,
    limit: int = 10,
    plain: bool = False,
    admin: bool | None = None,
    copy: bool = False,
    eml: bool = False,
) -> int:
    """The trees that fit what the patron *said*: printed as JSON, or chosen and walked."""
    from troubleshoot.cli import choosing
    from troubleshoot.ui import out

    if json_out:
        import json

        from troubleshoot.search.find import GOOD
        from troubleshoot.search.index import index_for

        index = index_for(desk.catalog, warn=lambda m: out.line(f"warning: {m}", err=True))
        good = [m for m in index.search(said, limit) if m.score >= GOOD]
        out.line(json.dumps([{"id": m.id, "title": m.title, "score": m.score} for m in good]))
        return Exit.OK
    from troubleshoot.ui import session

    interactive = session.is_interactive(plain)
    tree_id, node = choosing.by_words(desk.catalog, said, interactive)
    picked = f"{tree_id}#{node}" if node else tree_id
    return walk(desk, picked, plain=plain, admin=admin, copy=copy, eml=eml)


def walk(
    desk: Desk,
    words: str | None,
    plain: bool = False,
    admin: bool | None = None,
    copy: bool = False,
    eml: bool = False,
    initials: str = "",
) -> int:
    """Walk the tree *words* name (an id, ``id#node``, or the patron's words) at *desk*."""
    from troubleshoot.cli import choosing, walking
    from troubleshoot.clock import Clock
    from troubleshoot.sessions import recording, records
    from troubleshoot.site import config
    from troubleshoot.ui import out, session
    from troubleshoot.walk import engine

    initials = records.check_initials(initials)
    for warning in desk.warnings:
        out.line(warning, err=True)
    settings, catalog = desk.settings, desk.catalog
    clock = Clock.from_env()
    interactive = session.is_interactive(plain)
    if words is None:
        words = choosing.every_tree(catalog, interactive)
    tree, _, deep = words.partition("#")
    node: str | None = deep or None
    if tree not in catalog.paths:
        tree, node = choosing.by_words(catalog, words, interactive)
    loaded = catalog.load(tree)
    hidden = [shadow.hidden for shadow in catalog.shadows if shadow.tree_id == tree]
    if hidden:
        out.line(f"Using the '{tree}' tree in {catalog.paths[tree]}, not {hidden[0]}.", err=True)
    state = engine.start(
        catalog,
        tree,
        clock.now(),
        node=node,
        admin=settings.admin if admin is None else admin,
        forbidden=settings.forbidden,
        budget=config.budget_for(settings, loaded),
        cards=desk.cards,
    )
    recorder = recording.recorder_for(
        state,
        loaded.digest,
        initials=initials,
        warn=lambda m: out.line(f"warning: {m}", err=True),
        path=desk.database,
        origin=desk.origin,
        server=desk.server,
    )
    prompter = session.prompter(plain)
    walking.at_desk(desk, state, recorder, prompter, clock.now, copy=copy, eml=eml)
    return Exit.OK
