"""A game's session log: kept through disk faults, and why it is incomplete when it is."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.journal.events import Event
from game.journal.logfile import SessionLog


@dataclass(frozen=True)
class LogFault:
    """The session log could not be written in full: some records are only in memory.

    Attributes:
        path: the log file.
        error: the last failure (its ``strerror`` is the operating system's words).
        pending: how many records are not on disk.
        since: the simulated second of the first of them.
        created: whether the file exists at all (its header is on disk).
    """

    path: Path
    error: OSError
    pending: int
    since: int
    created: bool

    @property
    def reason(self) -> str:
        """Why, in the operating system's words (e.g. ``No space left on device``)."""
        return self.error.strerror or str(self.error)


class KeptLog:
    """A game's session log, written without ever raising into the engine.

    An error raised in the middle of the engine's step would leave the session
    half-changed; instead the record waits in memory (``SessionLog``) and the session
    goes on, and ``fault`` tells the screen what is missing and why.

    Args:
        log: the log (a new one, or one reopened to resume its session).
    """

    def __init__(self, log: SessionLog) -> None:
        self.log = log
        self._error: OSError | None = None
        self._since = 0  # the simulated second of the first record not on disk

    def record(self, event: Event) -> None:
        """Log an event (subscribed to the session); a file-system fault is noted."""
        waiting = self.log.pending
        try:
            self.log.record(event)
        except OSError as error:
            if not waiting:
                self._since = event.time
            self._error = error
            return
        if not self.log.pending:  # a transient event writes nothing, not even what waits
            self._error = None

    def retry(self) -> None:
        """Try again to write the records the log could not take; nothing if none wait."""
        if self._error is None:
            return
        try:
            self.log.retry()
        except OSError as error:
            self._error = error
            return
        if not self.log.pending:  # a closed log writes nothing more
            self._error = None

    @property
    def fault(self) -> LogFault | None:
        """Why the log on disk is incomplete (None: every record so far is written)."""
        if self._error is None:
            return None
        return LogFault(
            path=self.log.path,
            error=self._error,
            pending=self.log.pending,
            since=self._since,
            created=self.log.created,
        )
