"""What the picker lists, read from a small cache so that the picker opens at once.

Validating every scenario (pydantic, the whole YAML) is the slow part of start-up. The
picker only needs each scenario's id, titles, summaries, difficulty, length and
languages: those are kept in ``cache/picker.json`` in the user data folder, keyed by
the scenario files' paths, sizes and modification times and by the game's version.
A changed, added or removed file, or another version, rebuilds it with the full
catalog. The scenario that is chosen is always loaded and validated in full.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game import __version__
from game.paths import data_dir, user_scenario_dir
from game.services.files import write_atomically

if TYPE_CHECKING:
    from game.scenario.catalog import CatalogEntry
    from game.scenario.loader import LoadedScenario

CACHE_FORMAT = 1


@dataclass(frozen=True)
class LibraryEntry:
    """One playable scenario as the picker shows it.

    Attributes:
        id: the scenario id.
        path: its file.
        source: ``builtin`` or ``user``.
        title: title per language.
        summary: summary per language (brand filled in).
        difficulty: introductory, intermediate or hard.
        duration_minutes: simulated length.
        languages: the languages it is written in.
    """

    id: str
    path: str
    source: str
    title: dict[str, str]
    summary: dict[str, str]
    difficulty: str
    duration_minutes: int
    languages: tuple[str, ...]

    def text(self, field: dict[str, str], language: str) -> str:
        """A title or summary in ``language``, else in the scenario's first language."""
        return field.get(language) or field[self.languages[0]]


def _folders() -> list[tuple[str, Path]]:
    builtin = Path(str(resources.files("scenarios")))
    return [("builtin", builtin), ("user", user_scenario_dir())]


def _files() -> dict[str, list[int]]:
    """Every scenario file with its size and modification time.

    The same listing as ``game.scenario.catalog.scenario_files``, done here without
    importing the catalog (and with it the whole scenario model).
    """
    found: dict[str, list[int]] = {}
    for _, folder in _folders():
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if Path(name).suffix.lower() in (".yaml", ".yml"):
                try:
                    status = (folder / name).stat()
                except OSError:
                    continue
                found[str(folder / name)] = [status.st_size, status.st_mtime_ns]
    return found


def cache_path() -> Path:
    """Where the picker's cache is kept."""
    return data_dir() / "cache" / "picker.json"


def entry_of(source: str, loaded: LoadedScenario) -> LibraryEntry:
    """The picker's view of a loaded scenario."""
    scenario = loaded.scenario
    meta = scenario.meta
    return LibraryEntry(
        id=meta.id,
        path=str(loaded.path),
        source=source,
        title={language: scenario.text(meta.title, language) for language in meta.languages},
        summary={language: scenario.text(meta.summary, language) for language in meta.languages},
        difficulty=meta.difficulty,
        duration_minutes=meta.duration_minutes,
        languages=tuple(meta.languages),
    )


def from_catalog(entries: list[CatalogEntry]) -> list[LibraryEntry]:
    """The valid scenarios of a catalog, the first of each id (built-in ones come first)."""
    seen: set[str] = set()
    result = []
    for entry in entries:
        if entry.loaded is None or entry.loaded.scenario.meta.id in seen:
            continue
        seen.add(entry.loaded.scenario.meta.id)
        result.append(entry_of(entry.source, entry.loaded))
    return result


def _read(files: dict[str, list[int]]) -> list[LibraryEntry] | None:
    try:
        data: Any = json.loads(cache_path().read_text(encoding="utf-8"))
        if (
            data.get("format") != CACHE_FORMAT
            or data.get("version") != __version__
            or data.get("files") != files
        ):
            return None
        return [
            LibraryEntry(**{**item, "languages": tuple(item["languages"])})
            for item in data["entries"]
        ]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # no cache, or an unreadable one: rebuild it


def _write(files: dict[str, list[int]], entries: list[LibraryEntry]) -> None:
    path = cache_path()
    document = {
        "format": CACHE_FORMAT,
        "version": __version__,
        "files": files,
        "entries": [asdict(entry) for entry in entries],
    }
    # A read-only data folder: the picker works, only slower next time.
    with contextlib.suppress(OSError):
        write_atomically(path, json.dumps(document, ensure_ascii=False))


def library() -> list[LibraryEntry]:
    """The scenarios the picker offers: from the cache, or from the full catalog."""
    files = _files()
    cached = _read(files)
    if cached is not None:
        return cached
    from game.scenario.catalog import discover  # the slow path: validate every file

    entries = from_catalog(discover())
    _write(files, entries)
    return entries
