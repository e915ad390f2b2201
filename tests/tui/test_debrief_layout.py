"""The debrief at 80x24 and 120x40: the scores give their width to the findings, whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from game.scenario.catalog import resolve_scenario
from game.tui.screens.debrief import DebriefScreen
from tests.tui.helpers import finish_session, new_app, start_session


@pytest.mark.parametrize(("size", "side"), [((80, 24), 32), ((120, 40), 46)])
async def test_the_scores_fit_their_pane_and_the_findings_get_the_rest(
    tmp_path: Path, size: tuple[int, int], side: int
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("turistas"))
    async with app.run_test(size=size) as pilot:
        await start_session(pilot, 1)
        await finish_session(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        pane = debrief.query_one("#debrief-side")
        assert pane.outer_size.width == side
        findings = debrief.query_one("#debrief-findings")
        assert findings.outer_size.width == size[0] - side
        scores = debrief.query_one("#debrief-scores", Static)
        room = pane.content_size.width
        lines = str(scores.visual).splitlines()
        score_lines = [line for line in lines if "█" in line or "░" in line or "·" * 5 in line]
        assert len(score_lines) == 6  # five dimensions and the overall
        assert all(len(line) <= room for line in score_lines), (room, score_lines)
