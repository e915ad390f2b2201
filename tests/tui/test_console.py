"""The console: small terminals, modes, keys, notifications, quitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from game.journal.events import ActionTaken, SessionClosed, TraineeLeft
from game.journal.logfile import read_log
from game.scenario.catalog import resolve_scenario
from game.services.report import score_log
from game.tui.app import CrisisApp
from game.tui.refusals import TEAMS
from game.tui.render import thread_content
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.dialogs import ConfirmScreen
from game.tui.widgets.coach import CoachPanel
from game.tui.widgets.composer import ComposerInput
from game.tui.widgets.feed import Feed
from tests.tui.helpers import SIZE, SNAPSHOTS, Notices, act_on, console, new_app, post_from, settle


def _app(tmp_path: Path, **changes: object) -> CrisisApp:
    return new_app(tmp_path, scenario=resolve_scenario("rebajas"), **changes)


async def test_the_console_fits_a_60x20_terminal(tmp_path: Path, snapshot) -> None:
    snapshot.snapshot_dir = SNAPSHOTS
    app = _app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = console(app)
        app.advance_clock(25 * 60)
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert not screen.query_one("#coach").display
        feed = screen.query_one(Feed)
        assert feed.row_count > 0 and feed.size.height >= 3
        await pilot.press("r")
        assert isinstance(app.focused, ComposerInput)
        await pilot.press("escape")
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), "console-60x20.svg")


async def test_practice_coach_names_the_cues_and_rules(tmp_path: Path) -> None:
    app = _app(tmp_path, mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(2 * 60)
        await pilot.pause()
        post = post_from(app, "inject:complaint_first")
        await act_on(
            pilot, app, post, "r", "We are so sorry the item looks nothing like the photo. DM us."
        )
        coach = console(app).query_one(CoachPanel).text
        # The rules the scorer cites for these cues (scoring.coaching), not a table of its own.
        assert "apology (helps, E1, H1)" in coach
        assert "DM invitation (helps, C3)" in coach
        app.advance_clock(3 * 60)
        await pilot.pause()
        other = post_from(app, "inject:complaint_second")
        await act_on(pilot, app, other, "r", "We are so sorry.")
        coach = console(app).query_one(CoachPanel).text
        # Read in its situation, as the judges will: an apology that names nothing.
        assert "apology (hurts, E4, H1)" in coach
        assert "could go to anyone: it does not name their problem (E4)" in coach


async def test_pause_in_practice_only(tmp_path: Path) -> None:
    app = _app(tmp_path, mode="practice")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("space")
        assert console(app).paused
        await pilot.press("space")
        assert not console(app).paused
    exam = _app(tmp_path, mode="exam")
    async with exam.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = console(exam)
        await pilot.press("space")
        assert not screen.paused
        assert not screen.query("#coach")  # exam: no hints
        assert screen.check_action("pause", ()) is False
        commands = [command.title for command in exam.get_system_commands(screen)]
        assert not any("Pause" in title for title in commands)
        assert any("Reply" in title for title in commands)


async def test_every_engine_action_has_a_key_in_the_footer_and_palette(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = console(app)
        shown = {
            binding.action
            for _, binding, enabled, _ in screen.active_bindings.values()
            if binding.show and enabled
        }
        wanted = {
            "reply",
            "private",
            "statement",
            "like",
            "hide",
            "warn",
            "ban",
            "escalate",
            "follow_up",
            "search",
            "pause",
            "finish",
        }
        assert wanted <= shown
        titles = " ".join(command.title for command in app.get_system_commands(screen))
        for label in (
            "Reply",
            "Private",
            "Statement",
            "Like",
            "Hide",
            "Warn",
            "Ban",
            "Escalate",
            "Follow up",
            "Search",
            "Pause",
        ):
            assert label in titles


async def test_notifications_for_influencers_promises_and_phases(tmp_path: Path) -> None:
    app = _app(tmp_path)
    shown = Notices()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(2 * 60)
        await pilot.pause()
        post = post_from(app, "inject:complaint_first")
        await act_on(pilot, app, post, "r", "Sorry! We will refund you within 10 minutes.")
        app.advance_clock(27 * 60)
        await pilot.pause()
        messages = shown.texts
        assert any("Influencer" in message for message in messages)
        assert any("Journalist" in message for message in messages)
        assert any("crisis moves to" in message for message in messages)
        assert any("Promise pr1" in message for message in messages)


async def test_the_like_hide_escalate_follow_up_and_search_keys(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(30 * 60)
        await pilot.pause()
        assert app.game is not None
        first = post_from(app, "inject:complaint_first")
        assert console(app).select_post(first.id)
        await pilot.press("l")
        assert first.liked
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # the first team
        await pilot.pause()
        assert "Escalated to: Logistics" in thread_content(app.game, first).plain
        await pilot.press("e")  # the same team is not offered twice
        await pilot.pause()
        teams = app.screen.query_one(OptionList)
        assert teams.option_count == len(TEAMS) - 1
        await pilot.press("escape")
        await pilot.pause()
        await act_on(pilot, app, first, "r", "Sorry, we will refund you within 15 minutes.")
        assert app.game.open_promises()
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"Done: ")
        field = app.focused
        assert isinstance(field, ComposerInput)
        field.insert_text_at_cursor("your refund is on its way.")
        await pilot.press("enter")
        await pilot.pause()
        assert not app.game.open_promises()
        untagged = post_from(app, "inject:untagged_mention")
        assert not untagged.found
        await pilot.press("slash")
        await pilot.press("enter")  # empty search: monitor everything
        await pilot.pause()
        assert untagged.found
        assert console(app).select_post(untagged.id)
        await pilot.press("h")
        assert untagged.hidden
    kinds = [r.action.kind for r in read_log(app.log_path).records if isinstance(r, ActionTaken)]
    assert kinds == ["like", "escalate", "reply", "follow_up", "search", "hide"]


async def test_quitting_mid_session_asks_first_and_keeps_a_usable_log(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(5 * 60)
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0
    assert app.log_path is not None
    records = read_log(app.log_path).records
    assert isinstance(records[-1], SessionClosed)
    # Quitting is leaving: the crisis ran on to its end without the trainee.
    assert [r.time for r in records if isinstance(r, TraineeLeft)] == [5 * 60]
    assert score_log(app.log_path).scorecard.duration > 5 * 60


async def test_a_wrong_key_does_nothing(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("z", "Z", "f12", "9")
        await pilot.pause()
        assert app.is_running
        assert console(app).channel_id == "chirp"


async def test_refusals_are_explained_in_the_trainees_language(tmp_path: Path) -> None:
    app = _app(tmp_path, language="es")
    shown = Notices()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(21 * 60)
        await pilot.pause()
        troll_post = post_from(app, "inject:troll_abuse")
        await act_on(pilot, app, troll_post, "b", "Insultos contra las normas")
        await pilot.press("r")
        assert not isinstance(app.focused, ComposerInput)
        await pilot.press("h", "h")
        await pilot.pause()
        messages = shown.texts
        assert any("está bloqueado" in message for message in messages)
        assert any("ya está oculto" in message for message in messages)
        assert not any("Not possible" in message for message in messages)


@pytest.mark.parametrize("key", ["s", "x", "ctrl+p"])
async def test_a_session_that_ends_under_a_dialog_closes_it(tmp_path: Path, key: str) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(60)
        await pilot.press(key)  # a dialog or the palette is open when time runs out
        await pilot.pause()
        assert len(app.screen_stack) > 2
        while app.game is not None and not app.game.ended:
            app.advance_clock(5 * 60)
            await pilot.pause()
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("escape")  # back from the debrief: the console, not the dialog
        await pilot.pause()
        assert len(app.screen_stack) == 2
        console(app)  # the console is on top
