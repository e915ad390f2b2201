"""The CSV export: documented columns, one row per session, cells a spreadsheet won't run."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from game.results.export_csv import COLUMNS, csv_rows, sessions_csv, spreadsheet_safe
from game.results.queries import stored_sessions
from game.results.store import ResultsStore
from tests.conftest import REPO_DIR
from tests.results.sessions import Sessions


def _rows(store: ResultsStore, **selection: object) -> list[dict[str, str]]:
    text = sessions_csv(stored_sessions(store, **selection))  # type: ignore[arg-type]
    return list(csv.DictReader(io.StringIO(text)))


def test_one_row_per_session_with_every_documented_column(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    recorded = Sessions(store)
    dimensions: dict[str, int | None] = {
        "speed": 70,
        "empathy": None,
        "channel": 80,
        "honesty": 90,
        "containment": 55,
    }
    recorded.add("Ana", mode="exam", overall=82, dimensions=dimensions)
    recorded.add("Luis", mode="practice", overall=40, cohort=None, duration_seconds=1830)
    text = sessions_csv(stored_sessions(store))
    assert text.splitlines()[0] == ",".join(column.name for column in COLUMNS)
    assert "\r" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["trainee"] for row in rows] == ["Ana", "Luis"]
    ana, luis = rows[0], rows[1]
    assert ana["mode"] == "exam"
    assert ana["passed"] == "true"
    assert ana["overall"] == "82"
    assert ana["speed"] == "70"
    assert ana["empathy"] == ""  # nothing to judge it on: an empty cell, not 0
    assert ana["started_at"] == "2026-12-01T09:00:00Z"
    assert ana["ended_at"] == "2026-12-01T09:40:00Z"
    assert ana["duration_minutes"] == "30"
    assert ana["cohort"] == "mañana"
    assert ana["complete"] == "true"
    assert ana["log_hash"] == recorded.hashes[0]
    assert luis["passed"] == ""  # practice: neither passed nor failed
    assert luis["cohort"] == ""
    assert luis["duration_minutes"] == "30.5"


def test_the_newest_scoring_is_the_one_exported(sqlite_url: str) -> None:
    store = ResultsStore.open(sqlite_url)
    recorded = Sessions(store)
    recorded.add("Ana", overall=50, scorer_version="0.1.0")
    recorded.recorded -= 1  # the same log again, scored by a newer version
    recorded.add("Ana", overall=64, scorer_version="0.2.0")
    rows = _rows(store)
    assert [(row["overall"], row["scorer_version"]) for row in rows] == [("64", "0.2.0")]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t=", "\r+"])
def test_a_cell_that_a_spreadsheet_would_run_gets_an_apostrophe(start: str) -> None:
    assert spreadsheet_safe(f'{start}HYPERLINK("http://x")') == f'\'{start}HYPERLINK("http://x")'


def test_harmless_text_and_numbers_are_left_alone(sqlite_url: str) -> None:
    assert spreadsheet_safe("Ana = jefa") == "Ana = jefa"
    store = ResultsStore.open(sqlite_url)
    Sessions(store).add("=1+1", cohort="@grupo", mode="exam", overall=0)
    (header, row) = csv_rows(stored_sessions(store))
    cells = dict(zip(header, row, strict=True))
    assert cells["trainee"] == "'=1+1"
    assert cells["cohort"] == "'@grupo"
    assert cells["overall"] == "0"
    assert cells["passed"] == "false"


def test_filters_by_trainee_cohort_date_and_bots(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    recorded = Sessions(store)
    recorded.add("Ana", cohort="mañana", started_at=datetime(2026, 11, 30, 23, 59))
    recorded.add("Ana", cohort="tarde", started_at=datetime(2026, 12, 2, 8, 0))
    recorded.add("Luis", cohort="mañana", started_at=datetime(2026, 12, 3, 8, 0))
    recorded.add("bot:ideal", mode="simulated", cohort=None, started_at=datetime(2026, 12, 3))

    def trainees(**selection: object) -> list[str]:
        return [row["trainee"] for row in _rows(store, **selection)]

    assert trainees() == ["Ana", "Ana", "Luis"]
    assert trainees(trainee="Ana") == ["Ana", "Ana"]
    assert trainees(cohort="mañana") == ["Ana", "Luis"]
    assert trainees(since=datetime(2026, 12, 1)) == ["Ana", "Luis"]
    assert trainees(include_simulated=True) == ["Ana", "Ana", "bot:ideal", "Luis"]


def test_every_column_is_described_and_in_the_readme() -> None:
    readme = (REPO_DIR / "README.md").read_text(encoding="utf-8")
    names = [column.name for column in COLUMNS]
    assert len(set(names)) == len(names)
    for column in COLUMNS:
        assert column.description
        row = f"| `{column.name}` | {column.description} |"
        assert row in readme, f"README's export table lacks or differs on: {row}"
