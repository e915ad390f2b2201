"""The composer: one line to write a reply, statement, warning, reason or search."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from game.inert import cell_safe
from game.tui.i18n import tr
from game.tui.intents import ComposerIntent
from game.tui.keys import KeySpec, LocalizedKeys
from game.tui.messages import ComposerCancelled, ComposerSubmitted

if TYPE_CHECKING:
    from game.tui.controller import Game


class ComposerInput(LocalizedKeys, Input):
    """The text line; Enter sends, Escape leaves it."""

    # Enter stays out of the footer, as Input's own binding for it always was.
    KEYS: ClassVar[tuple[KeySpec, ...]] = (
        KeySpec("enter", "submit", "composer.key.send", show=False, display="⏎"),
        KeySpec("escape", "cancel", "composer.key.cancel", display="esc"),
    )
    KEEP_INHERITED_KEYS: ClassVar[bool] = True

    def replace(self, text: str, start: int, end: int) -> None:
        """Put typed or pasted text in, made ``cell_safe`` as the rest of the screen.

        The line draws its value cell by cell: a VS16 or ZWJ left in would move its
        border. So what the trainee sees here is what is sent and logged.
        """
        super().replace(cell_safe(text), start, end)

    def action_cancel(self) -> None:
        """Give up the current message."""
        self.post_message(ComposerCancelled())


class Composer(Vertical):
    """What is being written, and to whom."""

    def __init__(self, language: str, *, cursor_blink: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.language = language
        self.intent: ComposerIntent | None = None
        self._cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        """The label and the line."""
        yield Static(Content(tr(self.language, "composer.idle")), id="composer-label", markup=False)
        field = ComposerInput.in_language(self.language)(
            placeholder=tr(self.language, "composer.placeholder"), id="composer-input"
        )
        field.cursor_blink = self._cursor_blink
        field.disabled = True
        yield field

    def open(self, intent: ComposerIntent, label: str) -> None:
        """Start writing for ``intent`` (a reply, a statement...), focusing the line."""
        self.intent = intent
        self.query_one("#composer-label", Static).update(Content.styled(label, "bold"))
        field = self.query_one(ComposerInput)
        field.disabled = False
        field.value = ""
        field.focus()
        self.add_class("-active")

    @property
    def draft(self) -> str:
        """What is written but not sent ("" when idle or empty)."""
        if self.intent is None:
            return ""
        return self.query_one(ComposerInput).value.strip()

    @property
    def draft_post_id(self) -> str | None:
        """The post the draft answers (None when idle, or not a reply to a post)."""
        return None if self.intent is None else self.intent.post_id

    def keep_draft(self, game: Game) -> None:
        """Log what is written and not sent (``Session.keep_unsent``; nothing if blank).

        Call it before ``Game.finish``: when time runs out, or as the trainee quits.
        The record reaches the log as every event does; it changes nothing on screen.
        """
        game.session.keep_unsent(self.draft, self.draft_post_id)

    def close(self) -> None:
        """Back to idle: empty, disabled, label reset."""
        self.intent = None
        self.query_one("#composer-label", Static).update(
            Content(tr(self.language, "composer.idle"))
        )
        field = self.query_one(ComposerInput)
        field.value = ""
        field.disabled = True
        self.remove_class("-active")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Send the text for the current intent."""
        event.stop()
        if self.intent is not None:
            self.post_message(ComposerSubmitted(self.intent, event.value))
