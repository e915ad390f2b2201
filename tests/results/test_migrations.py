"""Migrations: a store of the first schema upgrades in place, and HEAD is the last one."""

from __future__ import annotations

from datetime import datetime

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from game.results.database import open_engine
from game.results.database import store_url as url_of
from game.results.migrate import HEAD, MIGRATIONS, migrate, schema_version
from game.results.queries import stored_sessions
from game.results.store import ResultsStore
from tests.results.entries import scoring_entry, session_entry


def test_head_is_the_newest_migration() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_a_first_version_store_upgrades_in_place_and_keeps_its_rows(store_url: str) -> None:
    engine = open_engine(url_of(store_url))
    migrate(engine, "0001")
    assert schema_version(engine) == "0001"
    moment = datetime(2026, 10, 1, 10, 0)
    with engine.begin() as connection:  # a session as version 0001 recorded it
        connection.execute(
            text(
                "INSERT INTO sessions (log_hash, log_path, trainee, cohort, scenario_id,"
                " scenario_hash, seed, language, mode, started_at, ended_at,"
                " duration_seconds, final_phase, complete, log_version, recorded_at)"
                " VALUES ('h1', '/l.jsonl', 'Ana', NULL, 'rebajas', 'x', 3, 'es', 'exam',"
                " :t, :t, 1800, 'contained', :yes, '0.2.0', :t)"
            ),
            {"t": moment, "yes": True},
        )
        connection.execute(
            text(
                "INSERT INTO scorings (session_id, scorer_version, scored_at, overall)"
                " VALUES (1, '0.2.0', :t, 75)"
            ),
            {"t": moment},
        )
    assert "pass_mark" not in {c["name"] for c in inspect(engine).get_columns("scorings")}

    store = ResultsStore(engine)  # opening a store migrates it

    assert schema_version(engine) == HEAD
    assert "pass_mark" in {c["name"] for c in inspect(engine).get_columns("scorings")}
    assert "ix_findings_rule" in {i["name"] for i in inspect(engine).get_indexes("findings")}
    [old] = stored_sessions(store)
    assert (old.trainee, old.overall, old.pass_mark) == ("Ana", 75, None)
    assert old.passed is True  # judged against the default pass mark (70)
    store.record(session_entry(1), scoring_entry())  # and the new schema takes new rows
    assert len(stored_sessions(store)) == 2


def test_opening_a_store_at_head_runs_no_migration(sqlite_url: str) -> None:
    store = ResultsStore.open(sqlite_url)
    store.record(session_entry(1), scoring_entry())
    again = ResultsStore.open(sqlite_url)
    assert schema_version(again.engine) == HEAD
    assert len(stored_sessions(again)) == 1


def test_a_0002_store_gains_rounds_and_keeps_its_rows(store_url: str) -> None:
    engine = open_engine(url_of(store_url))
    migrate(engine, "0002")
    moment = datetime(2026, 11, 1, 10, 0)
    with engine.begin() as connection:  # a session as version 0002 recorded it
        connection.execute(
            text(
                "INSERT INTO sessions (log_hash, log_path, trainee, cohort, scenario_id,"
                " scenario_hash, seed, language, mode, started_at, ended_at,"
                " duration_seconds, final_phase, complete, log_version, recorded_at)"
                " VALUES ('h2', '/l.jsonl', 'Ana', NULL, 'rebajas', 'x', 3, 'es', 'practice',"
                " :t, :t, 1800, 'contained', :yes, '0.3.0', :t)"
            ),
            {"t": moment, "yes": True},
        )
        connection.execute(
            text(
                "INSERT INTO scorings (session_id, scorer_version, scored_at, overall, pass_mark)"
                " VALUES (1, '0.3.0', :t, 64, 70)"
            ),
            {"t": moment},
        )
    assert "round_id" not in {c["name"] for c in inspect(engine).get_columns("sessions")}

    store = ResultsStore(engine)

    assert schema_version(engine) == HEAD
    assert "ix_sessions_round_id" in {i["name"] for i in inspect(engine).get_indexes("sessions")}
    [old] = stored_sessions(store)
    assert (old.trainee, old.overall, old.round_id) == ("Ana", 64, None)
    store.record(session_entry(1, round_id="2026-12-06-2105-rebajas"), scoring_entry())
    [played] = stored_sessions(store, round_id="2026-12-06-2105-rebajas")
    assert (played.trainee, played.seed, played.round_id) == ("Ana", 1, "2026-12-06-2105-rebajas")
    assert len(stored_sessions(store)) == 2
