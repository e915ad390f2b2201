"""Plain-text output in Spanish has no English words; the list starts where a trainee should."""

from __future__ import annotations

import json
import re

import pytest

from tests.helpers import run_cli

ENGLISH = re.compile(r"\b(introductory|intermediate|hard|builtin|user|Run|Scenarios|DIFFICULTY)\b")


def test_spanish_briefing_names_the_difficulty_in_spanish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    result = run_cli(capsys, "play", "rebajas", "--lang", "es")
    assert result.out.splitlines()[0].endswith("(intermedio, 60 min)")
    assert not ENGLISH.search(result.out), ENGLISH.search(result.out)


def test_spanish_list_has_no_english_words(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (("list", "--lang", "es"), ("play", "--lang", "es")):
        out = run_cli(capsys, *args).out
        assert "DIFICULTAD" in out and "inicial" in out
        assert not ENGLISH.search(out), (args, ENGLISH.search(out))


def test_list_follows_the_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert run_cli(capsys, "list").out.startswith("ID  ")
    assert "DIFICULTAD" in run_cli(capsys, "list").out


@pytest.mark.parametrize(("language", "mark"), [("en", "← start here"), ("es", "← empieza aquí")])
def test_list_is_in_learning_order_with_a_start_here_mark(
    capsys: pytest.CaptureFixture[str], language: str, mark: str
) -> None:
    rows = run_cli(capsys, "list", "--lang", language).out.splitlines()[1:]
    entries = {e["id"]: e for e in json.loads(run_cli(capsys, "list", "--json").out)}
    ranks = {"introductory": 0, "intermediate": 1, "hard": 2}
    ids = [row.split()[0] for row in rows]
    keys = [
        (ranks[entries[i]["difficulty"]], entries[i]["title"][language].casefold()) for i in ids
    ]
    assert keys == sorted(keys)
    assert entries[ids[0]]["difficulty"] == "introductory"
    assert rows[0].endswith(mark)
    assert sum(mark in row for row in rows) == 1


def test_list_json_keeps_its_order_and_fields(capsys: pytest.CaptureFixture[str]) -> None:
    entries = json.loads(run_cli(capsys, "list", "--json").out)
    for entry in entries:
        assert set(entry) == {
            "id", "title", "summary", "languages", "difficulty", "duration_minutes", "source",
            "path",
        }  # fmt: skip
