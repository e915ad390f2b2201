"""Find scenarios: the built-in library and the user's folder, by id or by path."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from game.paths import user_scenario_dir
from game.scenario.loader import LoadedScenario, load_scenario
from game.scenario.problems import Problem, ScenarioError


@dataclass(frozen=True)
class CatalogEntry:
    """A scenario file found in a library folder.

    Attributes:
        path: the file.
        source: ``builtin`` or ``user``.
        loaded: the scenario, when it is valid.
        error: why it is not, otherwise.
    """

    path: Path
    source: str
    loaded: LoadedScenario | None
    error: ScenarioError | None


def builtin_scenario_dir() -> Path:
    """The folder of the built-in scenarios (inside the installed package)."""
    return Path(str(resources.files("scenarios")))


def scenario_files(folder: Path) -> list[Path]:
    """The ``*.yaml`` and ``*.yml`` entries of a folder, sorted; none if it does not exist.

    Every entry so named, whatever it is: a pipe, a folder or a dangling link among the
    scenarios is one the loader refuses with a message, not one silently left out.
    """
    if not is_dir(folder):
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml"))


def is_dir(path: Path) -> bool:
    """``Path.is_dir`` that answers False for names the system refuses (too long...)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def is_file(path: Path) -> bool:
    """``Path.is_file`` that answers False for names the system refuses."""
    try:
        return path.is_file()
    except OSError:
        return False


def discover() -> list[CatalogEntry]:
    """Load every built-in and user scenario, valid or not, built-in ones first."""
    entries = []
    for source, folder in (("builtin", builtin_scenario_dir()), ("user", user_scenario_dir())):
        for path in scenario_files(folder):
            try:
                entries.append(CatalogEntry(path, source, load_scenario(path), None))
            except ScenarioError as error:
                entries.append(CatalogEntry(path, source, None, error))
    return entries


def looks_like_path(argument: str) -> bool:
    """Whether a SCENARIO argument names a file rather than a scenario id."""
    return "/" in argument or "\\" in argument or argument.endswith((".yaml", ".yml"))


def resolve_scenario(argument: str) -> LoadedScenario:
    """Load the scenario named by a command-line argument: a path or a scenario id.

    Args:
        argument: a file path, or the ``meta.id`` of a built-in or user scenario.

    Raises:
        ScenarioError: the file is invalid, or no scenario has that id.
    """
    # A folder or other non-file called like an id (say, a checkout named "rebajas")
    # does not hide the scenario of that id.
    if looks_like_path(argument) or is_file(Path(argument)):
        return load_scenario(Path(argument), argument)
    known = []
    for entry in discover():
        if entry.loaded is None:
            continue
        if entry.loaded.scenario.meta.id == argument:
            return entry.loaded  # built-in first: `list` warns about user copies
        known.append(entry.loaded.scenario.meta.id)
    listing = ", ".join(sorted(known)) or "none"
    what = (
        "is a directory, not a scenario file or id"
        if is_dir(Path(argument))
        else "no such scenario file or id"
    )
    raise ScenarioError(argument, [Problem(0, 0, f"{what}; known ids: {listing}")])
