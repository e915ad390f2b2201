"""``progress`` over a real store (SQLite and PostgreSQL), as a service and a command."""

from __future__ import annotations

import json

import pytest

from game.results.progress import IMPROVING, WORSENING
from game.results.store import ResultsStore
from game.services.progress import NoSessions, cohort_progress, trainee_progress
from tests.helpers import run_cli
from tests.results.synthetic import record, record_history


def test_a_trainees_progress_from_the_store(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    record_history(store, "ana", 12, cohort="g1")
    record_history(store, "luis", 3, cohort="g1")
    known = trainee_progress(store, "ana")
    progress = known.progress
    assert len(progress.sessions) == 12
    assert progress.sessions[0].started_at < progress.sessions[-1].started_at
    trends = {m.rule: m.trend for m in progress.mastery}
    assert trends["P2"] == IMPROVING and trends["C2"] == WORSENING
    assert progress.mastery[0].rule == "E1"  # broken every time
    assert progress.recommendations  # built-in scenarios from the exercises file
    rows = cohort_progress(store, "g1")
    assert [(row.trainee, row.sessions) for row in rows] == [("ana", 12), ("luis", 3)]


def test_no_sessions_is_said_with_how_many_trainees_there_are(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    with pytest.raises(NoSessions, match="no sessions recorded yet"):
        trainee_progress(store, "ana")
    record(store, "luis", 0)
    with pytest.raises(NoSessions, match="sessions of 1 trainee "):
        trainee_progress(store, "ana")


def test_the_command_in_english_and_spanish(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = ResultsStore.open(sqlite_url)
    record_history(store, "ana", 8)
    english = run_cli(capsys, "progress", "--trainee", "ana", "--db", sqlite_url, "--lang", "en")
    assert english.code == 0, english.err
    for words in ("Progress of ana: 8 sessions", "Rule mastery", "↑ improving", "↓ worsening"):
        assert words in english.out
    assert "What to play next" in english.out and "Exams" in english.out
    spanish = run_cli(capsys, "progress", "--trainee", "ana", "--db", sqlite_url, "--lang", "es")
    assert "Dominio de las reglas" in spanish.out and "↑ mejora" in spanish.out
    assert "E1 empatiza" in spanish.out


def test_the_command_as_json(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = ResultsStore.open(sqlite_url)
    record_history(store, "ana", 8)
    result = run_cli(capsys, "progress", "--trainee", "ana", "--db", sqlite_url, "--json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["trainee"] == "ana"
    assert len(document["sessions"]) == 8
    assert document["mastery"][0]["rule"] == "E1"
    assert {"scenario", "mode", "rules", "reason"} <= set(document["next"][0])
    exams = {exam["scenario"]: exam for exam in document["exams"]}
    # sessions 3 and 7 are its exams: 45 + 3 * 5 = 60, then 45 + 7 * 5 = 80 (pass mark 70)
    assert exams["mal_chiste"] == {
        "scenario": "mal_chiste",
        "attempts": 2,
        "best": 80,
        "pass_mark": 70,
        "passed": True,
    }


def test_the_cohort_view(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = ResultsStore.open(store_url)
    record_history(store, "ana", 6, cohort="g1")
    record_history(store, "bea", 4, cohort="g1")
    record_history(store, "otro", 4, cohort="g2")
    text = run_cli(capsys, "progress", "--cohort", "g1", "--db", store_url, "--lang", "en")
    assert text.code == 0, text.err
    assert "Cohort g1: 2 trainees" in text.out
    assert "otro" not in text.out
    assert "E1 empathize" in text.out
    document = json.loads(
        run_cli(capsys, "progress", "--cohort", "g1", "--db", store_url, "--json").out
    )
    assert [row["trainee"] for row in document["trainees"]] == ["ana", "bea"]


def test_unknown_trainee_and_empty_store_exit_1_without_traceback(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = run_cli(capsys, "progress", "--trainee", "ana", "--db", sqlite_url)
    assert empty.code == 1 and "no sessions recorded yet" in empty.err
    record(ResultsStore.open(sqlite_url), "luis", 0)
    unknown = run_cli(capsys, "progress", "--trainee", "ana", "--db", sqlite_url)
    assert unknown.code == 1 and "1 trainee" in unknown.err and "Traceback" not in unknown.err
    cohort = run_cli(capsys, "progress", "--cohort", "nadie", "--db", sqlite_url)
    assert cohort.code == 1 and "cohort 'nadie'" in cohort.err
    both = run_cli(capsys, "progress", "--trainee", "a", "--cohort", "b", "--db", sqlite_url)
    assert both.code == 2


def test_last_and_unmeasured_scenarios(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    store = ResultsStore.open(sqlite_url)
    record_history(store, "ana", 8)
    record(store, "ana", 9, scenario="mine", findings=())
    run = run_cli(
        capsys, "progress", "--trainee", "ana", "--db", sqlite_url, "--json", "--last", "4"
    )
    document = json.loads(run.out)
    assert document["window"] == 4
    assert document["not_recommended"] == ["mine"]  # a user scenario: not measured
    e1 = next(m for m in document["mastery"] if m["rule"] == "E1")
    assert (e1["practised"], e1["broken"]) == (3, 3)  # the last 4, one of them without findings
    text = run_cli(capsys, "progress", "--trainee", "ana", "--db", sqlite_url, "--lang", "en")
    assert "not recommended: mine" in text.out
