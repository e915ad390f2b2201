"""A round: its code, its seat cookies, and its file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from game.workshop.round import CODE_ALPHABET, Round, RoundError


def _round() -> Round:
    return Round.create(
        "rebajas",
        "rebajas",
        language="es",
        seed=7,
        mode="practice",
        speed=2.0,
        now=datetime(2026, 12, 6, 21, 5, 0, tzinfo=UTC),
    )


def test_a_round_is_named_by_its_time_and_scenario_and_has_a_readable_code() -> None:
    made = _round()
    assert made.round_id == "2026-12-06-210500-rebajas"
    assert len(made.code) == 6 and set(made.code) <= set(CODE_ALPHABET)
    assert made.accepts(made.code.lower()[:3] + " " + made.code[3:])
    assert not made.accepts("")
    assert not made.accepts(_round().code + "X")


def test_a_seat_cookie_names_its_trainee_and_cannot_be_forged() -> None:
    made = _round()
    token = made.seat_token("Ana <b>Ruiz</b> 🌬️")
    assert made.trainee_of(token) == "Ana <b>Ruiz</b> 🌬️"
    forged = b"Luis".hex() + "." + token.partition(".")[2]
    assert made.trainee_of(forged) is None
    assert made.trainee_of("zz.00") is None
    assert made.trainee_of("") is None
    assert _round().trainee_of(token) is None  # another round's secret


def test_a_round_is_saved_for_its_games_and_read_back(tmp_path: Path) -> None:
    made = _round()
    made.save(tmp_path / "round")
    assert Round.load(tmp_path / "round") == made
    assert (tmp_path / "round" / "round.json").stat().st_mode & 0o077 == 0
    with pytest.raises(RoundError, match="not a workshop round"):
        Round.load(tmp_path)
    (tmp_path / "round.json").write_text("{}", encoding="utf-8")
    with pytest.raises(RoundError, match="not a workshop round's file"):
        Round.load(tmp_path)
