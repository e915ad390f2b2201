"""Untrusted text reaches the terminal inert: escapes shown, never obeyed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len, get_character_cell_size

from game.inert import cell_safe, inert
from game.scenario.diagram import mermaid_diagram
from scoring.report.markdown import code_span
from tests.conftest import MINIMAL
from tests.helpers import run_cli

ESC = "\x1b"


def test_control_escape_and_bidi_characters_become_visible() -> None:
    assert inert("ok\x1b]52;c;SGVsbG8=\x07") == "ok\\x1b]52;c;SGVsbG8=\\x07"
    assert inert("fill\x1b#8") == "fill\\x1b#8"
    assert inert("admin\u202etxt.exe") == "admin\\u202etxt.exe"
    assert inert("broken \udcff byte") == "broken \\udcff byte"
    assert inert("\x9b31m") == "\\x9b31m"  # the one-byte CSI of C1
    assert (
        inert("Rebajas: ¡la foto y la realidad! 🙃\n\tok")
        == "Rebajas: ¡la foto y la realidad! 🙃\n\tok"
    )


def test_one_line_values_cannot_start_a_new_line() -> None:
    assert inert("title\nID  forged", one_line=True) == "title\\nID  forged"
    assert inert("a\r\tb", one_line=True) == "a\\r\\tb"
    assert inert("plain", one_line=True) == "plain"


def _scenario_with(tmp_path: Path, name: str, extra: str = "", title: str | None = None) -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    if title is not None:
        text = re.sub(
            r"title: \{es: Mínimo, en: Minimal\}", f"title: {{es: {title}, en: {title}}}", text
        )
    path = tmp_path / name
    path.write_text(text + extra, encoding="utf-8")
    return path


def test_a_key_holding_an_escape_sequence_is_shown_not_sent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _scenario_with(tmp_path, "esc.yaml", '"\\e]52;c;SGVsbG8=\\a": 1\n')
    result = run_cli(capsys, "validate", str(path))
    assert result.code == 1
    assert ESC not in result.err and "\x07" not in result.err
    assert "unknown key '\\x1b]52;c;SGVsbG8=\\x07'" in result.err


def test_a_title_with_a_line_break_cannot_forge_a_row_in_list(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    folder = isolated_data_dir / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    _scenario_with(
        folder, "forged.yaml", title='"Real\\nfake  intermediate  9 min  es  user  Forged"'
    )
    table = run_cli(capsys, "list")
    rows = [line for line in table.out.splitlines() if "Real" in line or "Forged" in line]
    assert len(rows) == 1 and rows[0].startswith("minimal ")


@pytest.mark.parametrize("title", ["*bold", "'quoted", "!!python/object x", 'say "hi"'])
def test_a_diagram_title_is_always_a_title(tmp_path: Path, title: str) -> None:
    from game.scenario import load_scenario

    loaded = load_scenario(MINIMAL)
    meta = loaded.scenario.meta.model_copy(update={"title": {"es": title, "en": title}})
    diagram = mermaid_diagram(loaded.scenario.model_copy(update={"meta": meta}))
    front = diagram.splitlines()[1]
    assert front.startswith("title: ")
    parsed = json.loads(front.removeprefix("title: "))  # a quoted YAML scalar
    assert isinstance(parsed, str) and parsed.strip() and set(parsed) <= set(title)


def test_a_code_span_holds_backticks_and_line_breaks() -> None:
    assert code_span("phase`<b>x</b>") == "``phase`<b>x</b>``"
    assert code_span("`edge") == "`` `edge ``"
    assert code_span("two\nlines") == "`two lines`"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("⛴️ Ferry", "⛴ Ferry"),  # VS16 after a narrow ship: the ship stays narrow
        ("🌬️ viento", "🌬 viento"),
        ("👍🏽", "👍"),  # the skin tone goes
        ("👨\u200d👩\u200d👧", "👨👩👧"),  # a ZWJ family: each person, side by side
        ("🇪🇸 España", "[ES] España"),  # a flag: its letters
        ("🇪", "E"),  # one regional indicator (typed before its pair): its letter
        ("1️⃣ uno, #️⃣", "[1] uno, [#]"),  # keycaps: their keys
        ("🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "🏴"),  # tags
        ("❤️☹️", "❤☹"),
        ("a\u200bb\u2060c\ufeff", "abc"),  # zero-width spaces and joiners
        ("Nombre\u3164", "Nombre"),  # a Hangul filler: a blank "name"
        (
            "¿Dónde está mi reserva? ¡Año nuevo, señor!",
            "¿Dónde está mi reserva? ¡Año nuevo, señor!",
        ),
        ("Pedi\u0301 una devolucio\u0301n", "Pedí una devolución"),  # decomposed: composed
        ("Todo bien 😀🙃 日本", "Todo bien 😀🙃 日本"),  # ordinary wide characters stay
        ("", ""),
    ],
)
def test_cell_safe_shows_emoji_sequences_as_terminals_draw_them(text: str, shown: str) -> None:
    assert cell_safe(text) == shown
    # The layout's width is the sum of each character's: nothing joins or vanishes.
    assert cell_len(cell_safe(text)) == sum(get_character_cell_size(c) for c in cell_safe(text))
    assert all(get_character_cell_size(c) > 0 for c in cell_safe(text))
    assert cell_safe(cell_safe(text)) == cell_safe(text)


def test_cell_safe_returns_plain_text_itself() -> None:
    text = "Rebajas: ¡la foto y la realidad!"
    assert cell_safe(text) is text
