"""The round's roster: who joined, who is connected, and where each one's game stands.

Fed by the front door (a seat connects or drops; a game sends its status) and read by
the facilitator's console. Pure: no Textual, no network.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.seatlink import Status


@dataclass(frozen=True)
class Seat:
    """One trainee of the round.

    Attributes:
        trainee: their name, as they typed it.
        connected: whether their browser is connected now.
        status: the last status their game sent (None: none yet).
        joined: how many times they connected (more than one: they came back).
    """

    trainee: str
    connected: bool = False
    status: Status | None = None
    joined: int = 0


@dataclass
class Roster:
    """Every seat of the round, in the order trainees first joined."""

    seats: dict[str, Seat] = field(default_factory=dict)

    def connect(self, trainee: str, connected: bool) -> None:
        """A trainee's browser connected (True) or dropped (False)."""
        seat = self.seats.get(trainee, Seat(trainee))
        joined = seat.joined + 1 if connected else seat.joined
        self.seats[trainee] = replace(seat, connected=connected, joined=joined)

    def update(self, trainee: str, status: Status) -> None:
        """A trainee's game sent its status (a seat unknown so far is added)."""
        seat = self.seats.get(trainee, Seat(trainee, connected=True, joined=1))
        self.seats[trainee] = replace(seat, status=status)

    def rows(self) -> list[Seat]:
        """The seats in joining order."""
        return list(self.seats.values())

    @property
    def connected(self) -> int:
        """How many trainees are connected now."""
        return sum(seat.connected for seat in self.seats.values())

    def count(self, state: str) -> int:
        """How many connected trainees' games are in ``state`` (lobby, playing...)."""
        return sum(
            1
            for seat in self.seats.values()
            if seat.connected and seat.status is not None and seat.status.state == state
        )
