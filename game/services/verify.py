"""``verify``: does a session log prove itself, and may this version of crisisdrill say?

A log verifies when replaying its recorded actions on its embedded scenario, seed,
language and trainee writes every one of its records again (see
``game.engine.verify``). Only the version of crisisdrill that wrote a log can replay it
exactly: the crowd, the phases and the reading of replies change between versions. A
log of another version is scored but said to be unverified.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from game import __version__
from game.engine.replay import embedded_scenario
from game.engine.verify import HASH_MISMATCH, check_log, scenario_matches_hash
from game.journal.logfile import LogContents, read_log
from game.scenario.catalog import builtin_scenario_dir, scenario_files
from scoring import read_reply


class Status(Enum):
    """What verification concluded."""

    VERIFIED = "verified"
    ALTERED = "altered"
    UNVERIFIED = "unverified"  # written by another version: cannot be replayed here


@dataclass(frozen=True)
class Verification:
    """The outcome of verifying one log.

    Attributes:
        status: verified, altered or unverified.
        message: why it is not verified (empty when it is): ``altered: line N
            (expected ..., found ...)``, ``scenario text does not match its hash``, or
            ``recorded by crisisdrill X (this is Y): not verified``.
        complete: the log runs to its close record (not cut short by a crash).
    """

    status: Status
    message: str = ""
    complete: bool = True

    @property
    def verified(self) -> bool:
        """The log is exactly what the engine writes for its recorded actions."""
        return self.status is Status.VERIFIED


def verify_log(path: Path) -> Verification:
    """Read a session log and verify it.

    Raises:
        LogError: the log cannot be read, or its embedded scenario is unusable.
    """
    return verify_contents(read_log(path), path)


def verify_contents(contents: LogContents, path: Path) -> Verification:
    """Verify a log already read, with the game's own reply reader.

    Args:
        contents: the log as read.
        path: the log, for messages.

    Raises:
        LogError: the header has no scenario, or it is unusable.
    """
    if not contents.header.scenario_source:
        embedded_scenario(contents, path)  # raises: the header has no scenario
    if not scenario_matches_hash(contents):
        # Whichever version wrote it: the hash has always been of the scenario's bytes.
        return Verification(Status.ALTERED, HASH_MISMATCH)
    recorded = contents.header.versions.crisisdrill
    if recorded != __version__:
        return Verification(
            Status.UNVERIFIED,
            f"recorded by crisisdrill {recorded} (this is {__version__}): not verified",
        )
    verdict = check_log(contents, path, read_reply)
    if verdict.problem is not None:
        return Verification(Status.ALTERED, verdict.problem, verdict.complete)
    return Verification(Status.VERIFIED, complete=verdict.complete)


def builtin_impostor(contents: LogContents) -> str | None:
    """Whether a log claims a built-in scenario's id for a text of its own.

    A genuine log of a custom scenario that reuses a built-in id (an easy copy named
    ``rebajas``) verifies: its actions do give its scores. It is still not a session of
    the built-in scenario, and its scores do not compare with that scenario's.

    Returns:
        The warning to show, or None when the id is not a built-in one or the embedded
        text is the built-in scenario of this version.
    """
    header = contents.header
    for path in scenario_files(builtin_scenario_dir()):
        if path.stem == header.scenario:
            builtin = hashlib.sha256(path.read_bytes()).hexdigest()
            if builtin == header.scenario_hash:
                return None
            return (
                f"its scenario is called '{header.scenario}' but is not the built-in "
                f"'{header.scenario}' of crisisdrill {__version__} (the text differs): its "
                "scores do not compare with the built-in scenario's"
            )
    return None
