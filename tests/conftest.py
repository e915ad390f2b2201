"""Shared fixtures: test data paths and an isolated user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.paths import DATA_DIR_ENV

TESTS_DIR = Path(__file__).parent
DATA_DIR = TESTS_DIR / "data"
BROKEN_DIR = DATA_DIR / "broken"
MINIMAL = DATA_DIR / "minimal.yaml"
REPO_DIR = TESTS_DIR.parent


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own empty user data folder (no user scenarios, no logs)."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def minimal_text() -> str:
    """The text of the smallest valid scenario."""
    return MINIMAL.read_text(encoding="utf-8")
