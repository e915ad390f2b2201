"""The game behind the console: one Session, its log, and what the screen must show.

No Textual here: this is the bookkeeping the widgets read (post states, unread and
overdue counts, the sentiment history), kept incremental so that a feed of thousands
of posts costs the same per tick as a feed of ten.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from game.engine import Action, ActionError, Session
from game.engine.replay import resume_session
from game.engine.simulate import log_stem
from game.engine.world import Person, Post, Promise
from game.journal.events import NO_LABELS, BrandPosted, Event, PostArrived, PostFound, SessionLabels
from game.journal.logfile import SessionLog
from game.journal.records import PostRecord
from game.paths import sessions_dir
from game.scenario.loader import LoadedScenario
from game.scenario.model import Channel
from game.tui.figures import clock_text, compact_number
from game.tui.logfault import KeptLog, LogFault
from game.tui.resume import catch_up
from scoring import read_reply

if TYPE_CHECKING:
    from game.engine.replay import Resumed

PostState = Literal["new", "answered", "overdue", "private", "hidden", "banned", "brand", "fyi"]
"""``fyi``: a share, praise or troll post that waits for no answer (read, maybe moderate)."""

SPARK_POINTS = 120
"""How many sentiment samples the status bar keeps (one per simulated minute)."""


@dataclass
class Changes:
    """What changed after a step of the game, for the screen to redraw just that.

    Attributes:
        events: the engine's events, in order.
        new_posts: posts that became visible (arrived or found by a search).
        restated: posts whose shown state changed.
    """

    events: list[Event] = field(default_factory=list)
    new_posts: list[Post] = field(default_factory=list)
    restated: list[Post] = field(default_factory=list)


class Game:
    """One session being played, with its log in the user data folder.

    A log that cannot be written (a full or failing disk) does not stop the session:
    its records wait in memory and are written as soon as the disk takes them again;
    ``log_fault`` says meanwhile what is missing and why.

    Args:
        loaded: the scenario.
        seed: the crowd's seed.
        language: the session's language.
        trainee: the trainee's name.
        labels: mode, cohort and start time, for the log's header.
        log_dir: where the log goes (None: the user data folder).
        resumed: a session rebuilt from its log, to go on with in that log instead
            of a new one (see ``resume``; then the arguments above are its own).
    """

    def __init__(
        self,
        loaded: LoadedScenario,
        *,
        seed: int,
        language: str,
        trainee: str,
        labels: SessionLabels = NO_LABELS,
        log_dir: Path | None = None,
        resumed: Resumed | None = None,
    ) -> None:
        if resumed is not None:
            self._kept, self.session = KeptLog(resumed.log), resumed.session
            self.session.subscribe(self._kept.record)  # from here on: the replay wrote nothing
        else:
            # The engine's own helpers name and open the log, exactly as `simulate` does.
            stem = log_stem(loaded.scenario.meta.id, seed)
            self._kept = KeptLog(SessionLog.numbered(log_dir or sessions_dir(), stem))
            self.session = Session(
                loaded,
                seed=seed,
                reader=read_reply,
                trainee=trainee,
                language=language,
                labels=labels,
                subscribers=[self._kept.record],
            )
        self.scenario = loaded.scenario
        self.language = language
        self.channels: list[Channel] = list(self.scenario.channels)
        self._channel = {channel.id: channel for channel in self.channels}
        self.by_channel: dict[str, list[Post]] = {channel.id: [] for channel in self.channels}
        self.unread: dict[str, set[str]] = {channel.id: set() for channel in self.channels}
        self._waiting: dict[str, Post] = {}
        # When each waiting post turns overdue, soonest first: a tick looks only at
        # the posts whose time has come, not at every waiting post.
        self._due: list[tuple[int, str]] = []
        self._overdue: dict[str, set[str]] = {channel.id: set() for channel in self.channels}
        self._shown: dict[str, PostState] = {}
        self.sentiment: list[float] = [0.0]
        self._sampled_minute = 0
        self.finished = False
        if resumed is not None:
            self._absorb(resumed.replayed, acted=True)
            catch_up(self, resumed.contents)

    @classmethod
    def resume(cls, path: Path) -> Game:
        """The session a log holds, rebuilt, to be played on into the same log.

        Raises:
            LogError: the log cannot be read or does not replay.
            OSError: it cannot be written (``LogBusy``: another game is writing it).
        """
        resumed = resume_session(path, read_reply)
        header = resumed.contents.header
        loaded = resumed.session.loaded
        return cls(
            loaded,
            seed=header.seed,
            language=header.language,
            trainee=header.trainee,
            resumed=resumed,
        )

    # ------------------------------------------------------------------ driving

    @property
    def log_path(self) -> Path:
        """The session log (before its header is on disk: the name it is meant to have)."""
        return self._kept.log.path

    @property
    def now(self) -> int:
        """The simulated second."""
        return self.session.now

    @property
    def ended(self) -> bool:
        """Whether the session is over."""
        return self.session.ended

    def advance(self, seconds: int) -> Changes:
        """Let simulated time pass; nothing happens once the session is over.

        While the log cannot be written, each step first tries again to write what
        waits, so that the log is whole again as soon as there is room.
        """
        if self.session.ended or seconds <= 0:
            return Changes()
        self.retry_log()
        return self._absorb(self.session.advance(seconds), acted=False)

    def start(self) -> Changes:
        """What is already there at second 0 (handed out by the engine's first step)."""
        return self._absorb(self.session.advance(0), acted=False)

    def act(self, action: Action) -> Changes:
        """Take a trainee action.

        Raises:
            ActionError: the engine refused it (nothing changed).
        """
        return self._absorb(self.session.act(action), acted=True)

    def push_inject(self, inject_id: str) -> Changes:
        """Show a facilitator inject of the scenario now (``Session.push_inject``).

        Raises:
            ActionError: the engine refused it (nothing changed).
        """
        return self._absorb(self.session.push_inject(inject_id), acted=False)

    def push_post(self, persona: str, channel: str, text: str) -> Changes:
        """Show the facilitator's own words now, as ``persona`` on ``channel``.

        Raises:
            ActionError: the engine refused it (nothing changed).
        """
        return self._absorb(self.session.push_post(persona, channel, text), acted=False)

    def finish(self) -> None:
        """Stop playing and close the log; safe to call more than once.

        Quitting before the end is leaving: the crisis runs on to the scenario's end
        with nobody answering (``Session.leave``), and the log covers all of it. What
        the log could not take is tried once more; what still does not fit is given
        up, and ``log_fault`` keeps saying so.
        """
        if self.finished:
            return
        self.finished = True
        if self.session.ended:
            self.session.close()
        else:
            # What happened after the trainee left is the game's too: the debrief's
            # "go to post" shows those posts in the console.
            self._absorb(self.session.leave(), acted=False)
        self.retry_log()
        self._kept.log.close()

    # ------------------------------------------------------------------ the log

    def retry_log(self) -> None:
        """Try again to write the records the log could not take; nothing if none wait."""
        self._kept.retry()

    @property
    def log_fault(self) -> LogFault | None:
        """Why the log on disk is incomplete (None: every record so far is written)."""
        return self._kept.fault

    # ------------------------------------------------------------------ reading

    def channel(self, channel_id: str) -> Channel:
        """The scenario's channel of that id."""
        return self._channel[channel_id]

    def channel_name(self, channel_id: str) -> str:
        """A channel's name in the session's language."""
        return self.scenario.text(self._channel[channel_id].name, self.language)

    def public_channels(self) -> list[Channel]:
        """The channels a statement can go to."""
        return [channel for channel in self.channels if channel.visibility == "public"]

    def person(self, post: Post | PostRecord) -> Person | None:
        """The author of a post (None for the brand's own posts)."""
        return None if post.from_brand else self.session.crowd.people.get(post.author)

    def post(self, post_id: str) -> Post | None:
        """A post by id."""
        return self.session.posts.get(post_id)

    def thread_posts(self, post: Post) -> list[Post]:
        """Every post of the exchange a post belongs to, in order."""
        return self.session.thread_posts(post)

    def thread_promises(self, post: Post) -> list[Promise]:
        """The promises made in a post's exchange."""
        return self.session.thread_promises(post)

    def open_promises(self) -> list[Promise]:
        """Promises not yet kept (open or broken: a late follow-up is still owed)."""
        return self.session.owed_promises()

    def is_waiting(self, post: Post) -> bool:
        """Whether the post still needs an answer (the engine's own reading)."""
        return self.session.is_waiting(post)

    def is_overdue(self, post: Post) -> bool:
        """Whether the post has waited longer than its channel's expected response time."""
        return self.session.is_overdue(post)

    def state(self, post: Post) -> PostState:
        """What the feed shows for a post."""
        if post.from_brand:
            return "brand"
        if post.hidden:
            return "hidden"
        person = self.person(post)
        if person is not None and person.banned:
            return "banned"
        if post.answered_at is not None:
            thread = self.session.threads[post.thread]
            private = thread.private or self._channel[post.channel].visibility == "private"
            return "private" if private else "answered"
        if not post.needs_reply:
            return "fyi"  # during a flood, what needs an answer must stand out from this
        return "overdue" if self.is_overdue(post) else "new"

    def overdue_count(self, channel_id: str) -> int:
        """Posts of a channel waiting past their expected response time."""
        return len(self._overdue[channel_id])

    def overdue_posts(self) -> list[Post]:
        """Every overdue post, oldest first."""
        posts = [self._waiting[i] for ids in self._overdue.values() for i in ids]
        return sorted(posts, key=lambda post: post.time)

    def mark_read(self, channel_id: str) -> None:
        """The trainee has looked at a channel: its posts are no longer new to them."""
        self.unread[channel_id].clear()

    # ------------------------------------------------------------------ bookkeeping

    def _absorb(self, events: list[Event], *, acted: bool) -> Changes:
        changes = Changes(events=events)
        # What became visible, in the order it happened: tagged posts as they arrive,
        # the brand's own words, and untagged posts a search has just found.
        for event in events:
            if isinstance(event, PostArrived) and not event.post.tags_brand:
                continue
            if not isinstance(event, PostArrived | BrandPosted | PostFound):
                continue
            post = self.session.posts[event.post.id]
            if post.id in self._shown:
                continue
            self._add(post)
            if post.id in self._shown and self._joins_feed(post):
                changes.new_posts.append(post)
        if acted:
            # After an action anything may have changed (a ban touches all of an
            # author's posts): every post is looked at again.
            candidates: Iterable[Post] = self.session.visible_posts()
        else:
            # After a tick only posts whose deadline has passed can change.
            candidates = self._come_due()
        fresh = {post.id for post in changes.new_posts}
        for post in candidates:
            if post.id not in self._shown or post.id in fresh:
                continue
            state = self.state(post)
            if state != self._shown[post.id]:
                self._shown[post.id] = state
                changes.restated.append(post)
            self._track(post)
        minute = self.session.now // 60
        if minute != self._sampled_minute:
            self._sampled_minute = minute
            self.sentiment.append(self.session.metrics.sentiment)
            del self.sentiment[:-SPARK_POINTS]
        return changes

    def _add(self, post: Post) -> None:
        if not self._joins_feed(post):
            self._shown[post.id] = "brand"
            return
        self.by_channel[post.channel].append(post)
        self._shown[post.id] = self.state(post)
        if not post.from_brand:
            self.unread[post.channel].add(post.id)
        if self.is_waiting(post):
            self._waiting[post.id] = post
            heapq.heappush(self._due, (self.session.response_deadline(post), post.id))
            self._track(post)

    def _joins_feed(self, post: Post) -> bool:
        """People's posts, statements and private messages are listed in their channel.

        The brand's public replies live in their threads; its private messages are
        listed too, so that the private channel reads as conversations.
        """
        if not post.from_brand or post.source == "statement":
            return True
        return self._channel[post.channel].visibility == "private"

    def _come_due(self) -> list[Post]:
        """Waiting posts whose expected response time has just passed."""
        due = []
        while self._due and self._due[0][0] < self.session.now:
            _, post_id = heapq.heappop(self._due)
            post = self._waiting.get(post_id)
            if post is not None:
                due.append(post)
        return due

    def _track(self, post: Post) -> None:
        """Keep the waiting and overdue sets in step with one post's state."""
        overdue = self._overdue[post.channel]
        if not self.is_waiting(post):
            self._waiting.pop(post.id, None)
            overdue.discard(post.id)
        elif self.is_overdue(post):
            overdue.add(post.id)


__all__ = [
    "ActionError",
    "Changes",
    "Game",
    "LogFault",
    "PostState",
    "clock_text",
    "compact_number",
]
