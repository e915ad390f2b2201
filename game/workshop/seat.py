"""A trainee's seat in a workshop round: ``python -m game.workshop.seat``.

The web front door starts one per trainee, under textual-serve, with:

- ``CRISISDRILL_WORKSHOP``: the round's folder (its ``round.json``: scenario, seed,
  language, mode, speed);
- ``CRISISDRILL_TRAINEE``: the trainee's name.

The seat shows the briefing as a lobby until the facilitator's ``start``, then plays
the round's session, its log in the round's ``sessions/`` folder, obeying the
facilitator's controls and reporting its status (``seat_driver``).

A trainee who already has a log in the round (their browser dropped and came back)
skips the lobby: the seat resumes that session from its log and goes on in it, or
shows its debrief when it is closed (``rejoin``). The facilitator's console sends a
returning trainee ``start`` (ignored: the session runs already), the speed and a pause.

Standard output is the pipe to textual-serve, so nothing is ever printed there: errors
go to standard error (the door keeps it in a file), with exit code 1 and no traceback.
``crisisdrill play`` cannot stand in for this: it wants a terminal and prints.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from game.scenario.problems import ScenarioError
from game.seatlink import MAX_NAME
from game.services.play import open_scenario
from game.tui import AppConfig, make_app
from game.tui.config import MODES
from game.workshop.rejoin import find_log
from game.workshop.round import Round, RoundError, sessions_folder
from game.workshop.seat_driver import PipeSink, SeatDriver

WORKSHOP_ENV = "CRISISDRILL_WORKSHOP"
TRAINEE_ENV = "CRISISDRILL_TRAINEE"


class SeatError(Exception):
    """The seat cannot start: its environment or its round is wrong."""


def seat_config(environ: dict[str, str] | os._Environ[str]) -> AppConfig:
    """The app's configuration for the seat an environment describes.

    Args:
        environ: the process's environment (``os.environ``).

    Returns:
        The configuration, with a ``PipeSink`` for the statuses and, when the trainee
        already has a log in the round (``rejoin.find_log``), that log to resume.

    Raises:
        SeatError: a variable is missing or wrong, or the round or its scenario
            cannot be read.
    """
    folder_text = environ.get(WORKSHOP_ENV, "")
    trainee = environ.get(TRAINEE_ENV, "").strip()
    if not folder_text:
        raise SeatError(f"{WORKSHOP_ENV} is not set (the round's folder)")
    if not 0 < len(trainee) <= MAX_NAME:
        raise SeatError(f"{TRAINEE_ENV} must be the trainee's name (1 to {MAX_NAME} characters)")
    folder = Path(folder_text)
    try:
        round_ = Round.load(folder)
    except RoundError as error:
        raise SeatError(str(error)) from None
    if round_.mode not in MODES:
        raise SeatError(f"{folder}: unknown mode {round_.mode!r} (one of {', '.join(MODES)})")
    try:
        opened = open_scenario(round_.scenario, round_.language)
    except (ScenarioError, OSError, ValueError) as error:
        raise SeatError(f"{folder}: the round's scenario cannot be opened: {error}") from None
    log_dir = sessions_folder(folder)
    return AppConfig(
        scenario=opened.loaded,
        language=opened.language,
        seed=round_.seed,
        trainee=trainee,
        speed=round_.speed,
        mode=round_.mode,
        log_dir=log_dir,
        # The round is the group the results store and `progress --cohort` compare.
        cohort=round_.round_id,
        seat=PipeSink(),
        resume=find_log(log_dir, trainee, round_),
    )


def main() -> int:
    """Run the seat until the trainee leaves or the server goes away.

    Returns:
        The exit code: 0, or 1 when the seat cannot start (said on standard error).
    """
    try:
        config = seat_config(os.environ)
    except SeatError as error:
        print(f"crisisdrill seat: {error}", file=sys.stderr)
        return 1
    app = make_app(config)
    # Whatever TEXTUAL_DRIVER says: a seat only makes sense on the workshop's pipe.
    app.driver_class = SeatDriver
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
