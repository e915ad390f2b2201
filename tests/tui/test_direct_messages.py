"""The Direct messages channel reads as conversations: the brand's messages are listed too."""

from __future__ import annotations

from pathlib import Path

from game.scenario.catalog import resolve_scenario
from game.tui.widgets.feed import Feed
from tests.tui.helpers import SIZE, act_on, console, new_app, start_session


async def test_a_private_message_to_a_public_post_shows_in_direct_messages(
    tmp_path: Path,
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("turistas"))
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 3)
        game = app.game
        assert game is not None
        post = next(p for p in game.session.post_order if p.author != "brand" and p.needs_reply)
        text = "Hi, we are sorry: we can change your ticket for free, reply with your booking."
        await act_on(pilot, app, post, "p", text)
        private = next(c for c in game.channels if c.visibility == "private")
        mine = [p for p in game.by_channel[private.id] if p.from_brand]
        assert [p.text for p in mine] == [text]
        screen = console(app)
        screen.action_channel(game.channels.index(private) + 1)
        await pilot.pause()
        feed = screen.query_one(Feed)
        assert feed.row_of(mine[0].id) is not None
        assert text[:20] in app.export_screenshot().replace("&#160;", " ")
