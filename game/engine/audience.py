"""The crowd's mood and reach as running totals, so metrics cost the same at any size.

Sentiment is the reach-weighted mood of everyone who posted, shifted by what the whole
audience saw; reach counts who saw posts about the crisis. Everything the phase machine
reads (``Metrics``) is computed from these totals and the list of waiting posts.
"""

from __future__ import annotations

import math

from game.engine.world import Person
from game.journal.metrics import Metrics

DETRACTOR_MOOD = -0.4  # people this unhappy (and still posting) count as detractors


def clamp(value: float, low: float = -1.0, high: float = 1.0) -> float:
    """``value`` held within ``[low, high]``."""
    return max(low, min(high, value))


def tempered(delta: float, temper: float) -> float:
    """Hot-tempered people sour faster and warm up slower."""
    if delta < 0:
        return delta * (0.75 + 0.5 * temper)
    return delta * (1.25 - 0.5 * temper)


class Audience:
    """Running totals of reach, mood, advocates, detractors and what the brand did."""

    def __init__(self) -> None:
        self.shift = 0.0  # what the whole audience feels beyond the people who posted
        self._reach = 0
        self._negative_reach = 0
        self._mood_weights = 0.0
        self._weighted_mood = 0.0
        self._weight_of: dict[str, float] = {}
        self._detractors: set[str] = set()
        self._advocates: set[str] = set()
        self._silenced: set[str] = set()
        self._statements = 0
        self._broken = 0

    def saw(self, author: Person, exposure: int, tone: str) -> None:
        """A post reached ``exposure`` people; its author now weighs in the sentiment."""
        if author.id not in self._weight_of:
            weight = math.log10(10 + author.followers)
            self._weight_of[author.id] = weight
            self._mood_weights += weight
        self._reach += exposure
        if tone in ("negative", "abusive"):
            self._negative_reach += exposure

    def set_mood(self, person: Person, mood: float) -> None:
        """Change a person's mood, keeping the sentiment's totals in step."""
        mood = clamp(mood)
        self._weighted_mood += self._weight_of.get(person.id, 0.0) * (mood - person.mood)
        person.mood = mood
        if mood <= DETRACTOR_MOOD and not (person.banned or person.stopped):
            self._detractors.add(person.id)
        else:
            self._detractors.discard(person.id)

    def move(self, delta: float) -> None:
        """Shift the whole audience's feeling."""
        self.shift = clamp(self.shift + delta)

    def left(self, person: Person, *, banned: bool) -> None:
        """Someone stopped posting (or was banned: then they defend nobody either)."""
        self._detractors.discard(person.id)
        if banned:
            self._advocates.discard(person.id)

    def advocate(self, person: Person) -> None:
        """Someone now defends the brand."""
        self._advocates.add(person.id)

    def silenced(self, person: Person) -> None:
        """Someone with a legitimate complaint was hidden or banned."""
        self._silenced.add(person.id)

    def statement(self) -> None:
        """An official statement was published."""
        self._statements += 1

    def promise_broken(self) -> None:
        """A promise's deadline passed unkept."""
        self._broken += 1

    def metrics(self, unanswered: int, oldest_wait_seconds: int) -> Metrics:
        """The metrics now, given the posts still waiting for the brand."""
        mood = self._weighted_mood / self._mood_weights if self._mood_weights else 0.0
        return Metrics(
            reach=self._reach,
            negative_reach=self._negative_reach,
            sentiment=round(clamp(mood + self.shift), 4),
            unanswered=unanswered,
            oldest_unanswered_minutes=oldest_wait_seconds // 60,
            advocates=len(self._advocates),
            detractors=len(self._detractors),
            statements=self._statements,
            broken_promises=self._broken,
            silenced_complainers=len(self._silenced),
        )
