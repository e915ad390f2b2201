"""What a session log says of people and posts: frozen records, one definition each.

The engine keeps live, mutable people and posts (``game.engine.world``); what it writes
to the log, what events carry and what the scorer reads are these immutable records.
"""

from __future__ import annotations

from dataclasses import dataclass

BRAND = "brand"
"""The author id of the brand's own posts."""


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A generated person's identity, as the log keeps it.

    Attributes:
        id: session-unique id (``u1``, ``u2``...).
        persona: the persona id of the scenario.
        name, first_name, handle, city, order: the generated identity.
        locale: the Faker locale used.
        followers: audience of their public posts.
    """

    id: str
    persona: str
    name: str
    first_name: str
    handle: str
    city: str
    order: str
    locale: str
    followers: int

    @property
    def label(self) -> str:
        """The person as "Name (@handle)", for reports."""
        return f"{self.name} ({self.handle})"


@dataclass(frozen=True, slots=True)
class PostRecord:
    """A post as it appeared: from the crowd or from the brand.

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
        source: what made it (``inject:ID``, ``crowd:ID``, ``reaction:ID``, ``brand``...).
        facts: fact ids it touches.
        exposure: people who see it (0 on private channels).
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

    @property
    def from_brand(self) -> bool:
        """Whether the brand wrote this post."""
        return self.author == BRAND


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """An answer the brand sent to someone, as the canned-reply check needs it.

    Attributes:
        text: the words.
        recipient: the person id answered.
        name: that person's name.
        topic: what the post answered asks about (``scoring.judgement.reading.question_of``): the
            same answer to the same question is consistency, not a canned reply.
    """

    text: str
    recipient: str
    name: str
    topic: str = ""
