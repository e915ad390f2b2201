"""The built-in bots rank as a facilitator would expect on the flagship, seeds 1..20."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from game.engine.policies import GAMING_POLICIES, POLICIES
from game.engine.simulate import play
from game.journal.logfile import read_log
from game.scenario import LoadedScenario
from scoring import read_reply
from scoring.scorecard import Dimension
from scoring.scorer import score

SEEDS = range(1, 21)
RULE_DIMENSIONS: tuple[Dimension, ...] = ("speed", "empathy", "channel", "honesty")
BAD_HABITS = {
    "corporate": "empathy",
    "defensive": "honesty",
    "banhammer": "channel",
    "slow": "speed",
}

Means = dict[str, dict[str, float | None]]


@pytest.fixture(scope="module")
def means(flagship: LoadedScenario, tmp_path_factory: pytest.TempPathFactory) -> Means:
    """Per bot, the mean of each score over the seeds (None: never judged)."""
    folder = tmp_path_factory.mktemp("logs")
    result: Means = {}
    for name, bot in POLICIES.items():
        if name in GAMING_POLICIES:
            continue  # crisisdrill check holds them to 60 on every scenario
        cards = []
        for seed in SEEDS:
            run = play(flagship, bot(), seed=seed, language="es", reader=read_reply, log_dir=folder)
            assert run.log is not None
            cards.append(score(flagship.scenario, read_log(Path(run.log)).records))
        result[name] = {}
        for key in (*RULE_DIMENSIONS, "containment", "overall"):
            values = [v for card in cards if (v := card.scores()[key]) is not None]
            result[name][key] = statistics.mean(values) if values else None
    return result


def _overall(means: Means, name: str) -> float:
    value = means[name]["overall"]
    assert value is not None
    return value


def test_ideal_is_excellent_and_ignorer_is_poor(means: Means) -> None:
    assert _overall(means, "ideal") >= 85
    assert _overall(means, "ignorer") <= 20


def test_the_order_of_the_bots(means: Means) -> None:
    """Every bad habit fails (a crisis that ends badly caps the overall), far below the
    ideal bot and above doing nothing at all."""
    for bad in ("slow", "corporate", "defensive", "troll-feeder", "banhammer"):
        assert _overall(means, bad) <= 60, bad
        assert _overall(means, "ideal") - _overall(means, bad) >= 25, bad
        assert _overall(means, bad) > _overall(means, "ignorer"), bad


@pytest.mark.parametrize(("bot", "habit"), sorted(BAD_HABITS.items()))
def test_each_bad_bot_loses_most_on_the_rule_it_breaks(means: Means, bot: str, habit: str) -> None:
    """Among the four rule dimensions (CONTAINMENT is the outcome, which every bad habit
    harms), the habit's own dimension is among the two largest losses against the ideal
    bot (a defensive reply pasted to everyone is cold as well as dishonest); a dimension
    the bot never gave anything to judge counts as no loss."""
    losses = {}
    for dimension in RULE_DIMENSIONS:
        ideal, theirs = means["ideal"][dimension], means[bot][dimension]
        if ideal is not None and theirs is not None:
            losses[dimension] = ideal - theirs
    assert habit in sorted(losses, key=losses.__getitem__, reverse=True)[:2], losses
