"""The debrief leads with the few lessons that mattered, and folds repeated findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Static

from game.scenario.catalog import resolve_scenario
from game.tui.app import CrisisApp
from game.tui.screens.console import ConsoleScreen
from game.tui.screens.debrief import DebriefScreen
from game.tui.widgets.feed import Feed
from game.tui.widgets.findings import FindingsList
from game.vocabulary import RULES
from tests.tui.helpers import (
    SIZE,
    SNAPSHOTS,
    act_on,
    finish_session,
    new_app,
    settle,
    start_session,
)

CARELESS = {
    "es": "Mira la web, no es culpa nuestra.",
    "en": "Check the website, it is not our fault.",
}
TOP = {"es": "Lo que más importó", "en": "What mattered most"}
SMALL = (80, 24)


async def _careless_session(pilot, app: CrisisApp, language: str) -> DebriefScreen:
    """Ten minutes of rebajas with one dismissive reply, then leave: a careless session."""
    await start_session(pilot, 3)
    assert app.game is not None
    first = app.game.session.post_order[0]
    await act_on(pilot, app, first, "r", CARELESS[language])
    app.advance_clock(7 * 60)
    await pilot.pause()
    await finish_session(pilot)
    debrief = app.screen
    assert isinstance(debrief, DebriefScreen) and debrief.card is not None
    return debrief


def _screen_text(app: CrisisApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("language", ["es", "en"])
async def test_lessons_come_first_and_repeats_open_on_enter(tmp_path: Path, language: str) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language=language, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        debrief = await _careless_session(pilot, app, language)
        listing = debrief.query_one(FindingsList)
        kinds = [entry.kind for entry in listing.entries]
        assert kinds[0] == "heading"
        lessons = [entry for entry in listing.entries if entry.kind == "lesson"]
        assert 3 <= len(lessons) <= 5
        assert kinds.index("lesson") < kinds.index("group")
        screen = _screen_text(app)
        assert TOP[language] in screen
        # Spanish output names rules in Spanish; English keeps the slugs.
        named = [rule for rule in RULES.values() if f"{rule.id} {rule.name(language)}" in screen]
        assert named
        if language == "es":
            assert not [rule for rule in RULES.values() if f"{rule.id} {rule.slug}" in screen]
        # A group of repeats is one line; Enter opens it to each finding and closes it.
        group_at = kinds.index("group")
        group = listing.groups[listing.entries[group_at].group or 0]
        assert group.count > 1
        listing.highlighted = group_at
        await pilot.pause()
        before = len(listing.entries)
        await pilot.press("enter")
        await pilot.pause()
        assert len(listing.entries) == before + group.count
        assert app.screen is debrief  # opening a group does not leave the debrief
        await pilot.press("enter")
        await pilot.pause()
        assert len(listing.entries) == before


async def test_g_on_a_lesson_goes_to_its_example_post(tmp_path: Path) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language="es", seed=1)
    async with app.run_test(size=SIZE) as pilot:
        debrief = await _careless_session(pilot, app, "es")
        listing = debrief.query_one(FindingsList)
        at = next(
            i
            for i, entry in enumerate(listing.entries)
            if entry.kind == "lesson" and entry.finding and entry.finding.post_id
        )
        listing.highlighted = at
        example = listing.entries[at].finding
        assert example is not None and example.post_id is not None
        await pilot.pause()
        post_box = str(debrief.query_one("#debrief-post", Static).visual)
        assert example.post_id in post_box
        assert "chirp ·" not in post_box  # the channel by its name, not its id
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ConsoleScreen)
        assert app.screen.query_one(Feed).current_post_id == example.post_id


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["120x40", "80x24"])
@pytest.mark.parametrize("language", ["es", "en"])
async def test_debrief_summary_snapshot(
    tmp_path: Path, snapshot, language: str, size: tuple[int, int]
) -> None:
    snapshot.snapshot_dir = SNAPSHOTS
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language=language, seed=1)
    async with app.run_test(size=size) as pilot:
        debrief = await _careless_session(pilot, app, language)
        # The log's folder differs per run: the line naming it is fixed for the snapshot.
        debrief.query_one("#debrief-export", Static).update(Content("log: <tmp>"))
        await pilot.pause()
        assert TOP[language] in _screen_text(app)
        name = f"debrief-lessons-{language}-{size[0]}x{size[1]}.svg"
        snapshot.assert_match(app.export_screenshot(), name)


async def test_at_60x20_the_lessons_keep_their_heading_and_the_scores_stay(tmp_path: Path) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language="es", seed=1)
    async with app.run_test(size=(60, 20)) as pilot:
        debrief = await _careless_session(pilot, app, "es")
        await pilot.pause()
        screen = _screen_text(app)
        assert TOP["es"] in screen and "Total" in screen
        assert not debrief.query_one("#debrief-post-box").display  # `g` shows the post
        listing = debrief.query_one(FindingsList)
        assert listing.size.width >= 26
        await pilot.press("end")
        await pilot.pause()
        assert listing.highlighted == len(listing.entries) - 1
        assert listing.scroll_offset.y == listing.max_scroll_y > 0
