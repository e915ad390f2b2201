"""The phase graph, and the crowd that each phase asks for.

A session starts in the first phase and ends in a final one: every phase must be
reachable from the first, every phase that is not final needs a way out, and a phase
with crowd posts a minute needs a crowd template that writes in it.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.scenario.checks.issue import Issue, unknown
from game.scenario.model import Scenario
from game.scenario.yamlsource import DataPath


def check_phase_graph(scenario: Scenario) -> Iterator[Issue]:
    """Unknown, unreachable and dead-end phases, and transitions that can never be taken.

    Args:
        scenario: a scenario whose structure is valid.

    Yields:
        One issue per problem, at its path in the data.
    """
    phases = {phase.id: phase for phase in scenario.phases}
    final = {phase.id for phase in scenario.phases if phase.final is not None}
    initial = scenario.phases[0]
    edges: dict[str, set[str]] = {phase_id: set() for phase_id in phases}
    for index, transition in enumerate(scenario.transitions):
        base: DataPath = ("transitions", index)
        if transition.to not in phases:
            # Reported once; its sources still count as having a way out, so that the
            # typo does not also make them look like dead ends.
            yield Issue((*base, "to"), unknown("phase", transition.to, set(phases)))
        for position, source in enumerate(transition.from_):
            source_path: DataPath = (*base, "from", position)
            if source == "*":
                for phase_id in phases:
                    if phase_id not in final and phase_id != transition.to:
                        edges[phase_id].add(transition.to)
            elif source not in phases:
                yield Issue(source_path, unknown("phase", source, set(phases)))
            elif source in final:
                yield Issue(
                    source_path,
                    f"phase '{source}' is final (the session ends there), so this "
                    "transition can never be taken",
                )
            elif source == transition.to:
                yield Issue(source_path, f"transition from '{source}' to itself")
            else:
                edges[source].add(transition.to)
    if initial.final is not None:
        yield Issue(
            ("phases", 0, "final"),
            f"the first phase ('{initial.id}') is where sessions start; it cannot be final",
        )
    if not final:
        yield Issue(
            ("phases",),
            "no phase is final; mark the phases that end a session with final: good or bad",
        )
    reached = {initial.id}
    frontier = [initial.id]
    while frontier:
        for target in edges[frontier.pop()] & phases.keys():
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    for index, phase in enumerate(scenario.phases):
        if phase.id not in reached:
            yield Issue(
                ("phases", index, "id"),
                f"phase '{phase.id}' is never reached: no chain of transitions leads to it "
                f"from the first phase ('{initial.id}')",
            )
        if phase.final is None and not edges[phase.id]:
            yield Issue(
                ("phases", index, "id"),
                f"phase '{phase.id}' has no way out: add a transition from it, or mark it "
                "final (good or bad)",
            )


def check_crowd_coverage(scenario: Scenario) -> Iterator[Issue]:
    """Phases that want crowd posts but no crowd template writes in them.

    Args:
        scenario: a scenario whose structure is valid.

    Yields:
        One issue per problem, at its path in the data.
    """
    weighted: dict[str, float] = {}
    for template in scenario.crowd:
        for phase_id, weight in template.weights.items():
            weighted[phase_id] = weighted.get(phase_id, 0) + weight
    for index, phase in enumerate(scenario.phases):
        if phase.crowd_per_minute > 0 and weighted.get(phase.id, 0) <= 0:
            yield Issue(
                ("phases", index, "crowd_per_minute"),
                f"phase '{phase.id}' wants {phase.crowd_per_minute:g} crowd posts a minute "
                "but no crowd template has a weight for it",
            )
