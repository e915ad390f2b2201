"""What the engine needs from outside and is handed, never imports: the reply reader.

The crowd reacts to what a reply says, and the score judges the same words: one
analyzer serves both. It lives in ``scoring``, which the engine must not import, so
whoever starts a session hands the engine a ``ReplyReader`` (``scoring.read_reply``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from game.journal.records import AnswerRecord, PostRecord
from game.scenario.model import Scenario
from game.vocabulary import Cue, Verdict


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

    @property
    def act(self) -> str:
        """What it commits to: private_message, callback, refund, update, ..."""
        ...


class Reading(Protocol):
    """What a reply says, as far as the engine cares."""

    @property
    def promises(self) -> Sequence[PromiseReading]:
        """The promises, in order."""
        ...

    @property
    def delivered(self) -> frozenset[str]:
        """The acts the words report as done (keeps promises of those acts)."""
        ...

    @property
    def topic(self) -> str:
        """What the answered post asks about (same topic, same answer: not canned)."""
        ...

    @property
    def verdicts(self) -> frozenset[Verdict]:
        """What the reading found wrong beyond the cues (canned, wrong_language...)."""
        ...

    def cue_ids(self) -> frozenset[Cue]:
        """The distinct cues found."""
        ...

    def understood(self) -> frozenset[Cue]:
        """The cues the person answered took in (none, in a language they cannot read)."""
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
        scenario: Scenario | None = None,
        post: PostRecord | None = None,
        archetype: str | None = None,
        earlier: Sequence[AnswerRecord] = (),
    ) -> Reading:
        """The reading of ``text``, for ``customer`` at the simulated ``minute_of_day``.

        Given the scenario and the ``post`` answered (written by a persona of
        ``archetype``), the reply is judged in its situation, ``earlier`` answers
        telling whether it is canned.
        """
        ...
