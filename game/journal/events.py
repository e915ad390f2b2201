"""What happens in a session: one typed event stream.

The engine publishes every event to its subscribers (the log, the console, the bots, a
facilitator) and returns them from ``advance`` and ``act``. Events that the log keeps
are *recorded*: each has a ``tag``, the ``type`` of its JSON line (see ``codec``). The
others (``transient``) are notices for whoever watches live and can be derived again
by replaying the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from game.journal.actions import Action
from game.journal.metrics import Metrics
from game.journal.records import PersonRecord, PostRecord
from game.vocabulary import Cue


@dataclass(frozen=True)
class Event:
    """Base of all events; ``time`` is in simulated seconds."""

    time: int

    tag: ClassVar[str | None] = None
    """The log record type of a recorded event; None for a transient one."""


# ---------------------------------------------------------------------- recorded


@dataclass(frozen=True)
class Versions:
    """The software that wrote a log."""

    crisisdrill: str
    faker: str
    python: str


@dataclass(frozen=True)
class SessionLabels:
    """What the front end says about a session, for the header (see ``SessionStarted``).

    Attributes:
        mode: "practice" or "exam" ("" when not said).
        cohort: the trainee's training group ("" for none).
        started: wall-clock start, ISO 8601 UTC ("" when not said).
        round: the workshop round the session was played in ("" for none).
    """

    mode: str = ""
    cohort: str = ""
    started: str = ""
    round: str = ""


NO_LABELS = SessionLabels()


@dataclass(frozen=True)
class SessionStarted(Event):
    """The log's header: the scenario's own text, the seed, the language, the versions.

    Attributes:
        scenario: the scenario id.
        scenario_hash: a hash of the scenario's text.
        scenario_path: where the scenario was loaded from.
        scenario_source: the scenario's whole text, so the log stands alone.
        seed: seed of every random choice.
        language: the session's language.
        trainee: the trainee's name.
        versions: the software that wrote the log.
        mode: "practice" or "exam" for a played session; "" when not said (a bot's
            session, or a log older than crisisdrill 0.3).
        cohort: the training group the trainee plays in ("" for none).
        started: when the session started, ISO 8601 UTC ("" when not said): the only
            wall-clock time in a log, given by the front end, never read by the engine.
        round: the workshop round's id when played in one ("" for none): the class
            report and the results store group a round's sessions by it.
    """

    tag: ClassVar[str | None] = "header"
    scenario: str
    scenario_hash: str
    scenario_path: str
    scenario_source: str
    seed: int
    language: str
    trainee: str
    versions: Versions
    mode: str = ""
    cohort: str = ""
    started: str = ""
    round: str = ""


@dataclass(frozen=True)
class PersonJoined(Event):
    """Someone of the crowd posted for the first time: their generated identity."""

    tag: ClassVar[str | None] = "person"
    person: PersonRecord


@dataclass(frozen=True)
class PostArrived(Event):
    """A post of the crowd appeared; untagged posts are seen only once a search finds them."""

    tag: ClassVar[str | None] = "post"
    post: PostRecord


@dataclass(frozen=True)
class ActionResult:
    """What the engine answered to an action, as the log keeps it (None: not applicable).

    Attributes:
        reply_id: the brand post the action wrote (reply, private message, warning,
            follow-up).
        posts: the brand posts a statement wrote, one per channel.
        cues: the cues the analyzer read in the action's text, sorted.
        found: the posts a search found.
    """

    reply_id: str | None = None
    posts: tuple[str, ...] | None = None
    cues: tuple[Cue, ...] | None = None
    found: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ActionTaken(Event):
    """The trainee acted (answers, moderation, statements, escalations, waits)."""

    tag: ClassVar[str | None] = "action"
    action: Action
    result: ActionResult = field(default_factory=ActionResult)


@dataclass(frozen=True)
class PhaseChanged(Event):
    """The crisis moved to another phase."""

    tag: ClassVar[str | None] = "phase"
    previous: str
    phase: str


@dataclass(frozen=True)
class MetricsSampled(Event):
    """The metrics, kept in the log at most once a simulated minute."""

    tag: ClassVar[str | None] = "metrics"
    metrics: Metrics


@dataclass(frozen=True)
class FactRevealed(Event):
    """The brand learnt a fact."""

    tag: ClassVar[str | None] = "fact"
    fact_id: str


@dataclass(frozen=True)
class PromiseMade(Event):
    """A reply promised something, with a deadline.

    Attributes:
        promise_id: the promise (``pr1``...).
        post_id: the brand reply that made it.
        text: the words of the promise.
        due: the simulated second it must be kept by.
    """

    tag: ClassVar[str | None] = "promise"
    promise_id: str
    post_id: str
    text: str
    due: int


@dataclass(frozen=True)
class PromiseKept(Event):
    """A promise was followed up in time."""

    tag: ClassVar[str | None] = "promise_kept"
    promise_id: str


@dataclass(frozen=True)
class PromiseBroken(Event):
    """A promise's deadline passed without a follow-up."""

    tag: ClassVar[str | None] = "promise_broken"
    promise_id: str


@dataclass(frozen=True)
class FacilitatorPushed(Event):
    """A workshop's facilitator pushed a post to the game; the post's records follow it.

    Either a facilitator inject of the scenario (``inject``), or words written on the
    spot under a persona on a channel. Replay pushes it again at its time, as it takes
    an action again; it scores nothing itself (the post it made is scored as any other).

    Attributes:
        inject: the id of a scenario's ``facilitator_injects`` item (None: written).
        persona: who writes the written post (a persona id); "" for an inject.
        channel: where it appears (a channel id); "" for an inject.
        text: the facilitator's words, as they were sent; "" for an inject.
        tone: the written post's tone (``game.scenario.model.Tone``); "" for an inject.
    """

    tag: ClassVar[str | None] = "facilitator"
    inject: str | None = None
    persona: str = ""
    channel: str = ""
    text: str = ""
    tone: str = ""


@dataclass(frozen=True)
class TraineeLeft(Event):
    """The trainee left before the end; the crisis runs on to the end with nobody answering.

    Everything after it (the crowd, injects, reactions, promises falling due) happens
    as it would have; the trainee takes no more actions.
    """

    tag: ClassVar[str | None] = "left"


@dataclass(frozen=True)
class DraftUnsent(Event):
    """Words the trainee was writing and never sent: time ran out, or they left.

    Kept so the debrief and the report can show them; nothing reacts to them and
    scoring ignores them (they were never published).

    Attributes:
        text: the words, as they stood in the composer.
        post_id: the post they were answering (None: a statement, a search...).
    """

    tag: ClassVar[str | None] = "unsent"
    text: str
    post_id: str | None


@dataclass(frozen=True)
class SessionEnded(Event):
    """The session is over: a final phase was reached or time ran out."""

    tag: ClassVar[str | None] = "end"
    phase: str
    reason: str


@dataclass(frozen=True)
class SessionClosed(Event):
    """The session was stopped (by the trainee, or at the end); nothing follows."""

    tag: ClassVar[str | None] = "close"


# ---------------------------------------------------------------------- transient


@dataclass(frozen=True)
class BrandPosted(Event):
    """The brand's words appeared: a reply, private message, warning, follow-up or statement."""

    post: PostRecord


@dataclass(frozen=True)
class ReplyAnalysed(Event):
    """The analyzer's reading of a text the brand published (the crowd reacts to it).

    Attributes:
        post_id: the brand post.
        cues: the cues found.
        promises: the promises found, with their deadline in minutes when stated.
    """

    post_id: str
    cues: frozenset[Cue]
    promises: tuple[tuple[str, int | None], ...] = ()


@dataclass(frozen=True)
class PostFound(Event):
    """A search found a post that does not tag the brand."""

    post: PostRecord


@dataclass(frozen=True)
class MetricsChanged(Event):
    """The metrics after a tick in which they changed."""

    metrics: Metrics


@dataclass(frozen=True)
class PromiseDue(Event):
    """A promise's deadline is near (a quarter of its time is left)."""

    promise_id: str
    due: int


@dataclass(frozen=True)
class ThreadResolved(Event):
    """An exchange needs nothing more from the brand."""

    thread_id: str


RECORDED: tuple[type[Event], ...] = (
    SessionStarted,
    PersonJoined,
    PostArrived,
    ActionTaken,
    PhaseChanged,
    MetricsSampled,
    FactRevealed,
    PromiseMade,
    PromiseKept,
    PromiseBroken,
    FacilitatorPushed,
    DraftUnsent,
    TraineeLeft,
    SessionEnded,
    SessionClosed,
)
"""Every event the log keeps, by the order they may first appear."""
