"""A session as the scorer sees it, rebuilt from the records of its log.

The log is the source of truth (DESIGN.md): it holds the people and posts as they were
generated, the trainee's actions with their texts, phase changes, promises and metric
snapshots. This module turns those plain records into a few typed lists; it knows the
record types the engine writes but nothing else of the engine, so scoring an old log
needs no session to be replayed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

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
class CrowdPost:
    """A post from the crowd."""

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
    facts: tuple[str, ...]
    exposure: int


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
    """

    scenario: Scenario
    language: str
    seed: int
    trainee: str
    people: dict[str, Person] = field(default_factory=dict)
    posts: list[CrowdPost] = field(default_factory=list)
    messages: list[BrandMessage] = field(default_factory=list)
    moderations: list[Moderation] = field(default_factory=list)
    searches: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    promises: dict[str, PromiseRecord] = field(default_factory=dict)
    phases: list[tuple[int, str]] = field(default_factory=list)
    metrics: list[tuple[int, Mapping[str, Any]]] = field(default_factory=list)
    end: int = 0
    found_at: dict[str, int] = field(default_factory=dict)
    post_by_id: dict[str, CrowdPost] = field(default_factory=dict)
    answers_by_thread: dict[str, list[BrandMessage]] = field(default_factory=dict)
    abusive_authors: set[str] = field(default_factory=set)

    @property
    def final_phase(self) -> str:
        """The phase the session ended in."""
        return self.phases[-1][1]

    @property
    def final_metrics(self) -> Mapping[str, Any]:
        """The last metric snapshot (empty when the log has none)."""
        return self.metrics[-1][1] if self.metrics else {}

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

    def thread_posts(self, thread: str) -> list[CrowdPost]:
        """The crowd posts of one exchange, in order."""
        return [post for post in self.posts if post.thread == thread]

    def answers_in(self, thread: str) -> list[BrandMessage]:
        """The brand's answers in one exchange, in order."""
        return self.answers_by_thread.get(thread, [])


def _archetypes(scenario: Scenario) -> dict[str, str]:
    return {persona.id: persona.archetype for persona in scenario.personas}


def build_view(scenario: Scenario, records: Iterable[Mapping[str, Any]]) -> SessionView:
    """Read a session's log records into a ``SessionView``.

    Args:
        scenario: the scenario the log's header embeds.
        records: the log's records, header first (as ``read_log`` returns them).

    Returns:
        The view; records of unknown types are skipped, so that newer logs still read.
    """
    items = iter(records)
    header = next(items, {})
    view = SessionView(
        scenario=scenario,
        language=str(header.get("language", scenario.meta.languages[0])),
        seed=int(header.get("seed", 0)),
        trainee=str(header.get("trainee", "")),
        phases=[(0, scenario.phases[0].id)],
    )
    archetypes = _archetypes(scenario)
    visibility = {channel.id: channel.visibility for channel in scenario.channels}
    private_channel = next((c for c, v in visibility.items() if v == "private"), "")
    thread_of: dict[str, str] = {}  # post or brand message id -> thread
    for record in items:
        kind = record.get("type")
        time = int(record.get("t", 0))
        view.end = max(view.end, time)
        if kind == "person":
            view.people[record["id"]] = Person(
                id=record["id"],
                persona=record["persona"],
                archetype=archetypes.get(record["persona"], "customer"),
                name=record["name"],
                handle=record["handle"],
                followers=int(record["followers"]),
            )
        elif kind == "post":
            post = CrowdPost(
                id=record["id"],
                time=time,
                channel=record["channel"],
                author=record["author"],
                text=record["text"],
                language=record["language"],
                tone=record["tone"],
                needs_reply=bool(record["needs_reply"]),
                tags_brand=bool(record["tags_brand"]),
                thread=record["thread"],
                facts=tuple(record.get("facts", ())),
                exposure=int(record.get("exposure", 0)),
            )
            view.posts.append(post)
            view.post_by_id[post.id] = post
            thread_of[post.id] = post.thread
        elif kind == "action":
            _read_action(view, record, time, thread_of, private_channel, visibility)
        elif kind == "phase":
            view.phases.append((time, record["to"]))
        elif kind == "metrics":
            view.metrics.append((time, record))
        elif kind == "promise":
            view.promises[record["id"]] = PromiseRecord(
                record["id"], time, record["post"], record["text"], int(record["due"])
            )
        elif kind in ("promise_kept", "promise_broken"):
            promise = view.promises.get(record["id"])
            if promise is not None:
                promise.status = "kept" if kind == "promise_kept" else "broken"
                promise.settled = time
    view.abusive_authors = {p.author for p in view.posts if p.tone == "abusive"} | {
        person.id for person in view.people.values() if person.archetype == "troll"
    }
    for message in view.messages:
        if message.thread is not None and message.kind in ANSWER_KINDS:
            view.answers_by_thread.setdefault(message.thread, []).append(message)
    return view


def _read_action(
    view: SessionView,
    record: Mapping[str, Any],
    time: int,
    thread_of: dict[str, str],
    private_channel: str,
    visibility: Mapping[str, str],
) -> None:
    action: Mapping[str, Any] = record.get("action", {})
    result: Mapping[str, Any] = record.get("result", {})
    kind = action.get("kind", "")
    index = len(view.messages) + len(view.moderations)
    post_id = action.get("post_id")
    post = view.post_by_id.get(post_id) if isinstance(post_id, str) else None
    if kind in ("reply", "private_message") and post is not None:
        channel = private_channel if kind == "private_message" else action.get("channel")
        channel = channel or post.channel
        message = BrandMessage(
            kind=kind,
            time=time,
            text=action.get("text", ""),
            channel=channel,
            channels=(channel,),
            public=visibility.get(channel) == "public",
            post_id=post.id,
            thread=post.thread,
            index=index,
            reply_id=result.get("reply_id"),
        )
        view.messages.append(message)
        if "reply_id" in result:
            thread_of[result["reply_id"]] = post.thread
    elif kind == "statement":
        channels = tuple(action.get("channels") or ()) or tuple(
            c for c, v in visibility.items() if v == "public"
        )
        view.messages.append(
            BrandMessage(
                "statement",
                time,
                action.get("text", ""),
                channels[0],
                channels,
                True,
                None,
                None,
                index,
            )
        )
    elif kind == "follow_up":
        promise = view.promises.get(action.get("promise_id", ""))
        if promise is not None and promise.status == "broken" and promise.delivered_late is None:
            promise.delivered_late = time
        reply_thread = thread_of.get(promise.reply_id, "") if promise else ""
        posts = view.thread_posts(reply_thread)
        if posts:
            # The engine follows up in private once the exchange has moved there.
            private = any(
                m.kind == "private_message" and m.thread == reply_thread for m in view.messages
            )
            channel = private_channel if private else posts[0].channel
            view.messages.append(
                BrandMessage(
                    "follow_up",
                    time,
                    action.get("text", ""),
                    channel,
                    (channel,),
                    not private,
                    posts[-1].id,
                    reply_thread,
                    index,
                    result.get("reply_id"),
                )
            )
    elif kind in ("hide", "warn", "ban") and post is not None:
        view.moderations.append(Moderation(kind, time, post.id, post.author, index))
        if kind == "warn" and action.get("text", "").strip():
            view.messages.append(
                BrandMessage(
                    "warning",
                    time,
                    action["text"],
                    post.channel,
                    (post.channel,),
                    visibility.get(post.channel) == "public",
                    post.id,
                    post.thread,
                    index,
                    result.get("reply_id"),
                )
            )
    elif kind == "search":
        found = tuple(result.get("found", ()))
        view.searches.append((time, found))
        for found_id in found:
            view.found_at.setdefault(found_id, time)
