"""A workshop seat: the facilitator's commands in, the trainee's status out.

The TUI knows nothing of the workshop's wire format (``game.workshop`` sits above it):
commands arrive as ``RemoteCommand`` messages, and the status leaves as a
``Status`` handed to a ``StatusSink``, which the seat's driver turns into packets
(and a test into a list). Everything here runs on the app's thread, the only one
allowed to write to the driver's pipe.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from game.engine import ActionError
from game.seatlink import SeatState, Status
from game.tui.controller import Game

# Loaded in the lobby, not when the facilitator starts everyone at once: importing the
# console, the engine and the scoring is most of what a start costs (0.3 CPU-s a seat).
from game.tui.screens import debrief as _debrief  # noqa: F401
from game.tui.screens.console import ConsoleScreen

if TYPE_CHECKING:
    from game.tui.app import CrisisApp
    from game.tui.messages import RemoteCommand

POLL_SECONDS = 0.25
"""How often the seat looks for a change worth telling at once (an action, a phase)."""
STATUS_EVERY = 1.0
"""The longest the facilitator's roster goes without news of a seat (real seconds)."""
SCORE_EVERY = 30.0
"""How often the score so far is worked out while playing (real seconds)."""


def warn(text: str) -> None:
    """Tell the seat's error log (standard error) something, while the app runs.

    Textual takes over ``sys.stderr`` while an app runs (a print shows in its devtools,
    nowhere else); the process's own standard error is the file the door keeps.
    """
    stream = sys.__stderr__
    if stream is not None:
        stream.write(f"crisisdrill seat: {text}\n")
        stream.flush()


class StatusSink(Protocol):
    """Where a seat's statuses go (the seat's driver; a list in tests)."""

    def send(self, status: Status) -> None:
        """Take one status (called on the app's thread only)."""


class RemoteSeat:
    """The app's side of a workshop seat: obeys commands, reports the status.

    Args:
        app: the game app, started with a seat (``AppConfig.seat``).
        sink: where the statuses go.
    """

    def __init__(self, app: CrisisApp, sink: StatusSink) -> None:
        self.app = app
        self.sink = sink
        self.held = False  # paused by the facilitator (also before the console opens)
        self.speed: float | None = None  # set by the facilitator (also in the lobby)
        self.score: int | None = None
        self._replies = 0
        self._counted = 0  # how much of the session's post order is counted in replies
        self._last: Status | None = None
        self._sent_at = 0.0
        self._scored_at: float | None = None
        self._scoring = False
        self._final_scored = False

    def begin(self) -> None:
        """Tell the facilitator at once that the seat is in the lobby, then keep telling."""
        self.app.set_interval(POLL_SECONDS, self._poll)
        self.send()

    # ------------------------------------------------------------------ commands

    def obey(self, command: RemoteCommand) -> None:
        """Do what the facilitator said; what does not apply where the seat is, is ignored.

        Args:
            command: the facilitator's command.
        """
        app = self.app
        console = app.console_screen
        if console is not None and not console.is_mounted:
            # The start has just switched to the console: what came right after it
            # waits until the console has its widgets.
            app.set_timer(POLL_SECONDS / 5, lambda: self.obey(command))
            return
        verb = command.command
        if verb == "start":
            if app.game is None:
                app.start_session()
        elif verb in ("pause", "resume"):
            self.held = verb == "pause"
            if console is not None:
                console.hold(self.held)
        elif verb == "speed" and command.speed is not None:
            self.speed = command.speed
            if console is not None:
                console.set_speed(command.speed)
        elif verb == "end":
            if console is None:
                app.exit()  # nothing was played: no log, nothing to debrief
                return
            console.finish_now()
        elif verb in ("inject", "post") and console is not None:
            game = app.game
            # In the lobby or after the end, a push has no session to reach.
            if game is not None and not game.ended:
                self._push(console, game, command)
        self.send()

    def prepare(self, console: ConsoleScreen) -> None:
        """Before the console opens: what the facilitator ordered while in the lobby."""
        console.facilitated = True
        if self.speed is not None:
            console.clock.end_quiet_start()
            console.clock.speed = self.speed
        if self.held:
            console.held = True
            console.clock.toggle_pause(time.monotonic())

    def _push(self, console: ConsoleScreen, game: Game, command: RemoteCommand) -> None:
        try:
            if command.command == "inject" and command.inject is not None:
                changes = game.push_inject(command.inject)
            elif command.persona is not None and command.channel is not None and command.text:
                changes = game.push_post(command.persona, command.channel, command.text)
            else:
                return
        except (ActionError, KeyError, ValueError) as error:
            # The facilitator's side checks names against the scenario; if one still
            # does not fit, the trainee's game goes on and the seat's log says why.
            warn(f"{command.command} refused: {error}")
            return
        console.show_changes(changes)

    # ------------------------------------------------------------------ statuses

    def status(self) -> Status:
        """Where the seat stands now."""
        app = self.app
        trainee = app.config.trainee
        game = app.game
        if game is None:
            return Status(trainee, "lobby", score=self.score)
        session = game.session
        for post in session.post_order[self._counted :]:  # only ever appended to
            self._replies += post.from_brand
        self._counted = len(session.post_order)
        console = app.console_screen
        state: SeatState = "playing"
        if game.ended:
            state = "debrief"
        elif console is not None and console.paused:
            state = "paused"
        metrics = session.metrics
        return Status(
            trainee=trainee,
            state=state,
            clock=game.now,
            phase=session.phase,
            mood=max(-1.0, min(1.0, round(metrics.sentiment, 3))),
            waiting=metrics.unanswered,
            replies=self._replies,
            score=self.score,
        )

    def send(self) -> None:
        """Send the status now."""
        self._last = self.status()
        self._sent_at = time.monotonic()
        self.sink.send(self._last)

    def _poll(self) -> None:
        """Send when something the roster shows has changed, or a second has passed."""
        now = time.monotonic()
        status = self.status()
        last = self._last
        changed = last is None or (status.state, status.phase, status.replies, status.score) != (
            last.state,
            last.phase,
            last.replies,
            last.score,
        )
        if changed or now - self._sent_at >= STATUS_EVERY:
            self._last, self._sent_at = status, now
            self.sink.send(status)
        self._score_when_due(status, now)

    # ------------------------------------------------------------------ the score

    def _score_when_due(self, status: Status, now: float) -> None:
        game = self.app.game
        if game is None or self._scoring:
            return
        if status.state == "debrief":
            if self._final_scored or not game.finished:
                return  # the final score, once the log is closed
            self._final_scored = True
        elif self._scored_at is None:
            self._scored_at = now  # the first score after SCORE_EVERY of play
            return
        elif now - self._scored_at < SCORE_EVERY:
            return
        self._scored_at = now
        self._scoring = True
        path = game.log_path
        self.app.run_worker(lambda: self._score(path), thread=True, group="seat-score")

    def _score(self, path: Path) -> None:
        """Score the log so far (in a worker thread: about 0.1 s), hand it to the app."""
        from game.journal.codec import LogError
        from game.services.report import score_log

        try:
            overall: int | None = score_log(path).scorecard.overall
        except (LogError, OSError) as error:
            warn(f"no score yet: {error}")
            overall = None
        self.app.call_from_thread(self._scored, overall)

    def _scored(self, overall: int | None) -> None:
        self._scoring = False
        if overall is not None:
            self.score = max(0, min(100, overall))
        self.send()
