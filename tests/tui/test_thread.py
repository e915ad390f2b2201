"""The thread pane: a long exchange opens where the selected post is."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from game.engine.world import Post
from game.scenario.catalog import resolve_scenario
from game.tui.app import CrisisApp
from game.tui.widgets.feed import Feed
from game.tui.widgets.thread import ThreadView
from tests.tui.helpers import SIZE, act_on, console, new_app, post_from


async def _long_thread(pilot: Pilot[None], app: CrisisApp) -> list[Post]:
    """Answer the first complaint three times: its exchange grows to several posts."""
    await pilot.press("enter")
    await pilot.pause()
    app.advance_clock(2 * 60)
    await pilot.pause()
    complaint = post_from(app, "inject:complaint_first")
    for number in range(3):
        await act_on(pilot, app, complaint, "r", f"Sorry ({number}), we are looking into it.")
        app.advance_clock(4 * 60)
        await pilot.pause()
    assert app.game is not None
    return app.game.thread_posts(complaint)


def _assert_selected_visible(thread: ThreadView, post: Post) -> None:
    assert thread.post_id == post.id
    entry = thread.selected_entry
    assert entry is not None
    assert str(entry.visual).startswith("▶")  # the block of the selected post
    top = entry.virtual_region.y
    bottom = entry.virtual_region.bottom
    view = thread.scrollable_content_region
    # Its first line at least (its author); the whole of it when it fits.
    assert thread.scroll_y <= top < thread.scroll_y + view.height, (thread.scroll_y, top)
    if bottom - top <= view.height:
        assert bottom <= thread.scroll_y + view.height, (thread.scroll_y, bottom, view.height)
    # And it is what the screen shows there.
    shown, _ = thread.screen.get_widget_at(view.x + 1, view.y + top - int(thread.scroll_y))
    assert shown is entry


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_a_long_thread_scrolls_to_the_selected_post(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"))
    async with app.run_test(size=size) as pilot:
        posts = await _long_thread(pilot, app)
        assert len(posts) >= 5
        screen = console(app)
        thread = screen.query_one(ThreadView)
        # A trainee's post in the middle: neither the top nor the end of the exchange.
        middle = next(p for p in posts[1:-1] if not p.from_brand)
        assert screen.select_post(middle.id)
        await pilot.pause()
        entry = thread.selected_entry
        assert entry is not None
        # The exchange does not fit, and the post is off-screen at its top or its end.
        assert thread.max_scroll_y > 0
        assert entry.virtual_region.y > 0
        assert entry.virtual_region.y < thread.max_scroll_y
        _assert_selected_visible(thread, middle)
        # With the keys: up to the row before, down again; then the first and last posts.
        feed = screen.query_one(Feed)
        row = feed.row_of(middle.id)
        assert row is not None and row > 0
        await pilot.press("up")
        await pilot.pause()
        assert app.game is not None
        before = app.game.post(feed.current_post_id or "")
        assert before is not None and before.id != middle.id
        _assert_selected_visible(thread, before)
        await pilot.press("down")
        await pilot.pause()
        _assert_selected_visible(thread, middle)
        for post in (posts[0], posts[-1]):
            assert screen.select_post(post.id)
            await pilot.pause()
            _assert_selected_visible(thread, post)
        assert screen.select_post(posts[0].id)
        await pilot.pause()
        assert thread.scroll_y == 0  # the first post: read from the top
