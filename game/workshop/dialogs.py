"""The facilitator's dialogs: a post written on the spot, or one of the scenario's injects."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from game.seatlink import MAX_TEXT, Control
from game.workshop.words import word


class PostDialog(ModalScreen[Control | None]):
    """Who writes, where, and what: answers a ``post`` control, or None when cancelled.

    Args:
        personas: (label, persona id) of the scenario's personas.
        channels: (label, channel id) of the scenario's channels.
        language: the console's language.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(
        self, personas: list[tuple[str, str]], channels: list[tuple[str, str]], language: str
    ) -> None:
        super().__init__(classes="dialog")
        self.personas, self.channels, self.language = personas, channels, language

    def compose(self) -> ComposeResult:
        """Two choices and a line of text."""
        language = self.language
        with Vertical(classes="dialog-box"):
            yield Static(
                Content.styled(word(language, "post.title"), "bold"), classes="dialog-title"
            )
            yield Static(Content(word(language, "post.persona")))
            yield Select(self.personas, id="post-persona", allow_blank=False)
            yield Static(Content(word(language, "post.channel")))
            yield Select(self.channels, id="post-channel", allow_blank=False)
            yield Static(Content(word(language, "post.text")))
            yield Input(id="post-text", max_length=MAX_TEXT)
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(word(language, "post.send")), id="send", variant="primary")
                yield Button(Content(word(language, "post.cancel")), id="cancel")

    def on_mount(self) -> None:
        """The text is what the facilitator writes first; persona and channel have defaults."""
        self.query_one("#post-text", Input).focus()

    def on_input_submitted(self) -> None:
        """Enter in the text posts it."""
        self._send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Post or cancel."""
        if event.button.id == "send":
            self._send()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Escape: nothing is posted."""
        self.dismiss(None)

    def _send(self) -> None:
        text = self.query_one("#post-text", Input).value.strip()
        if not text:
            return  # an empty post is no post: the dialog stays for the words
        persona = self.query_one("#post-persona", Select).value
        channel = self.query_one("#post-channel", Select).value
        self.dismiss(Control("post", persona=str(persona), channel=str(channel), text=text))


class InjectDialog(ModalScreen[Control | None]):
    """The scenario's facilitator injects to choose from: answers an ``inject`` control.

    Args:
        injects: (what the post says, in short; inject id), in the scenario's order.
        language: the console's language.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, injects: list[tuple[str, str]], language: str) -> None:
        super().__init__(classes="dialog")
        self.injects, self.language = injects, language

    def compose(self) -> ComposeResult:
        """The injects as a list; Enter pushes the highlighted one."""
        language = self.language
        with Vertical(classes="dialog-box -wide"):
            yield Static(
                Content.styled(word(language, "inject.title"), "bold"), classes="dialog-title"
            )
            yield OptionList(
                *(Option(Content(label), id=inject_id) for label, inject_id in self.injects),
                id="inject-choices",
            )
            yield Static(Content(word(language, "inject.help")), classes="dialog-body")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """The chosen inject goes to every game."""
        inject_id = event.option.id
        if inject_id is not None:
            self.dismiss(Control("inject", inject=inject_id))

    def action_cancel(self) -> None:
        """Escape: nothing is pushed."""
        self.dismiss(None)
