"""Where crisisdrill keeps user files (user scenarios, session logs).

Read by the application (services, command line, game), never by the pure engine.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "CRISISDRILL_DATA_DIR"


def data_dir() -> Path:
    """The user data folder: ``$CRISISDRILL_DATA_DIR`` if set, else the platform's.

    On Linux the platform's is ``~/.local/share/crisisdrill``.
    """
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_data_path("crisisdrill", appauthor=False)


def user_scenario_dir() -> Path:
    """The folder whose ``*.yaml`` scenarios appear beside the built-in ones."""
    return data_dir() / "scenarios"


def sessions_dir() -> Path:
    """Where session logs go: ``sessions/`` in the user data folder."""
    return data_dir() / "sessions"
