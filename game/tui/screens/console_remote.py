"""The console at a workshop facilitator's word: pause, resume, speed, end, injects.

``ConsoleRemote`` is a base of the console screen. The facilitator's pause holds the
clock in exam mode too, and only the facilitator lifts it: the trainee's own pause key
cannot resume a round the facilitator has paused.
"""

from __future__ import annotations

import time

from textual.screen import Screen

from game.tui.clock import SpeedClock
from game.tui.controller import Changes, Game
from game.tui.notices import Notice


class ConsoleRemote(Screen[None]):
    """What a workshop's facilitator can do to a running console."""

    game: Game
    clock: SpeedClock
    held = False
    """Paused by the facilitator: the trainee's pause key cannot resume."""
    facilitated = False
    """A workshop seat's console: the speed is the facilitator's, not the trainee's."""

    def _apply(self, changes: Changes) -> None:
        """Show what changed (the screen's own way of showing any step)."""
        raise NotImplementedError

    def _end(self) -> None:
        """Close the session and hand over to the debrief."""
        raise NotImplementedError

    def _refresh_status(self) -> None:
        """Redraw the status bar (clock, speed, paused)."""
        raise NotImplementedError

    def _say(self, notice: Notice) -> None:
        """Tell the trainee something."""
        raise NotImplementedError

    def hold(self, paused: bool) -> None:
        """Pause or resume the clock at the facilitator's word, and say so.

        Args:
            paused: True to pause (and hold), False to resume.
        """
        self.held = paused
        if self.game.ended:
            return
        if self.clock.paused != paused:
            self.clock.toggle_pause(time.monotonic())
        key = "notice.facilitator_paused" if paused else "notice.facilitator_resumed"
        self._say(Notice(key, severity="warning" if paused else "information"))
        self._refresh_status()

    def set_speed(self, speed: float) -> None:
        """Run the clock at the facilitator's speed from now, and say so.

        Args:
            speed: simulated seconds per real second.
        """
        if self.game.ended:
            return
        self.clock.end_quiet_start()  # the facilitator's speed, not the quiet start's
        self.clock.speed = speed
        self._say(Notice("notice.facilitator_speed", {"speed": f"{speed:g}"}))
        self._refresh_status()

    def finish_now(self) -> None:
        """End the session at once (no question asked) and show the debrief.

        As when time runs out: words being typed are kept as unsent, and the crisis
        runs on to its end with nobody answering (``Game.finish``).
        """
        self._end()

    def show_changes(self, changes: Changes) -> None:
        """Show posts pushed by the facilitator like any post that arrives.

        Args:
            changes: what the push changed.
        """
        if not self.game.ended:
            self._apply(changes)
