"""SVG snapshots of the four screens at 120x40, and of the coach, in both languages.

Deterministic: fixed seed, trainee and theme, no cursor blink, the clock driven by hand,
no notifications. Update with ``pytest tests/tui --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Static

from game.scenario.catalog import resolve_scenario
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.picker import PickerScreen
from tests.tui.helpers import (
    SIZE,
    SNAPSHOTS,
    act_on,
    new_app,
    post_from,
    settle,
    start_session,
)

REPLY = {
    "en": "We are so sorry, {name}. Send us a DM and we will refund you today.",
    "es": "Lo sentimos mucho, {name}. Escríbenos por privado y te devolvemos el dinero hoy.",
}


@pytest.mark.parametrize("language", ["en", "es"])
async def test_screens(tmp_path: Path, snapshot, language: str) -> None:
    snapshot.snapshot_dir = SNAPSHOTS
    app = new_app(tmp_path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the library is read in a worker
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        for _ in range([entry.id for entry in picker.scenarios].index("rebajas")):
            await pilot.press("down")  # the flagship, wherever it stands in the library
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), f"picker-{language}.svg")
        await pilot.press("enter")
        await settle(pilot)  # the scenario is loaded in a worker
        snapshot.assert_match(app.export_screenshot(), f"briefing-{language}.svg")
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(2 * 60)
        await pilot.pause()
        complaint = post_from(app, "inject:complaint_first")
        assert app.game is not None
        person = app.game.person(complaint)
        assert person is not None
        await act_on(pilot, app, complaint, "r", REPLY[language].format(name=person.first_name))
        app.advance_clock(20 * 60)
        await pilot.pause()
        await pilot.press("o")  # to the oldest overdue post
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), f"console-{language}.svg")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)  # the log is scored in a worker
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen)
        # The log's folder differs per run: the line naming it is fixed for the snapshot.
        debrief.query_one("#debrief-export", Static).update(Content("log: <tmp>"))
        await pilot.pause()
        snapshot.assert_match(app.export_screenshot(), f"debrief-{language}.svg")


COACHED = {
    "en": "We are so sorry, that was our mistake. We will refund you in full today, "
    "plus a voucher for 20 euros. Send us a DM with your order number.",
    "es": "Lo sentimos mucho, fue un error nuestro. Te devolvemos el importe íntegro hoy, "
    "más un cupón de 20 euros. Escríbenos por privado con tu número de pedido.",
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_coach_after_a_reply(
    tmp_path: Path, snapshot, language: str, size: tuple[int, int]
) -> None:
    """The practice coach, gone into with n: beside the feed, or in its place at 80x24."""
    snapshot.snapshot_dir = SNAPSHOTS
    app = new_app(tmp_path, language=language, scenario=resolve_scenario("rebajas"))
    async with app.run_test(size=size) as pilot:
        await start_session(pilot, minutes=5)
        complaint = post_from(app, "inject:complaint_second")
        await act_on(pilot, app, complaint, "r", COACHED[language])
        await pilot.press("n")
        await pilot.pause()
        app.clear_notifications()  # the toasts' timing is not what is shown here
        await pilot.pause()
        name = f"coach-{language}-{size[0]}x{size[1]}.svg"
        snapshot.assert_match(app.export_screenshot(), name)
