"""``results export``: recorded sessions as CSV or xAPI statements, to a file or an LRS.

The builders are pure (``game.results.export_csv``, ``game.results.xapi``); this module
reads the store, adds the scenarios' titles from the library and writes the file.
Posting to an LRS is ``game.services.lrs``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from game.results.database import StoreUnavailable
from game.results.export_csv import sessions_csv
from game.results.queries import StoredSession, stored_sessions
from game.results.xapi import XapiPlaces, language_tag, statements
from game.safejson import dumps
from game.services.errors import InputError
from game.services.files import write_atomically
from game.services.results import open_store

FORMATS = ("csv", "xapi")


@dataclass(frozen=True)
class Selection:
    """Which sessions to export.

    Attributes:
        trainee: only this trainee's.
        cohort: only this cohort's.
        since: only those started at or after this moment (naive UTC).
        include_simulated: bots' sessions too.
    """

    trainee: str | None = None
    cohort: str | None = None
    since: datetime | None = None
    include_simulated: bool = False


def selected_sessions(db: str | None, selection: Selection) -> list[StoredSession]:
    """The recorded sessions chosen, oldest first, each with its newest scoring.

    Args:
        db: the store's location (None: ``store_location()``'s).
        selection: which sessions.

    Raises:
        InputError: the store cannot be opened or read.
    """
    try:
        return stored_sessions(
            open_store(db),
            trainee=selection.trainee,
            cohort=selection.cohort,
            since=selection.since,
            include_simulated=selection.include_simulated,
        )
    except StoreUnavailable as error:
        raise InputError(str(error)) from None


def scenario_titles() -> dict[str, dict[str, str]]:
    """The library's scenario titles, by scenario id and then RFC 5646 tag.

    A session of a scenario no longer in the library is named by its id.
    """
    from game.services.catalog import list_scenarios  # reads every library file

    titles: dict[str, dict[str, str]] = {}
    for listed in list_scenarios().scenarios:
        scenario = listed.loaded.scenario
        titles[scenario.meta.id] = {
            language_tag(language): scenario.text(scenario.meta.title, language)
            for language in scenario.meta.languages
        }
    return titles


def xapi_statements(sessions: list[StoredSession], places: XapiPlaces) -> list[dict[str, Any]]:
    """The sessions' xAPI statements, their activities named by the scenarios' titles."""
    return statements(sessions, places, scenario_titles() if sessions else {})


def export_text(format_: str, sessions: list[StoredSession], places: XapiPlaces) -> str:
    """The export as text: CSV, or a JSON array of xAPI statements.

    Args:
        format_: ``csv`` or ``xapi``.
        sessions: the sessions to export.
        places: where the xAPI identifiers live (unused for CSV).
    """
    if format_ == "csv":
        return sessions_csv(sessions)
    return statements_json(xapi_statements(sessions, places))


_INVISIBLE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
r"""Characters JSON may leave raw that the command line would show as ``\xNN`` text,
which is not a JSON escape: a trainee's name must not break the document."""


def statements_json(document: list[dict[str, Any]]) -> str:
    r"""Statements as one JSON document (an array), ready for an LRS or a file.

    Readable UTF-8; the characters a terminal would act on are written as ``\uXXXX``
    escapes (they can only occur inside strings), so the document printed is the
    document written.
    """
    text = dumps(document, ensure_ascii=False, indent=2)
    return _INVISIBLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def write_export(path: Path, text: str) -> None:
    """Write an export file whole or not at all (the folder must exist).

    Raises:
        OSError: it cannot be written.
    """
    write_atomically(path, text, make_folders=False)
