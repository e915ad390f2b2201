"""Where crisisdrill keeps user files (user scenarios, session logs).

Read by the application (services, command line, game), never by the pure engine.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "CRISISDRILL_DATA_DIR"
LOCALE_ENV = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The variables that name the user's language, strongest first (POSIX precedence)."""
LOCALE_LANGUAGES = ("es", "en")


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


TRAINEE_ENV = "CRISISDRILL_TRAINEE"


def default_trainee() -> str:
    """Who plays when ``--trainee`` is not given: ``$CRISISDRILL_TRAINEE``, else the login.

    Results and progress are kept per trainee; a name is needed for them to add up.
    """
    named = os.environ.get(TRAINEE_ENV, "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without /etc/passwd entry)
        return ""


def locale_language() -> str | None:
    """The game language the user's locale names, for when ``--lang`` is not given.

    The first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set and not empty
    decides, as POSIX says: ``es_ES.UTF-8`` is ``es``, ``en_GB`` is ``en``.

    Returns:
        ``es`` or ``en``; None for ``C``, ``POSIX``, no locale or another language
        (the game then keeps its own default: the scenario's first language).
    """
    for name in LOCALE_ENV:
        value = os.environ.get(name)
        if value:
            # "es_ES.UTF-8@euro" -> "es"; "C.UTF-8" -> "c", which is no language of ours.
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            return code if code in LOCALE_LANGUAGES else None
    return None
