"""The trainee's actions: each one checked first, then carried out.

Every action has a check that raises ``ActionError`` before anything changes (a
refused action leaves no trace) and an effect that changes the session and publishes
what happened. ``possible_on`` runs the same checks, so the console offers exactly
what the engine would take.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.budgets import TRAINEE_TEXT_CHARACTERS
from game.engine.audience import tempered
from game.engine.clock import minute_of_day
from game.engine.ports import Reading
from game.engine.refusals import ActionError, Refusal
from game.engine.world import Person, Post, Promise, Thread
from game.journal.actions import (
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
    Warn,
)
from game.journal.events import (
    ActionResult,
    ActionTaken,
    PostFound,
    PromiseBroken,
    PromiseDue,
    PromiseKept,
    PromiseMade,
    ReplyAnalysed,
    ThreadResolved,
)
from game.journal.records import BRAND, AnswerRecord
from game.vocabulary import Cue, keeps

if TYPE_CHECKING:
    from game.engine.session import Session

DEFAULT_PROMISE_MINUTES = 60  # a promise with no stated time is due within the hour


@dataclass(frozen=True)
class _Handler:
    check: Callable[[Session, Any], None]
    apply: Callable[[Session, Any], None]


def take(session: Session, action: Action) -> None:
    """Check an action, then carry it out.

    Raises:
        ActionError: the action cannot be taken now; nothing changed.
    """
    handler = _HANDLERS.get(type(action))
    if handler is None:
        raise ActionError(Refusal.UNKNOWN_ACTION, action=repr(action))
    for text in action.written():
        if len(text) > TRAINEE_TEXT_CHARACTERS:
            raise ActionError(
                Refusal.TEXT_TOO_LONG,
                length=str(len(text)),
                limit=str(TRAINEE_TEXT_CHARACTERS),
            )
    handler.check(session, action)
    handler.apply(session, action)


_ON_A_POST: dict[str, Callable[[str], Action]] = {
    Reply.kind: lambda post_id: Reply(post_id, "-"),
    PrivateMessage.kind: lambda post_id: PrivateMessage(post_id, "-"),
    Like.kind: Like,
    Hide.kind: Hide,
    Warn.kind: Warn,
    Ban.kind: lambda post_id: Ban(post_id, "-"),
    Escalate.kind: lambda post_id: Escalate(post_id, "-"),
}
"""The actions that take a post, each as a sample whose words pass every check."""


def refusal_on(session: Session, post: Post, kind: str) -> ActionError | None:
    """Why an action of ``kind`` could not take ``post`` now (None: it could).

    The words of the action (a reply's text, a ban's reason) are not judged here.
    """
    if session.ended:
        return ActionError(Refusal.SESSION_ENDED)
    sample = _ON_A_POST[kind](post.id)
    try:
        _HANDLERS[type(sample)].check(session, sample)
    except ActionError as error:
        return error
    return None


def possible_on(session: Session, post: Post) -> frozenset[str]:
    """The kinds of action on ``post`` whose checks pass now."""
    return frozenset(kind for kind in _ON_A_POST if refusal_on(session, post, kind) is None)


# ---------------------------------------------------------------------- shared checks


def _post(session: Session, post_id: str) -> Post:
    post = session.posts.get(post_id)
    if post is None or not post.found:
        raise ActionError(Refusal.NO_SUCH_POST, post=post_id)
    if post.from_brand:
        raise ActionError(Refusal.OWN_POST)
    return post


def _author(session: Session, post: Post) -> Person:
    return session.crowd.people[post.author]


def _not_banned(session: Session, post: Post) -> None:
    author = _author(session, post)
    if author.banned:
        raise ActionError(Refusal.AUTHOR_BANNED, handle=author.handle)


def _read(
    session: Session,
    post_id: str,
    text: str,
    customer: str | None,
    minute: int | None,
    answering: Post | None = None,
) -> Reading:
    """Read the brand's words and publish the reading (the crowd reacts to its cues).

    An answer to a post (``answering``) is judged in its situation: who wrote it, what
    it is, and what was already said to others.
    """
    if answering is None:
        reading = session.read(text, session.language, customer=customer, minute_of_day=minute)
    else:
        reading = session.read(
            text,
            session.language,
            customer=customer,
            minute_of_day=minute,
            scenario=session.scenario,
            post=answering.record(),
            archetype=_author(session, answering).archetype,
            earlier=session.answers,
        )
    session.last_reading = reading  # the practice coach explains this very reading
    promises = tuple((p.text, p.deadline_minutes) for p in reading.promises)
    session.emit(ReplyAnalysed(session.now, post_id, reading.cue_ids(), promises))
    return reading


def _resolve_if_done(session: Session, thread: Thread) -> None:
    waiting = any(session.posts[p].waiting for p in thread.posts)
    if not waiting and not session.open_promises(thread):
        thread.resolved = True
        session.emit(ThreadResolved(session.now, thread.id))


# ---------------------------------------------------------------------- answers


def _check_reply(session: Session, action: Reply) -> None:
    post = _post(session, action.post_id)
    channel = action.channel or post.channel
    spec = session.channels.get(channel)
    if spec is None:
        raise ActionError(Refusal.NO_SUCH_CHANNEL, channel=channel)
    if spec.visibility == "private" and channel != post.channel:
        raise ActionError(Refusal.PRIVATE_NEEDS_MESSAGE)
    _not_banned(session, post)


def _reply(session: Session, action: Reply) -> None:
    post = session.posts[action.post_id]
    channel = action.channel or post.channel
    if session.channels[channel].visibility == "public":
        session.threads[post.thread].public_replies += 1
    _answer(session, post, action.text, channel, action)


def _check_private(session: Session, action: PrivateMessage) -> None:
    post = _post(session, action.post_id)
    session.private_channel()
    _not_banned(session, post)


def _private(session: Session, action: PrivateMessage) -> None:
    post = session.posts[action.post_id]
    session.threads[post.thread].private = True
    _answer(session, post, action.text, session.private_channel().id, action)


def _answer(session: Session, post: Post, text: str, channel: str, action: Action) -> None:
    """Shared by public and private replies: mark answered, read, promise, react."""
    author = _author(session, post)
    thread = session.threads[post.thread]
    reply = session.posting.brand_post(channel, text, thread, "brand")
    reading = _read(session, reply.id, text, author.name, minute_of_day(session.now), post)
    if "wrong_language" not in reading.verdicts:
        # Words they cannot read do not answer them: the post keeps waiting.
        session.answered(thread)
        if post.answered_at is None:
            post.answered_at = session.now
    session.answers.append(AnswerRecord(text, author.id, author.name, reading.topic))
    cues = reading.cue_ids()
    session.emit(ActionTaken(session.now, action, ActionResult(reply.id, cues=tuple(sorted(cues)))))
    private = session.channels[channel].visibility == "private"
    _keep_delivered(
        session, thread, reading.delivered | ({"private_message"} if private else set())
    )
    for promise in reading.promises:
        minutes = promise.deadline_minutes or DEFAULT_PROMISE_MINUTES
        _promise(session, reply, thread, promise.text, minutes, promise.act)
    trigger = "private_message" if private else "replied"
    session.reactions.react(author, trigger, post, reading.understood(), reading.verdicts)
    _resolve_if_done(session, thread)


def _promise(
    session: Session, reply: Post, thread: Thread, text: str, minutes: int, act: str
) -> None:
    now = session.now
    promise = Promise(
        f"pr{len(session.promises) + 1}", reply.id, thread.id, text, now, now + minutes * 60, act
    )
    session.promises[promise.id] = promise
    thread.promises.append(promise.id)

    def warn() -> None:
        if promise.status == "open":
            session.emit(PromiseDue(session.now, promise.id, promise.due))

    session.schedule(promise.made + (promise.due - promise.made) * 3 // 4, warn)
    session.schedule(promise.due, lambda: _break(session, promise))
    session.emit(PromiseMade(now, promise.id, reply.id, text, promise.due))


def _break(session: Session, promise: Promise) -> None:
    if promise.status != "open":
        return
    promise.status = "broken"
    session.audience.promise_broken()
    thread = session.threads[promise.thread]
    author = session.crowd.people[thread.author]
    session.audience.set_mood(author, author.mood + tempered(-0.3, author.temper))
    session.audience.move(-0.05)
    session.emit(PromiseBroken(session.now, promise.id))
    if not (author.banned or author.stopped):
        first = session.posts[thread.posts[0]]
        session.reactions.react(author, "promise_broken", first, frozenset())


def _check_follow_up(session: Session, action: FollowUp) -> None:
    promise = session.promises.get(action.promise_id)
    if promise is None:
        raise ActionError(Refusal.NO_SUCH_PROMISE, promise=action.promise_id)
    if promise.status == "kept":
        raise ActionError(Refusal.PROMISE_ALREADY_KEPT)


def _follow_up(session: Session, action: FollowUp) -> None:
    """Write to the person a promise was made to; it keeps what it delivers.

    A follow-up keeps a promise only when its words deliver or report the promised
    act ("we've refunded you" keeps a refund; "as promised" alone keeps nothing), or,
    for a promise to write in private, when it is itself a private message.
    """
    promise = session.promises[action.promise_id]
    if promise.status == "broken" and promise.followed_up_late is None:
        # Only this first late follow-up counts (as scoring reads the log): the console
        # then shows the promise as closed.
        promise.followed_up_late = session.now
    thread = session.threads[promise.thread]
    channel = session.private_channel().id if thread.private else thread.channel
    reply = session.posting.brand_post(channel, action.text, thread, "follow_up")
    session.emit(ActionTaken(session.now, action, ActionResult(reply.id)))
    author = session.crowd.people[thread.author]
    reading = _read(session, reply.id, action.text, author.name, minute_of_day(session.now))
    delivered = reading.delivered | ({"private_message"} if thread.private else set())
    _keep_delivered(session, thread, delivered)
    _resolve_if_done(session, thread)


def _keep_delivered(session: Session, thread: Thread, delivered: frozenset[str] | set[str]) -> None:
    """Keep the thread's open promises whose act the brand's words just delivered."""
    if not delivered:
        return
    author = session.crowd.people[thread.author]
    for promise in session.open_promises(thread):
        if not keeps(promise.act, delivered):
            continue
        promise.status = "kept"
        session.emit(PromiseKept(session.now, promise.id))
        if not (author.banned or author.stopped):
            # The reaction answers the exchange's first post: "same" is where it began.
            first = session.posts[thread.posts[0]]
            session.reactions.react(author, "promise_kept", first, frozenset())


# ---------------------------------------------------------------------- to everyone


def _public_channels(session: Session) -> list[str]:
    return [c.id for c in session.scenario.channels if c.visibility == "public"]


def _check_statement(session: Session, action: Statement) -> None:
    public = _public_channels(session)
    for channel in action.channels:
        if channel not in public:
            raise ActionError(Refusal.NOT_PUBLIC_CHANNEL, channel=channel)
    if not action.text.strip():
        raise ActionError(Refusal.EMPTY_STATEMENT)


def _statement(session: Session, action: Statement) -> None:
    session.audience.statement()
    posted = []
    for channel in list(action.channels) or _public_channels(session):
        thread = Thread(f"t{len(session.threads) + 1}", BRAND, channel, resolved=True)
        session.threads[thread.id] = thread
        posted.append(session.posting.brand_post(channel, action.text, thread, "statement").id)
    cues = _read(session, posted[0], action.text, None, None).cue_ids()
    result = ActionResult(posts=tuple(posted), cues=tuple(sorted(cues)))
    session.emit(ActionTaken(session.now, action, result))
    for person in list(session.crowd.people.values()):
        if not (person.banned or person.stopped):
            session.reactions.react(
                person, "statement", session.posting.last_post.get(person.id), cues, frozenset()
            )


def _check_search(session: Session, action: Search) -> None:
    """A search can always be made."""


def _search(session: Session, action: Search) -> None:
    words = [word.casefold() for word in action.query.split()]
    found = []
    for post in session.posts.values():
        if post.found or post.from_brand:
            continue
        text = post.text.casefold()
        if not words or any(word in text for word in words):
            post.found = True
            found.append(post)
    session.emit(ActionTaken(session.now, action, ActionResult(found=tuple(p.id for p in found))))
    for post in found:
        session.emit(PostFound(session.now, post.record()))


# ---------------------------------------------------------------------- moderation


def _check_post(session: Session, action: Like | Hide) -> None:
    post = _post(session, action.post_id)
    if isinstance(action, Hide) and post.hidden:
        raise ActionError(Refusal.ALREADY_HIDDEN)


def _like(session: Session, action: Like) -> None:
    post = session.posts[action.post_id]
    post.liked = True
    session.emit(ActionTaken(session.now, action))
    session.reactions.react(_author(session, post), "liked", post, frozenset())


def _silence(session: Session, post: Post, person: Person) -> None:
    if not person.is_troll and post.tone != "abusive":
        session.audience.silenced(person)


def _hide(session: Session, action: Hide) -> None:
    post = session.posts[action.post_id]
    post.hidden = True
    session.stop_waiting(post)
    person = _author(session, post)
    _silence(session, post, person)
    session.emit(ActionTaken(session.now, action))
    session.reactions.react(person, "hidden", post, frozenset())


def _check_warn(session: Session, action: Warn) -> None:
    _not_banned(session, _post(session, action.post_id))


def _warn(session: Session, action: Warn) -> None:
    post = session.posts[action.post_id]
    person = _author(session, post)
    person.warned = True
    cues: frozenset[Cue] = frozenset()
    result = ActionResult()
    if action.text.strip():
        thread = session.threads[post.thread]
        reply = session.posting.brand_post(post.channel, action.text, thread, "warning")
        cues = _read(session, reply.id, action.text, None, None).cue_ids()
        result = ActionResult(reply.id, cues=tuple(sorted(cues)))
    session.emit(ActionTaken(session.now, action, result))
    session.reactions.react(person, "warned", post, cues)


def _check_ban(session: Session, action: Ban) -> None:
    person = _author(session, _post(session, action.post_id))
    if person.banned:
        raise ActionError(Refusal.ALREADY_BANNED, handle=person.handle)
    if not action.reason.strip():
        raise ActionError(Refusal.BAN_NEEDS_REASON)


def _ban(session: Session, action: Ban) -> None:
    post = session.posts[action.post_id]
    person = _author(session, post)
    person.banned = True
    session.drop_waiting(person)
    session.audience.left(person, banned=True)
    _silence(session, post, person)
    session.emit(ActionTaken(session.now, action))
    session.reactions.react(person, "banned", post, frozenset())


def _check_escalate(session: Session, action: Escalate) -> None:
    post = _post(session, action.post_id)
    team = action.team.strip()
    if not team:
        raise ActionError(Refusal.TEAM_MISSING)
    if team in session.threads[post.thread].escalated:
        raise ActionError(Refusal.ALREADY_ESCALATED, team=team)


def _escalate(session: Session, action: Escalate) -> None:
    post = session.posts[action.post_id]
    session.threads[post.thread].escalated.append(action.team.strip())
    session.emit(ActionTaken(session.now, action))
    person = _author(session, post)
    if not person.banned:
        # The team takes it from here: what that does to the person is the scenario's.
        session.reactions.react(person, "escalated", post, frozenset())


_HANDLERS: dict[type[Action], _Handler] = {
    Reply: _Handler(_check_reply, _reply),
    PrivateMessage: _Handler(_check_private, _private),
    Statement: _Handler(_check_statement, _statement),
    Like: _Handler(_check_post, _like),
    Hide: _Handler(_check_post, _hide),
    Warn: _Handler(_check_warn, _warn),
    Ban: _Handler(_check_ban, _ban),
    Escalate: _Handler(_check_escalate, _escalate),
    FollowUp: _Handler(_check_follow_up, _follow_up),
    Search: _Handler(_check_search, _search),
}
