"""Promises in a reply: commitments, each with the deadline it states, if any.

Three kinds of evidence, all from the catalog:

- commitments: future tense and the like ("lo solucionaremos", "we'll call you"),
  promises whether or not they state a time;
- timed actions: present-tense actions that promise only with a time beside them
  ("mañana te llamamos"; "te llamamos" alone describes, it does not commit);
- time expressions: "strong" ones are a promise on their own ("en 2 horas",
  "by 5 pm"), weak ones ("hoy", "tomorrow") only date a commitment; in a sentence
  that hedges ("suele tardar", "usually takes", "open until"), a strong time is only
  a fact or an estimate unless a commitment claims it.

Within a sentence, each commitment takes the closest time expression that sets a
deadline (or, failing that, the closest one); a commitment and its times become one
promise, whose span covers them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.catalog import Catalog
from scoring.rules import Negation, Span, matches, spans_of
from scoring.text import sentences
from scoring.timing import TimeMatch, time_grammar


@dataclass(frozen=True)
class Promise:
    """A promise found at a span of the folded reply."""

    start: int
    end: int
    deadline_minutes: int | None


@dataclass(frozen=True)
class _Commitment:
    start: int
    end: int
    needs_time: bool


def _commitments(catalog: Catalog, text: str, negation: Negation) -> list[_Commitment]:
    """Commitment and timed-action phrases, overlapping ones merged."""
    compiled = catalog.cues["promise"]
    always = matches(compiled.pattern, compiled.exclude, text, negation)
    timed = matches(compiled.timed, compiled.exclude, text, negation)
    phrases = sorted([(*span, False) for span in always] + [(*span, True) for span in timed])
    merged: list[_Commitment] = []
    for start, end, needs_time in phrases:
        last = merged[-1] if merged else None
        if last is not None and start < last.end:
            both = last.needs_time and needs_time
            merged[-1] = _Commitment(last.start, max(last.end, end), both)
        else:
            merged.append(_Commitment(start, end, needs_time))
    return merged


def _distance(a: Span, b: Span) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _closest(commitment: _Commitment, times: list[TimeMatch]) -> int:
    """Index of the time a commitment refers to: a real deadline first, then nearest."""
    span = (commitment.start, commitment.end)

    def rank(index: int) -> tuple[bool, int]:
        time = times[index]
        vague = time.minutes is None and time.day is None and time.clock is None
        return vague, _distance(span, (time.start, time.end))

    return min(range(len(times)), key=rank)


def _sentence_promises(
    commitments: list[_Commitment],
    times: list[TimeMatch],
    minute_of_day: int | None,
    hedged: bool = False,
) -> list[Promise]:
    """Pair the commitments and times of one sentence into promises.

    In a hedged sentence (an estimate or a fact: "usually takes", "open until"), a
    strong time with no commitment beside it is not a promise.
    """
    promises: list[Promise] = []
    claimed: dict[int, list[_Commitment]] = {}
    for commitment in commitments:
        if times:
            claimed.setdefault(_closest(commitment, times), []).append(commitment)
        elif not commitment.needs_time:
            promises.append(Promise(commitment.start, commitment.end, None))
    for index, time in enumerate(times):
        mine = claimed.get(index, [])
        if not mine and (not time.strong or hedged):
            continue
        start = min([time.start, *(c.start for c in mine)])
        end = max([time.end, *(c.end for c in mine)])
        promises.append(Promise(start, end, time.deadline(minute_of_day)))
    return promises


def find_promises(
    catalog: Catalog, text: str, negation: Negation, minute_of_day: int | None
) -> list[Promise]:
    """Find the promises of a reply and resolve their deadlines.

    Args:
        catalog: The language's catalog.
        text: Folded reply.
        negation: The negation check for this reply ("no te llamaremos").
        minute_of_day: Simulated time of the reply, minutes since midnight, or None.

    Returns:
        Promises in order of position.
    """
    commitments = _commitments(catalog, text, negation)
    times = time_grammar(catalog.language).find(text)
    hedges = spans_of(catalog.cues["promise"].hedges, text) if times else []
    promises: list[Promise] = []
    for start, end in sentences(text):
        promises += _sentence_promises(
            [c for c in commitments if start <= c.start < end],
            [t for t in times if start <= t.start < end],
            minute_of_day,
            hedged=any(start <= h_start < end for h_start, _ in hedges),
        )
    return sorted(promises, key=lambda p: (p.start, p.end))
