"""The picker lists scenarios in learning order and marks where to start."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from game.tui.screens.picker import PickerScreen
from tests.tui.helpers import SIZE, new_app, settle

RANKS = {"introductory": 0, "intermediate": 1, "hard": 2}
MARKS = {"es": "▶ empieza aquí", "en": "▶ start here"}


@pytest.mark.parametrize("language", ["es", "en"])
async def test_picker_is_in_learning_order_with_start_here(tmp_path: Path, language: str) -> None:
    app = new_app(tmp_path, language=language)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        keys = [
            (RANKS[e.difficulty], e.text(e.title, language).casefold()) for e in picker.scenarios
        ]
        assert keys == sorted(keys)
        assert picker.scenarios[0].difficulty == "introductory"
        options = picker.query_one("#picker-list", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert MARKS[language] in prompts[0]
        assert sum(MARKS[language] in prompt for prompt in prompts) == 1


async def test_changing_language_keeps_the_same_scenario_highlighted(tmp_path: Path) -> None:
    app = new_app(tmp_path, language="es")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen)
        for _ in range([entry.id for entry in picker.scenarios].index("rebajas")):
            await pilot.press("down")
        await pilot.press("l")
        await pilot.pause()
        english = app.screen
        assert isinstance(english, PickerScreen) and english.language == "en"
        index = english.query_one("#picker-list", OptionList).highlighted
        assert index is not None and english.scenarios[index].id == "rebajas"
