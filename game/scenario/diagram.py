"""Mermaid state diagram of a scenario's phases, drawn by transitions' mermaid engine."""

from __future__ import annotations

import json
import re
from typing import Any

from transitions import State
from transitions.extensions import GraphMachine

from game.scenario.describe import describe_condition
from game.scenario.model import Scenario

# Mermaid gives these characters a meaning inside labels; phase names are author text.
_MERMAID_SPECIAL = re.compile(r'["#;:{}<>|`\[\]]')


class _LabelledState(State):
    """A state that carries the phase's display name as its diagram label."""

    def __init__(self, name: str, label: str, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.label = label


class _DiagramMachine(GraphMachine):
    state_cls = _LabelledState


class _Chart:
    """The model the graph is drawn for; it is never triggered."""


def _safe_label(text: str) -> str:
    return " ".join(_MERMAID_SPECIAL.sub(" ", text).split())


def mermaid_diagram(scenario: Scenario, language: str | None = None) -> str:
    """Render the phases and transitions as Mermaid ``stateDiagram-v2`` text.

    Args:
        scenario: a valid scenario.
        language: language of the phase names (default: the scenario's first).

    Returns:
        The diagram, ending with a newline. Final phases point to ``[*]``.
    """
    if language not in scenario.meta.languages:
        language = scenario.meta.languages[0]
    assert language is not None
    phases = scenario.phases
    non_final = [phase.id for phase in phases if phase.final is None]
    states = [{"name": phase.id, "label": _safe_label(phase.name[language])} for phase in phases]
    edges = []
    for index, transition in enumerate(scenario.transitions):
        sources: list[str] = []
        for source in transition.from_:
            sources.extend(non_final if source == "*" else [source])
        for source in dict.fromkeys(sources):
            if source == transition.to:
                continue
            edges.append(
                {
                    "trigger": f"t{index}",
                    "source": source,
                    "dest": transition.to,
                    "label": describe_condition(transition.when),
                }
            )
    machine = _DiagramMachine(
        model=_Chart(),
        states=states,
        transitions=edges,
        initial=phases[0].id,
        auto_transitions=False,
        graph_engine="mermaid",
        title=_safe_label(scenario.title_in(language)),
    )
    lines = str(machine.get_combined_graph().draw(None)).split("\n")
    # transitions writes the title bare between the '---' lines, and styles the first
    # phase as the active one; Mermaid wants 'title:' front matter, and nothing is
    # active in a diagram of the whole scenario.
    if len(lines) > 2 and lines[0] == "---" and lines[2] == "---":
        # Quoted, so that a title starting with '*', "'" or '!!' stays a title.
        lines[1] = f"title: {json.dumps(lines[1], ensure_ascii=False)}"
    # It also writes the class statement as 'Class', which Mermaid's parser does not
    # know: the keyword is lower case.
    lines = [
        line.replace(" s_active", " s_default").replace("Class ", "class ", 1)
        if line.lstrip().startswith("Class ")
        else line
        for line in lines
    ]
    text = "\n".join(lines)
    finals = [f"  {phase.id} --> [*]" for phase in phases if phase.final is not None]
    return text.rstrip("\n") + "\n" + "\n".join(finals) + "\n"
