"""``validate``: which files the PATH arguments name, and whether each is a valid scenario."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.scenario.catalog import is_dir, scenario_files
from game.scenario.loader import load_scenario
from game.scenario.problems import ScenarioError


@dataclass(frozen=True)
class NamedFiles:
    """The scenario files one PATH argument names.

    Attributes:
        files: (path, how to name it in messages) pairs: the file itself, or the
            ``.yaml`` files of a folder.
        empty_folder: the argument is a folder without scenario files.
    """

    files: tuple[tuple[Path, str], ...]
    empty_folder: bool


def named_files(argument: str) -> NamedFiles:
    """The files a PATH argument names: a file as written, a folder's YAML files sorted.

    Args:
        argument: a file or folder path, as the user wrote it (not empty).

    Returns:
        The files, each with the name to show for it.
    """
    path = Path(argument)
    if is_dir(path):
        found = scenario_files(path)
        return NamedFiles(tuple((file, str(file)) for file in found), empty_folder=not found)
    # Not checked here: a missing or unreadable file is reported by loading it.
    return NamedFiles(((path, argument),), empty_folder=False)


@dataclass(frozen=True)
class Validation:
    """The verdict on one scenario file.

    Attributes:
        display: how the file is named in messages.
        error: its located problems; None when it is valid.
        scenario_id: its ``meta.id`` when valid.
        phases: how many phases it has.
        injects: how many injects it has.
        personas: how many personas it has.
    """

    display: str
    error: ScenarioError | None
    scenario_id: str = ""
    phases: int = 0
    injects: int = 0
    personas: int = 0


def validate_file(path: Path, display: str) -> Validation:
    """Load one scenario file and say whether it is valid.

    Args:
        path: the file.
        display: how to name it in messages.

    Returns:
        Its problems, or what it holds.
    """
    try:
        scenario = load_scenario(path, display).scenario
    except ScenarioError as error:
        return Validation(display, error)
    return Validation(
        display,
        None,
        scenario_id=scenario.meta.id,
        phases=len(scenario.phases),
        injects=len(scenario.injects),
        personas=len(scenario.personas),
    )
