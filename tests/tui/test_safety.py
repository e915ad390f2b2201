"""Text from posts is shown literally: markup in a troll's post is never markup."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from game.engine.world import Post
from game.scenario.catalog import resolve_scenario
from game.scenario.loader import LoadedScenario
from game.tui.app import CrisisApp
from game.tui.render import feed_cells, thread_content
from game.tui.widgets.feed import Feed
from tests.tui.helpers import SIZE, console, new_app

NASTY = ("[@click=app.quit]quit[/]", "[/b]", "[TODO]", "[link=x]home[/link]")


def _plant(app: CrisisApp) -> list[Post]:
    """Rewrite the texts of the first posts, as if the crowd had written them."""
    assert app.game is not None
    by_author: dict[str, Post] = {}
    for post in app.game.session.post_order:
        if not post.from_brand and post.found:
            by_author.setdefault(post.author, post)
    posts = list(by_author.values())[: len(NASTY)]
    assert len(posts) == len(NASTY)
    for post, text in zip(posts, NASTY, strict=True):
        post.text = f"look {text} here"
        person = app.game.person(post)
        assert person is not None
        person.name = f"{text} name"
    return posts


async def test_markup_in_posts_renders_literally_and_clicking_it_quits_nothing(
    tmp_path: Path,
) -> None:
    app = new_app(tmp_path, scenario=_flagship())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = console(app)
        app.advance_clock(10 * 60)
        await pilot.pause()
        assert app.game is not None
        posts = _plant(app)
        # Redraw the feed with the planted texts, then show each one's thread.
        screen.action_next_channel()
        screen.action_channel(1)
        await pilot.pause()
        feed = screen.query_one(Feed)
        for post, text in zip(posts, NASTY, strict=True):
            cells = feed_cells(app.game, post)
            assert text in cells[-1].plain and not cells[-1].spans
            assert cells[2].plain.startswith(f"{text} name"[:15]) and not cells[2].spans
            assert text in thread_content(app.game, post).plain
            assert screen.select_post(post.id)
            await pilot.pause()
            shown = str(screen.query_one("#thread Static", Static).visual)
            assert f"look {text} here" in shown
            # Click on the row and on the thread text: the app is still running.
            row = feed.row_of(post.id)
            assert row is not None
            feed.action_edge(0)  # away from it, so that the click must bring it back
            # Below the border and the header row.
            await pilot.click(Feed, offset=(60, 2 + row - int(feed.scroll_y)))
            assert feed.current_post_id == post.id
            await pilot.click("#thread Static", offset=(12, 1))
            await pilot.pause()
            assert app.is_running
            assert app.return_code is None
        svg = app.export_screenshot()
        # The last one selected shows in the thread as it was written.
        assert "look [link=x]home[/link] here" in svg.replace("&#160;", " ")


def _flagship() -> LoadedScenario:
    return resolve_scenario("rebajas")
