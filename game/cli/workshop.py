"""``crisisdrill workshop SCENARIO``: a round for a room, and ``workshop report ROUND``.

The facilitator's command. It makes a round (one scenario, seed, language, mode and
speed for everyone; a join code), opens the web front door where trainees join from
their browsers, and runs the facilitator's console in this terminal. ``workshop report``
(``game.cli.workshop_report``) is the class debrief of a round.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli import workshop_report
from game.cli.common import (
    EXIT_OK,
    LANGUAGES,
    Commands,
    UsageError,
    positive_float,
    wanted_language,
    whole_number,
)
from game.services.errors import InputError

if TYPE_CHECKING:  # Textual and the server load only when a round is run
    from game.scenario.model import Scenario
    from game.seatlink import Status
    from game.workshop.console import FacilitatorApp
    from game.workshop.round import Round

LOOPBACK = ("127.0.0.1", "localhost", "::1")
REPORT_COMMAND = "workshop-report"
"""The hidden command ``workshop report ...`` is parsed as (see ``report_arguments``)."""


def add_parser(commands: Commands) -> None:
    """Add ``workshop`` (and, hidden, the parser of ``workshop report``)."""
    workshop = commands.add_parser(
        "workshop",
        help="run a workshop round: trainees join from their browsers "
        "(also: workshop report ROUND)",
        description="Run a workshop round. The class debrief of a round: "
        "crisisdrill workshop report ROUND.",
    )
    workshop.add_argument("scenario", help="a built-in scenario id or a YAML file")
    workshop.add_argument("--lang", choices=LANGUAGES, default=None, help="the round's language")
    workshop.add_argument(
        "--seed", type=int, default=None, help="the crowd's seed (default: random)"
    )
    workshop.add_argument(
        "--mode", choices=("practice", "exam"), default="practice", help="practice or exam"
    )
    workshop.add_argument(
        "--speed", type=positive_float, default=1.0, help="simulated speed factor at the start"
    )
    workshop.add_argument(
        "--host",
        default="127.0.0.1",
        help="the interface to listen on (default: this machine only; 0.0.0.0: the room)",
    )
    workshop.add_argument(
        "--port", type=whole_number(0, 65535), default=8000, help="the port (default 8000)"
    )
    workshop.add_argument(
        "--max-trainees",
        type=whole_number(1, 200),
        default=40,
        help="trainees at most (default 40)",
    )
    workshop.set_defaults(handler=run)
    hidden = commands.add_parser(REPORT_COMMAND, prog="crisisdrill workshop", add_help=False)
    workshop_report.add_parser(hidden.add_subparsers(dest="workshop_command", required=True))


def report_arguments(arguments: list[str]) -> list[str]:
    """``workshop report ...`` as the hidden command's arguments; other lines unchanged."""
    if arguments[:2] == ["workshop", "report"]:
        return [REPORT_COMMAND, "report", *arguments[2:]]
    return arguments


def run(options: argparse.Namespace) -> int:
    """Make the round, open the door, run the console; say where the logs are after."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("workshop runs the facilitator's console: run it in a terminal")
    from game.paths import data_dir
    from game.services.play import open_scenario
    from game.workshop.round import Round, sessions_folder

    opened = open_scenario(options.scenario, wanted_language(options.lang))
    scenario_id = opened.loaded.scenario.meta.id
    # A path is given to every game as an absolute path: they start in other folders.
    given = Path(options.scenario)
    scenario = str(given.resolve()) if given.suffix in (".yaml", ".yml") else options.scenario
    seed = options.seed if options.seed is not None else random.SystemRandom().randrange(1, 10**6)
    round_ = Round.create(
        scenario,
        scenario_id,
        language=opened.language,
        seed=seed,
        mode=options.mode,
        speed=options.speed,
        max_trainees=options.max_trainees,
    )
    folder = data_dir() / workshop_report.WORKSHOPS / round_.round_id
    try:
        round_.save(folder)
        sessions_folder(folder).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"{folder}: cannot make the round's folder: {error}") from None
    if options.host in LOOPBACK:
        print(
            "crisisdrill: the door listens on this machine only: to open it to the room, "
            "use --host 0.0.0.0 (on a network you trust)",
            file=sys.stderr,
        )
    app = _console(round_, folder, opened.loaded.scenario, options)
    app.run()
    print(f"round {round_.round_id}: session logs in {sessions_folder(folder)}")
    print(f"class debrief: crisisdrill workshop report {round_.round_id}")
    return EXIT_OK


def _console(
    round_: Round, folder: Path, scenario: Scenario, options: argparse.Namespace
) -> FacilitatorApp:
    """The facilitator's console, its front door listening where the options say."""
    from game.workshop.console import make_facilitator
    from game.workshop.door import WorkshopServer

    def door(
        on_status: Callable[[str, Status], None], on_seat: Callable[[str, bool], None]
    ) -> WorkshopServer:
        return WorkshopServer(
            round_,
            folder,
            host=options.host,
            port=options.port,
            on_status=on_status,
            on_seat=on_seat,
        )

    return make_facilitator(round_, folder, scenario, door)
