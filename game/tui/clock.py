"""Real time to simulated time: the speed factor, pausing and the fractions in between.

The engine's clock only moves in whole simulated seconds; the console's timer fires
every tenth of a real second. This keeps the fractions so that no time is lost or
gained at any speed. No Textual, no wall clock: the caller passes the real time.
"""

from __future__ import annotations

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 60.0)
"""The speeds offered by the faster and slower keys (simulated seconds per real one)."""


QUIET_START_SPEED = 30.0
"""How fast the clock runs before anything has happened (a first post due at minute 1
comes two seconds after the start instead of a silent minute)."""


class SpeedClock:
    """How many simulated seconds each stretch of real time is worth.

    Args:
        speed: simulated seconds per real second.
        quiet_start: run at least this fast until ``end_quiet_start`` (None: never).
    """

    def __init__(self, speed: float, quiet_start: float | None = None) -> None:
        self.speed = speed
        self.quiet_start = quiet_start
        self.paused = False
        self._carry = 0.0
        self._last = 0.0

    def start(self, now: float) -> None:
        """Count real time from ``now`` (e.g. ``time.monotonic()``)."""
        self._last = now

    def tick(self, now: float) -> int:
        """The whole simulated seconds since the last tick (0 while paused)."""
        elapsed, self._last = now - self._last, now
        if self.paused:
            return 0
        rate = max(self.speed, self.quiet_start) if self.quiet_start else self.speed
        self._carry += elapsed * rate
        whole = int(self._carry)
        self._carry -= whole
        return whole

    def toggle_pause(self, now: float) -> bool:
        """Pause or resume; the time spent paused is not counted. Returns ``paused``."""
        self.paused = not self.paused
        self._last = now
        return self.paused

    def end_quiet_start(self) -> None:
        """Something happened (or the trainee chose a speed): the chosen speed from now."""
        self.quiet_start = None

    def faster(self) -> float:
        """The next speed up (the fastest stays); returns the new speed."""
        self.end_quiet_start()
        self.speed = next((s for s in SPEEDS if s > self.speed), self.speed)
        return self.speed

    def slower(self) -> float:
        """The next speed down (the slowest stays); returns the new speed."""
        self.end_quiet_start()
        self.speed = next((s for s in reversed(SPEEDS) if s < self.speed), self.speed)
        return self.speed
