"""The first minute: the clock runs fast, and says so, until the first post arrives."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.scenario.catalog import resolve_scenario
from tests.tui.helpers import SIZE, Notices, console, new_app


@pytest.mark.parametrize(
    ("language", "told"),
    [
        ("en", "Nothing has happened yet: the clock runs at ×30 until the first post arrives."),
        ("es", "Aún no ha pasado nada: el reloj va a ×30 hasta que llegue la primera publicación."),
    ],
)
async def test_an_empty_start_is_fast_forwarded_and_said(
    tmp_path: Path, language: str, told: str
) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language=language)
    shown = Notices()
    async with app.run_test(size=SIZE, notifications=True, message_hook=shown) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = console(app)
        assert told in shown.texts
        assert screen.clock.quiet_start == 30.0 and screen.speed == 1.0
        app.advance_clock(2 * 60)
        await pilot.pause()
        assert screen.clock.quiet_start is None  # the first post came: the chosen speed
