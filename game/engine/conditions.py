"""Compile the scenario's structured conditions into Python callables.

A condition in YAML is data, never code: this module is the only place that gives it
meaning, so a scenario cannot make the engine run anything it does not already know.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass

from game.journal.metrics import Metrics
from game.scenario.conditions import LeafCondition, fold
from game.scenario.model import (
    AfterMinuteCondition,
    Condition,
    FactRevealedCondition,
    MetricCondition,
    MinutesInPhaseCondition,
)


@dataclass(frozen=True, slots=True)
class ConditionContext:
    """What conditions can see.

    Attributes:
        metrics: the current metrics.
        minute: simulated minutes since the start (fractional).
        minutes_in_phase: simulated minutes since the current phase began.
        revealed: ids of facts the brand knows.
    """

    metrics: Metrics
    minute: float
    minutes_in_phase: float
    revealed: frozenset[str]


Check = Callable[[ConditionContext], bool]

_COMPARATORS: tuple[tuple[str, Callable[[float, float], bool]], ...] = (
    ("above", operator.gt),
    ("below", operator.lt),
    ("at_least", operator.ge),
    ("at_most", operator.le),
)


def compile_condition(condition: Condition) -> Check:
    """Turn a validated condition into a function of the session's context."""
    return fold(condition, leaf=_compile_leaf, all_=_every, any_=_some, not_=_negated)


def _every(parts: tuple[Check, ...]) -> Check:
    return lambda context: all(part(context) for part in parts)


def _some(options: tuple[Check, ...]) -> Check:
    return lambda context: any(option(context) for option in options)


def _negated(inner: Check) -> Check:
    return lambda context: not inner(context)


def _compile_leaf(condition: LeafCondition) -> Check:
    if isinstance(condition, MetricCondition):
        return _compile_metric(condition)
    if isinstance(condition, AfterMinuteCondition):
        threshold = condition.after_minute
        return lambda context: context.minute >= threshold
    if isinstance(condition, MinutesInPhaseCondition):
        needed = condition.minutes_in_phase
        return lambda context: context.minutes_in_phase >= needed
    if isinstance(condition, FactRevealedCondition):
        fact = condition.fact_revealed
        return lambda context: fact in context.revealed
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


def _compile_metric(condition: MetricCondition) -> Check:
    name = condition.metric
    for field_name, compare in _COMPARATORS:
        threshold = getattr(condition, field_name)
        if threshold is not None:
            limit = float(threshold)
            return lambda context: compare(context.metrics.value(name), limit)
    raise ValueError("a metric condition without a comparison")  # pragma: no cover
