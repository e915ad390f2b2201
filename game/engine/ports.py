"""What the engine needs from outside and is handed, never imports: the reply reader.

The crowd reacts to what a reply says, and the score judges the same words: one
analyzer serves both. It lives in ``scoring``, which the engine must not import, so
whoever starts a session hands the engine a ``ReplyReader`` (``scoring.read_reply``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from game.vocabulary import Cue


class PromiseReading(Protocol):
    """A promise found in a reply."""

    @property
    def text(self) -> str:
        """The words of the promise."""
        ...

    @property
    def deadline_minutes(self) -> int | None:
        """Minutes from the reply to the deadline; None when none is stated."""
        ...


class Reading(Protocol):
    """What a reply says, as far as the engine cares."""

    @property
    def promises(self) -> Sequence[PromiseReading]:
        """The promises, in order."""
        ...

    def cue_ids(self) -> frozenset[Cue]:
        """The distinct cues found."""
        ...


class ReplyReader(Protocol):
    """Reads a text the brand published."""

    def __call__(
        self,
        text: str,
        language: str,
        *,
        customer: str | None = None,
        minute_of_day: int | None = None,
    ) -> Reading:
        """The reading of ``text``, for ``customer`` at the simulated ``minute_of_day``."""
        ...
