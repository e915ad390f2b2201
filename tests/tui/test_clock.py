"""The console's speed clock: real time to simulated seconds."""

from __future__ import annotations

from game.tui.clock import SpeedClock


def test_a_quiet_start_runs_fast_until_something_happens() -> None:
    clock = SpeedClock(1.0, quiet_start=30.0)
    clock.start(0.0)
    assert clock.tick(2.0) == 60  # the first post at minute 1 comes after two seconds
    clock.end_quiet_start()
    assert clock.tick(3.0) == 1
    chosen = SpeedClock(60.0, quiet_start=30.0)
    chosen.start(0.0)
    assert chosen.tick(1.0) == 60  # a faster chosen speed is kept
    chosen.slower()  # choosing a speed ends the quiet start
    assert chosen.quiet_start is None
