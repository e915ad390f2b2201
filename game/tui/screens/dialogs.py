"""Small modal dialogs: confirm, choose one option, choose several channels."""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; Escape answers no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", show=False),
        Binding("y,s", "answer(True)", show=False),
        Binding("n", "answer(False)", show=False),
    ]

    def __init__(self, title: str, body: str, yes: str, no: str) -> None:
        super().__init__(classes="dialog")
        self._title, self._body, self._yes, self._no = title, body, yes, no

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(classes="dialog-box"):
            yield Static(Content.styled(self._title, "bold"), classes="dialog-title")
            yield Static(Content(self._body), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(self._yes), id="yes", variant="error")
                yield Button(Content(self._no), id="no", variant="primary")

    def on_mount(self) -> None:
        """Staying is the safe default."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        """Answer from the keyboard."""
        self.dismiss(answer)


class ChooseScreen(ModalScreen[str | None]):
    """Pick one of a few options; Escape picks none.

    Args:
        title: the question.
        options: each option's answer and label.
        disabled: answers listed for information only, which cannot be picked.
        wide: long labels (a sentence each): the dialog takes most of the screen's width.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(
        self,
        title: str,
        options: list[tuple[str, str]],
        disabled: Collection[str] = (),
        *,
        wide: bool = False,
    ) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._options = options
        self._disabled = frozenset(disabled)
        self._box_classes = "dialog-box -wide" if wide else "dialog-box"

    def compose(self) -> ComposeResult:
        """The question and the list."""
        with Vertical(classes=self._box_classes):
            yield Static(Content.styled(self._title, "bold"), classes="dialog-title")
            yield OptionList(
                *[
                    Option(Content(label), id=value, disabled=value in self._disabled)
                    for value, label in self._options
                ],
                id="choices",
                markup=False,
            )

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Answer with the option."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Answer none."""
        self.dismiss(None)


class ChannelsScreen(ModalScreen[list[str] | None]):
    """Pick one or several channels (space toggles, Enter accepts)."""

    # Enter accepts from the list too: SelectionList would otherwise take it as a toggle.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False),
        Binding("enter", "accept", show=False, priority=True),
    ]

    def __init__(self, title: str, channels: list[tuple[str, str]], ok: str, cancel: str) -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._channels = channels
        self._ok, self._cancel = ok, cancel

    def compose(self) -> ComposeResult:
        """The question, the channels (all ticked) and two buttons."""
        with Vertical(classes="dialog-box"):
            yield Static(Content.styled(self._title, "bold"), classes="dialog-title")
            yield SelectionList[str](
                *[Selection(Content(label), value, True) for value, label in self._channels],
                id="statement-channels",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content(self._ok), id="ok", variant="primary")
                yield Button(Content(self._cancel), id="cancel")

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one(SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Accept the ticked channels, or cancel."""
        if event.button.id != "ok":
            self.dismiss(None)
            return
        self.action_accept()

    def action_accept(self) -> None:
        """Accept the ticked channels (none ticked: cancel)."""
        chosen: list[str] = list(self.query_one("#statement-channels", SelectionList).selected)
        self.dismiss(chosen or None)

    def action_cancel(self) -> None:
        """Answer none."""
        self.dismiss(None)
