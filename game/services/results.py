"""``results``: record scored sessions in the store, import and rebuild it, forget a trainee.

The store (``game.results``) is an index over session logs: every command here reads
logs and writes what they score, so ``rebuild`` can always make the store again from
the logs. A damaged log is reported and skipped, never half-recorded: a session is
written in one transaction with its scoring and findings.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from game import __version__
from game.journal.codec import LogError
from game.journal.events import SessionClosed
from game.journal.logfile import LogContents, read_log
from game.paths import data_dir, sessions_dir
from game.results.database import StoreUnavailable, shown_url
from game.results.entries import SIMULATED, entries_for
from game.results.store import Forgotten, Recorded, ResultsStore
from game.services.errors import InputError
from game.services.report import ScoredLog, score_contents

DB_ENV = "CRISISDRILL_DB"
"""The variable that points every command at a shared store (a PostgreSQL URL)."""


def store_location(db: str | None = None) -> str:
    """Where the results store is: ``db``, else ``$CRISISDRILL_DB``, else the data folder's.

    The default is ``results.sqlite3`` in the user data folder.
    """
    return db or os.environ.get(DB_ENV) or str(data_dir() / "results.sqlite3")


def open_store(db: str | None = None) -> ResultsStore:
    """Open the results store (creating or upgrading it).

    Args:
        db: a URL or SQLite path; None for ``store_location()``'s.

    Raises:
        InputError: it cannot be opened; the message names it, password hidden.
    """
    location = store_location(db)
    try:
        return ResultsStore.open(location)
    except StoreUnavailable as error:
        raise InputError(str(error)) from None


def record_log(store: ResultsStore, path: Path) -> Recorded:
    """Score a session log and record it.

    Args:
        store: the results store.
        path: the session log.

    Raises:
        LogError: the log cannot be read or scored (nothing is recorded).
        InputError: the store cannot be written.
    """
    try:
        raw = path.read_bytes()
        modified = path.stat().st_mtime
    except OSError as error:
        raise LogError(f"{path}: cannot read: {error.strerror or error}") from None
    log_hash = hashlib.sha256(raw).hexdigest()
    if _has_scoring(store, log_hash):
        return Recorded.KNOWN  # scoring it again would record nothing new
    contents = read_log(path)
    return _record_scored(store, path, contents, score_contents(contents, path), log_hash, modified)


def _record_scored(
    store: ResultsStore,
    path: Path,
    contents: LogContents,
    scored: ScoredLog,
    log_hash: str,
    modified: float,
) -> Recorded:
    session, scoring = entries_for(
        contents.header,
        scored.scorecard,
        log_path=str(path.resolve()),
        log_hash=log_hash,
        ended_at=datetime.fromtimestamp(modified, UTC).replace(tzinfo=None),
        complete=any(isinstance(record, SessionClosed) for record in contents.records),
        pass_mark=scored.scenario.meta.pass_mark,
        scorer_version=__version__,
    )
    try:
        return store.record(session, scoring)
    except StoreUnavailable as error:
        raise InputError(str(error)) from None


def _has_scoring(store: ResultsStore, log_hash: str) -> bool:
    try:
        return store.has_scoring(log_hash, __version__)
    except StoreUnavailable as error:
        raise InputError(str(error)) from None


@dataclass(frozen=True)
class ScoredSession:
    """A finished session's score, and whether it went into the results store.

    Attributes:
        scored: the score, as ``report`` makes it.
        record_problem: why it could not be recorded (None: recorded, or not asked).
    """

    scored: ScoredLog
    record_problem: str | None = None


def score_and_record(path: Path, db: str | None) -> ScoredSession:
    """Score a finished session's log and, unless ``db`` is None, record it.

    The game's debrief calls this once the session is over: one reading and one
    scoring serve both. A store that cannot be written does not stop the debrief; the
    problem is returned for the screen to tell.

    Args:
        path: the session log.
        db: the store's location (``store_location()``), or None not to record.

    Raises:
        LogError: the log cannot be read or scored.
    """
    contents = read_log(path)
    scored = score_contents(contents, path)
    if db is None:
        return ScoredSession(scored)
    try:
        raw = path.read_bytes()
        modified = path.stat().st_mtime
        store = open_store(db)
        _record_scored(store, path, contents, scored, hashlib.sha256(raw).hexdigest(), modified)
    except (InputError, OSError) as error:
        return ScoredSession(scored, str(error))
    return ScoredSession(scored)


@dataclass
class ImportReport:
    """What an import did, log by log.

    Attributes:
        outcomes: how many logs ended each way (``Recorded``).
        skipped: logs not recorded, each with why.
        simulated: bots' logs left out (without ``include_simulated``).
    """

    outcomes: dict[Recorded, int] = field(default_factory=lambda: dict.fromkeys(Recorded, 0))
    skipped: list[str] = field(default_factory=list)
    simulated: int = 0

    @property
    def recorded(self) -> int:
        """Logs recorded anew or scored anew."""
        return self.outcomes[Recorded.NEW] + self.outcomes[Recorded.RESCORED]


def session_logs(arguments: Iterable[Path]) -> list[Path]:
    """The logs named: files as given, folders' ``*.jsonl`` files in name order.

    Raises:
        InputError: an argument does not exist (checked before any is read).
    """
    named = list(arguments)
    for argument in named:
        if not argument.exists():
            raise InputError(f"{argument}: no such file or folder")
    logs: list[Path] = []
    for argument in named:
        logs.extend(sorted(argument.glob("*.jsonl")) if argument.is_dir() else [argument])
    return logs


def import_logs(
    store: ResultsStore, logs: Iterable[Path], *, include_simulated: bool = False
) -> ImportReport:
    """Record each log; a log that cannot be read or scored is skipped and named.

    Args:
        store: the results store.
        logs: the session logs.
        include_simulated: record bots' sessions too (``simulate`` logs).
    """
    report = ImportReport()
    for path in logs:
        try:
            if not include_simulated and _is_simulated(path):
                report.simulated += 1
                continue
            report.outcomes[record_log(store, path)] += 1
        except LogError as error:
            report.skipped.append(str(error))
    return report


def _is_simulated(path: Path) -> bool:
    return read_log(path).header.trainee.startswith("bot:")


def rebuild(store: ResultsStore, folders: Iterable[Path] = ()) -> ImportReport:
    """Make the store again from the logs: those it knew of, and the sessions folder's.

    Args:
        store: the results store.
        folders: more folders of logs to import (beside the user data folder's).

    Returns:
        The import's report; logs the store knew of that are gone are named there.
    """
    known = [Path(path) for path in store.log_paths()]
    store.clear()
    report = ImportReport()
    seen: set[Path] = set()
    missing = [path for path in known if not path.exists()]
    candidates = [path for path in known if path.exists()]
    for folder in [sessions_dir(), *folders]:
        if folder.is_dir():
            candidates.extend(session_logs([folder]))
    for path in candidates:
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        part = import_logs(store, [path], include_simulated=path in known)
        for outcome, count in part.outcomes.items():
            report.outcomes[outcome] += count
        report.skipped.extend(part.skipped)
        report.simulated += part.simulated
    report.skipped.extend(
        f"{path}: the log is gone; its session is no longer stored" for path in missing
    )
    return report


@dataclass(frozen=True)
class ForgetReport:
    """What ``forget`` removed: the rows, and the log files when asked."""

    forgotten: Forgotten
    deleted_logs: tuple[str, ...]
    undeletable: tuple[str, ...]


def forget(store: ResultsStore, trainee: str, *, delete_logs: bool = False) -> ForgetReport:
    """Remove a trainee from the store and, with ``delete_logs``, their log files.

    Raises:
        InputError: the store cannot be written.
    """
    try:
        forgotten = store.forget(trainee)
    except StoreUnavailable as error:
        raise InputError(str(error)) from None
    deleted: list[str] = []
    failed: list[str] = []
    if delete_logs:
        for name in forgotten.log_paths:
            try:
                Path(name).unlink(missing_ok=True)
                deleted.append(name)
            except OSError as error:
                failed.append(f"{name}: {error.strerror or error}")
    return ForgetReport(forgotten, tuple(deleted), tuple(failed))


def describe_store(db: str | None = None) -> str:
    """The store's location fit to print (password hidden)."""
    return shown_url(store_location(db))


__all__ = ["SIMULATED", "ImportReport", "Recorded", "describe_store", "forget", "rebuild"]
