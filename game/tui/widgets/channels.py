"""The channel bar: one tab per channel with its unread and overdue counts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Click
from textual.widgets import Static

from game.tui.controller import Game
from game.tui.i18n import tr
from game.tui.messages import ChannelSelected
from game.tui.render import shown


class ChannelTab(Static):
    """One channel; a click selects it."""

    def __init__(self, channel_id: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.channel_id = channel_id

    def on_click(self, event: Click) -> None:
        """Select this channel."""
        event.stop()
        self.post_message(ChannelSelected(self.channel_id))


class ChannelList(Horizontal):
    """The channels of the scenario, numbered for the keys 1-9."""

    def __init__(self, game: Game, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.game = game
        self.selected = game.channels[0].id
        self._shown: dict[str, tuple[int, int, bool]] = {}

    def compose(self) -> ComposeResult:
        """A tab per channel."""
        for channel in self.game.channels:
            yield ChannelTab(channel.id, id=f"tab-{channel.id}")

    def on_mount(self) -> None:
        """Draw the counts."""
        self.refresh_counts()

    def select(self, channel_id: str) -> None:
        """Mark a channel as the one shown."""
        self.selected = channel_id
        self.refresh_counts()

    def refresh_counts(self) -> None:
        """Redraw the tabs whose counts or selection changed."""
        game = self.game
        for number, channel in enumerate(game.channels, start=1):
            unread = len(game.unread[channel.id])
            overdue = game.overdue_count(channel.id)
            active = channel.id == self.selected
            state = (unread, overdue, active)
            if self._shown.get(channel.id) == state:
                continue
            self._shown[channel.id] = state
            tab = self.query_one(f"#tab-{channel.id}", ChannelTab)
            tab.set_class(active, "-active")
            tab.set_class(overdue > 0, "-overdue")
            # The selected tab and overdue counts are marked in words and symbols
            # too, not by colour alone.
            name = shown(game.channel_name(channel.id))
            parts: list[str | tuple[str, str] | Content] = [
                ("▶ " if active else "  ", "bold"),
                (f"{number} ", "dim"),
                (f"{name} ", "bold"),
            ]
            if unread:
                parts.append(tr(game.language, "channels.new", count=unread) + " ")
            if overdue:
                parts.append(
                    (tr(game.language, "channels.overdue", count=overdue) + " ", "bold reverse")
                )
            tab.update(Content.assemble(*parts))
