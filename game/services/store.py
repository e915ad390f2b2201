"""Where the results store is, and opening it: light, for commands that only read it.

``game.services.results`` (recording, importing) loads the scorer; ``progress`` and the
Progress screen only read the store, and start faster through this module.
"""

from __future__ import annotations

import os

from game.paths import data_dir
from game.results.database import StoreUnavailable, shown_url
from game.results.store import ResultsStore
from game.services.errors import InputError

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


def describe_store(db: str | None = None) -> str:
    """The store's location fit to print (password hidden)."""
    return shown_url(store_location(db))
