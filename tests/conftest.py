"""Shared fixtures: test data paths and an isolated user data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.paths import DATA_DIR_ENV, LOCALE_ENV
from game.scenario import LoadedScenario, load_scenario
from game.scenario.catalog import builtin_scenario_dir
from tests.faults import TinyDisk, tiny_tmpfs

TESTS_DIR = Path(__file__).parent
DATA_DIR = TESTS_DIR / "data"
BROKEN_DIR = DATA_DIR / "broken"
MINIMAL = DATA_DIR / "minimal.yaml"
ENGINE_SCENARIO = DATA_DIR / "engine.yaml"
REPO_DIR = TESTS_DIR.parent


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty user data folder (no user scenarios, no logs)."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    # The machine's locale must not choose the language of tests that give no --lang.
    for name in LOCALE_ENV:
        monkeypatch.delenv(name, raising=False)
    return folder


@pytest.fixture
def minimal_text() -> str:
    """The text of the smallest valid scenario."""
    return MINIMAL.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def engine_scenario() -> LoadedScenario:
    """The small scenario that exercises every part of the engine and the scorer."""
    return load_scenario(ENGINE_SCENARIO)


@pytest.fixture(scope="session")
def flagship() -> LoadedScenario:
    """The built-in flagship scenario."""
    return load_scenario(builtin_scenario_dir() / "rebajas.yaml")


@pytest.fixture
def tiny_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TinyDisk]:
    """A small real tmpfs as the user data folder, to be filled to the brim.

    Skipped, saying why, where a tmpfs cannot be mounted (it needs root).
    """
    with tiny_tmpfs(tmp_path / "disk") as disk:
        monkeypatch.setenv(DATA_DIR_ENV, str(disk.root))
        yield disk
