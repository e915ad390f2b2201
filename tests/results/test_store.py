"""The results store on SQLite and on a real PostgreSQL: record, read back, forget."""

from __future__ import annotations

from sqlalchemy import func, select

from game.results.queries import findings_of, stored_sessions, trainees
from game.results.schema import findings, scorings, sessions
from game.results.store import Recorded, ResultsStore
from tests.results.entries import START, scoring_entry, session_entry


def _count(store: ResultsStore, table: object) -> int:
    with store.engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_a_session_is_recorded_whole_and_read_back(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    assert store.record(session_entry(1, cohort="Madrid-1"), scoring_entry(64)) is Recorded.NEW
    [stored] = stored_sessions(store)
    assert (stored.trainee, stored.cohort, stored.scenario_id) == ("Ana", "Madrid-1", "rebajas")
    assert stored.overall == 64
    assert stored.dimensions == {
        "speed": 64,
        "empathy": 70,
        "channel": None,
        "honesty": 80,
        "containment": 50,
    }
    assert stored.started_at == START.replace(day=3)
    assert stored.passed is None  # practice passes nothing
    found = findings_of(store, [stored.scoring_id])[stored.scoring_id]
    assert [(f.rule, f.sign, f.cost) for f in found] == [
        ("P2", "-", 3.5),
        ("P2", "-", 3.5),
        ("E1", "+", 0.0),
    ]


def test_recording_the_same_log_twice_adds_nothing(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    store.record(session_entry(1), scoring_entry())
    assert store.record(session_entry(1), scoring_entry()) is Recorded.KNOWN
    assert (_count(store, sessions), _count(store, scorings), _count(store, findings)) == (1, 1, 3)


def test_a_newer_scorer_adds_a_scoring_and_keeps_the_old(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    store.record(session_entry(1), scoring_entry(50, version="0.2.0"))
    outcome = store.record(session_entry(1), scoring_entry(72, version="0.3.0", broken=0))
    assert outcome is Recorded.RESCORED
    assert _count(store, scorings) == 2
    [stored] = stored_sessions(store)
    assert (stored.overall, stored.scorer_version) == (72, "0.3.0")  # the newest is read
    with store.engine.connect() as connection:
        old = connection.execute(
            select(scorings.c.overall).where(scorings.c.scorer_version == "0.2.0")
        ).scalar_one()
    assert old == 50


def test_reading_filters_by_trainee_cohort_date_and_leaves_bots_out(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    store.record(session_entry(1, trainee="Ana", cohort="A"), scoring_entry())
    store.record(session_entry(2, trainee="Ana", cohort="A"), scoring_entry())
    store.record(session_entry(3, trainee="Luis", cohort="B"), scoring_entry())
    store.record(session_entry(4, trainee="bot:ideal", mode="simulated"), scoring_entry())
    assert [s.seed for s in stored_sessions(store, trainee="Ana")] == [1, 2]
    assert [s.trainee for s in stored_sessions(store, cohort="B")] == ["Luis"]
    assert [s.seed for s in stored_sessions(store, since=START.replace(day=4))] == [2, 3]
    assert len(stored_sessions(store, include_simulated=True)) == 4
    assert trainees(store) == ["Ana", "Luis"]
    assert trainees(store, cohort="A") == ["Ana"]


def test_an_exam_passes_at_its_pass_mark(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    store.record(session_entry(1, mode="exam"), scoring_entry(70))
    store.record(session_entry(2, mode="exam"), scoring_entry(69))
    assert [s.passed for s in stored_sessions(store)] == [True, False]


def test_forget_removes_every_row_of_one_trainee_only(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    store.record(session_entry(1, trainee="Ana"), scoring_entry())
    store.record(session_entry(1, trainee="Ana"), scoring_entry(version="0.3.0"))
    store.record(session_entry(2, trainee="Luis"), scoring_entry())
    gone = store.forget("Ana")
    assert (gone.sessions, gone.scorings, gone.findings) == (1, 2, 6)
    assert gone.log_paths == ("/logs/Ana-1.jsonl",)
    assert trainees(store) == ["Luis"]
    assert (_count(store, sessions), _count(store, scorings), _count(store, findings)) == (1, 1, 3)
    assert store.forget("Ana").sessions == 0


def test_odd_text_is_kept_as_it_was(store_url: str) -> None:
    store = ResultsStore.open(store_url)
    name = "Zoë [@click=app.quit] 'O''Brien'; DROP TABLE sessions;--"
    store.record(session_entry(1, trainee=name, cohort="Ω 🌬️"), scoring_entry())
    [stored] = stored_sessions(store, trainee=name)
    assert (stored.trainee, stored.cohort) == (name, "Ω 🌬️")
