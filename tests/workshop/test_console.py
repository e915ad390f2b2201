"""The facilitator console, with a door that records what it is told (no network here).

The door's own behaviour, with a real server and real game processes, is tested in
tests/workshop/test_door.py; here, what the console sends and shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from game.scenario.catalog import resolve_scenario
from game.seatlink import Control, Status
from game.tui.screens.dialogs import ConfirmScreen
from game.workshop.console import FacilitatorApp, make_facilitator
from game.workshop.dialogs import PostDialog
from game.workshop.round import Round

SNAPSHOTS = Path(__file__).parent.parent / "snapshots" / "workshop"
SIZE = (120, 36)


@dataclass
class RecordingDoor:
    """Stands for the front door: keeps what the console sends, reports what tests say."""

    on_status: Callable[[str, Status], None]
    on_seat: Callable[[str, bool], None]
    url: str = "http://192.168.1.20:8000"
    sent: list[tuple[str, Control]] = field(default_factory=list)
    started: bool = False
    stopped: bool = False
    over: bool = False

    async def start(self) -> None:
        self.started = True

    async def stop(self) -> None:
        self.stopped = True

    async def broadcast(self, control: Control) -> list[str]:
        self.sent.append(("*", control))
        return []

    async def send(self, trainee: str, control: Control) -> bool:
        self.sent.append((trainee, control))
        return True

    def end_round(self) -> None:
        self.over = True


def _round(language: str) -> Round:
    return Round(
        round_id="2026-12-06-210500-rebajas",
        scenario="rebajas",
        language=language,
        seed=7,
        mode="practice",
        speed=1.0,
        code="K7AX34",
        secret="00" * 32,
        created="2026-12-06T21:05:00+00:00",
    )


def _console(tmp_path: Path, language: str = "en") -> tuple[FacilitatorApp, list[RecordingDoor]]:
    doors: list[RecordingDoor] = []

    def factory(
        on_status: Callable[[str, Status], None], on_seat: Callable[[str, bool], None]
    ) -> RecordingDoor:
        doors.append(RecordingDoor(on_status, on_seat))
        return doors[-1]

    scenario = resolve_scenario("rebajas").scenario
    return make_facilitator(_round(language), tmp_path, scenario, factory), doors


def _state(app: FacilitatorApp) -> str:
    return str(app.query_one("#round-state", Static).render())


async def test_the_lobby_shows_where_to_join_and_waits_for_someone(tmp_path: Path) -> None:
    app, doors = _console(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [door] = doors
        assert door.started
        assert "http://192.168.1.20:8000" in str(app.query_one("#join-url", Static).render())
        assert "K 7 A X 3 4" in str(app.query_one("#join-code-plain", Static).render())
        await pilot.press("s")  # nobody yet: nothing is started
        await pilot.pause()
        assert door.sent == [] and app.state == "lobby"
    assert door.stopped  # no game outlives the console


async def test_a_round_is_started_paused_sped_up_and_ended_for_everyone(tmp_path: Path) -> None:
    app, doors = _console(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [door] = doors
        door.on_seat("Ana", True)
        door.on_status("Ana", Status("Ana", "lobby"))
        door.on_seat("<b>Luis</b>", True)
        await pilot.pause()
        table = app.query_one("#roster", DataTable)
        assert table.row_count == 2
        assert str(table.get_row_at(1)[0]) == "<b>Luis</b>"  # plain text, not markup
        await pilot.press("s")
        await pilot.press("space")
        await pilot.press("space")
        await pilot.press("plus")
        await pilot.pause()
        assert [c for _, c in door.sent] == [
            Control("start"),
            Control("pause"),
            Control("resume"),
            Control("speed", speed=2.0),
        ]
        assert all(to == "*" for to, _ in door.sent)
        door.on_status(
            "Ana",
            Status(
                "Ana",
                "playing",
                clock=300,
                phase="viral",
                mood=-0.5,
                waiting=4,
                replies=2,
                score=55,
            ),
        )
        await pilot.pause()
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[2:] == ["playing", "Viral", "-0.50", "4", "2", "55"]
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert door.sent[-1] == ("*", Control("end")) and door.over and app.state == "ended"


async def test_a_late_joiner_is_brought_into_the_round_as_it_stands(tmp_path: Path) -> None:
    app, doors = _console(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [door] = doors
        door.on_seat("Ana", True)
        await pilot.press("s", "plus", "space")
        await pilot.pause()
        door.sent.clear()
        door.on_seat("Eva", True)
        await pilot.pause()
        assert door.sent == [
            ("Eva", Control("start")),
            ("Eva", Control("speed", speed=2.0)),
            ("Eva", Control("pause")),
        ]


async def test_a_post_written_on_the_spot_goes_to_everyone(tmp_path: Path) -> None:
    app, doors = _console(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [door] = doors
        await pilot.press("w")  # not running yet: refused with a notice
        await pilot.pause()
        assert not isinstance(app.screen, PostDialog)
        door.on_seat("Ana", True)
        await pilot.press("s", "w")
        await pilot.pause()
        assert isinstance(app.screen, PostDialog)
        await pilot.press(*"[b]Fraude![/b]")
        await pilot.press("enter")
        await pilot.pause()
        to, control = door.sent[-1]
        assert to == "*" and control.command == "post" and control.text == "[b]Fraude![/b]"
        assert control.persona in {p.id for p in app.scenario.personas}
        assert control.channel in {c.id for c in app.scenario.channels}


async def test_quitting_asks_first(tmp_path: Path) -> None:
    app, _ = _console(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        await pilot.press("q", "y")
        await pilot.pause()
    assert app.return_code == 0


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("moment", ["lobby", "live"])
async def test_snapshots(tmp_path: Path, snapshot, language: str, moment: str) -> None:
    snapshot.snapshot_dir = SNAPSHOTS
    app, doors = _console(tmp_path, language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [door] = doors
        for name in ("Ana Ruiz", "Luis", "Zoë [@click=app.quit]"):
            door.on_seat(name, True)
            door.on_status(name, Status(name, "lobby"))
        if moment == "live":
            await pilot.press("s")
            door.on_status(
                "Ana Ruiz",
                Status(
                    "Ana Ruiz",
                    "playing",
                    clock=900,
                    phase="escalating",
                    mood=-0.42,
                    waiting=3,
                    replies=6,
                    score=71,
                ),
            )
            door.on_status(
                "Luis",
                Status(
                    "Luis",
                    "paused",
                    clock=880,
                    phase="simmering",
                    mood=-0.1,
                    waiting=1,
                    replies=2,
                    score=48,
                ),
            )
            door.on_seat("Zoë [@click=app.quit]", False)
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), f"console-{moment}-{language}.svg")


def test_both_languages_have_every_console_word() -> None:
    from game.workshop.words import WORDS

    assert set(WORDS["es"]) == set(WORDS["en"])
    assert all(text.strip() for table in WORDS.values() for text in table.values())


async def test_a_prepared_post_of_the_scenario_goes_to_everyone(tmp_path: Path) -> None:
    app, doors = _console(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [door] = doors
        door.on_seat("Ana", True)
        await pilot.press("s", "i")
        await pilot.pause()
        from game.workshop.dialogs import InjectDialog

        assert isinstance(app.screen, InjectDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        second = app.scenario.facilitator_injects[1].id
        assert door.sent[-1] == ("*", Control("inject", inject=second))


@pytest.fixture(scope="module")
def round_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A round folder whose three trainees played the same seed (bots in their place)."""
    from game.journal.events import SessionLabels
    from tests.results.logs import played_log

    folder = tmp_path_factory.mktemp("round")
    loaded = resolve_scenario("rebajas")
    labels = SessionLabels("practice", "", "2026-12-06T21:05:00+00:00")
    for trainee, policy in (("Ana Ruiz", "ideal"), ("Luis", "corporate"), ("<b>Eva</b>", "slow")):
        played_log(
            loaded, folder / "sessions", policy=policy, seed=7, trainee=trainee, labels=labels
        )
    return folder


async def _class_debrief(app: FacilitatorApp, pilot: Pilot[None]) -> None:
    from game.workshop.class_screen import ClassDebriefScreen

    await pilot.press("r")
    screen = app.screen
    assert isinstance(screen, ClassDebriefScreen)
    for _ in range(100):  # scoring three logs in a worker thread
        await pilot.pause(0.1)
        if screen.debrief is not None:
            break
    await pilot.pause()


async def test_the_class_debrief_ranks_everyone_and_can_hide_their_names(
    round_logs: Path,
) -> None:
    app, _ = _console(round_logs)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _class_debrief(app, pilot)
        from game.workshop.class_screen import ClassDebriefScreen

        screen = app.screen
        assert isinstance(screen, ClassDebriefScreen) and screen.debrief is not None
        report = screen.debrief.report
        assert {row.name for row in report.leaderboard} == {"Ana Ruiz", "Luis", "<b>Eva</b>"}
        assert report.leaderboard[0].name == "Ana Ruiz"  # the ideal bot's play ranks first
        assert any(len(post.answers) >= 2 for post in report.posts)
        await pilot.press("a")
        for _ in range(100):
            await pilot.pause(0.1)
            if screen.debrief is not None and screen.debrief.report.anonymous:
                break
        names = {row.name for row in screen.debrief.report.leaderboard}
        assert names == {"Trainee 1", "Trainee 2", "Trainee 3"}
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ClassDebriefScreen)


@pytest.mark.parametrize("language", ["es", "en"])
async def test_class_debrief_snapshots(round_logs: Path, snapshot, language: str) -> None:
    snapshot.snapshot_dir = SNAPSHOTS
    app, _ = _console(round_logs, language)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _class_debrief(app, pilot)
        snapshot.assert_match(app.export_screenshot(), f"class-debrief-{language}.svg")
