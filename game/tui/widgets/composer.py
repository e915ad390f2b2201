"""The composer: one line to write a reply, statement, warning, reason or search."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from game.tui.i18n import tr
from game.tui.keys import KeySpec, localize
from game.tui.messages import ComposerCancelled, ComposerSubmitted

COMPOSER_KEYS = (
    KeySpec("enter", "submit", "composer.key.send", display="⏎"),
    KeySpec("escape", "cancel", "composer.key.cancel", display="esc"),
)


class ComposerInput(Input):
    """The text line; Enter sends, Escape leaves it."""

    def action_cancel(self) -> None:
        """Give up the current message."""
        self.post_message(ComposerCancelled())


class Composer(Vertical):
    """What is being written, and to whom."""

    def __init__(self, language: str, *, cursor_blink: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self.language = language
        self.mode = ""
        self._cursor_blink = cursor_blink

    def compose(self) -> ComposeResult:
        """The label and the line."""
        yield Static(Content(tr(self.language, "composer.idle")), id="composer-label", markup=False)
        field = ComposerInput(
            placeholder=tr(self.language, "composer.placeholder"), id="composer-input"
        )
        field.cursor_blink = self._cursor_blink
        localize(field, self.language, COMPOSER_KEYS, keep=True)
        field.disabled = True
        yield field

    def open(self, mode: str, label: str) -> None:
        """Start writing for ``mode`` (reply, private, statement...), focusing the line."""
        self.mode = mode
        self.query_one("#composer-label", Static).update(Content.styled(label, "bold"))
        field = self.query_one(ComposerInput)
        field.disabled = False
        field.value = ""
        field.focus()
        self.add_class("-active")

    def close(self) -> None:
        """Back to idle: empty, disabled, label reset."""
        self.mode = ""
        self.query_one("#composer-label", Static).update(
            Content(tr(self.language, "composer.idle"))
        )
        field = self.query_one(ComposerInput)
        field.value = ""
        field.disabled = True
        self.remove_class("-active")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Send the text for the current mode."""
        event.stop()
        if self.mode:
            self.post_message(ComposerSubmitted(self.mode, event.value))
