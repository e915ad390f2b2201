"""Where the repeated parts of a scenario stand: its posts and its conditions.

Validation and lint both go through every post and every condition and report what
they find at a path of the data; these walks give each part with that path.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.scenario.conditions import LeafCondition, leaves
from game.scenario.model import Condition, CrowdTemplate, FacilitatorInject, Inject, Scenario
from game.scenario.yamlsource import DataPath


def posts(
    scenario: Scenario,
) -> Iterator[tuple[str, int, Inject | CrowdTemplate | FacilitatorInject]]:
    """Every post template: the injects, the crowd templates, the facilitator's injects.

    Args:
        scenario: the scenario.

    Yields:
        The section (``injects``, ``crowd`` or ``facilitator_injects``), the index in
        it, and the template.
    """
    for index, inject in enumerate(scenario.injects):
        yield "injects", index, inject
    for index, template in enumerate(scenario.crowd):
        yield "crowd", index, template
    for index, pushed in enumerate(scenario.facilitator_injects):
        yield "facilitator_injects", index, pushed


def conditions(scenario: Scenario) -> Iterator[tuple[DataPath, Condition]]:
    """Every condition of the scenario: the transitions', then the injects'.

    Args:
        scenario: the scenario.

    Yields:
        The path of each condition and the condition.
    """
    for index, transition in enumerate(scenario.transitions):
        yield ("transitions", index, "when"), transition.when
    for index, inject in enumerate(scenario.injects):
        if inject.when is not None:
            yield ("injects", index, "when"), inject.when


def condition_leaves(scenario: Scenario) -> Iterator[tuple[DataPath, LeafCondition]]:
    """Every leaf of every condition of the scenario, in the order of :func:`conditions`.

    Args:
        scenario: the scenario.

    Yields:
        The path of each leaf and the leaf.
    """
    for path, condition in conditions(scenario):
        yield from leaves(condition, path)
