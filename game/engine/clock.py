"""The simulated clock's grid and the time of day it stands for."""

from __future__ import annotations

TICK_SECONDS = 10
"""The engine's step: crowd arrivals, conditions and phase changes happen on this grid."""

DAY_STARTS_AT_MINUTE = 10 * 60
"""The simulated day starts at 10:00, so that "by 5 pm" has a meaning."""


def minute_of_day(seconds: int) -> int:
    """Minutes since midnight at ``seconds`` into the session (past 24 h: the next day)."""
    return DAY_STARTS_AT_MINUTE + seconds // 60
