"""The crisis console: status, channels, feed, thread, composer and coach."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import ClassVar

from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer

from game.engine import Action, ActionError
from game.tui.clock import QUIET_START_SPEED, SpeedClock
from game.tui.config import Mode
from game.tui.controller import Changes, Game
from game.tui.keys import CONSOLE_KEYS, KeySpec, LocalizedKeys, palette_commands
from game.tui.messages import (
    ChannelSelected,
    ComposerCancelled,
    ComposerSubmitted,
    PostHighlighted,
    SessionOver,
)
from game.tui.notices import Notice, event_notices, log_notice
from game.tui.refusals import refusal_notice
from game.tui.screens import questions
from game.tui.screens.console_actions import ConsoleActions
from game.tui.screens.console_coach import ConsoleCoach
from game.tui.screens.console_remote import ConsoleRemote
from game.tui.widgets.channels import ChannelList
from game.tui.widgets.coach import CoachPanel
from game.tui.widgets.composer import Composer
from game.tui.widgets.feed import Feed
from game.tui.widgets.status import StatusBar
from game.tui.widgets.thread import ThreadView

REAL_TICK = 0.1  # seconds of real time between clock updates in real play
POST_ACTIONS = ("reply", "private", "like", "hide", "warn", "ban", "escalate")
SESSION_ACTIONS = (*POST_ACTIONS, "statement", "follow_up", "search", "pause", "finish")
"""What cannot be done once the session is over (hidden from footer and palette)."""
SPEED_ACTIONS = ("faster", "slower")


class ConsoleScreen(LocalizedKeys, ConsoleRemote, ConsoleCoach, ConsoleActions):
    """Where the crisis is handled.

    Args:
        game: the session being played.
        mode: practice or exam.
        speed: simulated seconds per real second.
        real_clock: drive the clock with a timer (tests advance it by hand).
        cursor_blink: let the composer's cursor blink.
    """

    KEYS: ClassVar[tuple[KeySpec, ...]] = CONSOLE_KEYS
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
        self.clock = SpeedClock(speed, quiet_start=QUIET_START_SPEED)
        self.real_clock = real_clock
        self._cursor_blink = cursor_blink
        self.channel_id = game.channels[0].id
        self._cursor_at: dict[str, str] = {}  # per channel, the post last selected there
        self._timer: Timer | None = None
        self._over_sent = False
        self._log_told: str | None = None  # why the log failed, as last told

    @property
    def speed(self) -> float:
        """Simulated seconds per real second."""
        return self.clock.speed

    @property
    def paused(self) -> bool:
        """Whether the clock is paused (practice only)."""
        return self.clock.paused

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
        """Show the first channel, hand out what is there at second 0, start the clock.

        Until the first post arrives the clock runs fast, and says so: a trainee who
        just read the briefing should not stare at an empty feed for a minute.
        """
        self._apply(self.game.start())
        if self.clock.quiet_start is not None:
            speed = f"{self.clock.quiet_start:g}"
            self._say(Notice("notice.quiet_start", {"speed": speed}))
        self._show_channel(self.channel_id)
        self.query_one(Feed).focus()
        if self.real_clock:
            self.clock.start(time.monotonic())
            self._timer = self.set_interval(REAL_TICK, self._real_tick)
        self._refresh_status()

    def on_screen_resume(self) -> None:
        """Back from a dialog, the palette or the debrief: repaint the feed in full.

        While another screen was on top the feed went on scrolling and changing; a
        full repaint makes sure no line drawn before that stays on screen.
        """
        if self.game.ended:
            # After the end the feed shows the whole crisis, what ran on after leaving too.
            self._show_channel(self.channel_id)
        feed = self.query_one(Feed)
        feed.clear_cache()
        feed.refresh()
        # The key bar and the layout were computed for the screen on top: redo both.
        self.refresh_bindings()
        self.refresh(layout=True)

    # ------------------------------------------------------------------ the clock

    def _real_tick(self) -> None:
        seconds = self.clock.tick(time.monotonic())
        if seconds and not self.game.ended:
            self.advance_clock(seconds)

    def advance_clock(self, seconds: int) -> None:
        """Let simulated time pass (the timer in real play; tests call it by hand)."""
        if seconds > 0 and not self.game.ended:
            self._apply(self.game.advance(seconds))

    # ------------------------------------------------------------------ updates

    def _apply(self, changes: Changes) -> None:
        game = self.game
        feed = self.query_one(Feed)
        if any(not post.from_brand for post in changes.new_posts):
            self.clock.end_quiet_start()
        for post in changes.new_posts:
            if post.channel == self.channel_id:
                feed.append(game, post)
                game.unread[post.channel].discard(post.id)
        for post in changes.restated:
            if post.channel == self.channel_id:
                feed.restate(game, post)
        self._notify_events(changes)
        self._tell_log()
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
        for notice in event_notices(changes.events, self.game):
            self._say(notice)

    def _tell_log(self) -> None:
        """Say once that the log cannot be written (and why), and once that it is whole again.

        Nothing else changes for the trainee: the session goes on, the composer keeps
        what is being written, and the status bar says that the log is not saved.
        """
        fault = self.game.log_fault
        reason = fault.reason if fault is not None else None
        notice = log_notice(reason, self._log_told)
        self._log_told = reason
        if notice is not None:
            self._say(notice)

    def _say(self, notice: Notice) -> None:
        # Notices quote scenario and Faker text: never parsed as markup.
        self.app.notify(
            notice.text(self.language),
            severity=notice.severity,
            timeout=notice.timeout,
            markup=False,
        )

    def _end(self) -> None:
        if self._over_sent:
            return
        self._over_sent = True
        if self._timer is not None:
            self._timer.stop()
        composer = self.query_one(Composer)
        # Time may run out mid-sentence: what follows was typed for the composer, not
        # as commands for the debrief. The app holds the keys and keeps the words.
        interrupted, unsent = composer.intent is not None, composer.draft
        if interrupted:
            self._say(Notice("notice.time_up_typing", {}, "warning"))
        composer.keep_draft(self.game)  # logged as unsent, before the log is closed
        composer.close()
        self.game.finish()
        self._tell_log()  # the last try to write what waits may have done it
        self._refresh_status()
        self.post_message(SessionOver(interrupted, unsent))

    # ------------------------------------------------------------------ selection

    def _show_channel(self, channel_id: str) -> None:
        """Show a channel's feed, the cursor where the trainee left it there (else newest)."""
        feed = self.query_one(Feed)
        if feed.current_post_id is not None:
            self._cursor_at[self.channel_id] = feed.current_post_id
        self.channel_id = channel_id
        game = self.game
        feed.show(game, game.by_channel[channel_id], self._cursor_at.get(channel_id))
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

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide pause and the coach in exam mode, and the session actions once it is over."""
        if action in ("pause", "coach") and self.mode == "exam":
            return False
        if action in SPEED_ACTIONS and self.facilitated:
            return False  # a workshop plays at one speed, the facilitator's
        if self.game.ended and action in (*SESSION_ACTIONS, *SPEED_ACTIONS):
            return False
        if action == "debrief":
            return self.game.ended
        return True

    def action_pause(self) -> None:
        """Pause or resume the clock (practice only)."""
        if self.mode == "exam":
            self._say(Notice("notice.no_pause_exam", severity="warning"))
            return
        if self.held:
            self._say(Notice("notice.held", severity="warning"))
            return
        paused = self.clock.toggle_pause(time.monotonic())
        self._say(Notice("notice.paused" if paused else "notice.resumed"))
        self._refresh_status()

    def action_faster(self) -> None:
        """Speed the clock up."""
        self._speed_changed(self.clock.faster())

    def action_slower(self) -> None:
        """Slow the clock down."""
        self._speed_changed(self.clock.slower())

    def _speed_changed(self, speed: float) -> None:
        self._say(Notice("notice.speed", {"speed": f"{speed:g}"}))
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

        self.app.push_screen(questions.finish_now(self.game), confirmed)

    def action_debrief(self) -> None:
        """Back to the debrief once the session is over."""
        if self.game.ended:
            self.post_message(SessionOver())

    # ------------------------------------------------------------------ composer

    def on_composer_cancelled(self, message: ComposerCancelled) -> None:
        """Leave the composer."""
        self.query_one(Composer).close()
        self.focus_back()

    def on_composer_submitted(self, message: ComposerSubmitted) -> None:
        """Turn the composer's text into the engine action of its intent."""
        intent = message.intent
        text = message.text.strip()
        if intent.needs_text and not text:
            self._say(Notice("composer.need_text", severity="warning"))
            return
        if not self._act(intent.action(text)):
            return
        done = intent.done()
        if done is not None:
            self._say(done)
        # Exam: no hints until the debrief.
        coach = self.query_one(CoachPanel) if self.mode == "practice" and text else None
        if coach is not None and coach.coach(self.game, intent, text):
            self.coached()
        self.query_one(Composer).close()
        self.focus_back()

    def _act(self, action: Action) -> bool:
        try:
            changes = self.game.act(action)
        except ActionError as error:
            self._say(refusal_notice(error))
            return False
        self._apply(changes)
        return True

    # ------------------------------------------------------------------ palette

    def palette_commands(self) -> Iterator[SystemCommand]:
        """The console's actions for the command palette, in the trainee's language."""
        return palette_commands(self, CONSOLE_KEYS, self.language)
