"""``simulate``: play a scenario headlessly with a built-in bot or a playbook, and score it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from game.engine.playbook import PlaybookPlayer, load_playbook
from game.engine.policies import POLICIES
from game.engine.simulate import Player, RunResult, play
from game.paths import sessions_dir
from game.services.errors import InputError
from game.services.files import check_sessions_folder
from game.services.play import OpenedScenario, open_scenario
from game.services.results import score_and_record
from scoring import read_reply


def simulate_runs(
    argument: str,
    *,
    policy: str | None = None,
    playbook: Path | None = None,
    seed: int = 1,
    runs: int = 1,
    language: str | None = None,
    record_to: str | None = None,
) -> Iterator[RunResult]:
    """Play ``runs`` sessions on seeds ``seed``, ``seed + 1``, ... and score each log.

    Each session's log goes to the user data folder, as a played session's does.

    Args:
        argument: a built-in or user scenario id, or a path.
        policy: the name of a built-in bot (one of ``POLICIES``).
        playbook: a playbook file; it takes the place of ``policy``.
        seed: the first seed.
        runs: how many seeds to play.
        language: the sessions' language (default: the scenario's first).
        record_to: record each session in the results store there (None: don't).

    Yields:
        One result per seed, in order, as each session ends; its ``extra["scores"]``
        holds the scores. The scenario and the player are checked before the first.

    Raises:
        ScenarioError: the scenario or the playbook is invalid, or no scenario has
            that id.
        ValueError: neither a policy nor a playbook, or an unknown policy.
        InputError: session logs cannot be written (a full or read-only data folder),
            or a session cannot be recorded in the results store.
    """
    opened = open_scenario(argument, language)
    new_player: Callable[[], Player]
    if playbook is not None:
        new_player = partial(PlaybookPlayer, playbook=load_playbook(playbook))
    elif policy is not None and policy in POLICIES:
        new_player = POLICIES[policy]
    else:
        raise ValueError(f"expected a policy ({', '.join(POLICIES)}) or a playbook")
    check_sessions_folder()
    return _runs(opened, new_player, seed, runs, record_to)


def _runs(
    opened: OpenedScenario,
    new_player: Callable[[], Player],
    seed: int,
    runs: int,
    record_to: str | None,
) -> Iterator[RunResult]:
    for run_seed in range(seed, seed + runs):
        # A fresh player per session: bots remember what they have handled.
        result = play(
            opened.loaded,
            new_player(),
            seed=run_seed,
            language=opened.language,
            reader=read_reply,
            log_dir=sessions_dir(),
        )
        if result.log is not None:
            done = score_and_record(Path(result.log), record_to)
            if done.record_problem is not None:
                raise InputError(done.record_problem)
            result.extra["scores"] = done.scored.scorecard.scores()
        yield result
