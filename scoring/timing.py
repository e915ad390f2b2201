"""Time expressions in replies ("en 2 horas", "by 5 pm", "mañana") and their deadlines.

The grammar is generic (prefix, number, unit; prefix, hour, minutes, am/pm) and the
words come from the language's catalog, so a new language only adds vocabulary.
Deadlines are minutes from the moment of the reply; clock times and "today" need the
simulated time of day, and are unknown (None) without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from scoring.catalog import FLAGS, TimeSpec, compile_patterns, load_catalog, pattern_source
from scoring.matcher import Matcher, MatcherGroup
from scoring.text import fold_plain

DAY = 24 * 60
END_OF_DAY = DAY - 1
"""Minute of day that "today" runs to (23:59)."""

HALF_DAY = 12 * 60


@dataclass(frozen=True)
class TimeMatch:
    """One time expression found in a (folded) reply.

    Attributes:
        start: Start offset in the folded reply.
        end: End offset (exclusive).
        strong: Whether the expression is a commitment on its own ("en 2 horas"),
            rather than only dating one ("mañana" next to "te llamamos").
        minutes: A fixed delay from now, when the expression states one.
        day: 0 for "today" (until 23:59), n for n days from now.
        clock: A target minute of the day ("antes de las 18:00"); with a day,
            that time on that day ("mañana a las 12").
        ambiguous: The clock time may be a.m. or p.m. (no marker, hour below 12).
    """

    start: int
    end: int
    strong: bool
    minutes: int | None = None
    day: int | None = None
    clock: int | None = None
    ambiguous: bool = False

    def deadline(self, minute_of_day: int | None) -> int | None:
        """Resolve the expression to minutes from the moment of the reply.

        Args:
            minute_of_day: Simulated time of the reply in minutes since midnight,
                or None when unknown.

        Returns:
            Minutes until the deadline, or None when it cannot be known or a clock
            time has already passed today.
        """
        if self.minutes is not None:
            return self.minutes
        if self.day and self.clock is not None and minute_of_day is not None:
            return self.day * DAY + self.clock - minute_of_day  # "mañana a las 12"
        if self.day:
            return self.day * DAY
        if minute_of_day is None:
            return None
        if self.day == 0:
            return max(0, END_OF_DAY - minute_of_day)
        if self.clock is None:
            return None
        delta = self.clock - minute_of_day
        if delta <= 0 and self.ambiguous:
            delta += HALF_DAY  # "antes de las 6" said at 14:00 means 18:00
        return delta if delta > 0 else None


def _alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal words, longest first so "horas" beats "h"."""
    folded = sorted({fold_plain(word) for word in words}, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in folded)


def _patterns(patterns: list[str]) -> str:
    """Regex alternation of catalog patterns (which may hold regex syntax)."""
    return "|".join(f"(?:{pattern_source(p)})" for p in patterns) or "(?!)"


@dataclass(frozen=True)
class TimeGrammar:
    """Compiled time expressions of one language."""

    spec: TimeSpec
    numbers: Mapping[str, float]
    units: Mapping[str, int]
    duration_fractions: Mapping[str, float]
    clock_fractions: Mapping[str, int]
    pm: re.Pattern[str]
    duration: Matcher
    clock: Matcher | None
    clock_marked: Matcher | None
    expressions: Matcher | None
    ignore: Matcher | None

    def find(self, text: str) -> list[TimeMatch]:
        """Find the time expressions of a folded text, without overlaps.

        Args:
            text: Folded reply.

        Returns:
            Matches in order; where two overlap, the longer one wins.
        """
        found = [*self._durations(text), *self._clocks(text), *self._expressions(text)]
        ignored = [m.span() for m in self.ignore.finditer(text)] if self.ignore else []
        found = [t for t in found if not any(t.start < e and s < t.end for s, e in ignored)]
        kept: list[TimeMatch] = []
        for match in sorted(found, key=lambda t: (t.start, t.start - t.end)):
            if not kept or match.start >= kept[-1].end:
                kept.append(match)
        return _join_day_and_clock(text, kept)

    def _number(self, word: str) -> float:
        word = _key(word)
        return self.numbers[word] if word in self.numbers else float(word.replace(",", "."))

    def _durations(self, text: str) -> list[TimeMatch]:
        result = []
        for m in self.duration.finditer(text):
            unit = self.units[_key(m["u"])]
            amount = self._number(m["n"]) + self.duration_fractions.get(_key(m["f"]), 0)
            result.append(TimeMatch(m.start(), m.end(), True, minutes=round(amount * unit)))
        return result

    def _clock_match(self, m: re.Match[str], marked: bool) -> TimeMatch | None:
        hour = int(self._number(m["h"]))
        minute = int(m["m"]) if m["m"] else self.clock_fractions.get(_key(m["f"]), 0)
        meridiem = m["mer"] or ""
        is_pm = bool(meridiem) and self.pm.fullmatch(meridiem) is not None
        is_am = bool(meridiem) and not is_pm
        if marked and not (m["m"] or meridiem):
            return None  # "by 5" alone may be a quantity, not a time
        if hour > 24 or minute > 59:
            return None
        if is_pm and hour < 12:
            hour += 12
        elif is_am and hour == 12:
            hour = 0
        ambiguous = not meridiem and hour < 12
        return TimeMatch(m.start(), m.end(), True, clock=hour * 60 + minute, ambiguous=ambiguous)

    def _clocks(self, text: str) -> list[TimeMatch]:
        result = []
        for pattern, marked in ((self.clock, False), (self.clock_marked, True)):
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                match = self._clock_match(m, marked)
                if match is not None:
                    result.append(match)
        return result

    def _expressions(self, text: str) -> list[TimeMatch]:
        if self.expressions is None:
            return []
        result = []
        for m in self.expressions.finditer(text):
            spec = self.spec.expressions[int((m.lastgroup or "e0")[1:])]
            clock = None
            if spec.clock is not None:
                hours, minutes = spec.clock.split(":")
                clock = int(hours) * 60 + int(minutes)
            result.append(
                TimeMatch(
                    m.start(), m.end(), spec.strong, spec.minutes, spec.day, clock, ambiguous=False
                )
            )
        return result


_BETWEEN_RE = re.compile(r"[\s,]{0,3}")


def _join_day_and_clock(text: str, times: list[TimeMatch]) -> list[TimeMatch]:
    """Read "mañana antes de las 12" or "by 5 pm tomorrow" as one time: a day and a clock."""
    joined: list[TimeMatch] = []
    for time in times:
        last = joined[-1] if joined else None
        if last is not None and _BETWEEN_RE.fullmatch(text, last.end, time.start):
            day = last if last.day else time
            clock = time if day is last else last
            if day.day and day.clock is None and clock.clock is not None and not clock.day:
                joined[-1] = TimeMatch(
                    last.start, time.end, True, None, day.day, clock.clock, clock.ambiguous
                )
                continue
        joined.append(time)
    return joined


def _key(phrase: str | None) -> str:
    """Normalise a matched word for lookup in a vocabulary table."""
    return re.sub(r"\s+", " ", phrase or "").strip().lower()


def _folded_keys(table: Mapping[str, float]) -> dict[str, float]:
    return {fold_plain(key): value for key, value in table.items()}


def _duration_re(spec: TimeSpec, group: MatcherGroup) -> Matcher:
    number = rf"\d+(?:[.,]\d+)?|{_alternation(spec.numbers)}"
    fractions = _alternation(spec.duration_fractions) or "(?!)"
    source = (
        rf"(?:{_patterns(spec.duration_prefixes)})\s+(?P<n>{number})\s*"
        rf"(?P<u>{_alternation(spec.units)})(?!\w)(?:\s+(?P<f>{fractions})(?!\w))?"
    )
    return Matcher([source], FLAGS, group)


def _clock_re(spec: TimeSpec, prefixes: list[str], group: MatcherGroup) -> Matcher | None:
    if not prefixes:
        return None
    hours = "|".join(re.escape(fold_plain(w)) for w, v in spec.numbers.items() if v == int(v))
    fractions = _alternation(spec.clock_fractions) or "(?!)"
    meridiem = _patterns([*spec.pm, *spec.am])
    source = (
        rf"(?:{_patterns(prefixes)})\s+(?P<h>\d{{1,2}}|{hours})(?!\w)"
        rf"(?:[:.h](?P<m>\d{{2}})(?!\d)|\s+(?P<f>{fractions})(?!\w))?"
        rf"(?:\s*(?P<mer>{meridiem})(?!\w))?(?:\s*(?:h|hs|hrs)(?!\w))?"
    )
    return Matcher([source], FLAGS, group)


def _expressions_re(spec: TimeSpec, group: MatcherGroup) -> Matcher | None:
    if not spec.expressions:
        return None
    groups = [f"(?P<e{i}>{pattern_source(e.pattern)})" for i, e in enumerate(spec.expressions)]
    return Matcher(groups, FLAGS, group)


@cache
def time_grammar(language: str) -> TimeGrammar:
    """Compile the time expressions of a language's catalog (once per process).

    Args:
        language: "es" or "en".

    Returns:
        The compiled grammar.
    """
    catalog = load_catalog(language)
    spec, group = catalog.spec.time, catalog.group
    return TimeGrammar(
        spec=spec,
        numbers=_folded_keys(spec.numbers),
        units={fold_plain(key): value for key, value in spec.units.items()},
        duration_fractions=_folded_keys(spec.duration_fractions),
        clock_fractions={fold_plain(key): value for key, value in spec.clock_fractions.items()},
        pm=re.compile(_patterns(spec.pm), FLAGS),
        duration=_duration_re(spec, group),
        clock=_clock_re(spec, spec.clock_prefixes, group),
        clock_marked=_clock_re(spec, spec.clock_prefixes_marked, group),
        expressions=_expressions_re(spec, group),
        ignore=compile_patterns(spec.ignore, f"lexicon/{language}.yaml: time.ignore", group),
    )
