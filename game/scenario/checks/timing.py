"""Times and values that no session can reach: after the end, or beyond a metric's range."""

from __future__ import annotations

from collections.abc import Iterator

from game.scenario.checks.issue import Issue
from game.scenario.model import (
    AfterMinuteCondition,
    MetricCondition,
    MinutesInPhaseCondition,
    Scenario,
)
from game.scenario.parts import condition_leaves


def check_timing(scenario: Scenario) -> Iterator[Issue]:
    """Minutes at or after the end of the session, and sentiment bounds beyond -1..1.

    Args:
        scenario: a scenario whose structure is valid.

    Yields:
        One issue per problem, at its path in the data.
    """
    end = scenario.meta.duration_minutes
    ending = f"the scenario ends at minute {end} (meta.duration_minutes)"
    for index, inject in enumerate(scenario.injects):
        if inject.at_minute is not None and inject.at_minute >= end:
            yield Issue(
                ("injects", index, "at_minute"),
                f"inject '{inject.id}' at minute {inject.at_minute} would never appear: {ending}",
            )
    for index, fact in enumerate(scenario.facts):
        if fact.revealed_at_minute is not None and fact.revealed_at_minute >= end:
            yield Issue(
                ("facts", index, "revealed_at_minute"),
                f"fact '{fact.id}' revealed at minute {fact.revealed_at_minute} would never be "
                f"known: {ending}",
            )
    for index, reaction in enumerate(scenario.reactions):
        if reaction.after_minutes >= end:
            yield Issue(
                ("reactions", index, "after_minutes"),
                f"a delay of {reaction.after_minutes} minutes can never pass: {ending}",
            )
    for path, leaf in condition_leaves(scenario):
        if isinstance(leaf, AfterMinuteCondition) and leaf.after_minute >= end:
            yield Issue(
                (*path, "after_minute"),
                f"after_minute {leaf.after_minute} can never hold: {ending}",
            )
        if isinstance(leaf, MinutesInPhaseCondition) and leaf.minutes_in_phase >= end:
            yield Issue(
                (*path, "minutes_in_phase"),
                f"minutes_in_phase {leaf.minutes_in_phase} can never hold: {ending}",
            )
        if isinstance(leaf, MetricCondition) and leaf.metric == "sentiment":
            for name in ("above", "below", "at_least", "at_most"):
                value = getattr(leaf, name)
                if value is not None and not -1 <= value <= 1:
                    yield Issue(
                        (*path, name),
                        f"sentiment goes from -1 to 1; {name} {value:g} can never be decided",
                    )
