"""The one walk over condition trees that compiling, checks, lint and diagrams share."""

from __future__ import annotations

from typing import Any

from game.scenario.conditions import fold, leaves
from game.scenario.model import Condition, Transition

NESTED: dict[str, Any] = {
    "any": [
        {"all": [{"metric": "reach", "above": 5}, {"after_minute": 3}]},
        {"not": {"fact_revealed": "cause"}},
    ]
}


def _condition(when: dict[str, Any]) -> Condition:
    return Transition.model_validate({"from": "a", "to": "b", "when": when}).when


def test_leaves_come_left_to_right_with_their_yaml_paths() -> None:
    found = [(path, type(leaf).__name__) for path, leaf in leaves(_condition(NESTED), ("when",))]
    assert found == [
        (("when", "any", 0, "all", 0), "MetricCondition"),
        (("when", "any", 0, "all", 1), "AfterMinuteCondition"),
        (("when", "any", 1, "not"), "FactRevealedCondition"),
    ]


def test_a_leaf_alone_is_its_own_only_leaf() -> None:
    assert [path for path, _ in leaves(_condition({"after_minute": 3}))] == [()]


def test_fold_combines_parts_in_order() -> None:
    shape = fold(
        _condition(NESTED),
        leaf=lambda leaf: type(leaf).__name__.removesuffix("Condition"),
        all_=lambda parts: "all(" + ", ".join(parts) + ")",
        any_=lambda parts: "any(" + ", ".join(parts) + ")",
        not_=lambda inner: f"not({inner})",
    )
    assert shape == "any(all(Metric, AfterMinute), not(FactRevealed))"
