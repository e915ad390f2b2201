"""Alembic's environment: migrate on the connection ``game.results.migrate`` hands over.

No ``alembic.ini``: the store is migrated by the application, never from a shell, and
the connection (SQLite or PostgreSQL) comes from the caller.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
# Batch mode lets a migration alter a SQLite table (SQLite has no ALTER ... COLUMN).
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
