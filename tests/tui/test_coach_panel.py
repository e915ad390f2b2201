"""The practice coach shows all it has: it scrolls, and has a place at 80x24 (key n)."""

from __future__ import annotations

from pathlib import Path

from textual.events import MouseScrollDown
from textual.pilot import Pilot

from game.scenario.catalog import resolve_scenario
from game.tui.app import CrisisApp
from game.tui.widgets.coach import CoachPanel
from game.tui.widgets.feed import Feed
from tests.tui.helpers import SIZE, Notices, act_on, console, new_app, post_from, start_session

# Many cues and too many things at once: more lines than the panel is high.
REPLY = (
    "We are so sorry, that was our mistake. We will refund you in full today, "
    "plus a voucher for 20 euros. Send us a DM with your order number."
)
LAST = "− Too many things at once: pick what this case needs (E4)"


def _app(tmp_path: Path, mode: str = "practice") -> CrisisApp:
    return new_app(tmp_path, scenario=resolve_scenario("rebajas"), mode=mode)


async def _reply(pilot: Pilot[None], app: CrisisApp) -> CoachPanel:
    await start_session(pilot, minutes=5)
    post = post_from(app, "inject:complaint_second")
    await act_on(pilot, app, post, "r", REPLY)
    return console(app).query_one(CoachPanel)


async def test_the_coach_scrolls_to_its_last_line_with_keys_and_wheel(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        coach = await _reply(pilot, app)
        text = coach.text
        assert "E1 empathize" in text and text.rstrip().endswith(LAST)
        # All of it is there, below the fold: the panel is cut no more, it scrolls.
        assert coach.max_scroll_y > 0 and coach.scroll_y == 0
        await pilot.press("n")  # beside the feed: into the coach
        await pilot.pause()
        assert app.focused is coach
        await pilot.press("end")
        await pilot.pause()
        assert coach.scroll_y == coach.max_scroll_y
        await pilot.press("home", "down")
        await pilot.pause()
        assert coach.scroll_y == 1
        await pilot.press("n")  # and back
        await pilot.pause()
        assert isinstance(app.focused, Feed)
        # The mouse wheel over the panel scrolls it too.
        before = coach.scroll_y
        x, y = coach.region.center
        app.post_message(MouseScrollDown(None, x, y, 0, 1, 0, False, False, False, x, y))
        await pilot.pause()
        assert coach.scroll_y > before


async def test_at_80x24_n_shows_the_coach_in_the_feeds_place_and_back(tmp_path: Path) -> None:
    app = _app(tmp_path)
    notices = Notices()
    async with app.run_test(size=(80, 24), message_hook=notices) as pilot:
        coach = await _reply(pilot, app)
        assert "The coach has read your message: press n to see it." in notices.texts
        screen = console(app)
        feed = screen.query_one(Feed)
        assert screen.has_class("-narrow")
        assert not coach.display and feed.display  # no room beside the feed
        await pilot.press("n")
        await pilot.pause()
        assert coach.display and not feed.display and app.focused is coach
        assert coach.size.width > 60 and coach.size.height >= 8
        assert coach.text.startswith("Your reply:")
        await pilot.press("end")
        await pilot.pause()
        assert coach.max_scroll_y > 0 and coach.scroll_y == coach.max_scroll_y
        await pilot.press("n")
        await pilot.pause()
        assert not coach.display and feed.display and app.focused is feed
        await pilot.press("n", "escape")  # escape goes back too
        await pilot.pause()
        assert not coach.display and app.focused is feed


async def test_the_coach_key_does_nothing_in_exam_mode(tmp_path: Path) -> None:
    app = _app(tmp_path, mode="exam")
    async with app.run_test(size=(80, 24)) as pilot:
        await start_session(pilot, minutes=5)
        screen = console(app)
        assert screen.check_action("coach", ()) is False
        await pilot.press("n")
        await pilot.pause()
        assert not screen.query(CoachPanel) and isinstance(app.focused, Feed)
