"""The Progress screen: opened from the picker, read from the store, Escape goes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from game.results.store import ResultsStore
from game.tui.screens.picker import PickerScreen
from game.tui.screens.progress import ProgressScreen
from tests.results.synthetic import record_history
from tests.tui.helpers import SNAPSHOTS, new_app, settle


def _store(tmp_path: Path, sessions: int = 16) -> str:
    url = str(tmp_path / "results.sqlite3")
    record_history(ResultsStore.open(url), "ana", sessions)
    return url


def _text(screen: ProgressScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_progress_opens_from_the_picker_and_escape_goes_back(tmp_path: Path) -> None:
    app = new_app(tmp_path, results_db=_store(tmp_path), trainee="ana")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert "Progress of ana · 16 sessions" in _text(screen, "#progress-heading")
        mastery = screen.query_one("#progress-mastery", DataTable)
        # C2 cost the most points over the last 10 sessions (8 × 2.0; E1: 10 × 1.5).
        assert str(mastery.get_row_at(0)[0]) == "C2 two-then-private"
        assert any("↑ improving" in str(mastery.get_row_at(i)[3]) for i in range(mastery.row_count))
        assert screen.query_one("#progress-sessions", DataTable).row_count == 15
        what_next = _text(screen, "#progress-next")
        assert "What to play next" in what_next and "Exams" in what_next
        await pilot.press("d")  # the dimensions beside the overall, and back
        assert screen.with_dimensions
        await pilot.press("d")
        assert not screen.with_dimensions
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PickerScreen)


async def test_an_empty_store_is_said_not_shown_as_a_crash(tmp_path: Path) -> None:
    app = new_app(tmp_path, results_db=str(tmp_path / "empty.sqlite3"), trainee="ana")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert "no sessions recorded yet" in _text(screen, "#progress-message")


async def test_a_store_that_cannot_be_opened_is_a_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    app = new_app(tmp_path, results_db=str(blocker / "results.sqlite3"), trainee="ana")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert "No progress to show" in _text(screen, "#progress-message")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_snapshot(tmp_path: Path, snapshot, language: str, size: tuple[int, int]) -> None:
    snapshot.snapshot_dir = SNAPSHOTS
    app = new_app(tmp_path, results_db=_store(tmp_path), trainee="ana", language=language)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, ProgressScreen)
        snapshot.assert_match(
            app.export_screenshot(), f"progress-{language}-{size[0]}x{size[1]}.svg"
        )


async def test_no_trainee_is_said(tmp_path: Path) -> None:
    app = new_app(tmp_path, results_db=str(tmp_path / "r.sqlite3"), trainee="", language="es")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ProgressScreen)
        assert "CRISISDRILL_TRAINEE" in _text(screen, "#progress-message")
