"""What happens in a session: events returned by ``advance`` and ``act``."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.metrics import Metrics
from game.engine.world import Post


@dataclass(frozen=True)
class Event:
    """Base of all events; ``time`` is in simulated seconds."""

    time: int


@dataclass(frozen=True)
class PostArrived(Event):
    """A post appeared; untagged posts are visible only once found by a search."""

    post: Post


@dataclass(frozen=True)
class PostFound(Event):
    """A search found a post that does not tag the brand."""

    post: Post


@dataclass(frozen=True)
class PhaseChanged(Event):
    """The crisis moved to another phase."""

    previous: str
    phase: str


@dataclass(frozen=True)
class MetricsChanged(Event):
    """The metrics after a tick in which they changed."""

    metrics: Metrics


@dataclass(frozen=True)
class PromiseMade(Event):
    """A reply promised something, with a deadline."""

    promise_id: str
    post_id: str
    due: int


@dataclass(frozen=True)
class PromiseDue(Event):
    """A promise's deadline is near (a quarter of its time is left)."""

    promise_id: str
    due: int


@dataclass(frozen=True)
class PromiseKept(Event):
    """A promise was followed up in time."""

    promise_id: str


@dataclass(frozen=True)
class PromiseBroken(Event):
    """A promise's deadline passed without a follow-up."""

    promise_id: str


@dataclass(frozen=True)
class FactRevealed(Event):
    """The brand learnt a fact."""

    fact_id: str


@dataclass(frozen=True)
class ThreadResolved(Event):
    """An exchange needs nothing more from the brand."""

    thread_id: str


@dataclass(frozen=True)
class SessionEnded(Event):
    """The session is over: a final phase was reached or time ran out."""

    phase: str
    reason: str
