"""A session as the scorer sees it, rebuilt from the recorded events of its log.

The log is the source of truth (DESIGN.md): it holds the people and posts as they were
generated, the trainee's actions with their texts, phase changes, promises and metric
snapshots, each a typed event of ``game.journal``. This module turns them into a few
lists the judges read; it knows nothing of the engine, so scoring an old log needs no
session to be replayed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from game.budgets import Budget, budget_of
from game.journal.actions import (
    Ban,
    FollowUp,
    Hide,
    PrivateMessage,
    Reply,
    Search,
    Statement,
    Warn,
)
from game.journal.events import (
    ActionTaken,
    DraftUnsent,
    Event,
    FacilitatorPushed,
    MetricsSampled,
    PersonJoined,
    PhaseChanged,
    PostArrived,
    PromiseBroken,
    PromiseKept,
    PromiseMade,
    SessionEnded,
    SessionStarted,
    TraineeLeft,
)
from game.journal.metrics import Metrics
from game.journal.records import PostRecord
from game.scenario.model import Fact, Scenario

ANSWER_KINDS = frozenset({"reply", "private_message", "follow_up"})
"""Brand messages that answer someone (a statement or a warning does not)."""


@dataclass(frozen=True)
class Person:
    """Someone from the crowd, as generated."""

    id: str
    persona: str
    archetype: str
    name: str
    handle: str
    followers: int

    @property
    def label(self) -> str:
        """The person as "Name (@handle)", for reports."""
        return f"{self.name} ({self.handle})"


@dataclass(frozen=True)
class BrandMessage:
    """Something the brand wrote: a reply, private message, follow-up, warning or statement.

    Attributes:
        kind: the action kind that wrote it.
        time: simulated second.
        text: the trainee's words.
        channel: where it appeared (the first channel, for a statement).
        channels: every channel it appeared on.
        public: whether the audience can read it.
        post_id: the post it answers (None for a statement).
        thread: the exchange it belongs to (None for a statement).
        index: its position among the trainee's actions (for "the same words as ...").
        reply_id: the id the engine gave the message (promises point to it).
        order: its position among all the log's events (what came before what, even
            within one second).
    """

    kind: str
    time: int
    text: str
    channel: str
    channels: tuple[str, ...]
    public: bool
    post_id: str | None
    thread: str | None
    index: int
    reply_id: str | None = None
    order: int = 0


@dataclass(frozen=True)
class Moderation:
    """A hide, warning or ban (``index``: its position among the trainee's actions)."""

    kind: str
    time: int
    post_id: str
    author: str
    index: int


@dataclass
class PromiseRecord:
    """A promise made in a reply, and what became of it."""

    id: str
    made: int
    reply_id: str
    text: str
    due: int
    status: str = "open"
    settled: int | None = None
    delivered_late: int | None = None


@dataclass
class SessionView:
    """Everything the scorer reads, in time order.

    Attributes:
        scenario: the scenario the session played.
        language: the session's language.
        seed, trainee: from the log header.
        people: crowd people by id.
        posts: crowd posts in order.
        messages: what the brand wrote, in order.
        moderations: hides, warnings and bans, in order.
        searches: (time, ids of posts found) per search.
        promises: promises by id.
        phases: (time, phase id) for the start and every change.
        metrics: (time, metrics record) snapshots.
        end: the last simulated second the log knows.
        found_at: when each untagged post was found by a search.
        post_by_id: crowd posts by id.
        answers_by_thread: the brand's answers per exchange, in order.
        abusive_authors: trolls and anyone who wrote an abusive post.
        post_order: each crowd post's position among the log's events.
        left_at: when the trainee left before the end (None: they stayed).
        unsent: the words the trainee was writing and never sent (None: none).
        stopped_by: the budget that ended the session early (None: it ended normally).
    """

    scenario: Scenario
    language: str
    seed: int
    trainee: str
    people: dict[str, Person] = field(default_factory=dict)
    posts: list[PostRecord] = field(default_factory=list)
    messages: list[BrandMessage] = field(default_factory=list)
    moderations: list[Moderation] = field(default_factory=list)
    searches: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    promises: dict[str, PromiseRecord] = field(default_factory=dict)
    phases: list[tuple[int, str]] = field(default_factory=list)
    metrics: list[tuple[int, Metrics]] = field(default_factory=list)
    end: int = 0
    found_at: dict[str, int] = field(default_factory=dict)
    post_by_id: dict[str, PostRecord] = field(default_factory=dict)
    answers_by_thread: dict[str, list[BrandMessage]] = field(default_factory=dict)
    abusive_authors: set[str] = field(default_factory=set)
    post_order: dict[str, int] = field(default_factory=dict)
    left_at: int | None = None
    unsent: str | None = None
    stopped_by: Budget | None = None

    @property
    def final_phase(self) -> str:
        """The phase the session ended in."""
        return self.phases[-1][1]

    @property
    def final_metrics(self) -> Metrics | None:
        """The last metric snapshot (None when the log has none)."""
        return self.metrics[-1][1] if self.metrics else None

    def fact(self, fact_id: str) -> Fact | None:
        """The scenario's fact with this id."""
        return next((f for f in self.scenario.facts if f.id == fact_id), None)

    def fact_known(self, fact: Fact, time: int) -> bool:
        """Whether the brand could know ``fact`` at ``time`` (H3)."""
        if fact.truth == "unknown":
            return False
        return fact.revealed_at_minute is None or time >= fact.revealed_at_minute * 60

    def is_abusive_author(self, person_id: str) -> bool:
        """A troll, or someone who wrote an abusive post: house rules may apply (C4)."""
        return person_id in self.abusive_authors

    def thread_posts(self, thread: str) -> list[PostRecord]:
        """The crowd posts of one exchange, in order."""
        return [post for post in self.posts if post.thread == thread]

    def answers_in(self, thread: str) -> list[BrandMessage]:
        """The brand's answers in one exchange, in order."""
        return self.answers_by_thread.get(thread, [])


def _archetypes(scenario: Scenario) -> dict[str, str]:
    return {persona.id: persona.archetype for persona in scenario.personas}


def build_view(scenario: Scenario, records: Iterable[Event]) -> SessionView:
    """Read a session's recorded events into a ``SessionView``.

    Args:
        scenario: the scenario the log's header embeds.
        records: the log's events, header first (as ``read_log`` returns them).

    Returns:
        The view.
    """
    items = iter(records)
    header = next(items, None)
    view = SessionView(
        scenario=scenario,
        language=scenario.meta.languages[0],
        seed=0,
        trainee="",
        phases=[(0, scenario.phases[0].id)],
    )
    if isinstance(header, SessionStarted):
        view.language, view.seed, view.trainee = header.language, header.seed, header.trainee
    reader = _ActionReader(view)
    archetypes = _archetypes(scenario)
    for order, event in enumerate(items, start=1):
        view.end = max(view.end, event.time)
        reader.order = order
        if isinstance(event, PersonJoined):
            person = event.person
            view.people[person.id] = Person(
                id=person.id,
                persona=person.persona,
                archetype=archetypes.get(person.persona, "customer"),
                name=person.name,
                handle=person.handle,
                followers=person.followers,
            )
        elif isinstance(event, PostArrived):
            view.posts.append(event.post)
            view.post_by_id[event.post.id] = event.post
            view.post_order[event.post.id] = order
            reader.thread_of[event.post.id] = event.post.thread
        elif isinstance(event, ActionTaken):
            reader.read(event)
        elif isinstance(event, PhaseChanged):
            view.phases.append((event.time, event.phase))
        elif isinstance(event, TraineeLeft):
            view.left_at = event.time
        elif isinstance(event, FacilitatorPushed):
            # The push is the facilitator's, not the trainee's: it scores nothing. The
            # post it made follows as a post record and is judged like any other.
            pass
        elif isinstance(event, DraftUnsent):
            # Never published: shown in the report, read by no judge.
            view.unsent = event.text
        elif isinstance(event, SessionEnded):
            view.stopped_by = budget_of(event.reason)
        elif isinstance(event, MetricsSampled):
            view.metrics.append((event.time, event.metrics))
        elif isinstance(event, PromiseMade):
            view.promises[event.promise_id] = PromiseRecord(
                event.promise_id, event.time, event.post_id, event.text, event.due
            )
        elif isinstance(event, PromiseKept | PromiseBroken):
            promise = view.promises.get(event.promise_id)
            if promise is not None:
                promise.status = "kept" if isinstance(event, PromiseKept) else "broken"
                promise.settled = event.time
    view.abusive_authors = {p.author for p in view.posts if p.tone == "abusive"} | {
        person.id for person in view.people.values() if person.archetype == "troll"
    }
    for message in view.messages:
        if message.thread is not None and message.kind in ANSWER_KINDS:
            view.answers_by_thread.setdefault(message.thread, []).append(message)
    return view


class _ActionReader:
    """Turns the trainee's recorded actions into brand messages and moderations."""

    def __init__(self, view: SessionView) -> None:
        self.view = view
        self.thread_of: dict[str, str] = {}  # post or brand message id -> thread
        self.order = 0  # position of the event being read
        channels = view.scenario.channels
        self.visibility: Mapping[str, str] = {c.id: c.visibility for c in channels}
        self.private_channel = next((c.id for c in channels if c.visibility == "private"), "")

    def read(self, event: ActionTaken) -> None:
        view, action, result, time = self.view, event.action, event.result, event.time
        index = len(view.messages) + len(view.moderations)
        post_id = getattr(action, "post_id", None)
        post = view.post_by_id.get(post_id) if isinstance(post_id, str) else None
        if isinstance(action, Reply | PrivateMessage) and post is not None:
            self._answer(action, post, time, index, result.reply_id)
        elif isinstance(action, Statement):
            self._statement(action, time, index)
        elif isinstance(action, FollowUp):
            self._follow_up(action, time, index, result.reply_id)
        elif isinstance(action, Hide | Warn | Ban) and post is not None:
            view.moderations.append(Moderation(action.kind, time, post.id, post.author, index))
            if isinstance(action, Warn) and action.text.strip():
                view.messages.append(
                    BrandMessage(
                        "warning",
                        time,
                        action.text,
                        post.channel,
                        (post.channel,),
                        self.visibility.get(post.channel) == "public",
                        post.id,
                        post.thread,
                        index,
                        result.reply_id,
                        self.order,
                    )
                )
        elif isinstance(action, Search):
            found = result.found or ()
            view.searches.append((time, found))
            for found_id in found:
                view.found_at.setdefault(found_id, time)

    def _answer(
        self,
        action: Reply | PrivateMessage,
        post: PostRecord,
        time: int,
        index: int,
        reply_id: str | None,
    ) -> None:
        if isinstance(action, PrivateMessage):
            channel = self.private_channel or post.channel
        else:
            channel = action.channel or post.channel
        self.view.messages.append(
            BrandMessage(
                kind=action.kind,
                time=time,
                text=action.text,
                channel=channel,
                channels=(channel,),
                public=self.visibility.get(channel) == "public",
                post_id=post.id,
                thread=post.thread,
                index=index,
                reply_id=reply_id,
                order=self.order,
            )
        )
        if reply_id is not None:
            self.thread_of[reply_id] = post.thread

    def _statement(self, action: Statement, time: int, index: int) -> None:
        channels = action.channels or tuple(c for c, v in self.visibility.items() if v == "public")
        self.view.messages.append(
            BrandMessage(
                "statement",
                time,
                action.text,
                channels[0],
                channels,
                True,
                None,
                None,
                index,
                order=self.order,
            )
        )

    def _follow_up(self, action: FollowUp, time: int, index: int, reply_id: str | None) -> None:
        view = self.view
        promise = view.promises.get(action.promise_id)
        if promise is not None and promise.status == "broken" and promise.delivered_late is None:
            promise.delivered_late = time
        reply_thread = self.thread_of.get(promise.reply_id, "") if promise else ""
        posts = view.thread_posts(reply_thread)
        if not posts:
            return
        # The engine follows up in private once the exchange has moved there.
        private = any(
            m.kind == "private_message" and m.thread == reply_thread for m in view.messages
        )
        channel = self.private_channel if private else posts[0].channel
        view.messages.append(
            BrandMessage(
                "follow_up",
                time,
                action.text,
                channel,
                (channel,),
                not private,
                posts[-1].id,
                reply_thread,
                index,
                reply_id,
                self.order,
            )
        )
