"""What the facilitator's side and a trainee's game say to each other, as JSON.

Controls go to the games (start everyone, pause and resume, change speed, push an
inject or a post written on the spot, end the round); each game answers with its
status (where the trainee is, the crisis's phase and mood, posts waiting, replies sent,
score so far). Both travel as textual-serve "meta" packets: a JSON object whose
``type`` says which. The browser cannot forge either: what it sends reaches the game as
keystrokes, never as meta.

Decoding is strict: a packet that is not exactly one of these is refused with
``ProtocolError``, never half-read. Pure: no Textual, no I/O, nothing of ours
imported: it sits at the bottom of the layers, so that the workshop (which sends and
receives these) and the game (a seat that obeys and reports) share one definition.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any, Literal, cast

CONTROL_TYPE = "crisisdrill.control"
STATUS_TYPE = "crisisdrill.status"

Command = Literal["start", "pause", "resume", "speed", "inject", "post", "end"]
COMMANDS: tuple[Command, ...] = ("start", "pause", "resume", "speed", "inject", "post", "end")

SeatState = Literal["lobby", "playing", "paused", "debrief"]
SEAT_STATES: tuple[SeatState, ...] = ("lobby", "playing", "paused", "debrief")

MAX_TEXT = 2_000
"""The longest post a facilitator may write on the spot (characters)."""
MAX_NAME = 200
"""The longest id, persona, channel or trainee name carried (characters)."""
SPEEDS = (0.25, 64.0)
"""The slowest and fastest simulated speed a control may set."""


class ProtocolError(ValueError):
    """A packet that is not a well-formed control or status."""


@dataclass(frozen=True)
class Control:
    """An order from the facilitator to every game (or one).

    Attributes:
        command: what to do.
        speed: the new speed (``speed`` only).
        inject: a facilitator inject's id from the scenario (``inject`` only).
        persona: who posts (``post`` only): a persona id of the scenario.
        channel: where (``post`` only): a channel id of the scenario.
        text: what the post says (``post`` only), plain text.
    """

    command: Command
    speed: float | None = None
    inject: str | None = None
    persona: str | None = None
    channel: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        needs: dict[str, tuple[str, ...]] = {
            "speed": ("speed",),
            "inject": ("inject",),
            "post": ("persona", "channel", "text"),
        }
        wanted = needs.get(self.command, ())
        for name in ("speed", "inject", "persona", "channel", "text"):
            given = getattr(self, name) is not None
            if given != (name in wanted):
                state = "needs" if name in wanted else "takes no"
                raise ProtocolError(f"control '{self.command}' {state} '{name}'")
        if self.speed is not None and not (
            math.isfinite(self.speed) and SPEEDS[0] <= self.speed <= SPEEDS[1]
        ):
            raise ProtocolError(f"speed must be from {SPEEDS[0]} to {SPEEDS[1]}")
        for name, limit in (
            ("inject", MAX_NAME),
            ("persona", MAX_NAME),
            ("channel", MAX_NAME),
            ("text", MAX_TEXT),
        ):
            value = getattr(self, name)
            if value is not None and not 0 < len(value) <= limit:
                raise ProtocolError(f"'{name}' must be 1 to {limit} characters")

    def to_json(self) -> dict[str, Any]:
        """The packet: ``{"type": "crisisdrill.control", "command": ..., ...}``."""
        fields = {key: value for key, value in asdict(self).items() if value is not None}
        return {"type": CONTROL_TYPE, **fields}


@dataclass(frozen=True)
class Status:
    """Where one trainee's game stands, sent after each change and about once a second.

    Attributes:
        trainee: the trainee's name.
        state: lobby (waiting for the start), playing, paused or debrief.
        clock: the simulated second.
        phase: the crisis's phase id.
        mood: the audience's sentiment, -1 to 1.
        waiting: posts waiting for an answer.
        replies: replies, private messages and statements sent so far.
        score: the overall score so far (None until the game has scored the session
            once: it does so from time to time while playing, and at the debrief).
    """

    trainee: str
    state: SeatState
    clock: int = 0
    phase: str = ""
    mood: float = 0.0
    waiting: int = 0
    replies: int = 0
    score: int | None = None

    def __post_init__(self) -> None:
        if self.state not in SEAT_STATES:
            raise ProtocolError(f"unknown state {self.state!r}")
        if not 0 < len(self.trainee) <= MAX_NAME or len(self.phase) > MAX_NAME:
            raise ProtocolError("trainee or phase of a wrong length")
        if min(self.clock, self.waiting, self.replies) < 0:
            raise ProtocolError("clock, waiting and replies cannot be negative")
        if not (math.isfinite(self.mood) and -1.0 <= self.mood <= 1.0):
            raise ProtocolError("mood must be from -1 to 1")
        if self.score is not None and not 0 <= self.score <= 100:
            raise ProtocolError("score must be from 0 to 100")

    def to_json(self) -> dict[str, Any]:
        """The packet: ``{"type": "crisisdrill.status", ...}``."""
        return {"type": STATUS_TYPE, **asdict(self)}


_CONTROL_FIELDS = {
    "command": str,
    "speed": (int, float),
    "inject": str,
    "persona": str,
    "channel": str,
    "text": str,
}
_STATUS_FIELDS = {
    "trainee": str,
    "state": str,
    "clock": int,
    "phase": str,
    "mood": (int, float),
    "waiting": int,
    "replies": int,
    "score": int,
}


def decode_control(packet: object) -> Control:
    """A control packet as a ``Control``.

    Raises:
        ProtocolError: it is not exactly a control.
    """
    values = _fields(packet, CONTROL_TYPE, _CONTROL_FIELDS)
    if values.get("command") not in COMMANDS:
        raise ProtocolError(f"unknown command {values.get('command')!r}")
    if "speed" in values:
        values["speed"] = float(values["speed"])
    return Control(**values)


def decode_status(packet: object) -> Status:
    """A status packet as a ``Status``.

    Raises:
        ProtocolError: it is not exactly a status.
    """
    values = _fields(packet, STATUS_TYPE, _STATUS_FIELDS)
    for required in ("trainee", "state"):
        if required not in values:
            raise ProtocolError(f"a status needs '{required}'")
    if "mood" in values:
        values["mood"] = float(values["mood"])
    return Status(**values)


def _fields(packet: object, kind: str, known: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(packet, dict) or packet.get("type") != kind:
        raise ProtocolError(f"not a {kind} packet")
    values = {key: value for key, value in cast(dict[str, Any], packet).items() if key != "type"}
    for key, value in values.items():
        if key not in known:
            raise ProtocolError(f"unknown field {key!r}")
        if value is None:
            continue
        # bool is an int to Python; no field here is a truth value.
        if isinstance(value, bool) or not isinstance(value, known[key]):
            raise ProtocolError(f"field {key!r} has the wrong type")
    return {key: value for key, value in values.items() if value is not None}
