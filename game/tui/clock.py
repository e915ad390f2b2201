"""Real time to simulated time: the speed factor, pausing and the fractions in between.

The engine's clock only moves in whole simulated seconds; the console's timer fires
every tenth of a real second. This keeps the fractions so that no time is lost or
gained at any speed. No Textual, no wall clock: the caller passes the real time.
"""

from __future__ import annotations

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 60.0)
"""The speeds offered by the faster and slower keys (simulated seconds per real one)."""


class SpeedClock:
    """How many simulated seconds each stretch of real time is worth.

    Args:
        speed: simulated seconds per real second.
    """

    def __init__(self, speed: float) -> None:
        self.speed = speed
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
        self._carry += elapsed * self.speed
        whole = int(self._carry)
        self._carry -= whole
        return whole

    def toggle_pause(self, now: float) -> bool:
        """Pause or resume; the time spent paused is not counted. Returns ``paused``."""
        self.paused = not self.paused
        self._last = now
        return self.paused

    def faster(self) -> float:
        """The next speed up (the fastest stays); returns the new speed."""
        self.speed = next((s for s in SPEEDS if s > self.speed), self.speed)
        return self.speed

    def slower(self) -> float:
        """The next speed down (the slowest stays); returns the new speed."""
        self.speed = next((s for s in reversed(SPEEDS) if s < self.speed), self.speed)
        return self.speed
