"""The projected join code: every character a code can hold has a glyph of one size."""

from __future__ import annotations

from game.workshop.bigcode import GLYPHS, HEIGHT, big_code, big_width
from game.workshop.round import CODE_ALPHABET


def test_every_code_character_has_a_five_by_five_glyph() -> None:
    assert set(GLYPHS) == set(CODE_ALPHABET)
    for glyph in GLYPHS.values():
        assert len(glyph) == HEIGHT and all(len(row) == 5 for row in glyph)
    assert len({glyph for glyph in GLYPHS.values()}) == len(GLYPHS)  # no two alike


def test_a_big_code_is_five_even_lines() -> None:
    lines = big_code("k7ax34").split("\n")
    assert len(lines) == HEIGHT
    assert {len(line) for line in lines} == {big_width("K7AX34")}
    assert big_code("?").strip() == ""  # not a code character: blank, never a crash
