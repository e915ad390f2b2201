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
import functools
import platform
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from typing import Any, ClassVar

from game import __version__
from game.budgets import (
    GAME_BUDGETS,
    TRAINEE_TEXT_CHARACTERS,
    Budget,
    Budgets,
    exceeded_message,
    reason_for,
)
from game.engine import handlers
from game.engine.agenda import Agenda
from game.engine.audience import Audience
from game.engine.budget import SessionBudget
from game.engine.clock import TICK_SECONDS
from game.engine.conditions import ConditionContext, compile_condition
from game.engine.crowd import Crowd
from game.engine.identities import FakerIdentities, IdentitySource
from game.engine.machine import PhaseModel, phase_machine_for
from game.engine.ports import Reading, ReplyReader
from game.engine.posting import Posting
from game.engine.queries import ReadQueries
from game.engine.reactions import Reactions
from game.engine.refusals import ActionError, Refusal
from game.engine.world import Person, Post, Promise, Thread
from game.journal.actions import Action, Wait
from game.journal.events import (
    NO_LABELS,
    ActionTaken,
    DraftUnsent,
    Event,
    FacilitatorPushed,
    FactRevealed,
    MetricsChanged,
    MetricsSampled,
    PhaseChanged,
    SessionClosed,
    SessionEnded,
    SessionLabels,
    SessionStarted,
    TraineeLeft,
    Versions,
)
from game.journal.metrics import Metrics
from game.journal.records import AnswerRecord
from game.scenario.loader import LoadedScenario
from game.scenario.model import HIDDEN_CHARACTERS, Archetype, Channel, Inject, Scenario, Tone

_PUSHED_TONE: dict[Archetype, Tone] = {"troll": "abusive", "fan": "positive"}
"""The tone of a facilitator's written post by its persona's archetype (else negative)."""

Subscriber = Callable[[Event], None]
"""Anything that watches a session's events as they happen (the log, a facilitator)."""


@dataclass(frozen=True)
class Leave(Action):
    """The trainee leaves before the end: ``session.act(Leave())`` is ``session.leave()``.

    Not a move in the crisis and never an ``action`` record: the log keeps it as
    ``TraineeLeft``, and the crowd carries on to the scenario's end without the trainee.
    """

    kind: ClassVar[str] = "leave"


class Session(ReadQueries):
    """One trainee's session of one scenario.

    Args:
        loaded: the scenario.
        seed: seed of every random choice.
        reader: reads the brand's replies (``scoring.read_reply``).
        trainee: the trainee's name, for the log.
        language: ``es`` or ``en`` (must be one of the scenario's languages).
        labels: mode, cohort and wall-clock start for the header; the engine only
            writes them down.
        subscribers: called with every event from the first (the header) on; a
            ``SessionLog``'s ``record`` keeps the log.
        identities: where people's names come from (default: Faker).
        budgets: the limits the session runs under (``game.budgets``; ``check`` plays
            under tighter ones).
    """

    def __init__(
        self,
        loaded: LoadedScenario,
        *,
        seed: int,
        reader: ReplyReader,
        trainee: str = "",
        language: str = "es",
        labels: SessionLabels = NO_LABELS,
        subscribers: Iterable[Subscriber] = (),
        identities: IdentitySource | None = None,
        budgets: Budgets = GAME_BUDGETS,
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
        self.labels = labels
        self.read = reader
        self.answers: list[AnswerRecord] = []  # every answer so far, for canned replies
        self.last_reading: Reading | None = None  # of the brand's latest words
        self.now = 0
        self.end_time = scenario.meta.duration_minutes * 60
        self.ended = False
        self.left: int | None = None  # the second the trainee left, if they did
        self.rng = random.Random(seed)
        self.budget = SessionBudget(budgets)
        self.exceeded: Budget | None = None  # the budget that stops the session, once over
        self.end_reason: str | None = None  # why it ended: time, final phase, budget:...
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
        self.posting = Posting(self)
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

        An action beyond the session's budgets (``game.budgets``) is not taken: the
        session ends there, and the action is refused as coming after the end.

        Raises:
            ActionError: the action cannot be taken (nothing else is changed or logged).
        """
        if self.ended or self.left is not None:
            raise ActionError(Refusal.SESSION_ENDED)
        if isinstance(action, Leave):
            return self.leave()
        written = action.written()
        exceeded = self.budget.action_exceeds(written)
        if exceeded is not None:
            self.over_budget(exceeded)
            self._end_if_over_budget()
            raise ActionError(Refusal.SESSION_ENDED)
        if isinstance(action, Wait):
            if action.seconds < 0:
                raise ActionError(Refusal.NEGATIVE_WAIT)
            self.budget.action_taken(written)
            self.emit(ActionTaken(self.now, action))
            return self.advance(action.seconds)
        handlers.take(self, action)
        self.budget.action_taken(written)
        self._update_metrics()
        self._end_if_over_budget()
        return self._take_batch()

    def push_inject(self, inject_id: str) -> list[Event]:
        """A workshop's facilitator pushes one of the scenario's ``facilitator_injects`` now.

        Logged as ``FacilitatorPushed`` before the post's own records, so that replay
        pushes it again at this second. The post is like a scripted inject's: a new
        person of its persona writes it, it waits for an answer and is scored so.

        Args:
            inject_id: the id of an item of the scenario's ``facilitator_injects``.

        Returns:
            The events that happened (the push, the person, the post, the metrics).

        Raises:
            ActionError: no such inject, its author is banned, or the session is over.
        """
        self._check_open()
        inject = next((i for i in self.scenario.facilitator_injects if i.id == inject_id), None)
        if inject is None:
            raise ActionError(Refusal.NO_SUCH_INJECT, inject=inject_id)
        self._check_author(inject.persona)
        pushed = FacilitatorPushed(self.now, inject=inject_id)
        return self._pushed(pushed, lambda: self.posting.push(inject))

    def push_post(
        self, persona_id: str, channel_id: str, text: str, tone: Tone | None = None
    ) -> list[Event]:
        """A workshop's facilitator posts their own words now, as someone of a persona.

        The words are posted as written, in the session's language (no placeholder is
        filled), by a new person of the persona (the fixed one, for a persona with a
        name), in a new exchange on the channel, tagging the brand. Logged as
        ``FacilitatorPushed`` before the post's records, like ``push_inject``.

        Args:
            persona_id: a persona of the scenario.
            channel_id: a channel of the scenario.
            text: the words, at most a person's post long (``game.budgets``).
            tone: the post's tone; default: abusive for a troll, positive for a fan,
                negative for anyone else (a facilitator pushes trouble).

        Returns:
            The events that happened (the push, the person, the post, the metrics).

        Raises:
            ActionError: an unknown persona or channel, blank or too long words or
                words with an invisible control character, a banned author, or a
                session that is over.
        """
        self._check_open()
        persona = next((p for p in self.scenario.personas if p.id == persona_id), None)
        if persona is None:
            raise ActionError(Refusal.NO_SUCH_PERSONA, persona=persona_id)
        if channel_id not in self.channels:
            raise ActionError(Refusal.NO_SUCH_CHANNEL, channel=channel_id)
        if not text.strip():
            raise ActionError(Refusal.EMPTY_POST)
        # As in a scenario's texts: no character that makes the post read otherwise.
        hidden = HIDDEN_CHARACTERS.search(text)
        if hidden is not None:
            raise ActionError(Refusal.HIDDEN_CHARACTER, code=f"U+{ord(hidden.group()):04X}")
        limit = self.budget.limits.post_length
        if len(text) > limit:  # a longer post would end the session (budget:post_length)
            raise ActionError(Refusal.TEXT_TOO_LONG, length=str(len(text)), limit=str(limit))
        self._check_author(persona_id)
        chosen: Tone = tone or _PUSHED_TONE.get(persona.archetype, "negative")
        pushed = FacilitatorPushed(
            self.now, persona=persona_id, channel=channel_id, text=text, tone=chosen
        )
        return self._pushed(
            pushed, lambda: self.posting.push_written(persona_id, channel_id, text, chosen)
        )

    def _check_open(self) -> None:
        if self.ended or self.left is not None:
            raise ActionError(Refusal.SESSION_ENDED)

    def _check_author(self, persona_id: str) -> None:
        # Only a persona with a fixed name is one known person; the others get a new one.
        fixed = self.crowd.fixed_person(persona_id)
        if fixed is not None and (fixed.banned or fixed.stopped):
            raise ActionError(Refusal.AUTHOR_BANNED, handle=fixed.handle)

    def _pushed(self, event: FacilitatorPushed, post: Callable[[], None]) -> list[Event]:
        self.emit(event)  # before the post's records: replay pushes again from it
        post()
        self._update_metrics()
        self._end_if_over_budget()
        return self._take_batch()

    def leave(self, *, run_on: bool = True) -> list[Event]:
        """The trainee leaves; leaving early does not stop the crisis.

        Records ``TraineeLeft`` now, then lets simulated time run to the scenario's end
        (or a final phase) with nobody answering: the crowd, the injects, the reactions
        to being ignored and the promises falling due all happen as they would have.
        Then the session is closed. Once left, every action is refused. Leaving a
        session that has already ended only closes it.

        Args:
            run_on: False only records the leaving (replay does this, then advances to
                where the log ends, so a torn log is not run past what it holds).

        Returns:
            The events that happened, up to the close.
        """
        if not self.ended and self.left is None:
            self.left = self.now
            self.emit(TraineeLeft(self.now))
        if run_on:
            self._run_until(self.end_time)
            self.close()
        return self._take_batch()

    def keep_unsent(self, text: str, post_id: str | None) -> list[Event]:
        """Record the words the trainee was writing and did not send (``DraftUnsent``).

        Called when time runs out (after the end, before the close) or as the trainee
        leaves (before ``leave``). The words change nothing and are never scored: the
        log keeps them so the debrief and the report can show them.

        Args:
            text: the words in the composer; blank ones are not recorded, and no more
                than ``TRAINEE_TEXT_CHARACTERS`` of them are (the most a text may hold).
            post_id: the post they answered, or None.

        Returns:
            The recorded event, or nothing (blank words, a closed or left session).
        """
        if self._closed or self.left is not None or not text.strip():
            return []
        self.emit(DraftUnsent(self.now, text[:TRAINEE_TEXT_CHARACTERS], post_id))
        return self._take_batch()

    def close(self) -> None:
        """Stop the session now: record the time it stopped at, release the phase machine.

        Closing before the end cuts the session short (a crash, an aborted run); a
        trainee who quits is ``leave``, which lets the crisis run on first.
        """
        if not self._closed:
            self.emit(SessionClosed(self.now))
        self._closed = True
        self.ended = True
        self._detach()

    # ------------------------------------------------------------------ read queries

    def budget_message(self, language: str = "en") -> str | None:
        """Why the session stopped early, when a budget stopped it (None otherwise)."""
        if self.exceeded is None or not self.ended:
            return None
        return exceeded_message(self.exceeded, self.now // 60, language, self.budget.limits)

    @property
    def phase(self) -> str:
        """The current phase id."""
        return self._model.state

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
            "left": self.left,
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
            self._end_if_over_budget()
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
            mode=self.labels.mode,
            cohort=self.labels.cohort,
            started=self.labels.started,
            round=self.labels.round,
        )

    def _fire_inject_callback(self, inject: Inject) -> Callable[[], None]:
        return lambda: self.posting.fire_inject(inject)

    def _reveal_callback(self, fact_id: str) -> Callable[[], None]:
        def reveal() -> None:
            self.revealed.add(fact_id)
            self.emit(FactRevealed(self.now, fact_id))

        return reveal

    def _tick(self) -> None:
        self.posting.crowd_arrivals()
        if self.exceeded is not None:
            return  # the session ends now, before anything else happens
        for inject, check in list(self._conditional):
            if check(self._context()):
                self._conditional.remove((inject, check))
                self.posting.fire_inject(inject)
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
        self.end_reason = reason
        self.emit(SessionEnded(self.now, self.phase, reason))
        self._detach()

    def over_budget(self, budget: Budget) -> None:
        """A budget is exceeded: no more posts appear, and the session ends at once.

        The end comes at the next safe point (after the current step), so that the
        events of one step are never split by the end.
        """
        if self.exceeded is None:
            self.exceeded = budget

    def _end_if_over_budget(self) -> None:
        if self.exceeded is not None and not self.ended:
            self._end(reason_for(self.exceeded))

    def _detach(self) -> None:
        if self._model is not None and hasattr(self._model, "trigger"):
            with contextlib.suppress(ValueError):  # already detached
                self._machine.detach(self._model)

    # ------------------------------------------------------------------ bookkeeping

    def add_post(self, post: Post, thread: Thread) -> None:
        """A post appears: in the session and in its exchange."""
        self.posts[post.id] = post
        self.post_order.append(post)
        self.budget.posted(post.text)
        thread.posts.append(post.id)

    def start_waiting(self, post: Post) -> None:
        """A post needs an answer from the brand from now on."""
        self._waiting[post.id] = post

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


@functools.cache
def _faker_version() -> str:
    try:
        return metadata.version("faker")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"
