"""Plain-English descriptions of structured conditions, for diagrams and authors."""

from __future__ import annotations

from game.scenario.model import (
    AfterMinuteCondition,
    AllCondition,
    AnyCondition,
    Condition,
    FactRevealedCondition,
    MetricCondition,
    MinutesInPhaseCondition,
    NotCondition,
)

_COMPARISONS = (("above", ">"), ("below", "<"), ("at_least", ">="), ("at_most", "<="))


def describe_condition(condition: Condition) -> str:
    """Describe a condition in one line, e.g. ``negative_reach > 5000 and minute >= 10``."""
    if isinstance(condition, MetricCondition):
        for name, symbol in _COMPARISONS:
            value = getattr(condition, name)
            if value is not None:
                return f"{condition.metric} {symbol} {value:g}"
    if isinstance(condition, AfterMinuteCondition):
        return f"minute >= {condition.after_minute}"
    if isinstance(condition, MinutesInPhaseCondition):
        return f"{condition.minutes_in_phase} min in phase"
    if isinstance(condition, FactRevealedCondition):
        return f"fact {condition.fact_revealed} known"
    if isinstance(condition, AllCondition):
        return " and ".join(_grouped(sub) for sub in condition.all)
    if isinstance(condition, AnyCondition):
        return " or ".join(_grouped(sub) for sub in condition.any)
    if isinstance(condition, NotCondition):
        return f"not {_grouped(condition.not_)}"
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover


def _grouped(condition: Condition) -> str:
    """Describe a condition, in parentheses when it joins several others."""
    parts = condition.all if isinstance(condition, AllCondition) else None
    if isinstance(condition, AnyCondition):
        parts = condition.any
    text = describe_condition(condition)
    return f"({text})" if parts is not None and len(parts) > 1 else text
