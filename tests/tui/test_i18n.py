"""Both interface languages say the same things."""

from __future__ import annotations

import string

from game.tui.i18n import LANGUAGES, STRINGS, tr


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_have_exactly_the_same_keys() -> None:
    assert set(STRINGS) == set(LANGUAGES) == {"es", "en"}
    assert set(STRINGS["es"]) == set(STRINGS["en"])


def test_both_languages_use_the_same_placeholders() -> None:
    for key, spanish in STRINGS["es"].items():
        assert _placeholders(spanish) == _placeholders(STRINGS["en"][key]), key


def test_values_are_inserted_as_they_are() -> None:
    assert tr("en", "notice.banned", handle="{0.__class__}[b]") == "{0.__class__}[b] banned."
