"""How the console writes times and counts: the clock, followers and reach."""

from __future__ import annotations

from game.clocktime import clock_time


def clock_text(seconds: int, language: str = "en") -> str:
    """The scenario's clock time, e.g. ``10:07`` 7 minutes in, ``10:01 tomorrow`` a day on.

    Args:
        seconds: Simulated seconds since the session started.
        language: The session's language, for the day's name past midnight.

    Returns:
        The time as ``game.clocktime.clock_time`` shows it everywhere.
    """
    return clock_time(seconds, language)


def compact_number(value: int) -> str:
    """A follower or reach count in a few characters: 950, 12.3k, 1.2M."""
    if value < 1000:
        return str(value)
    if value < 1_000_000:
        return f"{value / 1000:.1f}k"
    return f"{value / 1_000_000:.1f}M"
