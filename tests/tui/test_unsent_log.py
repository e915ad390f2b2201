"""Words in the composer when time runs out, or when the trainee quits, reach the log."""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot

from game.scenario.catalog import resolve_scenario
from game.tui import CrisisApp
from game.tui.screens.debrief import DebriefScreen
from game.tui.screens.dialogs import ConfirmScreen
from game.tui.widgets.composer import ComposerInput
from tests.tui.helpers import SIZE, console, new_app, settle, start_session, type_text

DRAFT = "Hello, we are on it and"


async def _write_a_draft(pilot: Pilot[None], app: CrisisApp, draft: str = DRAFT) -> str:
    """Start, open a reply to someone's post and type ``draft``; the post's id."""
    await start_session(pilot, 3)
    assert app.game is not None
    post = next(p for p in app.game.session.post_order if p.author != "brand")
    assert console(app).select_post(post.id)
    await pilot.press("r")
    assert isinstance(app.focused, ComposerInput)
    if draft:
        await type_text(pilot, draft)
    return post.id


def _records(log: Path | None) -> list[dict[str, object]]:
    assert log is not None
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


async def test_a_draft_left_when_time_runs_out_is_logged_as_unsent(tmp_path: Path) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("turistas"))
    async with app.run_test(size=SIZE) as pilot:
        post_id = await _write_a_draft(pilot, app)
        log = app.log_path
        app.advance_clock(20 * 60)  # the crisis ends
        await settle(pilot)
        assert isinstance(app.screen, DebriefScreen)
        records = _records(log)  # flushed already, while the debrief shows
        kinds = [record["type"] for record in records]
        unsent = [record for record in records if record["type"] == "unsent"]
        assert unsent == [{"type": "unsent", "t": unsent[0]["t"], "text": DRAFT, "post": post_id}]
        assert kinds.index("end") < kinds.index("unsent") < kinds.index("close")
        assert not any(record["type"] == "action" for record in records)  # never sent


async def test_a_draft_left_when_the_trainee_quits_is_logged_as_unsent(tmp_path: Path) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("turistas"))
    async with app.run_test(size=SIZE) as pilot:
        post_id = await _write_a_draft(pilot, app)
        log = app.log_path
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    records = _records(log)
    kinds = [record["type"] for record in records]
    unsent = [record for record in records if record["type"] == "unsent"]
    assert [(r["text"], r["post"], r["t"]) for r in unsent] == [(DRAFT, post_id, 180)]
    assert kinds.index("unsent") + 1 == kinds.index("left")
    assert kinds[-1] == "close"


async def test_an_empty_composer_logs_nothing_when_the_trainee_quits(tmp_path: Path) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("turistas"))
    async with app.run_test(size=SIZE) as pilot:
        await _write_a_draft(pilot, app, "")  # opened, nothing typed
        log = app.log_path
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert not any(record["type"] == "unsent" for record in _records(log))
