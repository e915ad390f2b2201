"""The session log: JSON Lines, appended and flushed as things happen.

The log is the source of truth of a session. Its first line, the header, carries the
scenario's own text, the seed, the language and the versions; then come the people and
posts as they were generated, the trainee's actions, phase changes, promises and metric
snapshots. A session can be rebuilt from its log alone (see ``replay``), and a log cut
short by a crash is still readable up to its last whole line.
"""

from __future__ import annotations

import json
import os
import platform
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from game import __version__
from game.paths import data_dir

if TYPE_CHECKING:
    from game.engine.session import Session

LOG_FORMAT = 1


def sessions_dir() -> Path:
    """Where session logs go: ``sessions/`` in the user data folder."""
    return data_dir() / "sessions"


def new_log_path(scenario_id: str, seed: int, folder: Path | None = None) -> Path:
    """A log path not used yet: ``SCENARIO-seedN-K.jsonl`` with the first free K."""
    folder = folder or sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    number = 1
    while True:
        path = folder / f"{scenario_id}-seed{seed}-{number:03d}.jsonl"
        if not path.exists() and not _partial(path).exists():
            return path
        number += 1


def _partial(path: Path) -> Path:
    """Where a log's first line is written before the log appears under its name."""
    return path.with_name(f".{path.name}.partial")


def _faker_version() -> str:
    try:
        return metadata.version("faker")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def header_record(session: Session) -> dict[str, Any]:
    """The first line of a session's log."""
    loaded = session.loaded
    return {
        "type": "header",
        "format": LOG_FORMAT,
        "scenario": loaded.scenario.meta.id,
        "scenario_hash": loaded.content_hash,
        "scenario_path": str(loaded.path),
        "scenario_source": loaded.source_text,
        "seed": session.seed,
        "language": session.language,
        "trainee": session.trainee,
        "versions": {
            "crisisdrill": __version__,
            "faker": _faker_version(),
            "python": platform.python_version(),
        },
    }


class SessionLog:
    """Appends records to a log file, one JSON object per line, flushed at once.

    A new log appears under its name only once its first record (the header) is
    whole: a process killed at any moment leaves no log, or one that starts with its
    header. Later records are appended, so a kill can only tear the last line.

    Args:
        path: the file; created at the first record if missing, appended to otherwise.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[str] | None = None
        self._closed = False

    def write(self, record: dict[str, Any]) -> None:
        """Append one record and flush it to the operating system."""
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        if self._handle is None:
            if self._closed:
                raise ValueError(f"{self.path}: the log is closed")
            if not self.path.exists():
                partial = _partial(self.path)
                partial.write_text(line, encoding="utf-8")
                os.replace(partial, self.path)
                self._handle = self.path.open("a", encoding="utf-8")
                return
            self._handle = self.path.open("a", encoding="utf-8")
        self._handle.write(line)
        self._handle.flush()

    def close(self) -> None:
        """Close the file."""
        self._closed = True
        if self._handle is not None:
            self._handle.close()
            self._handle = None


@dataclass
class LogContents:
    """A log as read back.

    Attributes:
        records: every whole record, in order.
        warnings: what was skipped (a torn last line), for the user.
    """

    records: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def header(self) -> dict[str, Any]:
        """The header record."""
        return self.records[0]


class LogError(Exception):
    """A log that cannot be used: missing, not a session log, or damaged before its end."""


def read_log(path: Path) -> LogContents:
    """Read a session log, tolerating a torn last line (a crash while writing).

    Raises:
        LogError: the file is missing, has no header, or is damaged before its last line.
    """
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError as error:
        raise LogError(f"{path}: cannot read: {error.strerror or error}") from None
    contents = LogContents()
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not an object")
        except ValueError:
            if number == len(lines):
                contents.warnings.append(
                    f"{path}:{number}: the last line is incomplete (the session was "
                    "interrupted); it was ignored"
                )
                break
            raise LogError(f"{path}:{number}: damaged line in the middle of the log") from None
        contents.records.append(record)
    if not contents.records or contents.records[0].get("type") != "header":
        raise LogError(f"{path}: not a crisisdrill session log (no header)")
    if contents.header.get("format") != LOG_FORMAT:
        raise LogError(f"{path}: log format {contents.header.get('format')} is not supported")
    return contents
