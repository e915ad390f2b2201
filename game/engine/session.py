"""A crisis session: the simulated clock, the crowd, the phases, and the trainee's actions.

Deterministic: a session is a function of (scenario, seed, language, actions and the
times they were taken). Time advances on a fixed grid of ticks, whatever the caller's
steps, so ``advance(60)`` and sixty ``advance(1)`` give the same session.

Everything that happens is one typed event (``game.journal.events``), published to the
session's subscribers the moment it happens (the log is one) and returned by ``advance``
and ``act``. What the trainee may read of the state goes through the read queries below.
"""

from __future__ import annotations

import contextlib
import math
import platform
import random
from collections.abc import Callable, Iterable
from importlib import metadata
from typing import Any

from game import __version__
from game.engine import handlers
from game.engine.agenda import Agenda
from game.engine.audience import Audience
from game.engine.clock import TICK_SECONDS
from game.engine.conditions import ConditionContext, compile_condition
from game.engine.crowd import Crowd, WeightedChoice
from game.engine.identities import FakerIdentities, IdentitySource
from game.engine.machine import PhaseModel, phase_machine_for
from game.engine.ports import ReplyReader
from game.engine.reactions import Reactions
from game.engine.refusals import ActionError, Refusal
from game.engine.world import TONE_VALUE, Person, Post, Promise, Thread
from game.journal.actions import Action, Wait
from game.journal.events import (
    ActionTaken,
    BrandPosted,
    Event,
    FactRevealed,
    MetricsChanged,
    MetricsSampled,
    PersonJoined,
    PhaseChanged,
    PostArrived,
    SessionClosed,
    SessionEnded,
    SessionStarted,
    Versions,
)
from game.journal.metrics import Metrics
from game.journal.records import BRAND
from game.scenario.loader import LoadedScenario
from game.scenario.model import Channel, Inject, Scenario

Subscriber = Callable[[Event], None]
"""Anything that watches a session's events as they happen (the log, a facilitator)."""


class Session:
    """One trainee's session of one scenario.

    Args:
        loaded: the scenario.
        seed: seed of every random choice.
        reader: reads the brand's replies (``scoring.read_reply``).
        trainee: the trainee's name, for the log.
        language: ``es`` or ``en`` (must be one of the scenario's languages).
        subscribers: called with every event from the first (the header) on; a
            ``SessionLog``'s ``record`` keeps the log.
        identities: where people's names come from (default: Faker).
    """

    def __init__(
        self,
        loaded: LoadedScenario,
        *,
        seed: int,
        reader: ReplyReader,
        trainee: str = "",
        language: str = "es",
        subscribers: Iterable[Subscriber] = (),
        identities: IdentitySource | None = None,
    ) -> None:
        scenario = loaded.scenario
        if language not in scenario.meta.languages:
            raise ValueError(
                f"scenario {scenario.meta.id} has no '{language}' version "
                f"({', '.join(scenario.meta.languages)})"
            )
        self.loaded = loaded
        self.scenario: Scenario = scenario
        self.seed = seed
        self.trainee = trainee
        self.language = language
        self.read = reader
        self.now = 0
        self.end_time = scenario.meta.duration_minutes * 60
        self.ended = False
        self.rng = random.Random(seed)
        self.crowd = Crowd(scenario, self.rng, identities or FakerIdentities(), language)
        self.posts: dict[str, Post] = {}
        self.post_order: list[Post] = []  # every post, brand's too, in the order they appeared
        self.threads: dict[str, Thread] = {}
        self.promises: dict[str, Promise] = {}
        self.revealed = {fact.id for fact in scenario.facts if fact.revealed_at_minute is None}
        self.phase_path = [scenario.phases[0].id]
        self.phase_since = 0
        self.metrics = Metrics()
        self.audience = Audience()
        self.reactions = Reactions(self)
        self.agenda = Agenda()
        self.channels = {channel.id: channel for channel in scenario.channels}
        self._subscribers = list(subscribers)
        self._batch: list[Event] = []
        self._phases = {phase.id: phase for phase in scenario.phases}
        self._waiting: dict[str, Post] = {}  # in arrival order: the first waited longest
        self._next_tick = 0
        self._last_sampled_minute = -1
        self._conditional = [
            (inject, compile_condition(inject.when))
            for inject in scenario.injects
            if inject.when is not None
        ]
        self._inject_authors: dict[str, Person] = {}
        self.last_post: dict[str, Post] = {}  # each person's latest post
        self._templates = {template.id: template for template in scenario.crowd}
        # Per phase, the crowd templates that can post in it and their weights.
        self._crowd_weights = {
            phase.id: WeightedChoice(
                {
                    template.id: weight
                    for template in scenario.crowd
                    if (weight := template.weights.get(phase.id, 0.0)) > 0
                }
            )
            for phase in scenario.phases
        }
        self._joined: set[str] = set()
        self._closed = False
        self._model = PhaseModel()
        self._machine = phase_machine_for(scenario)
        self._machine.attach(self._model)
        self.emit(self._header())
        for inject in scenario.injects:
            if inject.at_minute is not None:
                self.schedule(inject.at_minute * 60, self._fire_inject_callback(inject))
        for fact in scenario.facts:
            if fact.revealed_at_minute is not None:
                self.schedule(fact.revealed_at_minute * 60, self._reveal_callback(fact.id))
        # Second 0 happens at once, so that "now" always means "everything due by now
        # has happened"; its events are handed out by the first advance or act.
        self._run_until(0)

    # ------------------------------------------------------------------ driving

    def subscribe(self, subscriber: Subscriber) -> None:
        """Watch every event from now on (those of second 0 come with the first step)."""
        self._subscribers.append(subscriber)

    def emit(self, event: Event) -> None:
        """Publish an event: to every subscriber now, and to the caller of this step."""
        self._batch.append(event)
        for subscriber in self._subscribers:
            subscriber(event)

    def advance(self, seconds: int) -> list[Event]:
        """Let ``seconds`` of simulated time pass; the events that happened, in order."""
        if seconds < 0:
            raise ValueError("time does not go back")
        return self.advance_to(self.now + seconds)

    def advance_to(self, time: int) -> list[Event]:
        """Let simulated time pass until second ``time``."""
        self._run_until(time)
        return self._take_batch()

    def act(self, action: Action) -> list[Event]:
        """Take a trainee action now.

        Raises:
            ActionError: the action cannot be taken (nothing is changed or logged).
        """
        if self.ended:
            raise ActionError(Refusal.SESSION_ENDED)
        if isinstance(action, Wait):
            if action.seconds < 0:
                raise ActionError(Refusal.NEGATIVE_WAIT)
            self.emit(ActionTaken(self.now, action))
            return self.advance(action.seconds)
        handlers.take(self, action)
        self._update_metrics()
        return self._take_batch()

    def close(self) -> None:
        """Stop the session: record the time it stopped at and release the phase machine."""
        if not self._closed:
            self.emit(SessionClosed(self.now))
        self._closed = True
        self.ended = True
        self._detach()

    # ------------------------------------------------------------------ read queries

    @property
    def phase(self) -> str:
        """The current phase id."""
        return self._model.state

    def visible_posts(self) -> list[Post]:
        """Posts the trainee can see (untagged ones once a search found them)."""
        return [post for post in self.posts.values() if post.found]

    def waiting_posts(self) -> list[Post]:
        """Posts that still need an answer, the longest waiting first.

        A post of a banned author, or of one who gave up, no longer waits.
        """
        return list(self._waiting.values())

    def is_waiting(self, post: Post) -> bool:
        """Whether a post still needs an answer from the brand."""
        return post.id in self._waiting

    def response_deadline(self, post: Post) -> int:
        """The second by which its channel expects an answer to a post."""
        return post.time + self.channels[post.channel].expected_response_minutes * 60

    def is_overdue(self, post: Post) -> bool:
        """Whether a post has waited longer than its channel's expected response time."""
        return self.is_waiting(post) and self.now > self.response_deadline(post)

    def overdue_posts(self) -> list[Post]:
        """Every overdue post, oldest first."""
        return [post for post in self._waiting.values() if self.is_overdue(post)]

    def person(self, post: Post) -> Person | None:
        """The author of a post (None for the brand's own posts)."""
        return None if post.from_brand else self.crowd.people.get(post.author)

    def thread_posts(self, post: Post) -> list[Post]:
        """Every post of the exchange a post belongs to, the brand's too, in order."""
        return [self.posts[post_id] for post_id in self.threads[post.thread].posts]

    def thread_promises(self, post: Post) -> list[Promise]:
        """The promises made in a post's exchange."""
        return [p for p in self.promises.values() if p.thread == post.thread]

    def open_promises(self, thread: Thread | None = None) -> list[Promise]:
        """Promises still running (of one exchange, or of all)."""
        return [
            p
            for p in self.promises.values()
            if p.status == "open" and (thread is None or p.thread == thread.id)
        ]

    def owed_promises(self) -> list[Promise]:
        """Promises not yet kept (open or broken: a late follow-up is still owed)."""
        return [p for p in self.promises.values() if p.status != "kept"]

    def possible_actions(self, post: Post) -> frozenset[str]:
        """The kinds of action the engine would take on this post now (for the keys)."""
        return handlers.possible_on(self, post)

    def refusal(self, post: Post, kind: str) -> ActionError | None:
        """Why an action of ``kind`` (``reply``, ``ban``...) could not take ``post`` now."""
        return handlers.refusal_on(self, post, kind)

    def state_fingerprint(self) -> dict[str, Any]:
        """A summary that two equal sessions share (for replay checks)."""
        return {
            "now": self.now,
            "phase": self.phase,
            "phases": list(self.phase_path),
            "metrics": self.metrics.to_dict(),
            "posts": [post.record() for post in self.posts.values()],
            "people": [person.record() for person in self.crowd.people.values()],
            "promises": [(p.id, p.due, p.status) for p in self.promises.values()],
            "threads": [
                (t.id, len(t.posts), t.public_replies, t.private, t.resolved, t.escalated)
                for t in self.threads.values()
            ],
            "states": [(p.id, p.answered_at, p.hidden, p.liked, p.found) for p in self.post_order],
            "revealed": sorted(self.revealed),
            "ended": self.ended,
        }

    # ------------------------------------------------------------------ time

    def schedule(self, time: int, run: Callable[[], None]) -> None:
        """Run ``run`` at second ``time`` (now, if that is past)."""
        self.agenda.schedule(max(time, self.now), run)

    def _run_until(self, time: int) -> None:
        target = min(time, self.end_time)
        while not self.ended:
            next_item = self.agenda.next_time()
            if min(next_item, self._next_tick) > target:
                break
            if next_item <= self._next_tick:  # what is due at a tick happens before it
                when, run = self.agenda.pop()
                self.now = max(self.now, when)
                run()
            else:
                self.now = max(self.now, self._next_tick)
                self._next_tick += TICK_SECONDS
                self._tick()
        if not self.ended:
            self.now = max(self.now, target)
            if self.now >= self.end_time:
                self._end("time")

    def _take_batch(self) -> list[Event]:
        events, self._batch = self._batch, []
        return events

    def _header(self) -> SessionStarted:
        loaded = self.loaded
        return SessionStarted(
            0,
            scenario=loaded.scenario.meta.id,
            scenario_hash=loaded.content_hash,
            scenario_path=str(loaded.path),
            scenario_source=loaded.source_text,
            seed=self.seed,
            language=self.language,
            trainee=self.trainee,
            versions=Versions(__version__, _faker_version(), platform.python_version()),
        )

    def _fire_inject_callback(self, inject: Inject) -> Callable[[], None]:
        return lambda: self._fire_inject(inject)

    def _reveal_callback(self, fact_id: str) -> Callable[[], None]:
        def reveal() -> None:
            self.revealed.add(fact_id)
            self.emit(FactRevealed(self.now, fact_id))

        return reveal

    def _tick(self) -> None:
        self._crowd_arrivals()
        for inject, check in list(self._conditional):
            if check(self._context()):
                self._conditional.remove((inject, check))
                self._fire_inject(inject)
        self._update_metrics()
        previous = self.phase
        if self._machine.evaluate(self._model, self._context()):
            self.phase_path.append(self.phase)
            self.phase_since = self.now
            self.emit(PhaseChanged(self.now, previous, self.phase))
            if self._phases[self.phase].final:
                self._end("final phase")

    def _context(self) -> ConditionContext:
        return ConditionContext(
            self.metrics,
            self.now / 60,
            (self.now - self.phase_since) / 60,
            frozenset(self.revealed),
        )

    def _end(self, reason: str) -> None:
        self.ended = True
        self.emit(SessionEnded(self.now, self.phase, reason))
        self._detach()

    def _detach(self) -> None:
        if self._model is not None and hasattr(self._model, "trigger"):
            with contextlib.suppress(ValueError):  # already detached
                self._machine.detach(self._model)

    # ------------------------------------------------------------------ the crowd

    def _crowd_arrivals(self) -> None:
        rate = self._phases[self.phase].crowd_per_minute * TICK_SECONDS / 60
        count = _poisson(self.rng, rate) if rate > 0 else 0
        weights = self._crowd_weights[self.phase]
        for _ in range(count if weights else 0):
            template = self._templates[weights.pick(self.rng)]
            channel = template.channels[self.rng.randrange(len(template.channels))]
            author = self.crowd.person_for(template.persona, reuse=True)
            if author.banned or author.stopped:
                continue
            self.publish(
                author,
                channel,
                template.text,
                self.new_thread(author, channel),
                tone=template.tone,
                needs_reply=template.needs_reply,
                tags_brand=template.tags_brand,
                source=f"crowd:{template.id}",
                facts=tuple(template.facts),
            )

    def _fire_inject(self, inject: Inject) -> None:
        if inject.follows is not None and inject.follows in self._inject_authors:
            author = self._inject_authors[inject.follows]
            previous = next(
                (
                    p
                    for p in reversed(self.posts.values())
                    if p.source == f"inject:{inject.follows}"
                ),
                None,
            )
            thread = (
                self.threads[previous.thread]
                if previous is not None and previous.channel == inject.channel
                else self.new_thread(author, inject.channel)
            )
        else:
            author = self.crowd.person_for(inject.persona, reuse=False)
            thread = self.new_thread(author, inject.channel)
        self._inject_authors[inject.id] = author
        if author.banned or author.stopped:
            return
        self.publish(
            author,
            inject.channel,
            inject.text,
            thread,
            tone=inject.tone,
            needs_reply=inject.needs_reply,
            tags_brand=inject.tags_brand,
            source=f"inject:{inject.id}",
            facts=tuple(inject.facts),
        )

    def new_thread(self, author: Person, channel: str) -> Thread:
        """Start an exchange by ``author`` on ``channel``, with its own placeholder values."""
        thread = Thread(f"t{len(self.threads) + 1}", author.id, channel)
        thread.values = self.crowd.draw_values()
        self.threads[thread.id] = thread
        return thread

    def publish(
        self,
        author: Person,
        channel_id: str,
        variants: Any,
        thread: Thread,
        *,
        tone: str,
        needs_reply: bool,
        tags_brand: bool,
        source: str,
        facts: tuple[str, ...] = (),
    ) -> None:
        """A person posts: the post is made, published, and starts their patience clock."""
        text, language = self.crowd.write(variants, author, thread.values)
        channel = self.channels[channel_id]
        exposure = (
            int(author.followers * channel.audience_weight) if channel.visibility == "public" else 0
        )
        self.audience.saw(author, exposure, tone)
        if not thread.posts:
            self.audience.set_mood(author, TONE_VALUE[tone])
        post = Post(
            id=f"m{len(self.posts) + 1}",
            time=self.now,
            channel=channel_id,
            author=author.id,
            text=text,
            language=language,
            tone=tone,
            needs_reply=needs_reply and not author.is_troll,
            tags_brand=tags_brand,
            thread=thread.id,
            source=source,
            facts=facts,
            exposure=exposure,
            found=tags_brand,
        )
        self._add(post, thread)
        self.last_post[author.id] = post
        thread.resolved = False
        if author.id not in self._joined:
            self._joined.add(author.id)
            self.emit(PersonJoined(self.now, author.record()))
        self.emit(PostArrived(self.now, post.record()))
        if post.waiting:
            self._waiting[post.id] = post
        if needs_reply or author.is_troll:
            self.schedule(self.now + author.patience_minutes * 60, self._patience_callback(post))

    def brand_post(self, channel: str, text: str, thread: Thread, source: str) -> Post:
        """The brand's words appear in an exchange."""
        post = Post(
            id=f"m{len(self.posts) + 1}",
            time=self.now,
            channel=channel,
            author=BRAND,
            text=text,
            language=self.language,
            tone="neutral",
            needs_reply=False,
            tags_brand=True,
            thread=thread.id,
            source=source,
        )
        self._add(post, thread)
        self.emit(BrandPosted(self.now, post.record()))
        return post

    def _add(self, post: Post, thread: Thread) -> None:
        self.posts[post.id] = post
        self.post_order.append(post)
        thread.posts.append(post.id)

    def _patience_callback(self, post: Post) -> Callable[[], None]:
        def run_out() -> None:
            ignored = post.answered_at is None and not post.hidden
            person = self.crowd.people[post.author]
            if ignored and not (person.banned or person.stopped):
                self.reactions.react(person, "ignored", post, frozenset())

        return run_out

    # ------------------------------------------------------------------ bookkeeping

    def answered(self, thread: Thread) -> None:
        """The brand answered an exchange: none of its posts waits any longer."""
        for waiting in [p for p in self._waiting.values() if p.thread == thread.id]:
            waiting.answered_at = self.now
            del self._waiting[waiting.id]

    def stop_waiting(self, post: Post) -> None:
        """A post no longer waits (it was hidden)."""
        self._waiting.pop(post.id, None)

    def drop_waiting(self, person: Person) -> None:
        """None of a person's posts waits any longer (banned, or gave up)."""
        for post_id in [p for p, post in self._waiting.items() if post.author == person.id]:
            del self._waiting[post_id]

    def _update_metrics(self) -> None:
        oldest = next(iter(self._waiting.values())).time if self._waiting else self.now
        metrics = self.audience.metrics(len(self._waiting), self.now - oldest)
        if metrics == self.metrics:
            return
        self.metrics = metrics
        self.emit(MetricsChanged(self.now, metrics))
        minute = self.now // 60
        if minute != self._last_sampled_minute:
            self._last_sampled_minute = minute
            self.emit(MetricsSampled(self.now, metrics))

    def private_channel(self) -> Channel:
        """The scenario's private channel.

        Raises:
            ActionError: the scenario has none.
        """
        for channel in self.scenario.channels:
            if channel.visibility == "private":
                return channel
        raise ActionError(Refusal.NO_PRIVATE_CHANNEL)


def _faker_version() -> str:
    try:
        return metadata.version("faker")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: fine for the small means of one tick."""
    limit = math.exp(-mean)
    count = 0
    product = rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
