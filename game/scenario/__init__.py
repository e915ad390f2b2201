"""Scenario files: the typed model, safe loading and located validation.

Pure: no user-interface imports (a test enforces it).
"""

from game.scenario.loader import LoadedScenario, load_scenario
from game.scenario.model import Scenario
from game.scenario.problems import Problem, ScenarioError

__all__ = ["LoadedScenario", "Problem", "Scenario", "ScenarioError", "load_scenario"]
