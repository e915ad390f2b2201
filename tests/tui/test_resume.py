"""A workshop seat resumed from its log: past the lobby, the session as it was, one log."""

from __future__ import annotations

from pathlib import Path

from game.engine import Reply, Session
from game.engine.simulate import log_stem
from game.journal.events import SessionLabels
from game.journal.logfile import SessionLog, read_log
from game.scenario.catalog import resolve_scenario
from game.services.verify import Status, verify_log
from game.tui.messages import RemoteCommand
from game.tui.screens.briefing import BriefingScreen
from game.tui.screens.debrief import DebriefScreen
from scoring import read_reply
from tests.tui.helpers import SIZE, Notices, console, new_app, settle
from tests.tui.test_seat import ListSink

TRAINEE = "Test Trainee"  # the testing configuration's


def _earlier_session(folder: Path, *, close: bool = False) -> tuple[Path, str]:
    """A session of the seat's, played 4 minutes with one reply, then dropped."""
    loaded = resolve_scenario("rebajas")
    log = SessionLog.numbered(folder, log_stem(loaded.scenario.meta.id, 7))
    session = Session(
        loaded,
        seed=7,
        reader=read_reply,
        trainee=TRAINEE,
        language="en",
        labels=SessionLabels(mode="practice", cohort="round-1"),
        subscribers=[log.record],
    )
    session.advance(4 * 60)
    answered = session.waiting_posts()[0].id
    session.act(Reply(answered, "We are so sorry, Ana: our fault. We are on it."))
    session.advance(30)
    if close:
        session.close()
    log.close()  # the process is gone: the file is let go
    return log.path, answered


async def test_a_returning_trainee_goes_on_with_their_session(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    path, answered = _earlier_session(logs)
    before = path.read_bytes()
    last = read_log(path).records[-1].time
    sink = ListSink()
    notices = Notices()
    app = new_app(
        tmp_path, scenario=resolve_scenario("rebajas"), seat=sink, resume=path, cohort="round-1"
    )
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        screen = console(app)  # no lobby
        game = app.game
        assert game is not None and game.log_path == path
        assert game.now == last  # the crisis waited while nobody played
        post = game.post(answered)
        assert post is not None and game.state(post) == "answered"
        assert sum(len(posts) for posts in game.by_channel.values()) > 3
        assert screen.clock.quiet_start is None  # no fast first minute: posts are there
        assert any("Welcome back" in text for text in notices.texts)
        assert sink.last().state == "playing" and sink.last().replies == 1
        app.post_message(RemoteCommand("start"))  # the console re-sends it: nothing restarts
        await pilot.pause()
        assert app.game is game and app.screen is screen
        app.advance_clock(60)
        app.post_message(RemoteCommand("end"))
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
    after = path.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert [p.name for p in logs.glob("*.jsonl")] == [path.name]  # no second log
    records = read_log(path).records
    assert sum(record.tag == "header" for record in records) == 1
    assert verify_log(path).status is Status.VERIFIED


async def test_a_trainee_whose_session_is_closed_sees_their_debrief(tmp_path: Path) -> None:
    path, _ = _earlier_session(tmp_path / "logs", close=True)
    before = path.read_bytes()
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), seat=ListSink(), resume=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        app.post_message(RemoteCommand("start"))
        await pilot.pause()
        assert app.game is not None and app.game.ended
    assert path.read_bytes() == before  # nothing played, nothing written
    assert len(list((tmp_path / "logs").glob("*.jsonl"))) == 1


async def test_a_log_that_cannot_be_resumed_leaves_the_lobby_of_a_new_session(
    tmp_path: Path,
) -> None:
    path = tmp_path / "logs" / "damaged.jsonl"
    path.parent.mkdir()
    path.write_text('{"type":"header","format":1}\nnot json\n{"type":"close","t":1}\n')
    notices = Notices()
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), seat=ListSink(), resume=path)
    async with app.run_test(size=SIZE, message_hook=notices) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.game is None
        assert any("could not be picked up" in text for text in notices.texts)
        app.post_message(RemoteCommand("start"))
        await pilot.pause()
        assert console(app) and app.log_path != path


def test_a_session_left_but_not_closed_runs_on_to_its_end_into_its_log(tmp_path: Path) -> None:
    from game.tui.controller import Game

    loaded = resolve_scenario("rebajas")
    log = SessionLog.numbered(tmp_path, "left")
    session = Session(
        loaded, seed=7, reader=read_reply, trainee=TRAINEE, language="en", subscribers=[log.record]
    )
    session.advance(3 * 60)
    session.leave(run_on=False)  # the game stopped while the crisis ran on without them
    session.advance(60)
    log.close()
    game = Game.resume(log.path)
    assert game.ended and game.finished
    records = read_log(log.path).records
    assert records[-1].tag == "close" and records[-1].time > 4 * 60
    assert verify_log(log.path).status is Status.VERIFIED
