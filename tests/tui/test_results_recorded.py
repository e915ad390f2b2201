"""A played session goes into the results store when it ends, with its mode and cohort."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from game.journal.logfile import read_log
from game.results.queries import stored_sessions
from game.scenario.catalog import resolve_scenario
from game.services.results import open_store
from game.tui.screens.debrief import DebriefScreen
from tests.tui.helpers import SIZE, finish_session, new_app, start_session


async def test_a_finished_exam_is_in_the_store_with_its_cohort(tmp_path: Path) -> None:
    store = str(tmp_path / "results.sqlite3")
    app = new_app(
        tmp_path,
        scenario=resolve_scenario("rebajas"),
        mode="exam",
        cohort="Madrid-1",
        record_results=True,
        results_db=store,
    )
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, minutes=3)
        await finish_session(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen) and debrief.card is not None
        assert not debrief.query("#debrief-not-recorded")
        overall = debrief.card.overall
    assert app.log_path is not None
    header = read_log(app.log_path).header
    assert (header.mode, header.cohort) == ("exam", "Madrid-1")
    assert header.started.endswith("+00:00")
    [stored] = stored_sessions(open_store(store))
    assert (stored.trainee, stored.mode, stored.cohort) == ("Test Trainee", "exam", "Madrid-1")
    assert stored.overall == overall


async def test_a_store_that_fails_is_told_on_the_debrief(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    app = new_app(
        tmp_path,
        scenario=resolve_scenario("rebajas"),
        record_results=True,
        results_db=str(blocked / "results.sqlite3"),  # its folder is a file
    )
    async with app.run_test(size=SIZE) as pilot:
        await start_session(pilot, minutes=1)
        await finish_session(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen) and debrief.card is not None
        line = debrief.query_one("#debrief-not-recorded", Static)
        assert "This session is not in your progress" in str(line.render())
