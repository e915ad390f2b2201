"""A workshop seat: the lobby, the facilitator's commands, the statuses sent back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from game.scenario.catalog import resolve_scenario
from game.seatlink import Status
from game.tui.app import CrisisApp
from game.tui.messages import RemoteCommand
from game.tui.screens.briefing import BriefingScreen
from game.tui.screens.debrief import DebriefScreen
from tests.tui.helpers import SIZE, Notices, act_on, console, new_app, settle


class ListSink:
    """The statuses a seat sends, kept in order."""

    def __init__(self) -> None:
        self.sent: list[Status] = []

    def send(self, status: Status) -> None:
        self.sent.append(status)

    def last(self) -> Status:
        return self.sent[-1]

    def states(self) -> list[str]:
        """The states sent, each run of the same state once."""
        states: list[str] = []
        for status in self.sent:
            if not states or states[-1] != status.state:
                states.append(status.state)
        return states


def _seat(tmp_path: Path, sink: ListSink, **changes: object) -> CrisisApp:
    return new_app(tmp_path, scenario=resolve_scenario("rebajas"), seat=sink, **changes)


def _text(screen: BriefingScreen) -> str:
    return "\n".join(str(static.render()) for static in screen.query(Static))


@pytest.mark.parametrize(
    ("language", "waiting"),
    [("en", "Waiting for the facilitator"), ("es", "Esperando a que quien dirige")],
)
async def test_the_lobby_waits_for_the_facilitator(
    tmp_path: Path, language: str, waiting: str
) -> None:
    sink = ListSink()
    app = _seat(tmp_path, sink, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lobby = app.screen
        assert isinstance(lobby, BriefingScreen)
        assert waiting in _text(lobby)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is lobby and app.game is None
        assert sink.sent and sink.sent[0] == Status("Test Trainee", "lobby")
        assert not list(tmp_path.glob("logs/*.jsonl"))  # no session before the start


async def test_the_facilitator_starts_pauses_speeds_and_ends(tmp_path: Path) -> None:
    sink = ListSink()
    notices = Notices()
    app = _seat(tmp_path, sink, mode="exam")
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        app.post_message(RemoteCommand("start"))
        await pilot.pause()
        screen = console(app)
        app.advance_clock(5 * 60)
        await pilot.pause()
        assert sink.last().state == "playing"

        app.post_message(RemoteCommand("pause"))
        await pilot.pause()
        assert screen.paused  # in exam mode too: it is the facilitator's pause
        assert "Paused by the facilitator." in notices.texts
        assert sink.last().state == "paused"
        await pilot.press("space")  # the trainee's own pause key does not lift it
        await pilot.pause()
        assert screen.paused

        app.post_message(RemoteCommand("resume"))
        await pilot.pause()
        assert not screen.paused
        assert "The facilitator resumed the round." in notices.texts

        app.post_message(RemoteCommand("speed", speed=8.0))
        await pilot.pause()
        assert screen.speed == 8.0
        assert "The facilitator set the speed to ×8" in notices.texts

        app.post_message(RemoteCommand("end"))
        await settle(pilot)  # the final score is worked out in a worker
        assert isinstance(app.screen, DebriefScreen)
        assert app.game is not None and app.game.ended
        last = sink.last()
        assert last.state == "debrief" and last.score is not None
        assert 0 <= last.score <= 100
        assert last.clock > 5 * 60 and last.phase
        assert sink.states() == ["lobby", "playing", "paused", "playing", "debrief"]


async def test_the_status_counts_replies_and_waiting_posts(tmp_path: Path) -> None:
    sink = ListSink()
    app = _seat(tmp_path, sink)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(RemoteCommand("start"))
        await pilot.pause()
        app.advance_clock(10 * 60)
        assert app.seat is not None
        app.seat.send()
        await pilot.pause()
        status = sink.last()
        game = app.game
        assert game is not None
        assert status.clock == game.now
        assert status.waiting == game.session.metrics.unanswered > 0
        assert status.replies == 0
        assert -1.0 <= status.mood <= 1.0
        waiting = game.session.waiting_posts()[0]
        await act_on(pilot, app, waiting, "r", "We are so sorry, we are on it.")
        await pilot.pause(0.4)  # a reply is news: sent within a poll, not a second
        assert sink.last().replies == 1
        assert sink.last().waiting == game.session.metrics.unanswered


async def test_orders_given_in_the_lobby_hold_when_the_session_starts(tmp_path: Path) -> None:
    sink = ListSink()
    app = _seat(tmp_path, sink, language="es")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(RemoteCommand("speed", speed=4.0))
        app.post_message(RemoteCommand("pause"))
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        app.post_message(RemoteCommand("start"))
        await pilot.pause()
        screen = console(app)
        assert screen.paused and screen.speed == 4.0
        assert sink.last().state == "paused"
        await pilot.press("plus")  # the speed is the facilitator's
        await pilot.pause()
        assert screen.speed == 4.0
        await pilot.press("space")  # practice mode: still the facilitator's pause
        await pilot.pause()
        assert screen.paused


async def test_a_command_for_a_plain_game_is_ignored(tmp_path: Path) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(RemoteCommand("start"))
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)


async def test_a_pause_right_after_the_start_waits_for_the_console(tmp_path: Path) -> None:
    sink = ListSink()
    app = _seat(tmp_path, sink)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.post_message(RemoteCommand("start"))
        app.post_message(RemoteCommand("pause"))
        app.post_message(RemoteCommand("speed", speed=16.0))
        await pilot.pause(0.3)
        screen = console(app)
        assert screen.paused and screen.speed == 16.0
