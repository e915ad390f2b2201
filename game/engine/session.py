"""A crisis session: the simulated clock, the crowd, the phases, and the trainee's actions.

Deterministic: a session is a function of (scenario, seed, language, actions and the
times they were taken). Time advances on a fixed grid of ticks, whatever the caller's
steps, so ``advance(60)`` and sixty ``advance(1)`` give the same session.
"""

from __future__ import annotations

import contextlib
import heapq
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from game.engine.actions import (
    Action,
    Ban,
    Escalate,
    FollowUp,
    Hide,
    Like,
    PrivateMessage,
    Reply,
    Search,
    Statement,
    Wait,
    Warn,
)
from game.engine.conditions import ConditionContext, compile_condition
from game.engine.crowd import Crowd, WeightedChoice
from game.engine.events import (
    Event,
    FactRevealed,
    MetricsChanged,
    PhaseChanged,
    PostArrived,
    PostFound,
    PromiseBroken,
    PromiseDue,
    PromiseKept,
    PromiseMade,
    SessionEnded,
    ThreadResolved,
)
from game.engine.identities import FakerIdentities, IdentitySource
from game.engine.log import SessionLog, header_record
from game.engine.machine import PhaseModel, phase_machine_for
from game.engine.metrics import Metrics
from game.engine.world import TONE_VALUE, Person, Post, Promise, Thread
from game.scenario.loader import LoadedScenario
from game.scenario.model import Inject, Reaction, ReactionEffect, Scenario
from scoring import AnalysisContext, analyze

TICK_SECONDS = 10
DAY_STARTS_AT_MINUTE = 10 * 60  # the simulated day starts at 10:00, for "by 5 pm"
DEFAULT_PROMISE_MINUTES = 60  # a promise with no stated time is due within the hour
DETRACTOR_MOOD = -0.4  # people this unhappy (and still posting) count as detractors
BRAND = "brand"


class ActionError(Exception):
    """An action that cannot be taken now (unknown post, banned author, ended session)."""


@dataclass(order=True)
class _Scheduled:
    time: int
    order: int
    run: Callable[[], list[Event]] = field(compare=False)


class Session:
    """One trainee's session of one scenario.

    Args:
        loaded: the scenario.
        seed: seed of every random choice.
        trainee: the trainee's name, for the log.
        language: ``es`` or ``en`` (must be one of the scenario's languages).
        log: where to append the session log (None: no log).
        identities: where people's names come from (default: Faker).
    """

    def __init__(
        self,
        loaded: LoadedScenario,
        *,
        seed: int,
        trainee: str = "",
        language: str = "es",
        log: SessionLog | None = None,
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
        self.log = log
        self._channels = {channel.id: channel for channel in scenario.channels}
        self._phases = {phase.id: phase for phase in scenario.phases}
        self._waiting: dict[str, Post] = {}
        self._audience_shift = 0.0
        # Running totals, so that metrics cost the same at post 10 and post 10,000.
        self._reach = 0
        self._negative_reach = 0
        self._mood_weights = 0.0
        self._weighted_mood = 0.0
        self._weight_of: dict[str, float] = {}
        self._detractors: set[str] = set()
        self._advocates: set[str] = set()
        self._fired_once: set[tuple[str, str]] = set()  # (reaction id, person id)
        self._statements = 0
        self._silenced: set[str] = set()
        self._broken = 0
        self._queue: list[_Scheduled] = []
        self._order = 0
        self._next_tick = 0
        self._last_logged_minute = -1
        self._conditional = [
            (inject, compile_condition(inject.when))
            for inject in scenario.injects
            if inject.when is not None
        ]
        self._inject_authors: dict[str, Person] = {}
        self._last_post: dict[str, Post] = {}  # each person's latest post
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
        self._logged_people: set[str] = set()
        self._closed = False
        self._model = PhaseModel()
        self._machine = phase_machine_for(scenario)
        self._machine.attach(self._model)
        if log is not None:
            log.write(header_record(self))
        for inject in scenario.injects:
            if inject.at_minute is not None:
                self._schedule(inject.at_minute * 60, self._fire_inject_callback(inject))
        for fact in scenario.facts:
            if fact.revealed_at_minute is not None:
                self._schedule(fact.revealed_at_minute * 60, self._reveal_callback(fact.id))
        # Second 0 happens at once, so that "now" always means "everything due by now
        # has happened"; its events are handed out by the first advance or act.
        self._pending: list[Event] = []
        self._pending = self.advance_to(0)

    # ------------------------------------------------------------------ public API

    @property
    def phase(self) -> str:
        """The current phase id."""
        return self._model.state

    def advance(self, seconds: int) -> list[Event]:
        """Let ``seconds`` of simulated time pass; the events that happened, in order."""
        if seconds < 0:
            raise ValueError("time does not go back")
        return self.advance_to(self.now + seconds)

    def advance_to(self, time: int) -> list[Event]:
        """Let simulated time pass until second ``time``."""
        events, self._pending = self._pending, []
        target = min(time, self.end_time)
        while not self.ended:
            next_item = self._queue[0].time if self._queue else math.inf
            if min(next_item, self._next_tick) > target:
                break
            if next_item <= self._next_tick:  # what is due at a tick happens before it
                item = heapq.heappop(self._queue)
                self.now = max(self.now, item.time)
                events.extend(item.run())
            else:
                self.now = max(self.now, self._next_tick)
                self._next_tick += TICK_SECONDS
                events.extend(self._tick())
        if not self.ended:
            self.now = max(self.now, target)
            if self.now >= self.end_time:
                events.extend(self._end("time"))
        return events

    def act(self, action: Action) -> list[Event]:
        """Take a trainee action now.

        Raises:
            ActionError: the action cannot be taken (nothing is changed or logged).
        """
        if self.ended:
            raise ActionError("the session has ended")
        if isinstance(action, Wait):
            if action.seconds < 0:
                raise ActionError("cannot wait a negative time")
            self._log_action(action)
            return self.advance(action.seconds)
        handler = self._HANDLERS.get(type(action))
        if handler is None:
            raise ActionError(f"unknown action {action!r}")
        events = handler(self, action)
        events.extend(self._update_metrics())
        pending, self._pending = self._pending, []
        return pending + events

    def visible_posts(self) -> list[Post]:
        """Posts the trainee can see (untagged ones once a search found them)."""
        return [post for post in self.posts.values() if post.found]

    def close(self) -> None:
        """Stop the session: log the time it stopped at and release the phase machine."""
        if self.log is not None and not self._closed:
            self.log.write({"type": "close", "t": self.now})
        self._closed = True
        self.ended = True
        self._detach()

    def state_fingerprint(self) -> dict[str, Any]:
        """A summary that two equal sessions share (for replay checks)."""
        return {
            "now": self.now,
            "phase": self.phase,
            "phases": list(self.phase_path),
            "metrics": self.metrics.to_dict(),
            "posts": [post.record() for post in self.posts.values()],
            "people": [person.identity() for person in self.crowd.people.values()],
            "promises": [(p.id, p.due, p.status) for p in self.promises.values()],
            "threads": [
                (t.id, len(t.posts), t.public_replies, t.private, t.resolved, t.escalated)
                for t in self.threads.values()
            ],
            "states": [(p.id, p.answered_at, p.hidden, p.liked, p.found) for p in self.post_order],
            "revealed": sorted(self.revealed),
            "ended": self.ended,
        }

    # ------------------------------------------------------------------ scheduling

    def _schedule(self, time: int, run: Callable[[], list[Event]]) -> None:
        self._order += 1
        heapq.heappush(self._queue, _Scheduled(max(time, self.now), self._order, run))

    def _fire_inject_callback(self, inject: Inject) -> Callable[[], list[Event]]:
        return lambda: self._fire_inject(inject)

    def _reveal_callback(self, fact_id: str) -> Callable[[], list[Event]]:
        def reveal() -> list[Event]:
            self.revealed.add(fact_id)
            if self.log:
                self.log.write({"type": "fact", "t": self.now, "fact": fact_id})
            return [FactRevealed(self.now, fact_id)]

        return reveal

    def _tick(self) -> list[Event]:
        events: list[Event] = []
        events.extend(self._crowd_arrivals())
        for inject, check in list(self._conditional):
            if check(self._context()):
                self._conditional.remove((inject, check))
                events.extend(self._fire_inject(inject))
        events.extend(self._update_metrics())
        previous = self.phase
        if self._machine.evaluate(self._model, self._context()):
            self.phase_path.append(self.phase)
            self.phase_since = self.now
            if self.log:
                self.log.write({"type": "phase", "t": self.now, "from": previous, "to": self.phase})
            events.append(PhaseChanged(self.now, previous, self.phase))
            if self._phases[self.phase].final:
                events.extend(self._end("final phase"))
        return events

    def _context(self) -> ConditionContext:
        return ConditionContext(
            self.metrics,
            self.now / 60,
            (self.now - self.phase_since) / 60,
            frozenset(self.revealed),
        )

    def _end(self, reason: str) -> list[Event]:
        self.ended = True
        if self.log:
            self.log.write({"type": "end", "t": self.now, "phase": self.phase, "reason": reason})
        self._detach()
        return [SessionEnded(self.now, self.phase, reason)]

    def _detach(self) -> None:
        if self._model is not None and hasattr(self._model, "trigger"):
            with contextlib.suppress(ValueError):  # already detached
                self._machine.detach(self._model)

    # ------------------------------------------------------------------ the crowd

    def _crowd_arrivals(self) -> list[Event]:
        rate = self._phases[self.phase].crowd_per_minute * TICK_SECONDS / 60
        count = _poisson(self.rng, rate) if rate > 0 else 0
        events: list[Event] = []
        weights = self._crowd_weights[self.phase]
        for _ in range(count if weights else 0):
            template = self._templates[weights.pick(self.rng)]
            channel = template.channels[self.rng.randrange(len(template.channels))]
            author = self.crowd.person_for(template.persona, reuse=True)
            if author.banned or author.stopped:
                continue
            thread = self._new_thread(author, channel)
            events.extend(
                self._publish(
                    author,
                    channel,
                    template.text,
                    thread,
                    tone=template.tone,
                    needs_reply=template.needs_reply,
                    tags_brand=template.tags_brand,
                    source=f"crowd:{template.id}",
                    facts=tuple(template.facts),
                )
            )
        return events

    def _fire_inject(self, inject: Inject) -> list[Event]:
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
                else self._new_thread(author, inject.channel)
            )
        else:
            author = self.crowd.person_for(inject.persona, reuse=False)
            thread = self._new_thread(author, inject.channel)
        self._inject_authors[inject.id] = author
        if author.banned or author.stopped:
            return []
        return self._publish(
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

    def _new_thread(self, author: Person, channel: str) -> Thread:
        thread = Thread(f"t{len(self.threads) + 1}", author.id, channel)
        thread.values = self.crowd.draw_values()
        self.threads[thread.id] = thread
        return thread

    def _publish(
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
    ) -> list[Event]:
        """A person posts: the post is made, logged, and starts their patience clock."""
        new_person = author.id not in self._logged_people
        text, language = self.crowd.write(variants, author, thread.values)
        channel = self._channels[channel_id]
        exposure = (
            int(author.followers * channel.audience_weight) if channel.visibility == "public" else 0
        )
        if author.id not in self._weight_of:
            weight = math.log10(10 + author.followers)
            self._weight_of[author.id] = weight
            self._mood_weights += weight
        if not thread.posts:
            self._set_mood(author, TONE_VALUE[tone])
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
        self.posts[post.id] = post
        self.post_order.append(post)
        self._last_post[author.id] = post
        thread.posts.append(post.id)
        thread.resolved = False
        self._reach += exposure
        if tone in ("negative", "abusive"):
            self._negative_reach += exposure
        if self.log:
            if new_person:
                self.log.write({"type": "person", "t": self.now, **author.identity()})
            self.log.write({"type": "post", **post.record()})
        self._logged_people.add(author.id)
        if post.waiting:
            self._waiting[post.id] = post
        if needs_reply or author.is_troll:
            self._schedule(self.now + author.patience_minutes * 60, self._patience_callback(post))
        return [PostArrived(self.now, post)]

    def _patience_callback(self, post: Post) -> Callable[[], list[Event]]:
        def run_out() -> list[Event]:
            ignored = post.answered_at is None and not post.hidden
            person = self.crowd.people[post.author]
            if not ignored or person.banned or person.stopped:
                return []
            return self._react(person, "ignored", post, frozenset())

        return run_out

    # ------------------------------------------------------------------ reactions

    def _react(
        self, person: Person, trigger: str, post: Post | None, cues: frozenset[str]
    ) -> list[Event]:
        reaction = self._matching_reaction(person, trigger, cues)
        if reaction is None:
            return []
        delay = reaction.after_minutes * 60
        if delay == 0:
            return self._apply(reaction, person, post)
        self._schedule(self.now + delay, lambda: self._apply(reaction, person, post))
        return []

    def _matching_reaction(
        self, person: Person, trigger: str, cues: frozenset[str]
    ) -> Reaction | None:
        """The first reaction, in file order, for this person, trigger and reply cues."""
        for reaction in self.scenario.reactions:
            if reaction.trigger != trigger:
                continue
            if (
                person.archetype not in reaction.archetypes
                and person.persona not in reaction.personas
            ):
                continue
            if reaction.cues_any and not cues.intersection(reaction.cues_any):
                continue
            if cues.intersection(reaction.cues_none):
                continue
            if reaction.once:
                if (reaction.id, person.id) in self._fired_once:
                    continue
                self._fired_once.add((reaction.id, person.id))
            return reaction
        return None

    def _apply(self, reaction: Reaction, person: Person, post: Post | None) -> list[Event]:
        effect: ReactionEffect = reaction.then
        self._set_mood(person, person.mood + _tempered(effect.mood, person.temper))
        self._audience_shift = _clamp(self._audience_shift + effect.audience)
        events: list[Event] = []
        if effect.post is not None and not (person.banned or person.stopped) and post is not None:
            channel_id = self._reaction_channel(effect.post.channel, post.channel)
            thread = (
                self.threads[post.thread]
                if channel_id == post.channel
                else self._new_thread(person, channel_id)
            )
            if channel_id != post.channel:
                thread.values = dict(self.threads[post.thread].values)
            events.extend(
                self._publish(
                    person,
                    channel_id,
                    effect.post.text,
                    thread,
                    tone=effect.post.tone,
                    needs_reply=effect.post.tone != "abusive",
                    tags_brand=True,
                    source=f"reaction:{reaction.id}",
                )
            )
        if effect.stops:
            person.stopped = True
            self._drop_waiting(person)
            self._detractors.discard(person.id)
        if effect.becomes_advocate:
            person.advocate = True
            self._advocates.add(person.id)
        return events

    def _reaction_channel(self, wanted: str, current: str) -> str:
        if wanted == "same":
            return current
        if wanted == "other":
            others = [
                c.id for c in self.scenario.channels if c.visibility == "public" and c.id != current
            ]
            return others[self.rng.randrange(len(others))] if others else current
        return wanted

    def _drop_waiting(self, person: Person) -> None:
        for post_id in [p for p, post in self._waiting.items() if post.author == person.id]:
            del self._waiting[post_id]

    # ------------------------------------------------------------------ metrics

    def _set_mood(self, person: Person, mood: float) -> None:
        """Change a person's mood, keeping the running totals of sentiment in step."""
        mood = _clamp(mood)
        self._weighted_mood += self._weight_of.get(person.id, 0.0) * (mood - person.mood)
        person.mood = mood
        if mood <= DETRACTOR_MOOD and not (person.banned or person.stopped):
            self._detractors.add(person.id)
        else:
            self._detractors.discard(person.id)

    def _update_metrics(self) -> list[Event]:
        mood = self._weighted_mood / self._mood_weights if self._mood_weights else 0.0
        oldest = next(iter(self._waiting.values())).time if self._waiting else self.now
        metrics = Metrics(
            reach=self._reach,
            negative_reach=self._negative_reach,
            sentiment=round(_clamp(mood + self._audience_shift), 4),
            unanswered=len(self._waiting),
            oldest_unanswered_minutes=(self.now - oldest) // 60,
            advocates=len(self._advocates),
            detractors=len(self._detractors),
            statements=self._statements,
            broken_promises=self._broken,
            silenced_complainers=len(self._silenced),
        )
        if metrics == self.metrics:
            return []
        self.metrics = metrics
        minute = self.now // 60
        if self.log and minute != self._last_logged_minute:
            self._last_logged_minute = minute
            self.log.write({"type": "metrics", "t": self.now, **metrics.to_dict()})
        return [MetricsChanged(self.now, metrics)]

    # ------------------------------------------------------------------ actions

    def _post(self, post_id: str) -> Post:
        post = self.posts.get(post_id)
        if post is None or not post.found:
            raise ActionError(f"no post '{post_id}' in view")
        if post.from_brand:
            raise ActionError("that is one of the brand's own posts")
        return post

    def _author(self, post: Post) -> Person:
        return self.crowd.people[post.author]

    def _log_action(self, action: Action, **result: Any) -> None:
        if self.log:
            self.log.write(
                {"type": "action", "t": self.now, "action": action.to_dict(), "result": result}
            )

    def _brand_post(self, channel: str, text: str, thread: Thread, source: str) -> Post:
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
        self.posts[post.id] = post
        self.post_order.append(post)
        thread.posts.append(post.id)
        return post

    def _answer(self, post: Post, text: str, channel: str, action: Action) -> list[Event]:
        """Shared by public and private replies: mark answered, analyse, promise, react."""
        author = self._author(post)
        thread = self.threads[post.thread]
        reply = self._brand_post(channel, text, thread, "brand")
        for waiting in [p for p in self._waiting.values() if p.thread == thread.id]:
            waiting.answered_at = self.now
            del self._waiting[waiting.id]
        if post.answered_at is None:
            post.answered_at = self.now
        analysis = analyze(
            text,
            self.language,
            AnalysisContext(author.name, DAY_STARTS_AT_MINUTE + self.now // 60),
        )
        cues = analysis.cue_ids()
        self._log_action(action, reply_id=reply.id, cues=sorted(cues))
        events: list[Event] = []
        for promise in analysis.promises:
            minutes = promise.deadline_minutes or DEFAULT_PROMISE_MINUTES
            events.extend(self._promise(reply, thread, promise.text, minutes))
        trigger = (
            "private_message" if self._channels[channel].visibility == "private" else "replied"
        )
        events.extend(self._react(author, trigger, post, cues))
        if not any(self.posts[p].waiting for p in thread.posts) and not self._open_promises(thread):
            thread.resolved = True
            events.append(ThreadResolved(self.now, thread.id))
        return events

    def _open_promises(self, thread: Thread) -> list[Promise]:
        return [p for p in self.promises.values() if p.thread == thread.id and p.status == "open"]

    def _promise(self, reply: Post, thread: Thread, text: str, minutes: int) -> list[Event]:
        promise = Promise(
            f"pr{len(self.promises) + 1}",
            reply.id,
            thread.id,
            text,
            self.now,
            self.now + minutes * 60,
        )
        self.promises[promise.id] = promise
        warning_at = promise.made + (promise.due - promise.made) * 3 // 4
        self._schedule(
            warning_at,
            lambda: (
                [PromiseDue(self.now, promise.id, promise.due)] if promise.status == "open" else []
            ),
        )
        self._schedule(promise.due, lambda: self._break(promise))
        if self.log:
            self.log.write(
                {
                    "type": "promise",
                    "t": self.now,
                    "id": promise.id,
                    "post": reply.id,
                    "text": text,
                    "due": promise.due,
                }
            )
        return [PromiseMade(self.now, promise.id, reply.id, promise.due)]

    def _break(self, promise: Promise) -> list[Event]:
        if promise.status != "open":
            return []
        promise.status = "broken"
        self._broken += 1
        thread = self.threads[promise.thread]
        author = self.crowd.people[thread.author]
        self._set_mood(author, author.mood + _tempered(-0.3, author.temper))
        self._audience_shift = _clamp(self._audience_shift - 0.05)
        if self.log:
            self.log.write({"type": "promise_broken", "t": self.now, "id": promise.id})
        events: list[Event] = [PromiseBroken(self.now, promise.id)]
        if not (author.banned or author.stopped):
            events.extend(
                self._react(author, "promise_broken", self.posts[thread.posts[0]], frozenset())
            )
        return events

    def _act_reply(self, action: Reply) -> list[Event]:
        post = self._post(action.post_id)
        channel = action.channel or post.channel
        spec = self._channels.get(channel)
        if spec is None:
            raise ActionError(f"no channel '{channel}'")
        if spec.visibility == "private" and channel != post.channel:
            raise ActionError("to answer in private, send a private message")
        self._check_can_answer(post)
        if spec.visibility == "public":
            self.threads[post.thread].public_replies += 1
        return self._answer(post, action.text, channel, action)

    def _check_can_answer(self, post: Post) -> None:
        """Refuse before anything changes: an action that fails leaves no trace."""
        author = self._author(post)
        if author.banned:
            raise ActionError(f"{author.handle} is banned")

    def _act_private(self, action: PrivateMessage) -> list[Event]:
        post = self._post(action.post_id)
        channel = self._private_channel()
        self._check_can_answer(post)
        self.threads[post.thread].private = True
        return self._answer(post, action.text, channel, action)

    def _private_channel(self) -> str:
        for channel in self.scenario.channels:
            if channel.visibility == "private":
                return channel.id
        raise ActionError("this scenario has no private channel")

    def _act_statement(self, action: Statement) -> list[Event]:
        public = [c.id for c in self.scenario.channels if c.visibility == "public"]
        channels = list(action.channels) or public
        for channel in channels:
            if channel not in public:
                raise ActionError(f"'{channel}' is not a public channel of this scenario")
        if not action.text.strip():
            raise ActionError("a statement needs text")
        self._statements += 1
        posted = []
        for channel in channels:
            thread = Thread(f"t{len(self.threads) + 1}", BRAND, channel, resolved=True)
            self.threads[thread.id] = thread
            posted.append(self._brand_post(channel, action.text, thread, "statement").id)
        cues = analyze(action.text, self.language).cue_ids()
        self._log_action(action, posts=posted, cues=sorted(cues))
        events: list[Event] = []
        for person in list(self.crowd.people.values()):
            if not (person.banned or person.stopped):
                events.extend(
                    self._react(person, "statement", self._last_post.get(person.id), cues)
                )
        return events

    def _act_like(self, action: Like) -> list[Event]:
        post = self._post(action.post_id)
        post.liked = True
        self._log_action(action)
        return self._react(self._author(post), "liked", post, frozenset())

    def _silence(self, post: Post, person: Person) -> None:
        if not person.is_troll and post.tone != "abusive":
            self._silenced.add(person.id)

    def _act_hide(self, action: Hide) -> list[Event]:
        post = self._post(action.post_id)
        if post.hidden:
            raise ActionError("that post is already hidden")
        post.hidden = True
        self._waiting.pop(post.id, None)
        person = self._author(post)
        self._silence(post, person)
        self._log_action(action)
        return self._react(person, "hidden", post, frozenset())

    def _act_warn(self, action: Warn) -> list[Event]:
        post = self._post(action.post_id)
        person = self._author(post)
        if person.banned:
            raise ActionError(f"{person.handle} is banned")
        person.warned = True
        cues: frozenset[str] = frozenset()
        result: dict[str, Any] = {}
        if action.text.strip():
            reply = self._brand_post(
                post.channel, action.text, self.threads[post.thread], "warning"
            )
            cues = analyze(action.text, self.language).cue_ids()
            result = {"reply_id": reply.id, "cues": sorted(cues)}
        self._log_action(action, **result)
        return self._react(person, "warned", post, cues)

    def _act_ban(self, action: Ban) -> list[Event]:
        post = self._post(action.post_id)
        person = self._author(post)
        if person.banned:
            raise ActionError(f"{person.handle} is already banned")
        if not action.reason.strip():
            raise ActionError("a ban needs a reason")
        person.banned = True
        self._drop_waiting(person)
        self._detractors.discard(person.id)
        self._advocates.discard(person.id)
        self._silence(post, person)
        self._log_action(action)
        return self._react(person, "banned", post, frozenset())

    def _act_escalate(self, action: Escalate) -> list[Event]:
        post = self._post(action.post_id)
        team = action.team.strip()
        if not team:
            raise ActionError("name the team to escalate to")
        thread = self.threads[post.thread]
        if team in thread.escalated:
            raise ActionError(f"this exchange is already with {team}")
        thread.escalated.append(team)
        self._log_action(action)
        person = self._author(post)
        if person.banned:
            return []
        # The team takes it from here: what that does to the person is the scenario's.
        return self._react(person, "escalated", post, frozenset())

    def _act_follow_up(self, action: FollowUp) -> list[Event]:
        promise = self.promises.get(action.promise_id)
        if promise is None:
            raise ActionError(f"no promise '{action.promise_id}'")
        if promise.status == "kept":
            raise ActionError("that promise was already kept")
        thread = self.threads[promise.thread]
        channel = self._private_channel() if thread.private else thread.channel
        reply = self._brand_post(channel, action.text, thread, "follow_up")
        self._log_action(action, reply_id=reply.id)
        if promise.status == "broken":
            return []
        promise.status = "kept"
        events: list[Event] = [PromiseKept(self.now, promise.id)]
        if self.log:
            self.log.write({"type": "promise_kept", "t": self.now, "id": promise.id})
        author = self.crowd.people[thread.author]
        if not (author.banned or author.stopped):
            # The reaction answers the exchange's first post: "same" is where it began.
            cues = analyze(action.text, self.language, AnalysisContext(author.name)).cue_ids()
            events.extend(self._react(author, "promise_kept", self.posts[thread.posts[0]], cues))
        if not self._open_promises(thread) and not any(self.posts[p].waiting for p in thread.posts):
            thread.resolved = True
            events.append(ThreadResolved(self.now, thread.id))
        return events

    def _act_search(self, action: Search) -> list[Event]:
        words = [word.casefold() for word in action.query.split()]
        found = []
        for post in self.posts.values():
            if post.found or post.from_brand:
                continue
            text = post.text.casefold()
            if not words or any(word in text for word in words):
                post.found = True
                found.append(post)
        self._log_action(action, found=[post.id for post in found])
        return [PostFound(self.now, post) for post in found]

    _HANDLERS: ClassVar[dict[type[Action], Callable[[Session, Any], list[Event]]]] = {
        Reply: _act_reply,
        PrivateMessage: _act_private,
        Statement: _act_statement,
        Like: _act_like,
        Hide: _act_hide,
        Warn: _act_warn,
        Ban: _act_ban,
        Escalate: _act_escalate,
        FollowUp: _act_follow_up,
        Search: _act_search,
    }


def _clamp(value: float, low: float = -1.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def _tempered(delta: float, temper: float) -> float:
    """Hot-tempered people sour faster and warm up slower."""
    if delta < 0:
        return delta * (0.75 + 0.5 * temper)
    return delta * (1.25 - 0.5 * temper)


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: fine for the small means of one tick."""
    limit = math.exp(-mean)
    count = 0
    product = rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
