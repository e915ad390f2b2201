"""The one time format: scenario clock time, with the day once past midnight."""

from __future__ import annotations

import pytest

from game.clocktime import clock_time

# The session starts at 10:00, so the clock reads 23:59 at 13 h 59 min in.
HOUR = 3600


@pytest.mark.parametrize(
    ("seconds", "language", "expected"),
    [
        (0, "en", "10:00"),
        (12 * 60 + 59, "en", "10:12"),
        (14 * HOUR - 60, "en", "23:59"),
        (14 * HOUR - 60, "es", "23:59"),
        (14 * HOUR, "en", "00:00 tomorrow"),
        (14 * HOUR, "es", "00:00 de mañana"),
        (24 * HOUR + 60, "en", "10:01 tomorrow"),
        (24 * HOUR + 60, "es", "10:01 de mañana"),
        (38 * HOUR - 60, "en", "23:59 tomorrow"),
        (38 * HOUR - 60, "es", "23:59 de mañana"),
        (38 * HOUR, "en", "00:00 on day 3"),
        (38 * HOUR, "es", "00:00 del día 3"),
        (-5, "en", "10:00"),
    ],
)
def test_clock_time_names_the_day_past_midnight(seconds: int, language: str, expected: str) -> None:
    assert clock_time(seconds, language) == expected
