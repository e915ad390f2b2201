"""Wrong join codes, counted per browser address, so that the code cannot be guessed.

A code has 22^6 (about 113 million) values: enough against a person, not against a
script sending thousands of tries a second. After ``FREE_TRIES`` wrong codes from one
address, that address may try again only every ``PAUSE`` seconds; a right code clears
its count. Trainees who mistype lose a few seconds; a script loses its speed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FREE_TRIES = 5
PAUSE = 2.0
"""Seconds between tries once an address has spent its free ones."""
KEPT = 10_000
"""Addresses remembered at most (the oldest are forgotten first)."""


@dataclass
class CodeTries:
    """Wrong codes per address, and when each address may try again."""

    _wrong: dict[str, tuple[int, float]] = field(default_factory=dict)

    def may_try(self, address: str, now: float) -> bool:
        """Whether a code from ``address`` may be checked at ``now`` (monotonic seconds)."""
        count, last = self._wrong.get(address, (0, 0.0))
        return count < FREE_TRIES or now - last >= PAUSE

    def wrong(self, address: str, now: float) -> None:
        """Count a wrong code from ``address``."""
        count, _ = self._wrong.pop(address, (0, 0.0))
        self._wrong[address] = (count + 1, now)
        if len(self._wrong) > KEPT:
            del self._wrong[next(iter(self._wrong))]

    def right(self, address: str) -> None:
        """Forget the wrong codes of ``address``: it has the code."""
        self._wrong.pop(address, None)
