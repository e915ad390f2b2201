"""Conditions described in plain words (diagram labels)."""

from __future__ import annotations

from typing import Any

import pytest

from game.scenario.describe import describe_condition
from game.scenario.model import Transition


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ({"metric": "reach", "above": 5000}, "reach > 5000"),
        ({"metric": "sentiment", "at_most": -0.25}, "sentiment <= -0.25"),
        ({"minutes_in_phase": 4}, "4 min in phase"),
        (
            {
                "any": [
                    {"all": [{"metric": "reach", "above": 5}, {"after_minute": 3}]},
                    {"not": {"fact_revealed": "cause"}},
                ]
            },
            "(reach > 5 and minute >= 3) or not fact cause known",
        ),
        ({"all": [{"metric": "advocates", "below": 2}]}, "advocates < 2"),
        (
            {"not": {"any": [{"after_minute": 3}, {"fact_revealed": "cause"}]}},
            "not (minute >= 3 or fact cause known)",
        ),
        (
            {"any": [{"all": [{"any": [{"after_minute": 1}, {"after_minute": 2}]}]}]},
            "(minute >= 1 or minute >= 2)",
        ),
    ],
)
def test_describe(when: dict[str, Any], expected: str) -> None:
    transition = Transition.model_validate({"from": "a", "to": "b", "when": when})
    assert describe_condition(transition.when) == expected
