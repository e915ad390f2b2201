"""Why a session log on disk is incomplete: what the game tells the trainee about it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
