"""A trainee's name as typed at the door, made one clean line of plain text."""

from __future__ import annotations

import unicodedata

MAX_TRAINEE_NAME = 40
"""The longest name a trainee may take (characters)."""


def clean_name(typed: str) -> str | None:
    """The name a trainee typed, ready to be their seat's; None when it cannot be one.

    Unicode is composed (NFC), so that "José" typed either way is one name; runs of
    spaces become one and the ends are trimmed. A name must then be 1 to
    ``MAX_TRAINEE_NAME`` printable characters: no control characters, no line breaks.

    Args:
        typed: the name as the browser sent it.

    Returns:
        The clean name, or None.
    """
    composed = unicodedata.normalize("NFC", typed)
    name = " ".join(part for part in composed.split(" ") if part)
    if not 0 < len(name) <= MAX_TRAINEE_NAME or not name.isprintable():
        return None
    return name
