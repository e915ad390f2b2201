"""The order a trainee meets scenarios in, and the words for their difficulty.

Shared by the picker and ``crisisdrill list``; light on purpose (no scenario model), as
the picker reads its list before the model is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

DIFFICULTIES = ("introductory", "intermediate", "hard")
"""Learning order: the first scenarios to play come first."""

DIFFICULTY_NAMES: dict[str, dict[str, str]] = {
    "es": {"introductory": "inicial", "intermediate": "intermedio", "hard": "difícil"},
    "en": {"introductory": "introductory", "intermediate": "intermediate", "hard": "hard"},
}

START_HERE = {"es": "empieza aquí", "en": "start here"}
"""The mark on the first scenario to play."""

Item = TypeVar("Item")


def difficulty_name(difficulty: str, language: str) -> str:
    """A difficulty in words of ``language`` (English if unknown), e.g. "intermedio"."""
    return DIFFICULTY_NAMES.get(language, DIFFICULTY_NAMES["en"]).get(difficulty, difficulty)


def learning_order(
    items: Sequence[Item], difficulty: Callable[[Item], str], title: Callable[[Item], str]
) -> list[Item]:
    """``items`` sorted introductory first, then intermediate, then hard; ties by title.

    Args:
        items: scenarios, as any front end holds them.
        difficulty: an item's difficulty.
        title: an item's title, in the language shown.

    Returns:
        A new list; unknown difficulties go last.
    """

    def key(item: Item) -> tuple[int, str]:
        rank = DIFFICULTIES.index(difficulty(item)) if difficulty(item) in DIFFICULTIES else 3
        return rank, title(item).casefold()

    return sorted(items, key=key)


def start_here(items: Sequence[Item], difficulty: Callable[[Item], str]) -> Item | None:
    """The first introductory item of a list in learning order (None if it has none)."""
    return next((item for item in items if difficulty(item) == DIFFICULTIES[0]), None)
