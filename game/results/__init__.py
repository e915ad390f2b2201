"""The results store: an index of scored sessions, rebuilt from their logs at will.

The session log stays the source of truth. The store keeps, per session, who played
what and how it scored, so that a trainee's progress and a cohort's can be read without
re-scoring every log. SQLite in the user data folder by default; PostgreSQL for a team
(``--db URL`` or ``CRISISDRILL_DB``). One schema for both (``schema``), migrated by
Alembic on first use (``migrations``).

This package reads no environment and no user folder: the services say where the
store is. It never imports the user interface.
"""
