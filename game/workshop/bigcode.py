"""The join code in large block letters, to be read from the back of a room.

Only the characters a join code uses (``round.CODE_ALPHABET``) have a glyph; anything
else is drawn as a blank, so a glyph can never be missing from a projected code.
"""

from __future__ import annotations

GLYPHS: dict[str, tuple[str, ...]] = {
    "A": (" ███ ", "█   █", "█████", "█   █", "█   █"),
    "C": (" ████", "█    ", "█    ", "█    ", " ████"),
    "D": ("████ ", "█   █", "█   █", "█   █", "████ "),
    "E": ("█████", "█    ", "████ ", "█    ", "█████"),
    "F": ("█████", "█    ", "████ ", "█    ", "█    "),
    "H": ("█   █", "█   █", "█████", "█   █", "█   █"),
    "J": ("  ███", "    █", "    █", "█   █", " ███ "),
    "K": ("█   █", "█  █ ", "███  ", "█  █ ", "█   █"),
    "M": ("█   █", "██ ██", "█ █ █", "█   █", "█   █"),
    "N": ("█   █", "██  █", "█ █ █", "█  ██", "█   █"),
    "P": ("████ ", "█   █", "████ ", "█    ", "█    "),
    "R": ("████ ", "█   █", "████ ", "█  █ ", "█   █"),
    "T": ("█████", "  █  ", "  █  ", "  █  ", "  █  "),
    "U": ("█   █", "█   █", "█   █", "█   █", " ███ "),
    "V": ("█   █", "█   █", "█   █", " █ █ ", "  █  "),
    "W": ("█   █", "█   █", "█ █ █", "██ ██", "█   █"),
    "X": ("█   █", " █ █ ", "  █  ", " █ █ ", "█   █"),
    "Y": ("█   █", " █ █ ", "  █  ", "  █  ", "  █  "),
    "3": ("████ ", "    █", " ███ ", "    █", "████ "),
    "4": ("█   █", "█   █", "█████", "    █", "    █"),
    "7": ("█████", "    █", "   █ ", "  █  ", "  █  "),
    "9": (" ███ ", "█   █", " ████", "    █", " ███ "),
}
_BLANK = ("     ",) * 5
HEIGHT = 5
"""Rows of a big code."""


def big_code(code: str) -> str:
    """``code`` as five lines of block letters, two spaces between letters."""
    glyphs = [GLYPHS.get(char, _BLANK) for char in code.upper()]
    return "\n".join("  ".join(glyph[row] for glyph in glyphs) for row in range(HEIGHT))


def big_width(code: str) -> int:
    """How many columns ``big_code(code)`` takes."""
    return len(code) * 7 - 2 if code else 0
