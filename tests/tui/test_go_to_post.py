"""From the debrief to a post and back (g, then d): both screens come back whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from game.scenario.catalog import resolve_scenario
from game.tui.screens.console import ConsoleScreen
from game.tui.screens.debrief import DebriefScreen
from game.tui.widgets.feed import Feed
from tests.tui.helpers import SIZE, finish_session, new_app, settle, start_session


@pytest.mark.parametrize("language", ["en", "es"])
async def test_going_to_a_post_the_crowd_wrote_after_leaving_and_back(
    tmp_path: Path, language: str
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("turistas"), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 1)
        await finish_session(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        late = next(
            finding
            for finding in debrief.findings
            if finding.post_id is not None and finding.time > 5 * 60
        )
        debrief.highlight(late)
        await pilot.press("g")
        await settle(pilot)
        console = app.screen
        assert isinstance(console, ConsoleScreen)
        # A post written after the trainee left is in the feed, selected, its thread shown.
        assert console.query_one(Feed).current_post_id == late.post_id
        thread = str(console.query_one("#thread Static", Static).visual)
        post_id = late.post_id
        assert app.game is not None and post_id is not None
        post = app.game.post(post_id)
        assert post is not None and post.text[:30] in thread
        # The key bar is not empty once the session is over: it offers the way back.
        shown = [key for key, b in console.active_bindings.items() if b.binding.show and b.enabled]
        assert "d" in shown
        await pilot.press("d")
        await settle(pilot)
        assert app.screen is debrief
        assert str(debrief.query_one("#debrief-scores", Static).visual).strip()
