"""``list``: the scenarios a trainee can play, and why any others are left out.

A library file is listed when it is valid and its id is not taken by an earlier one
(built-in scenarios come first); each file left out is reported with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.scenario.catalog import discover
from game.scenario.loader import LoadedScenario


@dataclass(frozen=True)
class Listed:
    """A valid library scenario.

    Attributes:
        path: its file.
        source: ``builtin`` or ``user``.
        loaded: the scenario.
    """

    path: Path
    source: str
    loaded: LoadedScenario


@dataclass(frozen=True)
class Broken:
    """A library file left out because it is not valid.

    Attributes:
        path: the file.
        problems: how many problems ``validate`` will show.
    """

    path: Path
    problems: int


@dataclass(frozen=True)
class Shadowed:
    """A library file left out because an earlier file has its id.

    Attributes:
        path: the file.
        scenario_id: the id both files give.
        used: the file that is used for that id.
    """

    path: Path
    scenario_id: str
    used: Path


@dataclass(frozen=True)
class Listing:
    """The library as ``list`` shows it.

    Attributes:
        scenarios: the playable scenarios, built-in first.
        left_out: the files left out, in the order they were found.
    """

    scenarios: list[Listed] = field(default_factory=list)
    left_out: list[Broken | Shadowed] = field(default_factory=list)


def list_scenarios() -> Listing:
    """Read the built-in and user libraries.

    Returns:
        The playable scenarios, and the files left out with the reason.
    """
    listing = Listing()
    seen: dict[str, Path] = {}
    for entry in discover():
        if entry.loaded is None:
            count = len(entry.error.problems) if entry.error else 0
            listing.left_out.append(Broken(entry.path, count))
            continue
        scenario_id = entry.loaded.scenario.meta.id
        if scenario_id in seen:
            listing.left_out.append(Shadowed(entry.path, scenario_id, seen[scenario_id]))
            continue
        seen[scenario_id] = entry.path
        listing.scenarios.append(Listed(entry.path, entry.source, entry.loaded))
    return listing


def listed_document(listed: Listed) -> dict[str, Any]:
    """One scenario as an entry of ``list --json`` (the contract in DESIGN.md).

    Args:
        listed: a playable scenario.

    Returns:
        ``{"id", "title", "summary", "languages", "difficulty", "duration_minutes",
        "source", "path"}``, titles and summaries per language.
    """
    scenario = listed.loaded.scenario
    meta = scenario.meta
    return {
        "id": meta.id,
        "title": {language: scenario.text(meta.title, language) for language in meta.languages},
        "summary": {language: scenario.text(meta.summary, language) for language in meta.languages},
        "languages": list(meta.languages),
        "difficulty": meta.difficulty,
        "duration_minutes": meta.duration_minutes,
        "source": listed.source,
        "path": str(listed.path),
    }
