"""After a channel switch the new feed shows a highlighted post on screen; back, the old one."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from game.scenario.catalog import resolve_scenario
from game.tui import CrisisApp
from game.tui.messages import ChannelSelected
from game.tui.widgets.feed import Feed
from tests.tui.helpers import SIZE, console, new_app, start_session


def _feed(app: CrisisApp) -> Feed:
    return console(app).query_one(Feed)


def _on_screen(feed: Feed) -> bool:
    """Whether the cursor's row is among the rows drawn (the header takes the first line)."""
    top = int(feed.scroll_y)
    return top <= feed.cursor_row < top + feed.scrollable_content_region.height - 1


async def _switch(pilot: Pilot[None], key: str) -> None:
    """A number key, c (next channel), or "list": the channel list picks Fotogram."""
    if key == "list":
        console(pilot.app).post_message(ChannelSelected("fotogram"))  # type: ignore[arg-type]
    else:
        await pilot.press(key)
    await pilot.pause()
    await pilot.pause()  # the scroll is settled after the layout


@pytest.mark.parametrize("key", ["2", "c", "list"])
async def test_switching_channel_shows_a_selected_post_and_back_restores_the_old_one(
    tmp_path: Path, key: str
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"))
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 30)
        feed = _feed(app)
        assert app.game is not None
        chirp = app.game.by_channel["chirp"]
        assert len(chirp) > feed.scrollable_content_region.height  # it must scroll
        # An old post, far above the newest: the trainee scrolled up to it.
        picked = chirp[2].id
        assert console(app).select_post(picked)
        await pilot.pause()
        assert _on_screen(feed)
        await _switch(pilot, key)
        assert console(app).channel_id == "fotogram"
        shown = feed.current_post_id
        post = app.game.post(shown) if shown else None
        assert post is not None and post.channel == "fotogram"
        assert _on_screen(feed)
        await _switch(pilot, "1")
        assert console(app).channel_id == "chirp"
        assert feed.current_post_id == picked
        assert _on_screen(feed)
