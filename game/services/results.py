"""``results``: record scored sessions in the store, import and rebuild it, forget a trainee.

The store (``game.results``) is an index over session logs: every command here reads
logs and writes what they score, so ``rebuild`` can always make the store again from
the logs. A damaged log is reported and skipped, never half-recorded: a session is
written in one transaction with its scoring and findings.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from game import __version__
from game.journal.codec import LogError
from game.journal.events import SessionClosed
from game.journal.logfile import LogContents, read_log
from game.paths import sessions_dir
from game.results.database import StoreUnavailable
from game.results.entries import SIMULATED, ScoringEntry, SessionEntry, entries_for
from game.results.store import Forgotten, Recorded, ResultsStore
from game.services.errors import InputError
from game.services.report import ScoredLog, score_contents

# Where the store is and opening it live in the light module; named here as before.
from game.services.store import DB_ENV, describe_store, open_store, store_location


def record_log(store: ResultsStore, path: Path) -> Recorded:
    """Score a session log and record it.

    Args:
        store: the results store.
        path: the session log.

    Raises:
        LogError: the log cannot be read or scored (nothing is recorded).
        InputError: the store cannot be written.
    """
    if _has_scoring(store, _log_hash(path)):
        return Recorded.KNOWN  # scoring it again would record nothing new
    prepared = _prepare(path, include_simulated=True)
    if prepared.problem is not None:
        raise LogError(prepared.problem)
    assert prepared.entries is not None
    return _record(store, *prepared.entries)


@dataclass(frozen=True)
class _Prepared:
    """A log read and scored, ready to record (or why not): made in a worker process."""

    path: Path
    entries: tuple[SessionEntry, ScoringEntry] | None = None
    simulated: bool = False
    problem: str | None = None


def _log_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        raise LogError(f"{path}: cannot read: {error.strerror or error}") from None


def _prepare(path: Path, include_simulated: bool) -> _Prepared:
    """Read and score one log (no store involved, so that workers can do it)."""
    try:
        log_hash = _log_hash(path)
        modified = path.stat().st_mtime
        contents = read_log(path)
        if not include_simulated and contents.header.trainee.startswith("bot:"):
            return _Prepared(path, simulated=True)
        scored = score_contents(contents, path)
    except LogError as error:
        return _Prepared(path, problem=str(error))
    except OSError as error:
        return _Prepared(path, problem=f"{path}: cannot read: {error.strerror or error}")
    return _Prepared(path, entries=_entries(path, contents, scored, log_hash, modified))


def _entries(
    path: Path, contents: LogContents, scored: ScoredLog, log_hash: str, modified: float
) -> tuple[SessionEntry, ScoringEntry]:
    return entries_for(
        contents.header,
        scored.scorecard,
        log_path=str(path.resolve()),
        log_hash=log_hash,
        ended_at=datetime.fromtimestamp(modified, UTC).replace(tzinfo=None),
        complete=any(isinstance(record, SessionClosed) for record in contents.records),
        pass_mark=scored.scenario.meta.pass_mark,
        scorer_version=__version__,
    )


def _record(store: ResultsStore, session: SessionEntry, scoring: ScoringEntry) -> Recorded:
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
        entries = _entries(path, contents, scored, _log_hash(path), path.stat().st_mtime)
        _record(open_store(db), *entries)
    except (InputError, LogError, OSError) as error:
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


PARALLEL_FROM = 8
"""Logs from which an import scores them in worker processes (scoring is pure CPU)."""


def import_logs(
    store: ResultsStore, logs: Iterable[Path], *, include_simulated: bool = False
) -> ImportReport:
    """Record each log; a log that cannot be read or scored is skipped and named.

    Logs already recorded by this scorer are not scored again. The others are read
    and scored in worker processes, one per core, when there are many; the store is
    written here, one transaction per log.

    Args:
        store: the results store.
        logs: the session logs.
        include_simulated: record bots' sessions too (``simulate`` logs).
    """
    report = ImportReport()
    todo: list[Path] = []
    for path in logs:
        try:
            if _has_scoring(store, _log_hash(path)):
                report.outcomes[Recorded.KNOWN] += 1
                continue
        except LogError as error:
            report.skipped.append(str(error))
            continue
        todo.append(path)
    for prepared in _prepared(todo, include_simulated):
        if prepared.simulated:
            report.simulated += 1
        elif prepared.problem is not None:
            report.skipped.append(prepared.problem)
        elif prepared.entries is not None:
            report.outcomes[_record(store, *prepared.entries)] += 1
    return report


def _prepared(paths: list[Path], include_simulated: bool) -> Iterator[_Prepared]:
    prepare = partial(_prepare, include_simulated=include_simulated)
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        yield from map(prepare, paths)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(prepare, paths, chunksize=4)


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
    present = [path for path in known if path.exists()]
    missing = [path for path in known if not path.exists()]
    seen = {path.resolve() for path in present}
    more: list[Path] = []
    for folder in [sessions_dir(), *folders]:
        for path in session_logs([folder]) if folder.is_dir() else []:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                more.append(path)
    # The logs it knew are recorded again as they were, bots' included; new ones as
    # `import` would.
    report = import_logs(store, present, include_simulated=True)
    found = import_logs(store, more)
    for outcome, count in found.outcomes.items():
        report.outcomes[outcome] += count
    report.skipped.extend(found.skipped)
    report.simulated += found.simulated
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


__all__ = [
    "DB_ENV",
    "SIMULATED",
    "ImportReport",
    "Recorded",
    "describe_store",
    "forget",
    "open_store",
    "rebuild",
    "store_location",
]
