"""Time running out mid-sentence: the words are kept, the keys are not taken as commands.

Typing "quay" into the composer as the clock ran out used to quit the app, and `t`/`m`
wrote reports. Now the debrief holds its keys for a moment, shows the unsent words,
and quitting asks first, there and everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from game.scenario.catalog import resolve_scenario
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.dialogs import ConfirmScreen
from tests.tui.helpers import SIZE, console, new_app, settle, start_session, type_text


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        ("en", "Not sent when time ran out: “Hello, we are on it and”"),
        ("es", "Sin enviar cuando se acabó el tiempo: «Hello, we are on it and»"),
    ],
)
async def test_keys_typed_as_time_runs_out_are_held_and_the_words_kept(
    tmp_path: Path, language: str, shown: str
) -> None:
    # A hold far longer than the keys take to press, even on a loaded machine; its end
    # is checked apart (test_the_hold_ends_by_itself).
    app = new_app(
        tmp_path, scenario=resolve_scenario("turistas"), language=language, key_hold_seconds=600
    )
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 3)
        assert app.game is not None
        post = next(p for p in app.game.session.post_order if p.author != "brand")
        assert console(app).select_post(post.id)
        await pilot.press("r")
        await type_text(pilot, "Hello, we are on it and")
        app.advance_clock(20 * 60)  # the crisis ends (its 20 minutes, or a final phase)
        await settle(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen) and debrief.holding
        await pilot.press("q", "u", "a", "y", "t", "m", "j", "escape")
        await pilot.pause()
        assert app.is_running and app.screen is debrief
        assert not (tmp_path / "reports").exists() or not list((tmp_path / "reports").iterdir())
        assert str(debrief.query_one("#debrief-unsent", Static).visual) == shown
        assert isinstance(debrief, DebriefScreen)  # `is` above narrowed it to a Screen
        debrief.release_keys()  # what the hold's timer does when it ends
        await pilot.pause()
        await pilot.press("q")  # quitting from the debrief asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and app.screen is debrief
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_hold_ends_by_itself(tmp_path: Path) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("turistas"), key_hold_seconds=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, 3)
        await pilot.press("r")
        await type_text(pilot, "Hello")
        app.advance_clock(20 * 60)
        await settle(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        for _ in range(100):  # polled: a loaded machine may run the timer late, never early
            if not debrief.holding:
                break
            await pilot.pause(0.1)
        assert not debrief.holding
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_quitting_from_the_picker_asks_first(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert str(dialog.query_one(".dialog-body", Static).content) == "No session is running."
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, ConfirmScreen)
