"""Real session logs for the store's tests: bots play, under trainees' names."""

from __future__ import annotations

from pathlib import Path

from game.engine.policies import POLICIES
from game.engine.simulate import play
from game.journal.events import SessionLabels
from game.scenario import LoadedScenario
from scoring import read_reply


def played_log(
    loaded: LoadedScenario,
    folder: Path,
    *,
    policy: str = "ideal",
    seed: int = 1,
    trainee: str | None = "Ana",
    labels: SessionLabels | None = None,
) -> Path:
    """Play a whole session with a built-in bot and return its log.

    Args:
        loaded: the scenario.
        folder: where the log goes.
        policy: the bot that decides.
        seed: the crowd's seed.
        trainee: the name in the log (None: the bot's own, ``bot:NAME``).
        labels: mode, cohort and start (default: an exam started on 2 November 2026).
    """
    result = play(
        loaded,
        POLICIES[policy](),
        seed=seed,
        language=loaded.scenario.meta.languages[0],
        reader=read_reply,
        log_dir=folder,
        trainee=trainee,
        labels=labels or SessionLabels("exam", "Madrid-1", "2026-11-02T09:00:00+00:00"),
    )
    assert result.log is not None
    return Path(result.log)
