"""The simulated clock's grid and the time of day it stands for."""

from __future__ import annotations

# The day's start belongs to game.clocktime, which scoring and the reports share.
from game.clocktime import DAY_STARTS_AT_MINUTE as DAY_STARTS_AT_MINUTE

TICK_SECONDS = 10
"""The engine's step: crowd arrivals, conditions and phase changes happen on this grid."""


def minute_of_day(seconds: int) -> int:
    """Minutes since midnight at ``seconds`` into the session (past 24 h: the next day)."""
    return DAY_STARTS_AT_MINUTE + seconds // 60
