"""Without --lang, the language comes from the user's locale (LC_ALL, LC_MESSAGES, LANG)."""

from __future__ import annotations

import pytest

from game.paths import locale_language
from tests.conftest import MINIMAL
from tests.helpers import run_cli


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "en_GB"}, "en"),
        ({"LANG": "es_MX@euro"}, "es"),
        ({"LANG": "C"}, None),
        ({"LANG": "POSIX"}, None),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANG": "fr_FR.UTF-8"}, None),
        ({}, None),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es"),
        ({"LANG": "es_ES", "LC_MESSAGES": "es_ES", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "es_ES", "LC_ALL": ""}, "es"),  # an empty variable is not set
    ],
)
def test_locale_language_follows_posix_precedence(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: str | None
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert locale_language() == expected


def test_play_without_lang_speaks_the_locale_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert "Community rules:" in run_cli(capsys, "play", str(MINIMAL)).out
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    assert "Normas de la comunidad:" in run_cli(capsys, "play", str(MINIMAL)).out


def test_lang_option_wins_over_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "es_ES.UTF-8")
    assert "Community rules:" in run_cli(capsys, "play", str(MINIMAL), "--lang", "en").out
