"""The reply goes to the post selected when `r` was pressed, whatever arrives meanwhile."""

from __future__ import annotations

from pathlib import Path

from game.journal.actions import Reply
from game.journal.events import ActionTaken
from game.journal.logfile import read_log
from game.scenario.catalog import resolve_scenario
from game.tui.widgets.feed import Feed
from tests.tui.helpers import SIZE, console, new_app, start_session, type_text


async def test_posts_arriving_while_typing_do_not_change_whom_the_reply_answers(
    tmp_path: Path,
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"))
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 4)
        game = app.game
        assert game is not None
        screen = console(app)
        target = next(p for p in game.session.post_order if p.needs_reply)
        assert screen.select_post(target.id)
        await pilot.press("r")
        await type_text(pilot, "Sorry about the jumper, we will refund you today")
        before = len(game.session.posts)
        app.advance_clock(8 * 60)  # the crowd keeps posting while the trainee writes
        await pilot.pause()
        assert len(game.session.posts) > before
        assert screen.query_one(Feed).current_post_id == target.id  # nothing slid under it
        await pilot.press("enter")
        await pilot.pause()
    assert app.log_path is not None
    replies = [
        r.action
        for r in read_log(app.log_path).records
        if isinstance(r, ActionTaken) and isinstance(r.action, Reply)
    ]
    assert [reply.post_id for reply in replies] == [target.id]
