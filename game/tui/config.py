"""How an app is started: by the command line (real play) or by a test."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # only for types: the picker must not wait for the scenario model
    from game.scenario.loader import LoadedScenario
    from game.tui.remote import StatusSink

Mode = Literal["practice", "exam"]
MODES: tuple[Mode, ...] = ("practice", "exam")


@dataclass(frozen=True)
class AppConfig:
    """Everything the app needs to know before it starts.

    Attributes:
        scenario: a scenario chosen on the command line (skips the picker).
        language: interface and session language (None: the scenario's first).
        seed: the crowd's seed (None: a random one, drawn when the session starts).
        trainee: the trainee's name, written to the session log.
        speed: simulated seconds per real second.
        mode: practice or exam.
        theme: the Textual theme to start with.
        real_clock: drive the simulated clock from real time (False in tests, which
            advance it by hand).
        cursor_blink: let the composer's cursor blink (off in tests and snapshots).
        log_dir: where session logs go (None: the user data folder).
        report_dir: where exported reports go (None: the user data folder).
        cohort: the trainee's training group, for the log and the results store.
        results_db: the results store (None: ``$CRISISDRILL_DB``, else the user data
            folder's).
        key_hold_seconds: how long the debrief ignores keys when time ran out while the
            trainee was typing (tests that press keys during the hold make it long, so
            that a slow machine does not end it halfway).
        record_results: record finished sessions in the results store (off in tests
            unless a test asks).
        seat: a workshop seat's link to the facilitator (None: a game of one's own).
            With it the briefing is a lobby that only the facilitator's ``start``
            leaves, ``RemoteCommand`` messages drive the session, and the seat's
            status goes to this sink.
        resume: a session log to go on with instead of a new session (a workshop
            trainee back after a drop; only a ``seat`` uses it): no lobby, the
            console opens on the session as the log left it and appends to that log;
            a closed log opens on its debrief. If it cannot be resumed, a new session
            starts as usual.
    """

    scenario: LoadedScenario | None = None
    language: str | None = None
    seed: int | None = None
    trainee: str = ""
    speed: float = 1.0
    mode: Mode = "practice"
    theme: str = "textual-dark"
    real_clock: bool = True
    cursor_blink: bool = True
    log_dir: Path | None = None
    report_dir: Path | None = None
    cohort: str = ""
    results_db: str | None = None
    record_results: bool = True
    key_hold_seconds: float = 1.5
    seat: StatusSink | None = None
    resume: Path | None = None


def testing_config(**changes: object) -> AppConfig:
    """A configuration for tests: fixed theme, seed and trainee, no blink, no real clock.

    Args:
        **changes: fields to override.

    Returns:
        The configuration.
    """
    base = AppConfig(
        seed=7,
        trainee="Test Trainee",
        language="en",
        theme="textual-dark",
        real_clock=False,
        cursor_blink=False,
        record_results=False,
    )
    return replace(base, **changes)  # type: ignore[arg-type]
