"""The people, posts, threads and promises of a session (mutable session state).

What the log and the events carry of them are the frozen records of ``game.journal``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.journal.records import BRAND, PersonRecord, PostRecord

# Mood a post's tone starts its author with, and its weight in the audience's sentiment.
TONE_VALUE = {"positive": 0.6, "neutral": 0.0, "negative": -0.6, "abusive": -0.8}


@dataclass(slots=True)
class Person:
    """One individual of the crowd, made from a persona.

    Attributes:
        id: session-unique id (``u1``, ``u2``...).
        persona: the persona id of the scenario.
        archetype: the persona's archetype.
        name, first_name, handle, city, order: identity (Faker-made unless fixed).
        locale: the Faker locale used.
        language: the language this person writes in.
        followers: audience of their public posts.
        patience_minutes, temper: from the persona.
        mood: -1 (furious) to 1 (delighted).
        warned, banned, stopped, advocate: what has happened to them.
    """

    id: str
    persona: str
    archetype: str
    name: str
    first_name: str
    handle: str
    city: str
    order: str
    locale: str
    language: str
    followers: int
    patience_minutes: int
    temper: float
    mood: float = 0.0
    warned: bool = False
    banned: bool = False
    stopped: bool = False
    advocate: bool = False

    @property
    def is_troll(self) -> bool:
        """Whether this person breaks the house rules on purpose."""
        return self.archetype == "troll"

    def record(self) -> PersonRecord:
        """The generated identity, as the log keeps it."""
        return PersonRecord(
            self.id,
            self.persona,
            self.name,
            self.first_name,
            self.handle,
            self.city,
            self.order,
            self.locale,
            self.followers,
        )


@dataclass(slots=True)
class Post:
    """A message in a channel: from the crowd, or from the brand.

    Attributes:
        id: session-unique id (``m1``...).
        time: simulated second it appeared.
        channel: channel id.
        author: person id, or ``brand``.
        text: the text as shown.
        language: language it is written in.
        tone: positive, neutral, negative or abusive.
        needs_reply: whether the brand should answer it.
        tags_brand: false when only a search finds it.
        thread: thread id.
        source: what made it (``inject:ID``, ``crowd:ID``, ``reaction:ID``, ``brand``).
        facts: fact ids it touches.
        exposure: people who see it (0 on private channels).
        found: visible to the trainee (always, once tagged or searched).
        answered_at, hidden, liked: what the brand did with it.
    """

    id: str
    time: int
    channel: str
    author: str
    text: str
    language: str
    tone: str
    needs_reply: bool
    tags_brand: bool
    thread: str
    source: str
    facts: tuple[str, ...] = ()
    exposure: int = 0
    found: bool = True
    answered_at: int | None = None
    hidden: bool = False
    liked: bool = False

    @property
    def from_brand(self) -> bool:
        """Whether the brand wrote this post."""
        return self.author == BRAND

    @property
    def waiting(self) -> bool:
        """Whether it still needs an answer from the brand."""
        return self.needs_reply and self.answered_at is None and not self.hidden

    def record(self) -> PostRecord:
        """The post as it appeared, as the log keeps it."""
        return PostRecord(
            self.id,
            self.time,
            self.channel,
            self.author,
            self.text,
            self.language,
            self.tone,
            self.needs_reply,
            self.tags_brand,
            self.thread,
            self.source,
            self.facts,
            self.exposure,
        )


@dataclass(slots=True)
class Thread:
    """An exchange started by one post: its author's posts and the brand's answers.

    Attributes:
        id: session-unique id (``t1``...).
        author: the person who started it.
        channel: where it started.
        posts: post ids in order.
        values: placeholder values of its first post, reused by replies to it.
        public_replies: brand messages in public in this exchange (C2).
        private: the exchange moved to private messages.
        resolved: nothing more is expected from the brand.
        escalated: the teams it was handed to, in order.
        promises: ids of the promises made in it, in order.
    """

    id: str
    author: str
    channel: str
    posts: list[str] = field(default_factory=list)
    promises: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    public_replies: int = 0
    private: bool = False
    resolved: bool = False
    escalated: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Promise:
    """A commitment made in a reply, tracked to its deadline (H4).

    Attributes:
        id: session-unique id (``pr1``...).
        post_id: the brand reply that made it.
        thread: the exchange it belongs to.
        text: the words of the promise.
        made: simulated second it was made.
        due: simulated second it must be kept by.
        act: what it commits to (private_message, callback, refund, update...).
        status: open, kept or broken.
        followed_up_late: simulated second of the first follow-up after it broke (the
            one a late delivery is judged by), None until then.
    """

    id: str
    post_id: str
    thread: str
    text: str
    made: int
    due: int
    act: str = "other"
    status: str = "open"
    followed_up_late: int | None = None
