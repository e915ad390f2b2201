"""The session log file: JSON Lines, appended and flushed as things happen.

The log is the source of truth of a session. Its first line, the header, carries the
scenario's own text, the seed, the language and the versions; then come the people and
posts as they were generated, the trainee's actions, phase changes, promises and metric
snapshots, each one recorded event (see ``codec``). A session can be rebuilt from its
log alone (see ``game.engine.replay``), and a log cut short by a crash is still readable
up to its last whole line.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import stat
import tempfile
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from game.journal.codec import LOG_FORMAT, Json, LogError, decode, encode
from game.journal.events import Event, SessionStarted

try:  # POSIX; elsewhere a log is not locked (two writers are kept apart by the door alone)
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LogBusy(OSError):
    """Another process holds the log (it is still writing it)."""


def _lock(fd: int) -> None:
    """Hold the log for this process until its file is closed.

    Raises:
        LogBusy: another process holds it.
    """
    if fcntl is None:  # pragma: no cover - Windows
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise LogBusy("another game is writing this log") from None


_TAIL_CHUNK = 64 * 1024


def _whole_end(fd: int) -> tuple[int, bool]:
    """Where the file's last whole line ends, and whether a line is missing its newline.

    A last line without its newline is whole when it is a JSON object (its closing
    brace is its last byte, so nothing of it is lost): it only needs the newline.
    Anything else after the last newline is a torn line, to be cut.
    """
    size = os.fstat(fd).st_size
    end = size
    while end > 0:
        start = max(0, end - _TAIL_CHUNK)
        chunk = os.pread(fd, end - start, start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            end = start + newline + 1
            break
        end = start
    if end == size:
        return size, False
    tail = os.pread(fd, size - end, end).decode("utf-8", errors="replace")
    return (size, True) if _parsed(tail) is not None else (end, False)


class SessionLog:
    """Appends the recorded events of one session to a file of its own, flushed at once.

    A log appears under its name only once its first record (the header) is whole, and
    it is created exclusively: a process killed at any moment leaves no log or one that
    starts with its header, and two sessions never write to the same file. Later
    records are appended, so a kill can only tear the last line.

    A record that cannot be written (a full disk, a read-only or failing one) is kept
    in memory, in order, and ``write`` raises the ``OSError``; the next ``write`` or
    ``retry`` writes what waits first. What did get onto the disk of a failed line is
    cut off, so the log always ends with a whole line and can be appended to again.

    Subscribe ``record`` to a session's events; transient events are passed over.

    While a game writes its log it holds a lock on the file (POSIX ``flock``, let go
    when the file is closed or the process ends): a session resumed in another process
    (``reopen``) can never append to a log that is still being written.

    Args:
        path: the file to create; it must not exist yet (``reopen`` takes an existing
            log instead).
    """

    def __init__(self, path: Path) -> None:
        self._wanted = path
        self._numbered: tuple[Path, str] | None = None
        self._path: Path | None = None
        self._fd: int | None = None
        self._size = 0  # bytes of whole lines in the file
        self._torn = False  # a failed line could not be cut off yet
        self._pending: deque[bytes] = deque()
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

    @classmethod
    def reopen(cls, path: Path) -> SessionLog:
        """An existing log, to append to where it ends; the records there stay as they are.

        A resumed session writes what happens after the log's end into the same file.
        The file is locked first, so that no other game writes it meanwhile; then a
        torn last line (a process killed while writing it) is cut off, and a whole
        last record missing only its newline gets it: the next record starts a line
        of its own, and the file holds exactly the records ``read_log`` reads in it.

        Args:
            path: the log; it must exist and start with its header.

        Raises:
            LogBusy: another process is writing it.
            OSError: it cannot be opened for writing, or mended.
        """
        fd = os.open(path, os.O_RDWR | os.O_APPEND)
        try:
            _lock(fd)
            size, needs_newline = _whole_end(fd)
            if needs_newline:
                os.write(fd, b"\n")
                size += 1
            elif size != os.fstat(fd).st_size:
                os.ftruncate(fd, size)
        except BaseException:
            os.close(fd)
            raise
        log = cls(path)
        log._path, log._fd, log._size = path, fd, size
        return log

    @property
    def path(self) -> Path:
        """The file (before the first record: the name it is meant to have)."""
        return self._path or self._wanted

    @property
    def created(self) -> bool:
        """Whether the file exists, with its header."""
        return self._path is not None

    @property
    def pending(self) -> int:
        """How many records wait in memory because they could not be written."""
        return len(self._pending)

    def record(self, event: Event) -> None:
        """Append a recorded event; transient events are not kept.

        Raises:
            OSError: it could not be written (it is kept to be written later).
        """
        data = encode(event)
        if data is not None:
            self.write(data)

    def write(self, record: Json) -> None:
        """Append one JSON object as a line and hand it to the operating system.

        Raises:
            OSError: the line, or one kept from before, could not be written; they stay
                in memory, in order, for the next ``write`` or ``retry``.
            FileExistsError: the log was given a path that already exists.
            ValueError: the log is closed.
        """
        if self._closed:
            raise ValueError(f"{self.path}: the log is closed")
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        self._pending.append(line.encode("utf-8"))
        self._drain()

    def retry(self) -> None:
        """Write the records kept in memory by an earlier failure, if any.

        Raises:
            OSError: they still cannot be written (they stay in memory).
        """
        if self._pending and not self._closed:
            self._drain()

    def _drain(self) -> None:
        while self._pending:
            line = self._pending[0]
            if self._path is None:
                self._path = self._create(line)
                self._size = len(line)
                self._hold()
            else:
                self._append(line)
            self._pending.popleft()

    def _hold(self) -> None:
        """Open the new log for appending and lock it, so that no resume takes it over.

        At worst (a lock refused, which only a resume of this very file could cause)
        the log is written unlocked, as it was before locks: never lose the session.
        """
        assert self._path is not None
        with contextlib.suppress(OSError):
            self._fd = os.open(self._path, os.O_WRONLY | os.O_APPEND)
            _lock(self._fd)

    def _append(self, line: bytes) -> None:
        """Write one whole line at the end, or leave the file as it was and raise."""
        if self._fd is None:
            assert self._path is not None
            self._fd = os.open(self._path, os.O_WRONLY | os.O_APPEND)
        if self._torn:
            os.ftruncate(self._fd, self._size)
            self._torn = False
        view = memoryview(line)
        written = 0
        try:
            while written < len(line):
                # A nearly full disk takes part of a line, then refuses the rest.
                written += os.write(self._fd, view[written:])
        except OSError:
            # Cut the part that went in: a torn line followed by whole ones would be
            # damage in the middle of the log, which no reader accepts.
            self._torn = True
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, self._size)
                self._torn = False
            raise
        self._size += len(line)

    def _create(self, first_line: bytes) -> Path:
        """Write the first line aside, then link it in under a name nobody holds."""
        folder = self._wanted.parent
        folder.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=".", suffix=".partial", dir=folder)
        try:
            with os.fdopen(handle, "wb") as file:
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
        """Close the file; records still waiting in memory are given up (see ``pending``)."""
        self._closed = True
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


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
