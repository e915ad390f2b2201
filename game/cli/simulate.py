"""``crisisdrill simulate SCENARIO (--policy NAME | --playbook FILE)``: headless sessions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    LANGUAGES,
    Commands,
    count,
    positive_int,
    wanted_language,
)
from game.cli.results import add_db_option
from game.safejson import dumps

# Kept here so that `--help` needs no engine import; a test checks it matches POLICIES.
POLICY_NAMES = (
    "ideal",
    "slow",
    "corporate",
    "defensive",
    "troll-feeder",
    "banhammer",
    "ignorer",
    "template",
    "stuffer",
    "copy_paste",
    "one_liner",
    "promiser",
    "wrong_language",
    "early_quitter",
)


def add_parser(commands: Commands) -> None:
    """Add ``simulate`` and its options."""
    simulate = commands.add_parser(
        "simulate", help="play a scenario headlessly with a built-in bot or a playbook"
    )
    simulate.add_argument("scenario", help="a built-in scenario id or a YAML file")
    player = simulate.add_mutually_exclusive_group(required=True)
    player.add_argument("--policy", choices=POLICY_NAMES, help="a built-in bot")
    player.add_argument("--playbook", type=Path, help="a playbook YAML file")
    simulate.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    simulate.add_argument("--runs", type=positive_int, default=1, help="seeds to play")
    simulate.add_argument("--lang", choices=LANGUAGES, default=None, help="language")
    simulate.add_argument("--json", action="store_true", help="print one JSON document")
    simulate.add_argument(
        "--record", action="store_true", help="record the sessions in the results store"
    )
    add_db_option(simulate)
    simulate.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Play the sessions, printing each one's outcome, scores and log as it ends."""
    # The engine pulls in Faker and transitions: imported only when simulating.
    from game.services.results import store_location
    from game.services.simulate import simulate_runs

    results = simulate_runs(
        options.scenario,
        policy=options.policy,
        playbook=options.playbook,
        seed=options.seed,
        runs=options.runs,
        language=wanted_language(options.lang),
        record_to=store_location(options.db) if options.record else None,
    )
    stopped = 0
    if options.json:
        # One array, written element by element as each session ends: a long batch
        # shows progress and nothing is held back to the end.
        sys.stdout.write("[")
        for index, result in enumerate(results):
            separator = "," if index else ""
            sys.stdout.write(f"{separator}\n" + dumps(result.to_json(), ensure_ascii=False))
            sys.stdout.flush()
            stopped += result.stopped is not None
        sys.stdout.write("\n]\n")
        return _outcome(options.scenario, stopped)
    for result in results:
        metrics = result.metrics
        print(
            f"seed {result.seed}: {result.final_phase} ({' > '.join(result.phases)}); "
            f"{count(result.posts, 'post')}, {count(result.actions, 'action')}; sentiment "
            f"{metrics['sentiment']:+.2f}, negative reach {metrics['negative_reach']:,}, "
            f"unanswered {metrics['unanswered']}"
        )
        scores = result.extra.get("scores", {})
        if scores:
            print(
                "  scores: "
                + ", ".join(f"{name} {_score(value)}" for name, value in scores.items())
            )
        if result.stopped is not None:
            stopped += 1
            print(f"  stopped: {result.stopped}")
        print(f"  log: {result.log}", flush=True)
    return _outcome(options.scenario, stopped)


def _outcome(scenario: str, stopped: int) -> int:
    """Exit 1 when a budget stopped a session: the scenario asks for too much."""
    if not stopped:
        return EXIT_OK
    sessions = "session" if stopped == 1 else "sessions"
    print(f"{scenario}: a budget stopped {stopped} {sessions} early", file=sys.stderr)
    return EXIT_BAD_INPUT


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)
