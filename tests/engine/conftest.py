"""Fixtures for engine tests: the engine test scenario and the flagship, loaded once."""

from __future__ import annotations

import pytest

from game.scenario import LoadedScenario, load_scenario
from game.scenario.catalog import builtin_scenario_dir
from tests.conftest import DATA_DIR

ENGINE_SCENARIO = DATA_DIR / "engine.yaml"


@pytest.fixture(scope="session")
def engine_scenario() -> LoadedScenario:
    """The small scenario that exercises every part of the engine."""
    return load_scenario(ENGINE_SCENARIO)


@pytest.fixture(scope="session")
def flagship() -> LoadedScenario:
    """The built-in flagship scenario."""
    return load_scenario(builtin_scenario_dir() / "rebajas.yaml")
