"""Alembic migrations of the results store, run by ``game.results.migrate`` on first use."""
