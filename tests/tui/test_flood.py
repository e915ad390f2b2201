"""A flooding scenario in the console: the trainee can always leave, and is told why it stopped."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from game.scenario import load_scenario
from game.tui.screens.debrief import DebriefScreen
from tests.conftest import DATA_DIR
from tests.tui.helpers import SIZE, finish_session, new_app, start_session


@pytest.mark.parametrize(
    ("language", "stopped"),
    [
        ("en", "the scenario exceeded its post budget (500 posts in a minute) at minute 8"),
        ("es", "el escenario superó su límite de publicaciones (500 en un minuto) en el minuto 8"),
    ],
)
async def test_finishing_a_flooded_session_reaches_the_debrief_that_says_why(
    tmp_path: Path, language: str, stopped: str
) -> None:
    app = new_app(
        tmp_path, scenario=load_scenario(DATA_DIR / "hostile" / "burst.yaml"), language=language
    )
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 1)
        await finish_session(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen) and debrief.card is not None
        assert debrief.card.stopped == stopped
        assert stopped in str(debrief.query_one("#debrief-scores", Static).visual)
