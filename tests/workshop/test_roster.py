"""The roster: seats connect, drop, come back, and report their games' status."""

from __future__ import annotations

from game.seatlink import Status
from game.workshop.roster import Roster


def test_seats_keep_joining_order_and_their_last_status() -> None:
    roster = Roster()
    roster.connect("Ana", True)
    roster.connect("Luis", True)
    roster.update("Ana", Status("Ana", "lobby"))
    roster.update("Ana", Status("Ana", "playing", clock=60, replies=1))
    assert [seat.trainee for seat in roster.rows()] == ["Ana", "Luis"]
    ana = roster.rows()[0]
    assert ana.status is not None and (ana.status.state, ana.status.replies) == ("playing", 1)
    assert roster.count("playing") == 1 and roster.count("lobby") == 0


def test_a_trainee_who_drops_and_comes_back_keeps_their_seat() -> None:
    roster = Roster()
    roster.connect("Ana", True)
    roster.update("Ana", Status("Ana", "playing", replies=3))
    roster.connect("Ana", False)
    assert roster.connected == 0 and roster.count("playing") == 0
    roster.connect("Ana", True)
    [ana] = roster.rows()
    assert (ana.connected, ana.joined) == (True, 2)
    assert ana.status is not None and ana.status.replies == 3


def test_a_status_from_a_seat_not_yet_seen_adds_it() -> None:
    roster = Roster()
    roster.update("Eva", Status("Eva", "lobby"))
    [eva] = roster.rows()
    assert eva.connected and eva.joined == 1
