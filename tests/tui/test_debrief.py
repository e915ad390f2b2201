"""The debrief: findings in time order, the trainee's words, the jump to a post, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Static

from game.scenario.catalog import resolve_scenario
from game.tui.screens.debrief import DebriefScreen, finding_content
from game.tui.themes import HIGH_CONTRAST
from game.tui.widgets.feed import Feed
from tests.tui.helpers import SIZE, act_on, console, new_app, post_from, settle


async def test_findings_jump_to_their_post_and_reports_export(tmp_path: Path) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario("rebajas"), language="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(2 * 60)
        await pilot.pause()
        complaint = post_from(app, "inject:complaint_first")
        await act_on(pilot, app, complaint, "r", "So sorry! Check our returns page.")
        app.advance_clock(60 * 60)  # to the end: the debrief opens by itself
        await settle(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen) and debrief.card is not None
        times = [finding.time for finding in debrief.findings]
        assert times == sorted(times)
        # The trainee's words are a styled span of plain text, not markup.
        with_words = next(f for f in debrief.findings if f.evidence is not None)
        content = finding_content(with_words, "en")
        assert with_words.evidence is not None
        assert with_words.evidence.words in content.plain
        assert any(span.style == "bold reverse" for span in content.spans)
        # Jump to the post of a finding about one.
        debrief.highlight(next(f for f in debrief.findings if f.post_id == complaint.id))
        await pilot.press("g")
        await pilot.pause()
        screen = console(app)
        assert screen.query_one(Feed).current_post_id == complaint.id
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.id == "debrief"
        for key, suffix in (("m", "md"), ("t", "html"), ("j", "json")):
            await pilot.press(key)
            await pilot.pause()
            assert debrief.exported[-1].suffix == f".{suffix}"
        report = json.loads(debrief.exported[-1].read_text(encoding="utf-8"))
        assert report["overall"] == debrief.card.overall
        assert not list((tmp_path / "reports").glob(".*partial"))


async def test_themes_dark_light_and_high_contrast(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"
        await pilot.press("ctrl+t")
        assert app.theme == HIGH_CONTRAST.name
        await pilot.press("ctrl+t")
        assert app.theme == "textual-dark"


@pytest.mark.parametrize(
    ("language", "trainee", "shown"),
    [
        ("en", "Ana Ruiz", "Trainee: Ana Ruiz"),
        ("es", "Ana Ruiz", "Participante: Ana Ruiz"),
        ("en", "", "Trainee: —"),
        ("es", "  ", "Participante: —"),
        ("en", "[b]Ana[/b]", "Trainee: [b]Ana[/b]"),  # plain text, not markup
    ],
)
async def test_the_debrief_names_the_trainee(
    tmp_path: Path, language: str, trainee: str, shown: str
) -> None:
    app = new_app(
        tmp_path, scenario=resolve_scenario("rebajas"), language=language, trainee=trainee
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.advance_clock(60)
        await pilot.pause()
        await pilot.press("x")  # finish now
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        debrief = app.screen
        assert isinstance(debrief, DebriefScreen) and debrief.card is not None
        lines = str(debrief.query_one("#debrief-scores", Static).visual).splitlines()
        assert lines[1] == shown
        assert shown in app.export_screenshot().replace("&#160;", " ")
