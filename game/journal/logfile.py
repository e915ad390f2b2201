"""The session log file: JSON Lines, appended and flushed as things happen.

The log is the source of truth of a session. Its first line, the header, carries the
scenario's own text, the seed, the language and the versions; then come the people and
posts as they were generated, the trainee's actions, phase changes, promises and metric
snapshots, each one recorded event (see ``codec``). A session can be rebuilt from its
log alone (see ``game.engine.replay``), and a log cut short by a crash is still readable
up to its last whole line.
"""

from __future__ import annotations

import itertools
import json
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from game.journal.codec import LOG_FORMAT, Json, LogError, decode, encode
from game.journal.events import Event, SessionStarted


class SessionLog:
    """Appends the recorded events of one session to a file of its own, flushed at once.

    A log appears under its name only once its first record (the header) is whole, and
    it is created exclusively: a process killed at any moment leaves no log or one that
    starts with its header, and two sessions never write to the same file. Later
    records are appended, so a kill can only tear the last line.

    Subscribe ``record`` to a session's events; transient events are passed over.

    Args:
        path: the file to create; it must not exist yet.
    """

    def __init__(self, path: Path) -> None:
        self._wanted = path
        self._numbered: tuple[Path, str] | None = None
        self._path: Path | None = None
        self._handle: IO[str] | None = None
        self._closed = False

    @classmethod
    def numbered(cls, folder: Path, stem: str) -> SessionLog:
        """A log named ``STEM-K.jsonl`` in ``folder``, with the first K free when it is created.

        The number is taken when the header is written, by an exclusive link: sessions
        started at the same moment in one folder each get a file of their own.
        """
        log = cls(folder / f"{stem}-001.jsonl")
        log._numbered = (folder, stem)
        return log

    @property
    def path(self) -> Path:
        """The file (before the first record: the name it is meant to have)."""
        return self._path or self._wanted

    def record(self, event: Event) -> None:
        """Append a recorded event; transient events are not kept."""
        data = encode(event)
        if data is not None:
            self.write(data)

    def write(self, record: Json) -> None:
        """Append one JSON object as a line and flush it to the operating system.

        Raises:
            FileExistsError: the log was given a path that already exists.
            ValueError: the log is closed.
        """
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        if self._handle is None:
            if self._closed:
                raise ValueError(f"{self.path}: the log is closed")
            self._path = self._create(line)
            self._handle = self._path.open("a", encoding="utf-8")
            return
        self._handle.write(line)
        self._handle.flush()

    def _create(self, first_line: str) -> Path:
        """Write the first line aside, then link it in under a name nobody holds."""
        folder = self._wanted.parent
        folder.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=".", suffix=".partial", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(first_line)
            for candidate in self._candidates():
                try:
                    # A hard link fails if the name exists: exclusive, and atomic.
                    os.link(partial, candidate)
                except FileExistsError:
                    if self._numbered is None:
                        raise
                    continue
                return candidate
            raise AssertionError("unreachable: numbered names never run out")
        finally:
            os.unlink(partial)

    def _candidates(self) -> Iterator[Path]:
        if self._numbered is None:
            yield self._wanted
            return
        folder, stem = self._numbered
        for number in itertools.count(1):
            yield folder / f"{stem}-{number:03d}.jsonl"

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
        records: every whole record, in order, the header first.
        warnings: what was skipped (a torn last line), for the user.
    """

    records: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def header(self) -> SessionStarted:
        """The header record."""
        header = self.records[0]
        assert isinstance(header, SessionStarted)  # read_log refuses a log without one
        return header


MAX_LOG_BYTES = 64 * 2**20
"""The largest log read (64 MiB): a whole session of the busiest built-in scenario
writes about 1 MiB; anything far larger is not a session worth reading whole."""


def special_file_problem(path: Path, max_bytes: int | None = None) -> str | None:
    """Why ``path`` should not be read as a file (None: a regular file within the size).

    A pipe would block forever, ``/dev/zero`` would fill the memory, and a folder or a
    device is no document; links are followed to what they point to.

    Args:
        path: the file named by the user.
        max_bytes: the largest size accepted (None: any).
    """
    try:
        status = path.stat()
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISDIR(status.st_mode):
        return "is a folder, not a file"
    if not stat.S_ISREG(status.st_mode):
        return "is not a regular file (a pipe, a device or a socket): not read"
    if max_bytes is not None and status.st_size > max_bytes:
        mib = status.st_size / 2**20
        return f"is {mib:,.0f} MiB, over the {max_bytes / 2**20:,.0f} MiB a session log can be"
    return None


def read_log(path: Path) -> LogContents:
    """Read a session log line by line, tolerating a torn last line (a crash while writing).

    The file is streamed: a file that is not a log is refused at its first line, and
    no more than one line is held as text at a time.

    Raises:
        LogError: the file is missing, not a regular file, too large, has no header,
            or is damaged before its last line.
    """
    problem = special_file_problem(path, MAX_LOG_BYTES)
    if problem is not None:
        raise LogError(f"{path}: {problem}")
    contents = LogContents()
    torn: int | None = None  # a line that did not parse: fine only if it is the last
    try:
        with path.open(encoding="utf-8", errors="replace", newline="\n") as lines:
            for number, line in enumerate(lines, start=1):
                if torn is not None:
                    raise LogError(f"{path}:{torn}: damaged line in the middle of the log")
                data = _parsed(line.removesuffix("\n"))
                if number == 1:
                    _check_header(data, path)
                if data is None:
                    torn = number
                    continue
                contents.records.append(decode(data, f"{path}:{number}"))
    except OSError as error:
        raise LogError(f"{path}: cannot read: {error.strerror or error}") from None
    if not contents.records:
        raise LogError(f"{path}: not a crisisdrill session log (no header)")
    if torn is not None:
        contents.warnings.append(
            f"{path}:{torn}: the last line is incomplete (the session was interrupted); "
            "it was ignored"
        )
    return contents


def _parsed(line: str) -> Json | None:
    """One line as a JSON object, or None when it is not one."""
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):  # RecursionError: brackets nested too deep
        return None
    return data if isinstance(data, dict) else None


def _check_header(data: Json | None, path: Path) -> None:
    if data is None or data.get("type") != "header":
        raise LogError(f"{path}: not a crisisdrill session log (no header)")
    if data.get("format") != LOG_FORMAT:
        raise LogError(f"{path}: log format {data.get('format')} is not supported")
