"""What the composer is writing: one small type per kind of message.

Each intent knows its target, the composer's label for it, whether it needs words,
how it becomes the engine's action, what the console says once it is done, and which
kind of message the coach reads it as. The console opens the composer with one and
gets it back with the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from game.engine import (
    Action,
    Ban,
    FollowUp,
    PrivateMessage,
    Reply,
    Search,
    Statement,
    Warn,
)
from game.engine.world import Post
from game.tui.controller import Game
from game.tui.i18n import tr
from game.tui.notices import Notice
from game.tui.render import one_line
from scoring.coaching import MessageKind


def author_handle(game: Game, post: Post) -> str:
    """Who a post is from: its author's handle (the brand's for its own posts)."""
    person = game.person(post)
    return person.handle if person else game.scenario.meta.brand.handle


@dataclass(frozen=True)
class ComposerIntent:
    """What the composer is open for (subclasses say which message).

    Attributes:
        needs_text: an empty text cannot be sent.
        coach_kind: the kind of message the coach reads it as (None: no coaching).
        done_key: what the console says once it is done (None: nothing).
    """

    needs_text: ClassVar[bool] = True
    coach_kind: ClassVar[MessageKind | None] = None
    done_key: ClassVar[str | None] = "notice.sent"

    @property
    def post_id(self) -> str | None:
        """The post whose author is addressed, if any (the coach uses their name)."""
        return None

    def label(self, game: Game) -> str:
        """What the composer says it is writing, in the session's language."""
        raise NotImplementedError

    def action(self, text: str) -> Action:
        """The engine action that sends ``text`` (already stripped)."""
        raise NotImplementedError

    def done(self) -> Notice | None:
        """What the console says once the engine has taken the action."""
        return Notice(self.done_key, {"handle": ""}) if self.done_key else None


@dataclass(frozen=True)
class PostIntent(ComposerIntent):
    """A message about one post of the feed, to its author.

    Attributes:
        target: the post.
        handle: its author's handle.
    """

    target: str
    handle: str
    label_key: ClassVar[str] = ""
    kind: ClassVar[str] = ""
    """The engine's kind of action it becomes (asked before opening the composer)."""

    @property
    def post_id(self) -> str | None:
        """The post answered."""
        return self.target

    def label(self, game: Game) -> str:
        """To whom it goes."""
        return tr(game.language, self.label_key, handle=self.handle)

    def done(self) -> Notice | None:
        """What the console says, naming the author (a warning and a ban do)."""
        return Notice(self.done_key, {"handle": self.handle}) if self.done_key else None


@dataclass(frozen=True)
class ReplyIntent(PostIntent):
    """A public reply to a post."""

    coach_kind: ClassVar[MessageKind | None] = "reply"
    kind: ClassVar[str] = Reply.kind

    def label(self, game: Game) -> str:
        """To whom and where."""
        post = game.post(self.target)
        channel = game.channel_name(post.channel) if post is not None else ""
        return tr(game.language, "composer.reply", handle=self.handle, channel=channel)

    def action(self, text: str) -> Action:
        """Reply in public."""
        return Reply(self.target, text)


@dataclass(frozen=True)
class PrivateIntent(PostIntent):
    """A private message to a post's author."""

    coach_kind: ClassVar[MessageKind | None] = "private_message"
    label_key: ClassVar[str] = "composer.private"
    kind: ClassVar[str] = PrivateMessage.kind

    def action(self, text: str) -> Action:
        """Write in private."""
        return PrivateMessage(self.target, text)


@dataclass(frozen=True)
class WarnIntent(PostIntent):
    """A warning to a post's author; the words (citing the rules) are optional."""

    needs_text: ClassVar[bool] = False
    coach_kind: ClassVar[MessageKind | None] = "warning"
    label_key: ClassVar[str] = "composer.warn"
    done_key: ClassVar[str | None] = "notice.warned"
    kind: ClassVar[str] = Warn.kind

    def action(self, text: str) -> Action:
        """Warn the author."""
        return Warn(self.target, text)


@dataclass(frozen=True)
class BanIntent(PostIntent):
    """A ban of a post's author, with the reason."""

    label_key: ClassVar[str] = "composer.ban"
    done_key: ClassVar[str | None] = "notice.banned"
    kind: ClassVar[str] = Ban.kind

    def action(self, text: str) -> Action:
        """Ban the author."""
        return Ban(self.target, text)


@dataclass(frozen=True)
class StatementIntent(ComposerIntent):
    """An official statement on one or several channels."""

    channels: tuple[str, ...]
    coach_kind: ClassVar[MessageKind | None] = "statement"

    def label(self, game: Game) -> str:
        """On which channels."""
        names = ", ".join(game.channel_name(channel) for channel in self.channels)
        return tr(game.language, "composer.statement", channels=names)

    def action(self, text: str) -> Action:
        """Publish the statement."""
        return Statement(text, self.channels)


@dataclass(frozen=True)
class FollowUpIntent(ComposerIntent):
    """Delivering on a promise."""

    promise_id: str
    promise_text: str
    coach_kind: ClassVar[MessageKind | None] = "follow_up"

    def label(self, game: Game) -> str:
        """Which promise."""
        text = one_line(self.promise_text, 60)
        return tr(game.language, "composer.follow_up", id=self.promise_id, text=text)

    def action(self, text: str) -> Action:
        """Follow the promise up."""
        return FollowUp(self.promise_id, text)


@dataclass(frozen=True)
class SearchIntent(ComposerIntent):
    """A search of the networks; empty words monitor everything."""

    needs_text: ClassVar[bool] = False
    done_key: ClassVar[str | None] = None  # the engine's events announce what it found

    def label(self, game: Game) -> str:
        """What a search does."""
        return tr(game.language, "composer.search")

    def action(self, text: str) -> Action:
        """Search."""
        return Search(text)
