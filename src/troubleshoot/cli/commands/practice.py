"""``troubleshoot practice [TREE]``: a drill on one of the trees' scenarios, and its score.

The drill draws a scenario (``--scenario`` names one; ``--seed`` makes the draw
repeatable), shows only what the patron says, and lets the trainee walk the tree
as at the desk. The scenario plays the patron: ``a`` asks them, and a step does
what it did for the expert. The score card ends it; the figures are kept in a
practice file of their own, which ``--report`` shows to trainers.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from troubleshoot.cli import completion, options
from troubleshoot.errors import Exit, TroubleshootError

if TYPE_CHECKING:
    from troubleshoot.tree.catalog import Catalog
    from troubleshoot.tree.model import Tree

FORMATS = ("table", "csv", "json")


def practice(
    tree: Annotated[
        str | None,
        typer.Argument(
            help="Practise this tree (default: any tree).", autocompletion=completion.tree_ids
        ),
    ] = None,
    scenario: Annotated[
        str, typer.Option("--scenario", help="Play the scenario of this name.")
    ] = "",
    seed: Annotated[
        int | None, typer.Option("--seed", help="Draw the scenario from this number (repeatable).")
    ] = None,
    initials: Annotated[
        str, typer.Option("--initials", help="Your initials, kept with the score (else asked).")
    ] = "",
    report: Annotated[
        bool, typer.Option("--report", help="Show the practice scores kept, for trainers.")
    ] = False,
    fmt: Annotated[
        str, typer.Option("--format", help="The report as table, csv or json.")
    ] = "table",
    plain: options.Plain = False,
    site_path: options.Site = None,
) -> int:
    """Practise a tree on one of its scenarios, then see the score card."""
    if report:
        return _report(fmt, site_path)
    return drill(tree, scenario, seed, initials, site_path, plain)


def _report(fmt: str, site_path: options.Site) -> int:
    from troubleshoot.desk import Desk
    from troubleshoot.sessions import practice as kept
    from troubleshoot.ui import out
    from troubleshoot.ui.practice import report_text

    if fmt not in FORMATS:
        raise TroubleshootError(
            f"--format: '{fmt}' is not one of {', '.join(FORMATS)}", exit_code=Exit.USAGE
        )
    desk = Desk.resolve(site_path)  # the drills this desk keeps, where its records are
    for warning in desk.warnings:
        out.line(warning, err=True)
    out.line(report_text(kept.results(desk.practice), fmt).rstrip("\n"))
    return Exit.OK


def drill(
    tree_id: str | None,
    name: str,
    seed: int | None,
    initials: str,
    site_path: options.Site,
    plain: bool = False,
) -> int:
    """One drill, in the prompts a walk would use here, each offering ``a`` while it runs."""
    import random
    import sys

    from troubleshoot.clock import Clock
    from troubleshoot.desk import Desk
    from troubleshoot.handoff import content
    from troubleshoot.sessions import practice as kept
    from troubleshoot.sessions import records
    from troubleshoot.site import config
    from troubleshoot.ui import out, session
    from troubleshoot.ui.console import make_console
    from troubleshoot.ui.interactive import InteractivePrompter
    from troubleshoot.ui.plain import PlainPrompter
    from troubleshoot.ui.practice import show_card
    from troubleshoot.walk import driver, engine
    from troubleshoot.walk import practice as drills
    from troubleshoot.walk.engine import State
    from troubleshoot.walk.prompts import Action

    initials = records.check_initials(initials)
    desk = Desk.resolve(site_path)
    for warning in desk.warnings:
        out.line(warning, err=True)
    catalog = desk.catalog
    if tree_id is not None and tree_id not in catalog.paths:
        raise TroubleshootError(f"no tree called '{tree_id}'", exit_code=Exit.USAGE)
    ids = [tree_id] if tree_id is not None else catalog.ids()
    pool = [(t, s) for t in _loaded(catalog, ids, tree_id is None) for s in t.scenarios]
    if name:
        pool = [(t, s) for t, s in pool if s.name == name]
        if not pool:
            raise TroubleshootError(f"no scenario called '{name}'", exit_code=Exit.USAGE)
    number = seed if seed is not None else random.randrange(1 << 30)
    tree, scenario = drills.pick(pool, number)
    coach = drills.Drill(drills.expert_walk(catalog, tree, scenario))
    asking = "Your initials, kept with your score (optional, Enter to skip): "
    prompter: PlainPrompter | InteractivePrompter
    if session.is_interactive(plain):
        prompter = InteractivePrompter(make_console(), coach=coach)
        typed = initials or prompter.line(asking)
    else:
        prompter = PlainPrompter(sys.stdin, sys.stdout, coach=coach)
        typed = initials or prompter.read(asking, echo=True)
    initials = records.check_initials(typed)
    begun = Clock.from_env().now()
    out.line(f"PRACTICE: {tree.title}")
    out.line(f'The patron says: "{scenario.patron}"')
    out.line("At a question, a asks the patron. Practice runs without admin rights.")
    state = engine.start(
        catalog,
        tree.id,
        begun,
        admin=False,
        forbidden=scenario.forbid,
        budget=config.budget_for(desk.settings, tree),
        cards=desk.cards,
    )

    class Counted:
        """Practice time is counted, not clocked: the steps tried and the questions asked.

        The walk's clock reads it, so the tree's time budget speaks up in practice
        minutes, as it would after that much time at the desk.
        """

        minutes = 0

        def record(self, action: Action, at: dt.datetime, state: State) -> None:
            self.minutes = drills.minutes(catalog, state, coach.asks)

        def now(self) -> dt.datetime:
            return begun + dt.timedelta(minutes=self.minutes)

    counted = Counted()

    walked = driver.walk(
        catalog,
        state,
        prompter,
        counted.now,
        counted,
        lambda reached: prompter.outcome(content.build(catalog, reached)),
    )
    if walked.quit:
        out.line("Drill stopped; no score is kept.")
        return Exit.OK
    card = drills.score(catalog, coach.expert, walked.state, coach.asks)
    show_card(card)
    result = kept.Result(
        begun,
        card.tree,
        card.scenario,
        initials,
        card.right_end,
        card.same_kind,
        card.minutes,
        card.budget,
        card.asks,
        len(card.unneeded),
        len(card.admin),
        card.facts_asked,
        card.facts_given,
    )
    kept.add(result, desk.practice)
    out.line("Kept with the practice results (never with real sessions).")
    return Exit.OK


def _loaded(catalog: Catalog, ids: list[str], any_tree: bool) -> list[Tree]:
    """The trees to draw from. Drawing from any tree, one that cannot be loaded is
    passed over (``check`` tells its trainer why) rather than stopping every drill."""
    trees = []
    for tree_id in ids:
        try:
            trees.append(catalog.load(tree_id))
        except TroubleshootError:
            if not any_tree:
                raise
    return trees
