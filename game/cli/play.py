"""``crisisdrill play [SCENARIO]``: the game, or without a terminal its plain-text briefing."""

from __future__ import annotations

import argparse
import shlex
import sys
import unicodedata
from typing import TYPE_CHECKING

from game.cli.catalog import playable, print_catalog
from game.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    LANGUAGES,
    Commands,
    UsageError,
    positive_float,
    wanted_language,
)
from game.cli.results import add_db_option
from game.paths import default_trainee
from game.services.files import check_sessions_folder
from game.services.learning import difficulty_name
from game.services.play import Briefing, briefing, open_scenario

if TYPE_CHECKING:  # Textual loads only when a game is played
    from game.tui import CrisisApp
    from game.tui.logfault import LogFault


def add_parser(commands: Commands) -> None:
    """Add ``play`` and its options."""
    play = commands.add_parser("play", help="play a scenario (the default command)")
    play.add_argument("scenario", nargs="?", help="a built-in scenario id or a YAML file")
    play.add_argument("--seed", type=int, default=None, help="seed of the crowd (default: random)")
    play.add_argument("--lang", choices=LANGUAGES, default=None, help="language")
    play.add_argument("--speed", type=positive_float, default=1.0, help="simulated speed factor")
    play.add_argument(
        "--trainee",
        default=None,
        help="trainee name for the session log and results (default: $CRISISDRILL_TRAINEE, "
        "else your login name)",
    )
    play.add_argument("--cohort", default="", help="the trainee's training group, for results")
    play.add_argument(
        "--mode",
        choices=("practice", "exam"),
        default="practice",
        help="practice (pause, live coach) or exam (no pause, no hints)",
    )
    add_db_option(play)
    play.set_defaults(handler=run)


_CATALOG_HEADING = {
    "es": "Escenarios (juega uno con: crisisdrill play ID):\n",
    "en": "Scenarios (play one with: crisisdrill play ID):\n",
}
_RUN_IN_TERMINAL = {
    "es": "\nEjecuta esta orden en un terminal para jugar el escenario.",
    "en": "\nRun this command in a terminal to play the scenario.",
}


def run(options: argparse.Namespace) -> int:
    """Play the game; without a terminal (a pipe, a test) print the catalog or briefing."""
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    trainee = options.trainee if options.trainee is not None else default_trainee()
    for option, value in (("--trainee", trainee), ("--cohort", options.cohort)):
        if any(unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") for char in value):
            raise UsageError(f"{option} must be a name: UTF-8 text without control characters")
    language = wanted_language(options.lang)
    opened = open_scenario(options.scenario, language) if options.scenario is not None else None
    if not interactive:
        if opened is None:
            scenarios = playable()
            print(_CATALOG_HEADING["es" if language == "es" else "en"])
            print_catalog(scenarios, sys.stdout, language or "en")
            return EXIT_OK
        print_briefing(briefing(opened.loaded, opened.language))
        print(_RUN_IN_TERMINAL["es" if opened.language == "es" else "en"])
        return EXIT_OK
    check_sessions_folder()
    # Textual loads only when a game is played.
    from game.tui import AppConfig, make_app

    app = make_app(
        AppConfig(
            scenario=opened.loaded if opened is not None else None,
            language=language,
            seed=options.seed,
            trainee=trainee,
            speed=options.speed,
            mode=options.mode,
            cohort=options.cohort.strip(),
            results_db=options.db,
        )
    )
    app.run()
    return after_play(app)


def after_play(app: CrisisApp) -> int:
    """Say where the session log is; when it could not be written in full, say so and fail.

    Args:
        app: the game, once it has exited.

    Returns:
        0, or 1 (with one line on stderr) when the log on disk lacks part of the session.
    """
    fault = app.log_fault
    if fault is not None:
        print(f"crisisdrill: {fault_message(fault)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if app.log_path is not None:
        print(f"Session log: {app.log_path}")
        print(f"Report: crisisdrill report {shlex.quote(str(app.log_path))}")
    return EXIT_OK


def fault_message(fault: LogFault) -> str:
    """One line: which log, why it is incomplete, and what of the session it holds."""
    from game.tui.controller import clock_text

    if not fault.created:
        return (
            f"{fault.path}: the session log could not be written ({fault.reason}); "
            "nothing of the session was kept"
        )
    return (
        f"{fault.path}: the session log is incomplete ({fault.reason}): {fault.pending} "
        f"records from {clock_text(fault.since)} on were not written; "
        f"crisisdrill report {shlex.quote(str(fault.path))} reads it up to there"
    )


def print_briefing(brief: Briefing) -> None:
    """Print a briefing: the brand, its rules, channels, what is known and the goals."""
    spanish = brief.language == "es"
    difficulty = difficulty_name(brief.difficulty, brief.language)
    print(f"{brief.title}  ({difficulty}, {brief.duration_minutes} min)")
    print(brief.summary)
    print()
    print(f"{'Marca' if spanish else 'Brand'}: {brief.brand_name} {brief.brand_handle}")
    print(f"{'Normas de la comunidad' if spanish else 'Community rules'}:")
    for rule in brief.house_rules:
        print(f"  - {rule}")
    print(f"{'Canales' if spanish else 'Channels'}:")
    for channel in brief.channels:
        visibility = {"public": "público", "private": "privado"}[channel.visibility]
        print(
            f"  - {channel.name} ({visibility if spanish else channel.visibility}, "
            f"{channel.response_minutes} min)"
        )
    groups = (
        (brief.true_facts, "Lo que es cierto", "What is true"),
        (brief.false_facts, "Lo que es falso", "What is false"),
        (brief.unknown_facts, "Lo que nadie sabe todavía", "What nobody knows yet"),
    )
    for facts, spanish_heading, english_heading in groups:
        if facts:
            print(f"{spanish_heading if spanish else english_heading}:")
            for fact in facts:
                print(f"  - {fact}")
    if brief.goals:
        print(f"{'Objetivos' if spanish else 'Goals'}:")
        for goal in brief.goals:
            print(f"  - {goal}")
