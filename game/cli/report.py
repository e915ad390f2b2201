"""``crisisdrill report LOG [--format md|html|json] [-o FILE] [--force]``: verify, score, print.

A log that does not verify (altered by hand, or its scenario swapped) is refused with
the first difference on stderr and exit 1; ``--force`` scores it anyway, after a
``not verified`` warning.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.common import EXIT_OK, Commands
from game.services.errors import InputError


def add_parser(commands: Commands) -> None:
    """Add ``report`` and its options."""
    report = commands.add_parser("report", help="score a session log and print its report")
    report.add_argument("log", type=Path, help="a session log (.jsonl)")
    report.add_argument(
        "--format", choices=("md", "html", "json"), default="md", help="report format"
    )
    report.add_argument(
        "-o", "--output", type=Path, default=None, help="write to this file instead of stdout"
    )
    report.add_argument(
        "--force",
        action="store_true",
        help="score a log that does not verify (altered), after a warning",
    )
    report.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Verify and score the log; print the report, or write it atomically to ``--output``.

    The warnings (not verified, a torn last line) come first, on stderr.
    """
    # The engine and the scorer load only when a report is made.
    from game.journal.codec import LogError
    from game.services.report import report, write_report

    try:
        made = report(options.log, options.format, force=options.force)
    except LogError as error:
        raise InputError(str(error)) from None
    for warning in made.warnings:
        print(f"crisisdrill: warning: {warning}", file=sys.stderr)
    if options.output is None:
        sys.stdout.write(made.text if made.text.endswith("\n") else made.text + "\n")
        return EXIT_OK
    write_report(options.output, made.text)
    print(f"report written to {options.output}", file=sys.stderr)
    return EXIT_OK
