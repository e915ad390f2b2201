"""``crisisdrill check PATH...``: validate, lint and balance, with a table of the bots.

Located problems go to stderr; each file's table of bots and its verdict to stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    LANGUAGES,
    Commands,
    count,
    margin_points,
    positive_int,
    scenario_paths,
    wanted_language,
)

if TYPE_CHECKING:
    from game.services.check import CheckResult
    from game.services.check.balance import BalanceReport

CHECK_SEEDS = 5
"""Seeds each bot plays in `check`: enough to see a trend, quick enough for CI."""
CHECK_GAMING_SEEDS = 2
"""Of those, the seeds each gaming bot plays (a test keeps it ``balance.GAMING_SEEDS``)."""
CHECK_MARGIN = 10.0
"""Overall points by which the ideal bot must beat every other bot in `check`."""
HEADINGS = {
    "speed": "speed",
    "empathy": "empathy",
    "channel": "channel",
    "honesty": "honesty",
    "containment": "contain",
    "overall": "overall",
}


def add_parser(commands: Commands) -> None:
    """Add ``check`` and its options."""
    check = commands.add_parser(
        "check", help="validate, lint and balance scenarios (the bots must rank as expected)"
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")
    check.add_argument(
        "--seeds",
        type=positive_int,
        default=CHECK_SEEDS,
        metavar="N",
        help=f"play each bot on seeds 1..N (default {CHECK_SEEDS})",
    )
    check.add_argument(
        "--margin",
        type=margin_points,
        default=CHECK_MARGIN,
        help=f"overall points the ideal bot must win by (default {CHECK_MARGIN:g})",
    )
    check.add_argument("--lang", choices=LANGUAGES, default=None, help="sessions' language")
    check.add_argument(
        "--gaming-seeds",
        type=positive_int,
        default=CHECK_GAMING_SEEDS,
        metavar="N",
        help=f"play each gaming bot on the first N of those seeds (default {CHECK_GAMING_SEEDS})",
    )
    check.add_argument(
        "--no-gaming-gate",
        dest="gaming_gate",
        action="store_false",
        help="show the gaming bots' scores without failing on them",
    )
    check.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Check every file named, printing each verdict as it comes; exit 1 if any fails."""
    # The bots need the engine: imported only when checking.
    from game.services.check import check_scenario

    files, failed = scenario_paths(options.paths)
    for path, display in files:
        result = check_scenario(
            path,
            display,
            seeds=range(1, options.seeds + 1),
            margin=options.margin,
            language=wanted_language(options.lang),
            gaming_seeds=options.gaming_seeds,
            gaming_gate=options.gaming_gate,
        )
        print_result(result)
        if not result.passed:
            failed += 1
    return EXIT_BAD_INPUT if failed else EXIT_OK


def print_result(result: CheckResult) -> None:
    """Print the problems of one file on stderr, its table and verdict on stdout."""
    display = result.display
    if result.error is not None:
        print(result.error.render(), file=sys.stderr)
        print(f"{display}: check failed: not valid (fix the errors above first)")
        return
    if result.missing_language is not None:
        print(f"{display}: the scenario has no '{result.missing_language}' texts", file=sys.stderr)
        return
    assert result.balance is not None  # a valid scenario in its language is played
    for finding in result.lint:
        where = f"{display}:{finding.line}:{finding.column}"
        print(f"{where}: lint: {finding.message}", file=sys.stderr)
    for problem in result.balance.problems:
        print(f"{display}: balance: {problem}", file=sys.stderr)
    if result.balance.bots:  # none when the first session went over a budget
        print(f"{display}: bots over seeds {_seed_list(result.balance.seeds)}")
        sys.stdout.write(bot_table(result.balance))
    if result.problems:
        print(f"{display}: check failed ({count(result.problems, 'problem')})")
    else:
        print(f"{display}: check passed")


def bot_table(report: BalanceReport) -> str:
    """The bots' mean scores per dimension and their endings, as a plain-text table.

    Args:
        report: what ``check_balance`` found.

    Returns:
        The table, one line per bot, ending with a newline.
    """
    from game.services.check.balance import GAMING_OVERALL_LIMIT, SCORE_KEYS

    width = max(len(name) for name in report.bots)
    header = f"  {'bot':<{width}}" + "".join(f" {HEADINGS[k]:>8}" for k in SCORE_KEYS)
    lines = [header + "  endings"]
    gaming_shown = False
    for name, bot in report.bots.items():
        if bot.gaming and not gaming_shown:
            gaming_shown = True
            rule = f"each must stay at or below {GAMING_OVERALL_LIMIT:.0f} overall"
            if not report.gaming_gate:
                rule += "; not enforced (--no-gaming-gate)"
            lines.append(f"  gaming bots ({rule}):")
        cells = "".join(
            f" {'-' if bot.means[k] is None else round(bot.means[k] or 0):>8}" for k in SCORE_KEYS
        )
        endings = ", ".join(f"{phase} {n}/{bot.runs}" for phase, n in sorted(bot.finals.items()))
        lines.append(f"  {name:<{width}}{cells}  {endings}")
    return "\n".join(lines) + "\n"


def _seed_list(seeds: Sequence[int]) -> str:
    ordered = sorted(seeds)
    if ordered and ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}-{ordered[-1]}"
    return ", ".join(map(str, ordered))
