"""``crisisdrill results export --format csv|xapi [...]``: results for a spreadsheet or an LRS.

CSV (one row per session) or xAPI 1.0.3 statements (a JSON array), to standard output
or, with ``-o FILE``, to a file written whole; with ``--lrs URL`` the statements are
posted to a learning record store instead, and the ones that did not go are named.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from game.cli.common import EXIT_BAD_INPUT, EXIT_OK, Commands, UsageError, count
from game.cli.results import add_db_option

if TYPE_CHECKING:
    from game.results.queries import StoredSession
    from game.results.xapi import XapiPlaces

LRS_USER_ENV = "CRISISDRILL_LRS_USER"
LRS_PASSWORD_ENV = "CRISISDRILL_LRS_PASSWORD"


def since_moment(text: str) -> datetime:
    """``--since``: a date (``2026-12-01``, from its midnight UTC) or an ISO 8601 moment.

    A moment without an offset is UTC; one with an offset is converted to UTC.
    (argparse ``type``: a bad value is a usage error.)
    """
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date (2026-12-01) or an ISO 8601 date and time "
            f"(2026-12-01T09:30, 2026-12-01T09:30:00+01:00), got {text!r}"
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def add_parser(actions: Commands) -> None:
    """Add ``results export`` to the ``results`` subcommands."""
    exporting = actions.add_parser(
        "export",
        help="sessions as CSV for a spreadsheet or xAPI statements for an LRS",
        description="Export recorded sessions (each with its newest scoring), oldest first.",
    )
    exporting.add_argument("--format", required=True, choices=("csv", "xapi"))
    exporting.add_argument("--trainee", help="only this trainee's sessions")
    exporting.add_argument("--cohort", help="only this cohort's sessions")
    exporting.add_argument(
        "--since",
        type=since_moment,
        metavar="DATE",
        help="only sessions started from this date (YYYY-MM-DD) or moment (ISO 8601; UTC)",
    )
    exporting.add_argument(
        "--simulated", action="store_true", help="bots' sessions too (trainee bot:NAME)"
    )
    exporting.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    exporting.add_argument(
        "--home-page",
        metavar="URL",
        help="xAPI: the homePage of the trainees' accounts (default https://crisisdrill.invalid)",
    )
    exporting.add_argument(
        "--base-iri",
        metavar="URL",
        help="xAPI: where scenario and extension IRIs live (default https://crisisdrill.invalid)",
    )
    exporting.add_argument("--lrs", metavar="URL", help="xAPI: post to this LRS endpoint")
    exporting.add_argument("--lrs-user", metavar="NAME", help=f"the LRS's user (${LRS_USER_ENV})")
    exporting.add_argument(
        "--lrs-password",
        metavar="SECRET",
        help=f"the LRS's password (better: ${LRS_PASSWORD_ENV}, which no process list shows)",
    )
    add_db_option(exporting)
    exporting.set_defaults(handler=run_export)


def run_export(options: argparse.Namespace) -> int:
    """Export the sessions chosen; post them when ``--lrs`` is given."""
    from game.results.xapi import DEFAULT_BASE, XapiPlaces
    from game.services.export import Selection, export_text, selected_sessions, write_export

    if options.format != "xapi":
        for name in ("lrs", "home_page", "base_iri"):
            if getattr(options, name):
                raise UsageError(f"--{name.replace('_', '-')} is for --format xapi")
    places = XapiPlaces(
        home_page=_web_address(options.home_page, "--home-page") or DEFAULT_BASE,
        base=_web_address(options.base_iri, "--base-iri") or DEFAULT_BASE,
    )
    credentials = _credentials(options) if options.lrs else None
    selection = Selection(options.trainee, options.cohort, options.since, options.simulated)
    sessions = selected_sessions(options.db, selection)
    if not sessions:
        hint = "" if options.simulated else " (bots' sessions need --simulated)"
        print(f"crisisdrill: no recorded sessions match{hint}", file=sys.stderr)
    if options.lrs:
        assert credentials is not None
        return _post(options, sessions, places, credentials)
    text = export_text(options.format, sessions, places)
    if options.output:
        write_export(Path(options.output), text)
        print(f"wrote {count(len(sessions), 'session')} to {options.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _web_address(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in value:
        raise UsageError(f"{option} must be an http:// or https:// URL, got {value!r}")
    return value


def _credentials(options: argparse.Namespace) -> tuple[str, str]:
    """The LRS's user and password, checked with its URL before the store is read."""
    from game.services.lrs import LrsUrlError, statements_endpoint

    try:
        statements_endpoint(options.lrs)
    except LrsUrlError as error:
        raise UsageError(f"--lrs: {error}") from None
    user = options.lrs_user or os.environ.get(LRS_USER_ENV)
    password = options.lrs_password or os.environ.get(LRS_PASSWORD_ENV)
    if not user:
        raise UsageError(f"--lrs needs the LRS's user: --lrs-user NAME or ${LRS_USER_ENV}")
    if not password:
        raise UsageError(f"--lrs needs the LRS's password: ${LRS_PASSWORD_ENV} (or --lrs-password)")
    return user, password


def _post(
    options: argparse.Namespace,
    chosen: list[StoredSession],
    places: XapiPlaces,
    credentials: tuple[str, str],
) -> int:
    from game.results.xapi import statement_id
    from game.services.export import statements_json, write_export, xapi_statements
    from game.services.lrs import post_statements

    documents = xapi_statements(chosen, places)
    if options.output:
        write_export(Path(options.output), statements_json(documents))
    user, password = credentials
    report = post_statements(options.lrs, documents, user=user, password=password)
    print(
        f"posted {count(report.stored + report.already, 'statement')} to {options.lrs} "
        f"({report.already} already there)"
    )
    if not report.unsent:
        return EXIT_OK
    about = {statement_id(session): session for session in chosen}
    unsent = report.unsent_ids
    print(
        f"crisisdrill: {count(len(unsent), 'statement')} did not go to {options.lrs}; "
        "run the same command again to send them (statement ids are stable: "
        "nothing is stored twice):",
        file=sys.stderr,
    )
    for part in report.unsent:
        print(f"  {part.reason}:", file=sys.stderr)
        for identifier in part.ids:
            session = about[identifier]
            print(
                f"    {identifier}  {session.trainee}  {session.scenario_id}  "
                f"ended {session.ended_at.isoformat(timespec='seconds')}Z",
                file=sys.stderr,
            )
    return EXIT_BAD_INPUT
