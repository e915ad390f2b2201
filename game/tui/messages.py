"""Typed messages between the widgets, the screens and the app."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from game.seatlink import Command
from game.tui.config import Mode

# Types only: the picker must open before the scenario model and the engine load.
if TYPE_CHECKING:
    from game.scenario.loader import LoadedScenario
    from game.tui.intents import ComposerIntent


@dataclass
class ScenarioChosen(Message):
    """The picker chose a scenario (loaded in full), a language and a mode."""

    loaded: LoadedScenario
    language: str
    mode: Mode


@dataclass
class ProgressWanted(Message):
    """The picker asks for the trainee's Progress screen, in ``language``."""

    language: str


@dataclass
class BriefingAccepted(Message):
    """The trainee has read the briefing and starts the session."""


@dataclass
class ChannelSelected(Message):
    """The channel list selected a channel."""

    channel_id: str


@dataclass
class PostHighlighted(Message):
    """The feed's cursor is on a post."""

    post_id: str


@dataclass
class ComposerSubmitted(Message):
    """The composer sends its text for what it was opened for."""

    intent: ComposerIntent
    text: str


@dataclass
class ComposerCancelled(Message):
    """The trainee left the composer without sending."""


@dataclass
class SessionOver(Message):
    """The session has ended (time ran out, a final phase, or the trainee finished).

    Attributes:
        interrupted: it ended while the trainee was writing: the keys that follow were
            meant for the composer, and are held for a moment.
        unsent: what was written and not sent ("" if nothing).
    """

    interrupted: bool = False
    unsent: str = ""


@dataclass
class JumpToPost(Message):
    """The debrief asks to show a post of the session in the console."""

    post_id: str


"""What a workshop's facilitator can order a seat to do."""


@dataclass
class RemoteCommand(Message):
    """The workshop's facilitator orders this seat to do something.

    The TUI does not know the workshop's wire format: the seat's driver checks a
    control packet strictly and hands it over as this message.

    Attributes:
        command: what to do.
        speed: the new speed (``speed`` only).
        inject: a facilitator inject's id (``inject`` only).
        persona: who posts (``post`` only).
        channel: where (``post`` only).
        text: what the post says (``post`` only), plain text.
    """

    command: Command
    speed: float | None = None
    inject: str | None = None
    persona: str | None = None
    channel: str | None = None
    text: str | None = None
