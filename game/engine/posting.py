"""How posts come to be: the crowd, the scripted injects, a facilitator's, the brand's words.

Every post is made here, published as an event and added to the session, and every
complaint starts its author's patience clock.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.engine.clock import TICK_SECONDS
from game.engine.crowd import WeightedChoice
from game.engine.world import TONE_VALUE, Person, Post, Thread
from game.journal.events import BrandPosted, PersonJoined, PostArrived
from game.journal.records import BRAND
from game.scenario.model import FacilitatorInject, Inject, Tone

if TYPE_CHECKING:
    from game.engine.session import Session


class Posting:
    """Makes the posts of one session.

    Args:
        session: the session the posts appear in.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        scenario = session.scenario
        self.last_post: dict[str, Post] = {}  # each person's latest post
        self._rate = {phase.id: phase.crowd_per_minute for phase in scenario.phases}
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
        self._inject_authors: dict[str, Person] = {}
        self._joined: set[str] = set()
        self._written = 0  # the facilitator's posts written on the spot, so far

    def crowd_arrivals(self) -> None:
        """The background posts of one tick, as many as the phase's rate draws."""
        s = self._session
        rate = self._rate[s.phase] * TICK_SECONDS / 60
        count = _poisson(s.rng, rate) if rate > 0 else 0
        weights = self._crowd_weights[s.phase]
        for _ in range(count if weights else 0):
            if s.exceeded is not None:
                return
            template = self._templates[weights.pick(s.rng)]
            channel = template.channels[s.rng.randrange(len(template.channels))]
            author = s.crowd.person_for(template.persona, reuse=True)
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

    def fire_inject(self, inject: Inject) -> None:
        """A scripted post: by a new person, or by the author of the inject it follows."""
        s = self._session
        if inject.follows is not None and inject.follows in self._inject_authors:
            author = self._inject_authors[inject.follows]
            previous = next(
                (p for p in reversed(s.posts.values()) if p.source == f"inject:{inject.follows}"),
                None,
            )
            thread = (
                s.threads[previous.thread]
                if previous is not None and previous.channel == inject.channel
                else self.new_thread(author, inject.channel)
            )
        else:
            author = s.crowd.person_for(inject.persona, reuse=False)
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

    def push(self, inject: FacilitatorInject) -> None:
        """A facilitator's inject of the scenario: a new person of its persona writes it."""
        author = self._session.crowd.person_for(inject.persona, reuse=False)
        if author.banned or author.stopped:  # a fixed persona's person, as with injects
            return
        self.publish(
            author,
            inject.channel,
            inject.text,
            self.new_thread(author, inject.channel),
            tone=inject.tone,
            needs_reply=inject.needs_reply,
            tags_brand=inject.tags_brand,
            source=f"facilitator:{inject.id}",
            facts=tuple(inject.facts),
        )

    def push_written(self, persona: str, channel: str, text: str, tone: Tone) -> None:
        """The facilitator's own words, posted as a new person of ``persona``.

        Posted as they were written: braces are doubled so that no ``{name}`` is filled.
        Its source is ``facilitator:#N``, the Nth written post: each is its own question
        for the scorer (the same answer to two of them is canned), and no scenario id
        has a ``#``.
        """
        s = self._session
        self._written += 1
        author = s.crowd.person_for(persona, reuse=False)
        if author.banned or author.stopped:
            return
        plain = text.replace("{", "{{").replace("}", "}}")
        self.publish(
            author,
            channel,
            [{s.language: plain}],
            self.new_thread(author, channel),
            tone=tone,
            needs_reply=tone != "abusive",
            tags_brand=True,
            source=f"facilitator:#{self._written}",
        )

    def new_thread(self, author: Person, channel: str) -> Thread:
        """Start an exchange by ``author`` on ``channel``, with its own placeholder values."""
        s = self._session
        thread = Thread(f"t{len(s.threads) + 1}", author.id, channel)
        thread.values = s.crowd.draw_values()
        s.threads[thread.id] = thread
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
        s = self._session
        if s.exceeded is not None:
            return
        text, language = s.crowd.write(variants, author, thread.values)
        exceeded = s.budget.person_post(s.now, text)
        if exceeded is not None:
            s.over_budget(exceeded)
            return
        channel = s.channels[channel_id]
        exposure = (
            int(author.followers * channel.audience_weight) if channel.visibility == "public" else 0
        )
        s.audience.saw(author, exposure, tone)
        if not thread.posts:
            s.audience.set_mood(author, TONE_VALUE[tone])
        post = Post(
            id=f"m{len(s.posts) + 1}",
            time=s.now,
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
        s.add_post(post, thread)
        self.last_post[author.id] = post
        thread.resolved = False
        if author.id not in self._joined:
            self._joined.add(author.id)
            s.emit(PersonJoined(s.now, author.record()))
        s.emit(PostArrived(s.now, post.record()))
        if post.waiting:
            s.start_waiting(post)
        if needs_reply or author.is_troll:
            s.schedule(s.now + author.patience_minutes * 60, self._patience_callback(post))

    def brand_post(self, channel: str, text: str, thread: Thread, source: str) -> Post:
        """The brand's words appear in an exchange."""
        s = self._session
        post = Post(
            id=f"m{len(s.posts) + 1}",
            time=s.now,
            channel=channel,
            author=BRAND,
            text=text,
            language=s.language,
            tone="neutral",
            needs_reply=False,
            tags_brand=True,
            thread=thread.id,
            source=source,
        )
        s.add_post(post, thread)
        s.emit(BrandPosted(s.now, post.record()))
        return post

    def _patience_callback(self, post: Post) -> Callable[[], None]:
        s = self._session

        def run_out() -> None:
            ignored = post.answered_at is None and not post.hidden
            person = s.crowd.people[post.author]
            if ignored and not (person.banned or person.stopped):
                s.reactions.react(person, "ignored", post, frozenset())

        return run_out


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method: fine for the small means of one tick."""
    limit = math.exp(-mean)
    count = 0
    product = rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
