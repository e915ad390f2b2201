"""``crisisdrill workshop report ROUND [--format md|html|csv] [--anonymous] [-o FILE]``.

The class debrief of a workshop round: the leaderboard, per rule how many trainees
kept or broke it, and the same posts answered side by side. ROUND is the round's
folder, or its id under ``workshops/`` in the user data folder. Logs that cannot be
scored are named on stderr and left out; a round nobody has finished yet is a message
and exit 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from game.cli.common import EXIT_OK, Commands
from game.services.errors import InputError

WORKSHOPS = "workshops"
"""The folder of rounds in the user data folder (``game.workshop.round``)."""


def add_parser(commands: Commands) -> None:
    """Add ``report`` (under ``workshop``) and its options."""
    report = commands.add_parser(
        "report", help="the class debrief of a round: leaderboard, rules, answers side by side"
    )
    report.add_argument("round", metavar="ROUND", help="the round's folder or id")
    report.add_argument(
        "--format", choices=("md", "html", "csv"), default="md", help="report format"
    )
    report.add_argument(
        "--anonymous",
        action="store_true",
        help='name trainees "Trainee 1..N" in rank order (for projecting)',
    )
    report.add_argument(
        "-o", "--output", type=Path, default=None, help="write to this file instead of stdout"
    )
    report.set_defaults(handler=run)


def round_folder(given: str) -> Path:
    """The folder of a round named by path or by id (an existing folder wins)."""
    path = Path(given)
    if path.is_dir():
        return path
    from game.paths import data_dir

    return data_dir() / WORKSHOPS / given


def run(options: argparse.Namespace) -> int:
    """Read the round, score its logs, print the report or write it to ``--output``."""
    # The scorer loads only when a report is made.
    from game.results.classreport import render_class_report
    from game.services.class_report import class_report
    from game.services.report import write_report
    from game.workshop.round import Round, RoundError, sessions_folder

    folder = round_folder(options.round)
    try:
        the_round = Round.load(folder)
    except RoundError as error:
        raise InputError(str(error)) from None
    debrief = class_report(
        sessions_folder(folder),
        anonymous=options.anonymous,
        language=the_round.language,
        round_id=the_round.round_id,
    )
    for warning in debrief.warnings:
        print(f"crisisdrill: warning: {warning}", file=sys.stderr)
    if not debrief.report.trainees:
        raise InputError(f"{folder}: no session of this round could be scored yet")
    text = render_class_report(debrief.report, options.format)
    if options.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    write_report(options.output, text)
    print(f"report written to {options.output}", file=sys.stderr)
    return EXIT_OK
