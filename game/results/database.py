"""Opening the store: a URL to an SQLAlchemy engine tuned for many writers.

SQLite (the default, one file in the user data folder) runs in WAL mode, so that
readers never wait for a writer, with a long busy timeout, and every transaction
starts with ``BEGIN IMMEDIATE``: a writer takes the write lock when it starts, instead
of failing halfway with "database is locked" when 30 trainees finish in the same
minute. PostgreSQL needs none of this.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import NullPool

BUSY_TIMEOUT_SECONDS = 60
"""How long an SQLite writer waits for another's lock before giving up."""


class StoreUnavailable(Exception):
    """The store cannot be opened or written (a bad URL, no server, a full disk)."""


def store_url(location: str) -> URL:
    """The SQLAlchemy URL of a store given as a URL or an SQLite file path.

    ``postgresql://`` and ``postgres://`` URLs use the psycopg 3 driver; a plain path
    (no ``://``) is an SQLite file.

    Args:
        location: ``postgresql://user:pass@host/db``, ``sqlite:///path`` or a path.

    Raises:
        StoreUnavailable: not a URL of a database crisisdrill can use.
    """
    if "://" not in location:
        return URL.create("sqlite", database=str(Path(location).expanduser()))
    try:
        url = make_url(location)
    except ArgumentError:
        raise StoreUnavailable(f"not a database URL: {shown_url(location)}") from None
    backend = url.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and url.database:
        return url.set(drivername="sqlite")
    raise StoreUnavailable(
        f"{shown_url(location)}: the results store is SQLite (a file) or PostgreSQL "
        "(postgresql://user:password@host/database)"
    )


def shown_url(location: str) -> str:
    """A store's URL fit to print: the password hidden."""
    try:
        return make_url(location).render_as_string(hide_password=True)
    except ArgumentError:
        return location


def open_engine(url: URL) -> Engine:
    """An engine for the store at ``url`` (its SQLite folder is made when missing).

    Raises:
        StoreUnavailable: the SQLite folder cannot be made.
    """
    if url.get_backend_name() != "sqlite":
        # One process records one session, or reads once: no pool to keep warm.
        return create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 10})
    assert url.database is not None
    try:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreUnavailable(f"{url.database}: cannot make its folder: {error}") from None
    engine = create_engine(
        url,
        poolclass=NullPool,
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "isolation_level": None},
    )
    event.listen(engine, "connect", _sqlite_connected)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connected(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL with NORMAL is durable across application crashes (the case that matters:
    # a trainee's session must not vanish), and much faster than FULL.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


WRITING = {"crisisdrill_writing": True}
"""Execution options of a connection that writes (SQLite: ``BEGIN IMMEDIATE``)."""


def _sqlite_begin(connection: Any) -> None:
    # pysqlite's own BEGIN is deferred: two writers that both read first deadlock on the
    # upgrade to a write lock and one gets "database is locked" at once. IMMEDIATE waits
    # its turn. Readers begin deferred: in WAL mode they never wait for a writer.
    writing = connection.get_execution_options().get("crisisdrill_writing", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")
