"""Checks that need the whole scenario: references, languages, placeholders, phases, time.

Each check returns ``Issue`` records that point at a path in the data; the loader turns
paths into lines and columns. One module per kind of check:

- ``references``: ids unique and defined, follow-up chains, Faker locales;
- ``phases``: the phase graph and the crowd each phase asks for;
- ``timing``: times after the end, values beyond a metric's range;
- ``texts``: languages and placeholders of every trainee-visible text;
- ``budgets``: the crowd's volume and the longest post, against the session budgets.
"""

from __future__ import annotations

from game.scenario.checks.budgets import check_budgets
from game.scenario.checks.issue import Issue
from game.scenario.checks.phases import check_crowd_coverage, check_phase_graph
from game.scenario.checks.references import (
    check_follow_cycles,
    check_locales,
    check_references,
    check_unique_ids,
)
from game.scenario.checks.texts import check_texts
from game.scenario.checks.timing import check_timing
from game.scenario.model import Scenario

__all__ = ["Issue", "check_scenario"]


def check_scenario(scenario: Scenario) -> list[Issue]:
    """Run every whole-scenario check.

    Args:
        scenario: a scenario whose structure is valid.

    Returns:
        The issues found, in no particular order.
    """
    issues: list[Issue] = []
    for check in (
        check_unique_ids,
        check_references,
        check_phase_graph,
        check_follow_cycles,
        check_timing,
        check_texts,
        check_locales,
        check_crowd_coverage,
        check_budgets,
    ):
        issues.extend(check(scenario))
    return issues
