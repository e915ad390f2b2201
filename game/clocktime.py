"""The scenario's clock: every moment the trainee or a report sees, as a time of day.

A session starts at 10:00 on its first day; a simulated second is shown as the clock
time it stands for ("10:12"), never as time since the start. A moment on a later day
(a promise due tomorrow) names the day after the time, so that the sentences around it
still read: "due at 10:01 tomorrow", "vence a las 10:01 de mañana", and from the third
day on "at 10:01 on day 3" / "a las 10:01 del día 3". Seconds are never shown: the
trainee plans in minutes. Durations ("41 min") are not moments and are not formatted
here. Both the engine's front ends and scoring import this, so it lives in the bottom
layer and imports nothing of ours.
"""

from __future__ import annotations

DAY_STARTS_AT_MINUTE = 10 * 60
"""The simulated day starts at 10:00, so that "by 5 pm" has a meaning."""

MINUTES_PER_DAY = 24 * 60

_LATER_DAY = {
    "es": {1: "de mañana", "n": "del día {day}"},
    "en": {1: "tomorrow", "n": "on day {day}"},
}
"""How a later day follows the time, per language (day 1 is the session's first)."""


def clock_time(seconds: int, language: str = "en") -> str:
    """The scenario's clock time at ``seconds`` into the session.

    Args:
        seconds: Simulated seconds since the session started (negative counts as 0).
        language: The session's language ("es" or "en"; others read as English).

    Returns:
        "10:12" on the session's first day; "10:01 tomorrow" / "10:01 de mañana" on the
        next; "10:01 on day 3" / "10:01 del día 3" after that.
    """
    minute = DAY_STARTS_AT_MINUTE + max(0, seconds) // 60
    days_later, minute_of_day = divmod(minute, MINUTES_PER_DAY)
    time = f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"
    if days_later == 0:
        return time
    words = _LATER_DAY.get(language, _LATER_DAY["en"])
    day = words[1] if days_later == 1 else words["n"].format(day=days_later + 1)
    return f"{time} {day}"
