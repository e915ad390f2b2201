"""``crisisdrill results import|rebuild|forget ... [--db URL]``: the results store.

The store is where every finished session is recorded (see ``game.services.results``):
SQLite in the user data folder unless ``--db URL`` or ``$CRISISDRILL_DB`` names another
(a PostgreSQL server for a training team).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.common import EXIT_BAD_INPUT, EXIT_OK, Commands, UsageError
from game.services.errors import InputError

DB_HELP = (
    "the results store: a PostgreSQL URL or an SQLite file "
    "(default: $CRISISDRILL_DB, else the user data folder's)"
)


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--db URL``, shared by every command that reads or writes results."""
    parser.add_argument("--db", default=None, metavar="URL", help=DB_HELP)


def add_parser(commands: Commands) -> None:
    """Add ``results`` and its subcommands."""
    results = commands.add_parser("results", help="the results store: import, rebuild, forget")
    actions = results.add_subparsers(dest="results_command", metavar="ACTION")
    actions.required = True

    importing = actions.add_parser("import", help="record existing session logs")
    importing.add_argument("paths", nargs="+", type=Path, metavar="LOG|FOLDER")
    importing.add_argument(
        "--simulated", action="store_true", help="record bots' sessions (simulate's logs) too"
    )
    add_db_option(importing)
    importing.set_defaults(handler=run_import)

    rebuilding = actions.add_parser(
        "rebuild",
        help="make the store again from the logs (the sessions folder's and those it knew)",
    )
    rebuilding.add_argument("folders", nargs="*", type=Path, metavar="FOLDER")
    add_db_option(rebuilding)
    rebuilding.set_defaults(handler=run_rebuild)

    forgetting = actions.add_parser("forget", help="remove a trainee's results (personal data)")
    forgetting.add_argument("--trainee", required=True, help="the trainee's name, exactly")
    forgetting.add_argument("--logs", action="store_true", help="delete their session logs too")
    add_db_option(forgetting)
    forgetting.set_defaults(handler=run_forget)


def run_import(options: argparse.Namespace) -> int:
    """Record the logs named (files, or folders of ``*.jsonl``)."""
    from game.services.results import import_logs, open_store, session_logs

    store = open_store(options.db)
    report = import_logs(store, session_logs(options.paths), include_simulated=options.simulated)
    return _tell(report, "imported")


def run_rebuild(options: argparse.Namespace) -> int:
    """Empty the store and record every log it knew of, plus the sessions folder's."""
    from game.services.results import open_store, rebuild

    for folder in options.folders:
        if not folder.is_dir():
            raise UsageError(f"{folder}: not a folder")
    report = rebuild(open_store(options.db), options.folders)
    return _tell(report, "rebuilt")


def _tell(report: object, verb: str) -> int:
    from game.services.results import ImportReport, Recorded

    assert isinstance(report, ImportReport)
    for problem in report.skipped:
        print(f"crisisdrill: skipped: {problem}", file=sys.stderr)
    parts = [
        f"{report.outcomes[Recorded.NEW]} new",
        f"{report.outcomes[Recorded.RESCORED]} scored anew",
        f"{report.outcomes[Recorded.KNOWN]} already there",
    ]
    if report.simulated:
        parts.append(f"{report.simulated} bots' sessions left out (--simulated records them)")
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    print(f"{verb}: " + ", ".join(parts))
    return EXIT_BAD_INPUT if report.skipped and not report.recorded else EXIT_OK


def run_forget(options: argparse.Namespace) -> int:
    """Remove a trainee's rows (and with ``--logs`` their log files); say what went."""
    from game.services.results import describe_store, forget, open_store

    if not options.trainee.strip():
        raise UsageError("--trainee must name a trainee")
    report = forget(open_store(options.db), options.trainee, delete_logs=options.logs)
    gone = report.forgotten
    if gone.sessions == 0:
        raise InputError(
            f"no sessions of trainee '{options.trainee}' in {describe_store(options.db)}"
        )
    print(
        f"forgot trainee '{options.trainee}': {gone.sessions} sessions, "
        f"{gone.scorings} scorings, {gone.findings} findings"
    )
    if options.logs:
        print(f"deleted {len(report.deleted_logs)} session logs")
        for failure in report.undeletable:
            print(f"crisisdrill: could not delete {failure}", file=sys.stderr)
        return EXIT_BAD_INPUT if report.undeletable else EXIT_OK
    if gone.log_paths:
        print("their session logs stay on disk (--logs deletes them):")
        for path in gone.log_paths:
            print(f"  {path}")
    return EXIT_OK
