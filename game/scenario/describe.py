"""Plain-English descriptions of structured conditions, for diagrams and authors."""

from __future__ import annotations

from collections.abc import Callable

from game.scenario.conditions import LeafCondition, fold
from game.scenario.model import (
    AfterMinuteCondition,
    Condition,
    FactRevealedCondition,
    MetricCondition,
    MinutesInPhaseCondition,
)

_COMPARISONS = (("above", ">"), ("below", "<"), ("at_least", ">="), ("at_most", "<="))

_Described = tuple[str, bool]
"""The text of a condition, and whether it joins several others (then it needs
parentheses inside another condition)."""


def describe_condition(condition: Condition) -> str:
    """Describe a condition in one line, e.g. ``negative_reach > 5000 and minute >= 10``."""
    text, _joins_several = fold(
        condition,
        leaf=lambda leaf: (_describe_leaf(leaf), False),
        all_=_joined(" and "),
        any_=_joined(" or "),
        not_=lambda inner: (f"not {_grouped(inner)}", False),
    )
    return text


def _joined(word: str) -> Callable[[tuple[_Described, ...]], _Described]:
    return lambda parts: (word.join(_grouped(part) for part in parts), len(parts) > 1)


def _grouped(described: _Described) -> str:
    """The text, in parentheses when it joins several others."""
    text, joins_several = described
    return f"({text})" if joins_several else text


def _describe_leaf(condition: LeafCondition) -> str:
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
    raise TypeError(f"not a condition: {condition!r}")  # pragma: no cover
