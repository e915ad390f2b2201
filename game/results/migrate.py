"""Bring a store's schema to the newest version, on first use, once among many processes.

The common case, a store already at ``HEAD``, costs one query and no Alembic import.
Otherwise the migrations run in one transaction that first takes a lock every other
migrating process waits for (SQLite: the write lock of ``BEGIN IMMEDIATE``; PostgreSQL:
a transaction-scoped advisory lock), so that 30 first uses at once migrate once.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from game.results.database import WRITING

HEAD = "0003"
"""The newest schema version (the last migration's revision; a test checks)."""

MIGRATIONS = Path(__file__).parent / "migrations"
_ADVISORY_LOCK = 0x0C215D811  # any constant: the lock's name among PostgreSQL's


def schema_version(engine: Engine) -> str | None:
    """The store's schema version, or None for an empty database."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None  # no alembic_version table yet: an empty store


def migrate(engine: Engine, target: str = HEAD) -> None:
    """Run the migrations the store lacks, up to ``target``.

    Args:
        engine: the store.
        target: the version to reach (tests make stores of older versions).
    """
    if target == HEAD and schema_version(engine) == HEAD:
        return
    # Alembic loads only when a store is created or upgraded.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(**WRITING) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.execute(text(f"SELECT pg_advisory_xact_lock({_ADVISORY_LOCK})"))
        config.attributes["connection"] = connection
        command.upgrade(config, target)
