"""In a flood, what needs an answer stands out from shares and noise, in words and symbols."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.catalog import resolve_scenario
from game.tui.render import feed_cells
from tests.tui.helpers import SIZE, new_app, start_session


@pytest.mark.parametrize(
    ("language", "waiting", "to_read"),
    [("en", "● NEW", "○ to read"), ("es", "● NUEVO", "○ para leer")],
)
async def test_posts_that_wait_for_no_answer_say_so(
    tmp_path: Path, language: str, waiting: str, to_read: str
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 20)
        game = app.game
        assert game is not None
        shown = [p for posts in game.by_channel.values() for p in posts if not p.from_brand]
        labels = {post.id: feed_cells(game, post)[0].plain for post in shown}
        quiet = [p for p in shown if not p.needs_reply and p.answered_at is None]
        loud = [p for p in shown if game.is_waiting(p) and not game.is_overdue(p)]
        assert quiet and all(labels[p.id] == to_read for p in quiet)
        assert loud and all(labels[p.id] == waiting for p in loud)
