"""The leave dialog names the moment as the scenario's clock shows it, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from game.scenario.catalog import resolve_scenario
from game.tui.screens.dialogs import ConfirmScreen
from tests.tui.helpers import SIZE, new_app, start_session


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "You leave the crisis at 10:12: it runs on without you"),
        ("es", "Dejas la crisis a las 10:12: sigue sin ti"),
    ],
)
async def test_the_leave_dialog_says_the_clock_time(
    tmp_path: Path, language: str, expected: str
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language=language)
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 12)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        body = str(dialog.query_one(".dialog-body", Static).visual)
        assert body.startswith(expected), body
        await pilot.press("n")
