r"""Untrusted text made inert for a terminal: control and escape characters shown, not obeyed.

Scenario files and session logs travel between people, so a key, a title or a post can
hold ``ESC ] 52`` (write the clipboard), ``ESC # 8`` (fill the screen) or a bidi override
that reorders a line. Everything the command line prints passes through ``inert``: such
characters come out as visible escapes (``\x1b``, ``\u202e``) and mean nothing to the
terminal. Imports nothing of ours, so every layer can use it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TextIO

_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Invisible characters that reorder or isolate text (Trojan-source tricks)."""

_KEPT = frozenset("\n\t")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _is_active(char: str, keep: frozenset[str]) -> bool:
    if char in keep:
        return False
    if char in _BIDI:
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Cs") or char in ("\u2028", "\u2029")


_ACTIVE_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u2028\u2029\ud800-\udfff]"
)
"""A fast first pass: the characters ``_is_active`` may flag (with line breaks kept)."""


def inert(text: str, *, one_line: bool = False) -> str:
    r"""Make a text safe to print: control, escape and bidi characters become visible.

    Args:
        text: any text, e.g. a scenario key or a log's phase name.
        one_line: also show line breaks and tabs as ``\n``, ``\r`` and ``\t``, so that
            a value cannot start a new row of a table or a new line of a file.

    Returns:
        The text, unchanged when it holds nothing active.
    """
    if one_line:
        if not _ACTIVE_RE.search(text) and "\n" not in text and "\t" not in text:
            return text
        return "".join(_visible(c) if _is_active(c, frozenset()) else c for c in text)
    if not _ACTIVE_RE.search(text):
        return text
    return "".join(_visible(c) if _is_active(c, _KEPT) else c for c in text)


class InertStream:
    """A text stream that writes everything through ``inert`` (line breaks kept).

    Args:
        stream: the real stream (standard output or error).
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` made inert; return how many characters were given."""
        self._stream.write(inert(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        # flush, fileno, isatty, encoding...: those of the real stream.
        return getattr(self._stream, name)


_KEYCAP_RE = re.compile("([0-9#*])\ufe0f?\u20e3")
"""A keycap emoji (``1️⃣``): a digit, ``#`` or ``*``, maybe VS16, then the enclosing keycap."""

_FLAG_RE = re.compile("[\U0001f1e6-\U0001f1ff]{2}")
"""A flag (``🇪🇸``): a pair of regional indicator letters."""

_INDICATOR_RE = re.compile("[\U0001f1e6-\U0001f1ff]")
"""One regional indicator on its own (typed key by key, a flag comes one at a time)."""

_INDICATOR_A = 0x1F1E6

_ZERO_WIDTH_RE = re.compile(
    "[\ufe00-\ufe0f\U000e0100-\U000e01ef"  # variation selectors (VS16 asks for emoji width)
    "\u200b-\u200d\u2060-\u2064\ufeff\u034f\u180e"  # zero-width spaces and joiners (ZWJ)
    "\U0001f3fb-\U0001f3ff"  # skin-tone modifiers: one cell or none, terminals disagree
    "\U000e0000-\U000e007f"  # tag characters (subdivision flags such as England's)
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers: blank "names" of no agreed width
    "]"
)

_PLAIN_RE = re.compile("[\x00-\u02ff]*")
"""Text made only of these (ASCII, Latin-1, Latin Extended) is already cell-safe."""


def _indicator_letter(char: str) -> str:
    return chr(ord(char) - _INDICATOR_A + ord("A"))


def _flag(match: re.Match[str]) -> str:
    return "[" + "".join(_indicator_letter(c) for c in match.group()) + "]"


def cell_safe(text: str) -> str:
    """Text for a terminal cell grid: as wide for the layout as the terminal draws it.

    A layout engine (Rich, under Textual) measures ``⛴️`` (a narrow ship plus VS16),
    ``👨‍👩‍👧`` (a family joined by ZWJ) or ``🇪🇸`` (two regional indicators) as one
    two-cell emoji, while many terminals advance one cell per code point or ignore
    VS16: every border after it on the line moves and stray characters stay behind.
    Here such sequences become text every terminal measures alike: the selectors,
    joiners, skin tones and tags go (``⛴``, ``👨👩👧``, ``👍``), a flag becomes its
    letters (``[ES]``; ``E`` for one alone), a keycap its key (``[1]``), and what is
    left after Unicode NFC composition has no zero-width combiners of these kinds.
    Ordinary accented text (``¿Dónde está mi reserva?``) and ordinary wide emoji
    (``😀``) stay as they are.

    For display: logs and scoring keep posts and names as they were written (the
    game's composer makes what is typed cell-safe, so a reply is sent as it was shown).

    Args:
        text: any text shown in the terminal game (a post, a name, a reply).

    Returns:
        The text to show; the same string when there is nothing to change.
    """
    if _PLAIN_RE.fullmatch(text):
        return text
    shown = unicodedata.normalize("NFC", text)
    shown = _KEYCAP_RE.sub(r"[\1]", shown)
    shown = _FLAG_RE.sub(_flag, shown)
    shown = _INDICATOR_RE.sub(lambda match: _indicator_letter(match.group()), shown)
    shown = _ZERO_WIDTH_RE.sub("", shown)
    # Enclosing marks (a keycap or circle left without its key) draw nowhere alike.
    if any(unicodedata.category(c) == "Me" for c in shown):
        shown = "".join(c for c in shown if unicodedata.category(c) != "Me")
    return shown
