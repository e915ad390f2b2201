"""Writing the store: record a scored session, forget a trainee, start again.

Every write is one transaction: a session is in the store with its scoring and its
findings, or not at all. Recording the same log twice adds nothing; recording it under
a newer scorer adds a scoring beside the old one, never over it.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, CursorResult, Engine, delete, func, insert, select
from sqlalchemy.exc import DBAPIError, OperationalError

from game.results.database import WRITING, StoreUnavailable, open_engine, store_url
from game.results.entries import ScoringEntry, SessionEntry
from game.results.migrate import migrate
from game.results.schema import DIMENSION_COLUMNS, findings, scorings, sessions

_T = TypeVar("_T")
_LOCKED_RETRIES = 5  # beyond the busy timeout: a lock seen at BEGIN is tried again


class Recorded(enum.Enum):
    """What recording a session did."""

    NEW = "new"
    """The session was not in the store: it is now, with its scoring."""
    RESCORED = "rescored"
    """The session was there; this scorer had not scored it: a scoring was added."""
    KNOWN = "known"
    """The session and this scorer's scoring were there already: nothing changed."""


@dataclass(frozen=True)
class Forgotten:
    """What ``forget`` removed.

    Attributes:
        sessions: how many sessions.
        scorings: how many scorings of them.
        findings: how many findings of those.
        log_paths: where their logs were (for the caller to delete, if asked).
    """

    sessions: int
    scorings: int
    findings: int
    log_paths: tuple[str, ...]


class ResultsStore:
    """The results store at one URL, its schema brought up to date on opening.

    Args:
        engine: an engine from ``game.results.database.open_engine``.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._guarded(lambda: migrate(engine))

    @classmethod
    def open(cls, location: str) -> ResultsStore:
        """Open (and create or upgrade) the store at a URL or SQLite path.

        Raises:
            StoreUnavailable: a bad URL, or the store cannot be reached or made.
        """
        return cls(open_engine(store_url(location)))

    def record(self, session: SessionEntry, scoring: ScoringEntry) -> Recorded:
        """Record a scored session; see ``Recorded`` for what it may do.

        Raises:
            StoreUnavailable: the store cannot be written.
        """
        return self._write(lambda connection: _record(connection, session, scoring))

    def has_scoring(self, log_hash: str, scorer_version: str) -> bool:
        """Whether the log with this hash is recorded with this scorer's scoring.

        Lets an import skip scoring a log it would not record again.
        """
        query = (
            select(scorings.c.id)
            .join(sessions, sessions.c.id == scorings.c.session_id)
            .where(sessions.c.log_hash == log_hash, scorings.c.scorer_version == scorer_version)
        )

        def look() -> bool:
            with self.engine.connect() as connection:
                return connection.execute(query).first() is not None

        return self._guarded(look)

    def forget(self, trainee: str) -> Forgotten:
        """Remove every row of a trainee (their sessions, scorings and findings).

        Raises:
            StoreUnavailable: the store cannot be written.
        """
        return self._write(lambda connection: _forget(connection, trainee))

    def clear(self) -> int:
        """Remove every session (``results rebuild`` then imports the logs again).

        Returns:
            How many sessions were removed.
        """

        def clear_all(connection: Connection) -> int:
            count = connection.execute(select(func.count()).select_from(sessions)).scalar_one()
            connection.execute(delete(findings))
            connection.execute(delete(scorings))
            connection.execute(delete(sessions))
            return int(count)

        return self._write(clear_all)

    def log_paths(self) -> list[str]:
        """Where the recorded sessions' logs were, in the order they were recorded."""
        return self._guarded(lambda: _log_paths(self.engine))

    def _write(self, work: Callable[[Connection], _T]) -> _T:
        def attempt() -> _T:
            with self.transaction() as connection:
                return work(connection)

        return self._guarded(attempt)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A connection in a write transaction, committed when the block ends."""
        with (
            self.engine.connect().execution_options(**WRITING) as connection,
            connection.begin(),
        ):
            yield connection

    def _guarded(self, work: Callable[[], _T]) -> _T:
        """Run ``work``, retrying a lock that outlived the busy timeout; explain failures."""
        for attempt in range(_LOCKED_RETRIES):
            try:
                return work()
            except OperationalError as error:
                if "locked" in str(error.orig) and attempt < _LOCKED_RETRIES - 1:
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise StoreUnavailable(_reason(self.engine, error)) from None
            except DBAPIError as error:
                raise StoreUnavailable(_reason(self.engine, error)) from None
        raise AssertionError("unreachable")  # pragma: no cover


def _reason(engine: Engine, error: DBAPIError) -> str:
    where = engine.url.render_as_string(hide_password=True)
    detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    return f"results store {where}: {detail}"


def _record(connection: Connection, session: SessionEntry, scoring: ScoringEntry) -> Recorded:
    session_id = connection.execute(
        select(sessions.c.id).where(sessions.c.log_hash == session.log_hash)
    ).scalar()
    outcome = Recorded.RESCORED
    if session_id is None:
        values = asdict(session) | {"recorded_at": _now()}
        session_id = _inserted_id(connection.execute(insert(sessions).values(**values)))
        outcome = Recorded.NEW
    else:
        known = connection.execute(
            select(scorings.c.id).where(
                scorings.c.session_id == session_id,
                scorings.c.scorer_version == scoring.scorer_version,
            )
        ).scalar()
        if known is not None:
            return Recorded.KNOWN
    dimensions = {name: scoring.dimensions.get(name) for name in DIMENSION_COLUMNS}
    inserted = connection.execute(
        insert(scorings).values(
            session_id=session_id,
            scorer_version=scoring.scorer_version,
            scored_at=_now(),
            overall=scoring.overall,
            pass_mark=scoring.pass_mark,
            **dimensions,
        )
    )
    scoring_id = _inserted_id(inserted)
    if scoring.findings:
        connection.execute(
            insert(findings),
            [asdict(finding) | {"scoring_id": scoring_id} for finding in scoring.findings],
        )
    return outcome


def _forget(connection: Connection, trainee: str) -> Forgotten:
    rows = connection.execute(
        select(sessions.c.id, sessions.c.log_path).where(sessions.c.trainee == trainee)
    ).all()
    session_ids = [row.id for row in rows]
    scoring_ids = select(scorings.c.id).where(scorings.c.session_id.in_(session_ids))
    removed_findings = connection.execute(
        delete(findings).where(findings.c.scoring_id.in_(scoring_ids))
    ).rowcount
    removed_scorings = connection.execute(
        delete(scorings).where(scorings.c.session_id.in_(session_ids))
    ).rowcount
    connection.execute(delete(sessions).where(sessions.c.id.in_(session_ids)))
    return Forgotten(
        sessions=len(session_ids),
        scorings=removed_scorings,
        findings=removed_findings,
        log_paths=tuple(row.log_path for row in rows),
    )


def _log_paths(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(
            connection.execute(select(sessions.c.log_path).order_by(sessions.c.id)).scalars()
        )


def _inserted_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
