"""Built-in bots that play a session headlessly: good and bad habits of community managers.

Used by ``crisisdrill simulate`` and by scenario checks: an ideal player must end well
and bad players must not. Bots look only at what a trainee could see.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from game.engine import botlines
from game.engine.session import Session
from game.engine.world import Person, Post
from game.journal.actions import (
    Action,
    Ban,
    FollowUp,
    Hide,
    PrivateMessage,
    Reply,
    Search,
    Statement,
    Warn,
)
from game.journal.events import Event, PostArrived
from game.scenario.model import (
    CrowdTemplate,
    Exemplars,
    FacilitatorInject,
    Inject,
    LocalizedText,
    StatementRules,
)
from game.scenario.placeholders import fill

SEARCH_EVERY_SECONDS = 5 * 60


def exemplars_for(session: Session, post: Post) -> Exemplars | None:
    """The model replies the scenario gives for the inject or template behind a post.

    A reaction's post has its own when the author wrote some; otherwise the model
    replies of its author's persona (their first scripted or background post with
    some) answer the same concern.
    """
    kind, _, source_id = post.source.partition(":")
    scenario = session.scenario
    if kind == "reaction":
        reaction = next((r for r in scenario.reactions if r.id == source_id), None)
        if reaction is not None and reaction.then.post and reaction.then.post.replies:
            return reaction.then.post.replies
        author = session.crowd.people.get(post.author)
        persona = author.persona if author else None
        templates = [*scenario.injects, *scenario.crowd]
        return next((t.replies for t in templates if t.persona == persona and t.replies), None)
    sections: dict[str, Sequence[Inject | CrowdTemplate | FacilitatorInject]] = {
        "inject": scenario.injects,
        "crowd": scenario.crowd,
        "facilitator": scenario.facilitator_injects,
    }
    items = sections.get(kind)
    if items is None:
        return None
    for item in items:
        if item.id == source_id:
            return item.replies
    return None


def reply_text(session: Session, post: Post, texts: Mapping[str, str]) -> str:
    """A reply in the author's language when the text has it, filled for this thread."""
    author = session.crowd.people.get(post.author)
    language = author.language if author and author.language in texts else session.language
    if language not in texts:
        language = next(iter(texts))
    values = session.threads[post.thread].values
    return fill(texts[language], session.crowd.placeholder_values(author, values))


def statement_text(session: Session, texts: Mapping[str, str]) -> str:
    """A statement in the session's language, brand and own placeholders filled."""
    values = {
        name: options[0].get(session.language) or next(iter(options[0].values()))
        for name, options in session.scenario.placeholders.items()
    }
    language = session.language if session.language in texts else next(iter(texts))
    return fill(texts[language], session.crowd.placeholder_values(None, values))


def _has_private_channel(session: Session) -> bool:
    return any(channel.visibility == "private" for channel in session.scenario.channels)


def follow_ups_due(
    session: Session,
    handled: set[str],
    text: Callable[[Session, Post, Mapping[str, str]], str] = reply_text,
) -> list[Action]:
    """Follow up every open promise once half its time has passed (H4: keep it early).

    Each follow-up delivers what its promise committed to (a call made, a refund
    issued); a promise to write in private is kept by a private message.

    Args:
        session: the session.
        handled: keys already acted on; updated.
        text: writes the follow-up to the exchange's first post (default ``reply_text``).
    """
    actions: list[Action] = []
    threads: set[str] = set()  # one per exchange at a time: it may keep the others too
    for promise in session.promises.values():
        halfway = promise.made + (promise.due - promise.made) // 2
        key = f"promise:{promise.id}"
        if promise.thread in threads:
            continue
        if promise.status == "open" and session.now >= halfway and key not in handled:
            threads.add(promise.thread)
            handled.add(key)
            first = session.posts[session.threads[promise.thread].posts[0]]
            texts = botlines.FOLLOW_UP_BY_ACT.get(promise.act, botlines.FOLLOW_UP)
            if promise.act == "private_message" and _has_private_channel(session):
                # A promise to write in private is kept by writing in private.
                actions.append(PrivateMessage(first.id, text(session, first, texts)))
            else:
                actions.append(FollowUp(promise.id, text(session, first, texts)))
    return actions


def bad_exemplar(
    exemplars: Exemplars | StatementRules | None, rules: tuple[str, ...]
) -> LocalizedText | None:
    """The first bad exemplar that breaks one of ``rules``."""
    if exemplars is None:
        return None
    for bad in exemplars.bad:
        if bad.breaks in rules:
            return bad.text
    return None


@dataclass
class Bot:
    """Base of the built-in bots: remembers what it has already handled.

    A bot watches the session's events for the posts that arrive, and decides on them
    once they are old enough; it never rescans the whole feed.

    Attributes:
        name: the policy name used on the command line.
        handled: ids of posts and promises the bot is done with.
    """

    name: str = "bot"
    handled: set[str] = field(default_factory=set)
    _arrived: list[str] = field(default_factory=list)  # crowd posts not yet queued
    _open: dict[int, Post] = field(default_factory=dict)  # old enough, by arrival order
    _later: list[tuple[int, int, Post]] = field(default_factory=list)  # heap: (ready, order)
    _count: int = 0

    def observe(self, event: Event) -> None:
        """Note the crowd's posts as they arrive (subscribed to the session)."""
        if isinstance(event, PostArrived):
            self._arrived.append(event.post.id)

    def decide(self, session: Session) -> list[Action]:
        """The actions to take now; ``Leave`` (``game.engine.session``) leaves the session."""
        raise NotImplementedError

    def _due(
        self, session: Session, delay_seconds: int | Callable[[Post], int]
    ) -> list[tuple[Post, Person]]:
        """Visible crowd posts not handled yet, older than ``delay_seconds``.

        ``delay_seconds`` may depend on the post (e.g. on its channel's expected
        response time). Only new posts are looked at each time, so a long storm costs
        no more per step.
        """
        delay_of = delay_seconds if callable(delay_seconds) else lambda _post: delay_seconds
        for post_id in self._arrived:
            post = session.posts[post_id]
            self._count += 1
            heapq.heappush(self._later, (post.time + delay_of(post), self._count, post))
        self._arrived.clear()
        while self._later and self._later[0][0] <= session.now:
            _ready, order, post = heapq.heappop(self._later)
            self._open[order] = post
        ready = []
        for order in sorted(self._open):  # in the order the posts arrived
            post = self._open[order]
            author = session.crowd.people[post.author]
            if post.id in self.handled or post.hidden or author.banned:
                del self._open[order]
            elif post.found:
                ready.append((post, author))
        return ready


@dataclass
class IdealBot(Bot):
    """Answers everything soon, on the right channel, with the scenario's good replies.

    Moves an exchange to private after two public messages, warns then bans rule-breaking
    trolls, searches for untagged mentions, keeps its promises, and publishes a full
    apology once every fact that puts the brand at fault is known.
    """

    name: str = "ideal"
    think_seconds: int = 60
    stated: bool = False
    last_search: int = -SEARCH_EVERY_SECONDS

    def decide(self, session: Session) -> list[Action]:
        """Search, answer, moderate, follow up and state, as an expert would."""
        actions: list[Action] = []
        if session.now - self.last_search >= SEARCH_EVERY_SECONDS:
            self.last_search = session.now
            actions.append(Search())
        for post, author in self._due(session, lambda post: self._delay(session, post)):
            action = self._handle(session, post, author)
            self.handled.add(post.id)  # a post that needs nothing now never will
            if action is not None:
                actions.append(action)
        actions.extend(follow_ups_due(session, self.handled, self._text))
        if not self.stated and self._ready_to_state(session):
            self.stated = True
            actions.append(self._statement(session))
        return actions

    def _delay(self, session: Session, post: Post) -> int:
        return self.think_seconds

    def _text(self, session: Session, post: Post, texts: Mapping[str, str]) -> str:
        """The words of a reply to ``post`` (in its author's language when possible)."""
        return reply_text(session, post, texts)

    def _statement_text(self, session: Session, texts: Mapping[str, str]) -> str:
        """The words of a statement (in the session's language)."""
        return statement_text(session, texts)

    def _handle(self, session: Session, post: Post, author: Person) -> Action | None:
        if author.is_troll or post.tone == "abusive":
            return self._moderate(session, post, author)
        if not post.waiting:
            return None
        thread = session.threads[post.thread]
        if thread.private or thread.public_replies >= 2:
            texts = botlines.THANKS if post.tone == "positive" else botlines.PRIVATE
            return PrivateMessage(post.id, self._text(session, post, texts))
        exemplars = exemplars_for(session, post)
        if exemplars is not None:
            # Vary the exemplar by post, deterministically, without touching the
            # session's random generator (that would change the crowd).
            good = exemplars.good[int(post.id[1:]) % len(exemplars.good)]
            return Reply(post.id, self._text(session, post, good))
        variants = botlines.THANKS_VARIANTS if post.tone == "positive" else botlines.GOOD_REPLIES
        return Reply(post.id, self._text(session, post, botlines.for_source(variants, post.source)))

    def _moderate(self, session: Session, post: Post, author: Person) -> Action:
        if author.warned:
            return Ban(post.id, self._text(session, post, botlines.BAN_REASON))
        exemplars = exemplars_for(session, post)
        texts = exemplars.good[0] if exemplars is not None else botlines.WARNING
        return Warn(post.id, self._text(session, post, texts))

    def _ready_to_state(self, session: Session) -> bool:
        at_fault = [f for f in session.scenario.facts if f.brand_at_fault and f.truth is True]
        return bool(at_fault) and all(f.id in session.revealed for f in at_fault)

    def _statement(self, session: Session) -> Statement:
        good = session.scenario.scoring.statement.good
        texts = good[0] if good else botlines.STATEMENT
        return Statement(self._statement_text(session, texts))


@dataclass
class SlowBot(IdealBot):
    """The ideal player, answering half as late again as each channel expects."""

    name: str = "slow"
    lateness: float = 1.5

    def _delay(self, session: Session, post: Post) -> int:
        expected = next(c for c in session.scenario.channels if c.id == post.channel)
        return int(self.lateness * expected.expected_response_minutes * 60)


@dataclass
class TrollFeederBot(IdealBot):
    """The ideal player who argues with trolls instead of moderating them."""

    name: str = "troll-feeder"

    def _moderate(self, session: Session, post: Post, author: Person) -> Action:
        return Reply(post.id, reply_text(session, post, botlines.HOSTILE))


@dataclass
class ScriptedBadBot(Bot):
    """A player with one bad habit for every reply, and a matching statement."""

    name: str = "bad"
    delay_seconds: int = 600
    rules: tuple[str, ...] = ()
    fallback: Mapping[str, str] = field(default_factory=dict)
    statement_rules: tuple[str, ...] = ()
    statement_fallback: Mapping[str, str] = field(default_factory=dict)
    statement_minute: int | None = None
    stated: bool = False

    def decide(self, session: Session) -> list[Action]:
        """Answer every post with the bad habit; maybe publish a bad statement."""
        actions: list[Action] = []
        for post, _author in self._due(session, self.delay_seconds):
            self.handled.add(post.id)
            if not post.waiting and post.tone != "abusive":
                continue
            texts = bad_exemplar(exemplars_for(session, post), self.rules) or self.fallback
            actions.append(Reply(post.id, reply_text(session, post, texts)))
        if (
            self.statement_minute is not None
            and not self.stated
            and session.now >= self.statement_minute * 60
        ):
            self.stated = True
            statement = session.scenario.scoring.statement
            texts = bad_exemplar(statement, self.statement_rules) or self.statement_fallback
            actions.append(Statement(statement_text(session, texts)))
        return actions


@dataclass
class BanhammerBot(Bot):
    """Hides every complaint (and abusive post) and bans whoever complains twice."""

    name: str = "banhammer"
    delay_seconds: int = 120

    def decide(self, session: Session) -> list[Action]:
        """Hide negative posts; ban repeat complainers."""
        actions: list[Action] = []
        for post, author in self._due(session, self.delay_seconds):
            self.handled.add(post.id)
            complaint = post.tone == "negative" and post.needs_reply
            if not complaint and post.tone != "abusive":
                continue  # shares and jokes are not complaints: it has no one to silence
            if author.id in self.handled:
                actions.append(Ban(post.id, reply_text(session, post, botlines.HIDE_REASON)))
            else:
                self.handled.add(author.id)
                actions.append(Hide(post.id))
        return actions


@dataclass
class IgnorerBot(Bot):
    """Does nothing at all."""

    name: str = "ignorer"

    def decide(self, session: Session) -> list[Action]:
        """Nothing."""
        return []


def _corporate() -> Bot:
    return ScriptedBadBot(
        name="corporate",
        delay_seconds=600,
        rules=("E4", "P4"),
        fallback=botlines.BOILERPLATE,
        statement_rules=("E4", "H2"),
        statement_fallback=botlines.BOILERPLATE,
        statement_minute=20,
    )


def _defensive() -> Bot:
    return ScriptedBadBot(
        name="defensive",
        delay_seconds=300,
        rules=("H1", "E2", "H3"),
        fallback=botlines.DENIAL,
    )


GAMING_POLICIES = (
    "template",
    "stuffer",
    "copy_paste",
    "one_liner",
    "promiser",
    "wrong_language",
    "early_quitter",
)
"""The gaming bots (``game.engine.gaming``): no scenario may let one of them score well."""


def _gaming(name: str) -> Callable[[], Bot]:
    """A factory of the gaming bot ``name``.

    ``game.engine.gaming`` builds on this module, so it is imported when first needed.
    """

    def make() -> Bot:
        from game.engine.gaming import GAMING_BOTS

        return GAMING_BOTS[name]()

    return make


POLICIES: dict[str, Callable[[], Bot]] = {
    "ideal": IdealBot,
    "slow": SlowBot,
    "corporate": _corporate,
    "defensive": _defensive,
    "troll-feeder": TrollFeederBot,
    "banhammer": BanhammerBot,
    "ignorer": IgnorerBot,
    **{name: _gaming(name) for name in GAMING_POLICIES},
}
"""Built-in policies by name, each a factory of a fresh bot: good and bad habits, then
the gaming bots."""
