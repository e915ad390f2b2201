"""The crisis phases as a ``transitions`` state machine, one per scenario.

Building a Machine is the slow path, so each scenario gets one, shared by its sessions
through ``add_model``. Every scenario transition becomes a transition on the single
trigger ``evaluate`` whose condition is a callable compiled by ``conditions``; no string
from YAML ever reaches ``transitions`` (it would import dotted names as callbacks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from transitions import Machine

from game.engine.conditions import ConditionContext, compile_condition
from game.scenario.model import Scenario

EVALUATE = "evaluate"


class PhaseModel:
    """The per-session object whose ``state`` the machine moves between phases.

    ``transitions`` binds ``state`` and ``trigger`` when the model is added; they are
    only declared here (a defined method would stop it from binding its own).
    """

    state: str
    trigger: Callable[..., bool]


class PhaseMachine:
    """The state machine of one scenario's phases."""

    def __init__(self, scenario: Scenario) -> None:
        self.initial = scenario.phases[0].id
        self.final = {phase.id: phase.final for phase in scenario.phases if phase.final}
        non_final = [phase.id for phase in scenario.phases if phase.final is None]
        transitions: list[dict[str, Any]] = []
        # The same checks by source phase: most ticks nothing changes, and asking our
        # own callables first spares transitions' event machinery on those ticks.
        self._checks: dict[str, list[Callable[[ConditionContext], bool]]] = {
            phase.id: [] for phase in scenario.phases
        }
        for transition in scenario.transitions:
            check = compile_condition(transition.when)
            sources: list[str] = []
            for source in transition.from_:
                sources.extend(non_final if source == "*" else [source])
            for source in dict.fromkeys(sources):
                if source != transition.to:
                    self._checks[source].append(check)
                    transitions.append(
                        {
                            "trigger": EVALUATE,
                            "source": source,
                            "dest": transition.to,
                            "conditions": [check],
                        }
                    )
        self._machine = Machine(
            model=None,
            states=[phase.id for phase in scenario.phases],
            transitions=transitions,
            initial=self.initial,
            auto_transitions=False,
            ignore_invalid_triggers=True,
            send_event=False,
        )

    def attach(self, model: PhaseModel) -> None:
        """Start driving ``model`` from the first phase."""
        self._machine.add_model(model, initial=self.initial)

    def detach(self, model: PhaseModel) -> None:
        """Stop driving ``model`` (at the end of its session)."""
        self._machine.remove_model(model)

    def evaluate(self, model: PhaseModel, context: ConditionContext) -> bool:
        """Take the first transition out of the current phase whose condition holds."""
        if model.state in self.final:
            return False
        if not any(check(context) for check in self._checks[model.state]):
            return False  # what transitions would conclude, without its overhead
        return bool(model.trigger(EVALUATE, context))


_MACHINES: dict[int, tuple[Scenario, PhaseMachine]] = {}


def phase_machine_for(scenario: Scenario) -> PhaseMachine:
    """The machine of ``scenario``, built on first use and then shared."""
    cached = _MACHINES.get(id(scenario))
    if cached is not None and cached[0] is scenario:
        return cached[1]
    machine = PhaseMachine(scenario)
    _MACHINES[id(scenario)] = (scenario, machine)
    return machine
