"""The crisis console: status, channels, feed, thread, composer and coach."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial

from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer

from game.engine import (
    Action,
    ActionError,
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
from game.engine.world import Post
from game.journal.events import (
    FactRevealed,
    PhaseChanged,
    PostArrived,
    PostFound,
    PromiseBroken,
    PromiseDue,
    PromiseKept,
    SessionEnded,
)
from game.tui.coach import coach_notes
from game.tui.config import Mode
from game.tui.controller import Changes, Game, clock_text, compact_number
from game.tui.i18n import tr
from game.tui.keys import CONSOLE_KEYS, localize
from game.tui.messages import (
    ChannelSelected,
    ComposerCancelled,
    ComposerSubmitted,
    PostHighlighted,
    SessionOver,
)
from game.tui.render import one_line
from game.tui.screens.dialogs import ChannelsScreen, ChooseScreen, ConfirmScreen
from game.tui.widgets.channels import ChannelList
from game.tui.widgets.coach import CoachPanel
from game.tui.widgets.composer import Composer
from game.tui.widgets.feed import Feed
from game.tui.widgets.status import StatusBar
from game.tui.widgets.thread import ThreadView

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 60.0)
REAL_TICK = 0.1  # seconds of real time between clock updates in real play
INFLUENTIAL = ("influencer", "journalist")
POST_ACTIONS = ("reply", "private", "like", "hide", "warn", "ban", "escalate")
TEAMS = ("logistics", "customer_care", "product", "legal", "press")


class ConsoleScreen(Screen[None]):
    """Where the crisis is handled.

    Args:
        game: the session being played.
        mode: practice or exam.
        speed: simulated seconds per real second.
        real_clock: drive the clock with a timer (tests advance it by hand).
        cursor_blink: let the composer's cursor blink.
    """

    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Screen declares it without ClassVar)
        (0, "-narrow"),
        (100, "-wide"),
    ]

    def __init__(
        self, game: Game, *, mode: Mode, speed: float, real_clock: bool, cursor_blink: bool
    ) -> None:
        super().__init__(id="console")
        self.game = game
        self.language = game.language
        self.mode: Mode = mode
        self.speed = speed
        self.paused = False
        self.real_clock = real_clock
        self._cursor_blink = cursor_blink
        self.channel_id = game.channels[0].id
        self._target: str | None = None  # the post (or promise) the composer writes to
        self._statement_channels: tuple[str, ...] = ()
        self._carry = 0.0
        self._last_real = 0.0
        self._timer: Timer | None = None
        self._over_sent = False
        localize(self, self.language, CONSOLE_KEYS)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        """Status on top; channels and coach on the left; feed, thread, composer."""
        game = self.game
        yield StatusBar(game, self.mode, id="status")
        yield ChannelList(game, id="channels")
        yield Feed(self.language, id="feed")
        with Horizontal(id="lower"):
            yield ThreadView(game, id="thread")
            if self.mode == "practice":
                yield CoachPanel(self.language, id="coach")
        yield Composer(self.language, cursor_blink=self._cursor_blink, id="composer")
        # The palette's own hint gives its room to the actions (ctrl+p still opens it).
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Show the first channel, hand out what is there at second 0, start the clock."""
        self._apply(self.game.start())
        self._show_channel(self.channel_id)
        self.query_one(Feed).focus()
        if self.real_clock:
            self._last_real = time.monotonic()
            self._timer = self.set_interval(REAL_TICK, self._real_tick)
        self._refresh_status()

    def on_screen_resume(self) -> None:
        """Back from a dialog, the palette or the debrief: repaint the feed in full.

        While another screen was on top the feed went on scrolling and changing; a
        full repaint makes sure no line drawn before that stays on screen.
        """
        feed = self.query_one(Feed)
        feed.clear_cache()
        feed.refresh()

    # ------------------------------------------------------------------ the clock

    def _real_tick(self) -> None:
        now = time.monotonic()
        elapsed, self._last_real = now - self._last_real, now
        if self.paused or self.game.ended:
            return
        self._carry += elapsed * self.speed
        whole = int(self._carry)
        if whole:
            self._carry -= whole
            self.advance_clock(whole)

    def advance_clock(self, seconds: int) -> None:
        """Let simulated time pass (the timer in real play; tests call it by hand)."""
        if seconds > 0 and not self.game.ended:
            self._apply(self.game.advance(seconds))

    # ------------------------------------------------------------------ updates

    def _apply(self, changes: Changes) -> None:
        game = self.game
        feed = self.query_one(Feed)
        for post in changes.new_posts:
            if post.channel == self.channel_id:
                feed.append(game, post)
                game.unread[post.channel].discard(post.id)
        for post in changes.restated:
            if post.channel == self.channel_id:
                feed.restate(game, post)
        self._notify_events(changes)
        self.query_one(ChannelList).refresh_counts()
        self._refresh_status()
        self._refresh_thread()
        if game.ended:
            self._end()

    def _refresh_status(self) -> None:
        self.query_one(StatusBar).update_status(speed=self.speed, paused=self.paused)

    def _refresh_thread(self) -> None:
        post_id = self.query_one(Feed).current_post_id
        post = self.game.post(post_id) if post_id else None
        self.query_one(ThreadView).show(post)

    def _notify_events(self, changes: Changes) -> None:
        game = self.game
        language = self.language
        found = 0
        for event in changes.events:
            if isinstance(event, PostArrived):
                person = game.person(event.post)
                if person is not None and person.archetype in INFLUENTIAL and event.post.tags_brand:
                    kind = (
                        "notice.journalist"
                        if person.archetype == "journalist"
                        else ("notice.influencer_kind")
                    )
                    self._say(
                        tr(
                            language,
                            "notice.influencer",
                            kind=tr(language, kind),
                            name=f"{person.name} {person.handle}",
                            followers=compact_number(person.followers),
                            channel=game.channel_name(event.post.channel),
                        ),
                        severity="warning",
                    )
            elif isinstance(event, PostFound):
                found += 1
            elif isinstance(event, PhaseChanged):
                phase = next(p for p in game.scenario.phases if p.id == event.phase)
                self._say(
                    tr(language, "notice.phase", phase=game.scenario.text(phase.name, language)),
                    severity="warning",
                )
            elif isinstance(event, PromiseDue):
                self._say(
                    tr(
                        language,
                        "notice.promise_due",
                        id=event.promise_id,
                        due=clock_text(event.due),
                    ),
                    severity="warning",
                )
            elif isinstance(event, PromiseBroken):
                self._say(tr(language, "notice.promise_broken", id=event.promise_id), "error")
            elif isinstance(event, PromiseKept):
                self._say(tr(language, "notice.promise_kept", id=event.promise_id))
            elif isinstance(event, FactRevealed):
                fact = next(f for f in game.scenario.facts if f.id == event.fact_id)
                self._say(
                    tr(language, "notice.fact", fact=game.scenario.text(fact.statement, language))
                )
            elif isinstance(event, SessionEnded):
                phase = next(p for p in game.scenario.phases if p.id == event.phase)
                self._say(
                    tr(language, "notice.ended", phase=game.scenario.text(phase.name, language))
                )
        if found:
            self._say(tr(language, "notice.found", count=found))

    def _say(self, message: str, severity: str = "information") -> None:
        # Notices quote scenario and Faker text: never parsed as markup.
        level = severity if severity in ("information", "warning", "error") else "information"
        self.app.notify(message, severity=level, markup=False)  # type: ignore[arg-type]

    def _end(self) -> None:
        if self._over_sent:
            return
        self._over_sent = True
        if self._timer is not None:
            self._timer.stop()
        self.query_one(Composer).close()
        self.game.finish()
        self._refresh_status()
        self.post_message(SessionOver())

    # ------------------------------------------------------------------ selection

    def _show_channel(self, channel_id: str) -> None:
        self.channel_id = channel_id
        game = self.game
        self.query_one(Feed).show(game, game.by_channel[channel_id])
        game.mark_read(channel_id)
        self.query_one(ChannelList).select(channel_id)
        self._refresh_thread()

    def on_channel_selected(self, message: ChannelSelected) -> None:
        """Show the clicked channel's feed."""
        self._show_channel(message.channel_id)
        self.query_one(Feed).focus()

    def on_post_highlighted(self, message: PostHighlighted) -> None:
        """Show the highlighted post's thread."""
        self._refresh_thread()

    def select_post(self, post_id: str) -> bool:
        """Show a post: switch to its channel and put the cursor on it.

        Args:
            post_id: the post.

        Returns:
            False when there is no such visible post.
        """
        post = self.game.post(post_id)
        if post is None or not post.found:
            return False
        if post.from_brand and post.source != "statement":
            # A brand reply is shown in its thread: select the thread's first post.
            post = self.game.thread_posts(post)[0]
        if post.channel != self.channel_id:
            self._show_channel(post.channel)
        found = self.query_one(Feed).select_post(post.id)
        self._refresh_thread()
        return found

    def _selected_post(self, *, to_author: bool = True) -> Post | None:
        """The post under the cursor, if an action can take it.

        The engine would refuse the same cases, but explains in English only: these
        are told here in the trainee's language.
        """
        post_id = self.query_one(Feed).current_post_id
        post = self.game.post(post_id) if post_id else None
        if post is None or post.from_brand:
            self._say(tr(self.language, "notice.select_post"), "warning")
            return None
        person = self.game.person(post)
        if to_author and person is not None and person.banned:
            self._say(tr(self.language, "notice.author_banned", handle=person.handle), "warning")
            return None
        return post

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide pause in exam mode and the session actions once it is over."""
        if action == "pause" and self.mode == "exam":
            return False
        if self.game.ended and action in (
            *POST_ACTIONS,
            "statement",
            "follow_up",
            "search",
            "pause",
            "finish",
            "faster",
            "slower",
        ):
            return False
        if action == "debrief":
            return self.game.ended
        return True

    def _open(self, mode: str, label: str, target: str | None = None) -> None:
        self._target = target
        self.query_one(Composer).open(mode, label)

    def _handle(self, post: Post) -> str:
        person = self.game.person(post)
        return person.handle if person else self.game.scenario.meta.brand.handle

    def action_reply(self) -> None:
        """Answer the selected post in public."""
        post = self._selected_post()
        if post is not None:
            label = tr(
                self.language,
                "composer.reply",
                handle=self._handle(post),
                channel=self.game.channel_name(post.channel),
            )
            self._open("reply", label, post.id)

    def action_private(self) -> None:
        """Answer the selected post's author in private."""
        post = self._selected_post()
        if post is not None:
            self._open(
                "private", tr(self.language, "composer.private", handle=self._handle(post)), post.id
            )

    def action_statement(self) -> None:
        """Choose channels, then write an official statement."""
        channels = [(c.id, self.game.channel_name(c.id)) for c in self.game.public_channels()]

        def chosen(result: list[str] | None) -> None:
            if not result:
                return
            self._statement_channels = tuple(result)
            names = ", ".join(self.game.channel_name(c) for c in result)
            self._open("statement", tr(self.language, "composer.statement", channels=names))

        self.app.push_screen(
            ChannelsScreen(
                tr(self.language, "choose.channels"),
                channels,
                tr(self.language, "choose.ok"),
                tr(self.language, "choose.cancel"),
            ),
            chosen,
        )

    def action_like(self) -> None:
        """Like the selected post."""
        post = self._selected_post(to_author=False)
        if post is not None and self._act(Like(post.id)):
            self._say(tr(self.language, "notice.liked"))

    def action_hide(self) -> None:
        """Hide the selected post."""
        post = self._selected_post(to_author=False)
        if post is not None and post.hidden:
            self._say(tr(self.language, "notice.already_hidden"), "warning")
            return
        if post is not None and self._act(Hide(post.id)):
            self._say(tr(self.language, "notice.hidden"))

    def action_warn(self) -> None:
        """Warn the selected post's author (an optional message citing the rules)."""
        post = self._selected_post()
        if post is not None:
            self._open(
                "warn", tr(self.language, "composer.warn", handle=self._handle(post)), post.id
            )

    def action_ban(self) -> None:
        """Ban the selected post's author, with a reason."""
        post = self._selected_post()
        if post is not None:
            self._open("ban", tr(self.language, "composer.ban", handle=self._handle(post)), post.id)

    def action_escalate(self) -> None:
        """Hand the selected post to a team."""
        post = self._selected_post(to_author=False)
        if post is None:
            return
        post_id = post.id

        def chosen(team: str | None) -> None:
            if team and self._act(Escalate(post_id, team)):
                self._say(
                    tr(self.language, "notice.escalated", team=tr(self.language, f"team.{team}"))
                )

        # A team already holding this exchange is not offered again (the engine refuses).
        taken = set(self.game.session.threads[post.thread].escalated)
        options = [(team, tr(self.language, f"team.{team}")) for team in TEAMS if team not in taken]
        if not options:
            return
        self.app.push_screen(ChooseScreen(tr(self.language, "choose.team"), options), chosen)

    def action_follow_up(self) -> None:
        """Deliver on a promise: the selected thread's, or one chosen from a list."""
        promises = self.game.open_promises()
        if not promises:
            self._say(tr(self.language, "notice.no_promises"), "warning")
            return
        post_id = self.query_one(Feed).current_post_id
        post = self.game.post(post_id) if post_id else None
        here = [p for p in promises if post is not None and p.thread == post.thread]

        def write(promise_id: str | None) -> None:
            promise = self.game.session.promises.get(promise_id or "")
            if promise is not None:
                label = tr(
                    self.language,
                    "composer.follow_up",
                    id=promise.id,
                    text=one_line(promise.text, 60),
                )
                self._open("follow_up", label, promise.id)

        if len(here) == 1 or len(promises) == 1:
            write((here or promises)[0].id)
            return
        options = [
            (p.id, f"{p.id} · {clock_text(p.due)} · {one_line(p.text, 50)}") for p in promises
        ]
        self.app.push_screen(ChooseScreen(tr(self.language, "choose.promise"), options), write)

    def action_search(self) -> None:
        """Search the networks for posts that do not tag the brand."""
        self._open("search", tr(self.language, "composer.search"))

    def action_pause(self) -> None:
        """Pause or resume the clock (practice only)."""
        if self.mode == "exam":
            self._say(tr(self.language, "notice.no_pause_exam"), "warning")
            return
        self.paused = not self.paused
        self._last_real = time.monotonic()
        self._say(tr(self.language, "notice.paused" if self.paused else "notice.resumed"))
        self._refresh_status()

    def action_faster(self) -> None:
        """Speed the clock up."""
        self._set_speed(next((s for s in SPEEDS if s > self.speed), self.speed))

    def action_slower(self) -> None:
        """Slow the clock down."""
        self._set_speed(next((s for s in reversed(SPEEDS) if s < self.speed), self.speed))

    def _set_speed(self, speed: float) -> None:
        self.speed = speed
        self._say(tr(self.language, "notice.speed", speed=f"{speed:g}"))
        self._refresh_status()

    def action_next_overdue(self) -> None:
        """Jump to the oldest overdue post."""
        overdue = self.game.overdue_posts()
        if overdue:
            self.select_post(overdue[0].id)

    def action_next_channel(self) -> None:
        """Show the next channel's feed."""
        ids = [c.id for c in self.game.channels]
        self._show_channel(ids[(ids.index(self.channel_id) + 1) % len(ids)])

    def action_channel(self, number: int) -> None:
        """Show the channel of that number (1 is the first)."""
        if 1 <= number <= len(self.game.channels):
            self._show_channel(self.game.channels[number - 1].id)

    def action_finish(self) -> None:
        """End the session now (asks first)."""

        def confirmed(yes: bool | None) -> None:
            if yes and not self.game.ended:
                self.game.finish()
                self._end()

        self.app.push_screen(
            ConfirmScreen(
                tr(self.language, "notice.finish_title"),
                tr(self.language, "notice.finish_body", minute=self.game.now // 60),
                tr(self.language, "action.finish"),
                tr(self.language, "quit.no"),
            ),
            confirmed,
        )

    def action_debrief(self) -> None:
        """Back to the debrief once the session is over."""
        if self.game.ended:
            self.post_message(SessionOver())

    # ------------------------------------------------------------------ composer

    def on_composer_cancelled(self, message: ComposerCancelled) -> None:
        """Leave the composer."""
        self.query_one(Composer).close()
        self.query_one(Feed).focus()

    def on_composer_submitted(self, message: ComposerSubmitted) -> None:
        """Turn the composer's text into the engine action of its mode."""
        text = message.text.strip()
        target = self._target or ""
        language = self.language
        needs_text = message.mode in ("reply", "private", "statement", "ban", "follow_up")
        if needs_text and not text:
            self._say(tr(language, "composer.need_text"), "warning")
            return
        builders: dict[str, Callable[[], Action]] = {
            "reply": lambda: Reply(target, text),
            "private": lambda: PrivateMessage(target, text),
            "statement": lambda: Statement(text, self._statement_channels),
            "warn": lambda: Warn(target, text),
            "ban": lambda: Ban(target, text),
            "follow_up": lambda: FollowUp(target, text),
            "search": lambda: Search(text),
        }
        post = self.game.post(target)
        handle = self._handle(post) if post is not None else ""
        if not self._act(builders[message.mode]()):
            return
        notices = {"warn": ("notice.warned", handle), "ban": ("notice.banned", handle)}
        key, value = notices.get(message.mode, ("notice.sent", ""))
        if message.mode != "search":
            self._say(tr(language, key, handle=value))
        if message.mode in ("reply", "private", "follow_up", "statement", "warn") and text:
            self._coach(text, post, private=message.mode == "private")
        self.query_one(Composer).close()
        self.query_one(Feed).focus()

    def _coach(self, text: str, post: Post | None, *, private: bool = False) -> None:
        if self.mode != "practice":
            return  # exam: no hints until the debrief
        person = self.game.person(post) if post is not None else None
        notes = coach_notes(
            text, self.language, person.name if person else None, self.game.now, private=private
        )
        self.query_one(CoachPanel).show_notes(text, notes)

    def _act(self, action: Action) -> bool:
        try:
            changes = self.game.act(action)
        except ActionError as error:
            # The engine explains refusals in English only; shown as they are.
            self._say(tr(self.language, "notice.refused", reason=str(error)), "error")
            return False
        self._apply(changes)
        return True

    # ------------------------------------------------------------------ palette

    def palette_commands(self) -> Iterator[SystemCommand]:
        """The console's actions for the command palette, in the trainee's language."""
        for spec in CONSOLE_KEYS:
            if spec.action.startswith("app.") or not self.check_action(spec.action, ()):
                continue
            # The palette reads titles as markup: no brackets in them.
            title = f"{tr(self.language, spec.label)} · {spec.display or spec.key}"
            help_text = tr(self.language, spec.help) if spec.help else title
            yield SystemCommand(title, help_text, partial(self.run_action, spec.action))
