"""Emoji in posts, names and replies do not move the borders of the screen.

A terminal advances its cursor code point by code point (most ignore VS16 and do not
join ZWJ sequences or flags), while the layout measures such sequences as one
two-cell emoji: a ``⛴️`` before a border drew that border a column to the left and
left the old one behind. The corpus, ``tests/data/wide.yaml``, is a copy of the
``turistas`` scenario with emoji sequences in its brand, a name, a channel and posts.

Each screen is checked line by line: drawn code point by code point, a line is as
wide as the terminal, and every border character sits in the column the layout gave
it (so the borders line up from line to line as the layout drew them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len, get_character_cell_size
from textual.strip import Strip

from game.inert import cell_safe
from game.scenario.catalog import resolve_scenario
from game.tui import CrisisApp
from game.tui.screens.debrief import DebriefScreen
from game.tui.widgets.composer import ComposerInput
from tests.tui.helpers import console, finish_session, new_app, post_from, start_session

WIDE = Path(__file__).parent.parent / "data" / "wide.yaml"

BORDERS = frozenset("│┃║▏▕▎▊▌▐█┆┊╎╏|")
"""Characters that draw a vertical border or a scroll bar."""

REPLY = "Sorry 🙏🏽 the ⛴️ stays in port 🌬️: refund or 1️⃣ free change 🇪🇸 👨‍👩‍👧"


def _terminal_width(text: str) -> int:
    """How far a terminal that knows no emoji sequences moves: code point by code point."""
    return sum(get_character_cell_size(char) for char in text)


def _screen_strips(app: CrisisApp) -> list[Strip]:
    # The composed screen, line by line (as tests/tui/test_debrief_lessons.py reads it).
    return list(app.screen._compositor.render_strips())


def assert_lines_up(app: CrisisApp) -> None:
    """Every line as wide as the screen, every border where the layout put it."""
    width = app.size.width
    problems: list[str] = []
    for row, strip in enumerate(_screen_strips(app)):
        start = terminal_column = 0  # where the segment starts in the layout; the cursor
        for segment in strip:
            for index, char in enumerate(segment.text):
                laid_out = start + cell_len(segment.text[:index])
                if char in BORDERS and laid_out != terminal_column:
                    problems.append(
                        f"line {row}: {char!r} drawn at {terminal_column}, laid out at "
                        f"{laid_out}: {strip.text!r}"
                    )
                terminal_column += get_character_cell_size(char)
            start += segment.cell_length
        if _terminal_width(strip.text) != width:
            problems.append(
                f"line {row}: {_terminal_width(strip.text)} cells drawn, the screen has "
                f"{width}: {strip.text!r}"
            )
    assert not problems, "\n".join(problems[:10])


def _screen_text(app: CrisisApp) -> str:
    return "\n".join(strip.text for strip in _screen_strips(app))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_emoji_do_not_move_the_borders(tmp_path: Path, size: tuple[int, int]) -> None:
    app = new_app(tmp_path, scenario=resolve_scenario(str(WIDE)), language="en")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert "Gale in port" in _screen_text(app)  # the briefing, with its emoji title
        assert_lines_up(app)
        await start_session(pilot, 9)
        assert_lines_up(app)
        post = post_from(app, "inject:port_confusion")
        assert console(app).select_post(post.id)
        await pilot.pause()
        assert_lines_up(app)  # the thread shows the post with its emoji
        await pilot.press("r")
        field = app.focused
        assert isinstance(field, ComposerInput)
        field.insert_text_at_cursor(REPLY)  # pasted, as a trainee would paste emoji
        await pilot.pause()
        assert field.value == cell_safe(REPLY)
        assert_lines_up(app)  # the composer's own border stays put
        await pilot.press("enter")
        await pilot.pause()
        assert_lines_up(app)
        influencer = post_from(app, "inject:blogger_callout")
        assert console(app).select_post(influencer.id)
        await pilot.pause()
        assert "Holly 👩👩👧 Brennan 👍" in _screen_text(app)
        assert_lines_up(app)
        log = app.log_path
        await finish_session(pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert_lines_up(app)
    assert log is not None
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    # The log keeps the posts as the scenario wrote them; the reply is what was sent.
    assert any("⛴️" in str(record.get("text", "")) for record in records)
    sent = [r["action"].get("text") for r in records if r["type"] == "action"]
    assert cell_safe(REPLY) in sent
