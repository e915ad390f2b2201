"""``diagram``: a Mermaid state diagram of a scenario's phases."""

from __future__ import annotations

from game.scenario.diagram import mermaid_diagram
from game.services.play import open_scenario


def diagram(argument: str, language: str | None = None) -> str:
    """The Mermaid diagram of the scenario an argument names.

    Args:
        argument: a built-in or user scenario id, or a path.
        language: the language of the labels (default: the scenario's first).

    Returns:
        The diagram's text, ending with a newline.

    Raises:
        ScenarioError: the file is invalid, or no scenario has that id.
    """
    opened = open_scenario(argument, language)
    return mermaid_diagram(opened.loaded.scenario, opened.language)
