"""Recorded sessions as CSV for a spreadsheet: one row per session, documented columns.

Each session is read with its newest scoring (``queries.stored_sessions``). ``COLUMNS``
names and describes every column; the README's table is written from it (a test keeps
the two in step). Pure: returns text, writes nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from game.results.queries import StoredSession

Cell = str | int | float | bool | None


@dataclass(frozen=True)
class Column:
    """A column of the CSV export.

    Attributes:
        name: the header.
        description: what it holds (the README's table says the same).
        value: its value for a session (None: an empty cell).
    """

    name: str
    description: str
    value: Callable[[StoredSession], Cell]


def utc_text(moment: datetime) -> str:
    """A naive UTC moment as ISO 8601 with ``Z``, to the second: ``2026-12-06T20:15:00Z``."""
    return moment.replace(microsecond=0).isoformat() + "Z"


def _minutes(session: StoredSession) -> float:
    return round(session.duration_seconds / 60, 2)


def _dimension(name: str) -> Callable[[StoredSession], Cell]:
    return lambda session: session.dimensions.get(name)


COLUMNS: tuple[Column, ...] = (
    Column("session_id", "the session's id in the store", lambda s: s.session_id),
    Column("trainee", "who played (`bot:NAME` for a bot)", lambda s: s.trainee),
    Column("cohort", "the trainee's training group (empty: none)", lambda s: s.cohort),
    Column("scenario", "the scenario's id", lambda s: s.scenario_id),
    Column("mode", "`practice`, `exam` or `simulated`", lambda s: s.mode),
    Column("language", "the session's language (`es`, `en`)", lambda s: s.language),
    Column("seed", "the crowd's seed (same scenario and seed: same crowd)", lambda s: s.seed),
    Column("started_at", "wall-clock start, UTC (ISO 8601)", lambda s: utc_text(s.started_at)),
    Column("ended_at", "wall-clock end, UTC (ISO 8601)", lambda s: utc_text(s.ended_at)),
    Column("duration_minutes", "the simulated length of the crisis, in minutes", _minutes),
    Column("final_phase", "the phase the crisis ended in", lambda s: s.final_phase),
    Column("complete", "`true` when the log runs to its close", lambda s: s.complete),
    Column("overall", "the overall score, 0-100", lambda s: s.overall),
    Column("speed", "SPEED, 0-100 (empty: nothing to judge)", _dimension("speed")),
    Column("empathy", "EMPATHY, 0-100 (empty: nothing to judge)", _dimension("empathy")),
    Column("channel", "CHANNEL, 0-100 (empty: nothing to judge)", _dimension("channel")),
    Column("honesty", "HONESTY, 0-100 (empty: nothing to judge)", _dimension("honesty")),
    Column("containment", "CONTAINMENT, the outcome, 0-100", _dimension("containment")),
    Column("pass_mark", "the scenario's pass mark when scored", lambda s: s.pass_mark),
    Column("passed", "exams: `true` or `false`; empty for practice", lambda s: s.passed),
    Column("scorer_version", "the crisisdrill version that scored it", lambda s: s.scorer_version),
    Column("log_hash", "SHA-256 of the session log (the session's identity)", lambda s: s.log_hash),
    Column("log_path", "where the session log was when recorded", lambda s: s.log_path),
)
"""The export's columns, in order."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A text cell that a spreadsheet will show, never evaluate.

    A trainee can name themself ``=HYPERLINK("http://evil", "x")``: Excel and
    LibreOffice run a cell that starts with ``= + - @`` (or a tab or carriage return
    before one) as a formula, which can leak the sheet or, with DDE, run a program on
    the facilitator's machine (OWASP "CSV injection"). A leading apostrophe makes the
    spreadsheet show the text as it is.
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: a bool is an int
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return str(value)
    return spreadsheet_safe(value)


def csv_rows(sessions: Iterable[StoredSession]) -> list[list[str]]:
    """The header and one row of cells per session, as the CSV holds them."""
    rows = [[column.name for column in COLUMNS]]
    rows.extend([_cell(column.value(session)) for column in COLUMNS] for session in sessions)
    return rows


def sessions_csv(sessions: Iterable[StoredSession]) -> str:
    """The CSV export: a header row, then one row per session (UTF-8 text, LF line ends).

    LF rather than RFC 4180's CRLF: every spreadsheet reads both, and the command
    line would show a carriage return on a terminal as a visible escape.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(csv_rows(sessions))
    return buffer.getvalue()
