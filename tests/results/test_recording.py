"""Recording real logs: the debrief's scoring, import, rebuild, forget, and the CLI."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from game.cli import main
from game.journal.events import SessionLabels
from game.results.queries import stored_sessions, trainees
from game.scenario import LoadedScenario
from game.services.results import (
    PARALLEL_FROM,
    Recorded,
    import_logs,
    open_store,
    rebuild,
    score_and_record,
    session_logs,
)
from tests.results.logs import played_log


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory, engine_scenario: LoadedScenario) -> Path:
    """Two trainees' logs and a bot's, played once for the module."""
    folder = tmp_path_factory.mktemp("logs")
    played_log(engine_scenario, folder, seed=1, trainee="Ana")
    played_log(
        engine_scenario,
        folder,
        seed=2,
        trainee="Luis",
        policy="ignorer",
        labels=SessionLabels("practice", "", "2026-11-03T10:30:00+01:00"),
    )
    played_log(engine_scenario, folder, seed=3, trainee=None)
    return folder


@pytest.fixture
def copied(logs: Path, tmp_path: Path) -> Path:
    """The logs in a folder of this test's own (tests delete and damage them)."""
    return Path(shutil.copytree(logs, tmp_path / "logs"))


def test_a_finished_session_is_scored_and_recorded_in_one_pass(
    copied: Path, sqlite_url: str
) -> None:
    log = next(copied.glob("*seed1*"))
    done = score_and_record(log, sqlite_url)
    assert done.record_problem is None
    [stored] = stored_sessions(open_store(sqlite_url))
    card = done.scored.scorecard
    assert (stored.trainee, stored.cohort, stored.mode) == ("Ana", "Madrid-1", "exam")
    assert stored.started_at == datetime(2026, 11, 2, 9, 0)
    assert (stored.overall, stored.final_phase) == (card.overall, card.final_phase)
    assert stored.dimensions == {d.name: d.score for d in card.dimensions}
    assert stored.pass_mark == 70 and stored.passed == (card.overall >= 70)
    assert stored.log_path == str(log.resolve()) and stored.complete


def test_a_store_that_cannot_be_written_does_not_stop_the_debrief(copied: Path) -> None:
    log = next(copied.glob("*seed1*"))
    done = score_and_record(log, "postgresql://nobody:secret@127.0.0.1:1/none")
    assert done.scored.scorecard.overall >= 0
    assert done.record_problem is not None
    assert "127.0.0.1" in done.record_problem and "secret" not in done.record_problem


def test_import_records_trainees_leaves_bots_out_and_skips_a_damaged_log(
    copied: Path, sqlite_url: str
) -> None:
    damaged = copied / "damaged.jsonl"
    lines = next(copied.glob("*seed1*")).read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5][: len(lines[5]) // 2]  # a line torn in the middle of the log
    damaged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = open_store(sqlite_url)

    report = import_logs(store, session_logs([copied]))

    assert report.outcomes[Recorded.NEW] == 2
    assert report.simulated == 1
    assert len(report.skipped) == 1 and "damaged.jsonl" in report.skipped[0]
    assert {s.trainee for s in stored_sessions(store)} == {"Ana", "Luis"}
    again = import_logs(store, session_logs([copied]), include_simulated=True)
    assert (again.outcomes[Recorded.KNOWN], again.outcomes[Recorded.NEW]) == (2, 1)


def test_rebuild_makes_the_store_again_from_the_logs(copied: Path, sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    import_logs(store, session_logs([copied]), include_simulated=True)
    before = [(s.log_hash, s.overall) for s in stored_sessions(store, include_simulated=True)]
    next(copied.glob("*seed2*")).unlink()

    report = rebuild(store)

    after = stored_sessions(store, include_simulated=True)
    assert sorted((s.log_hash, s.overall) for s in after) == sorted(
        pair for pair in before if pair[0] in {s.log_hash for s in after}
    )
    assert {s.trainee for s in after} == {"Ana", "bot:ideal"}
    assert any("is gone" in problem for problem in report.skipped)


def test_results_commands_say_what_they_did(
    copied: Path, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["results", "import", str(copied), "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert "imported: 2 new, 0 scored anew, 0 already there" in out
    assert "1 bots' sessions left out" in out

    assert main(["results", "forget", "--trainee", "Ana", "--logs", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert "forgot trainee 'Ana': 1 sessions, 1 scorings" in out
    assert "deleted 1 session logs" in out
    assert not list(copied.glob("*seed1*"))

    assert main(["results", "forget", "--trainee", "Ana", "--db", sqlite_url]) == 1
    assert "no sessions of trainee 'Ana'" in capsys.readouterr().err


def test_bad_store_urls_and_paths_get_a_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["results", "import", str(tmp_path / "none"), "--db", str(tmp_path / "x.db")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["results", "rebuild", "--db", "mysql://u:pw@host/db"]) == 1
    err = capsys.readouterr().err
    assert "SQLite (a file) or PostgreSQL" in err and "pw" not in err
    assert "Traceback" not in err
    assert main(["results", "rebuild", "--db", "postgresql://u:pw@127.0.0.1:1/x"]) == 1
    err = capsys.readouterr().err
    assert "results store postgresql+psycopg://u:***@127.0.0.1:1/x" in err


def test_simulate_records_only_when_asked(sqlite_url: str) -> None:
    assert main(["simulate", "rebajas", "--policy", "ignorer", "--db", sqlite_url]) == 0
    assert stored_sessions(open_store(sqlite_url), include_simulated=True) == []
    args = ["simulate", "rebajas", "--policy", "ignorer", "--record", "--db", sqlite_url]
    assert main(args) == 0
    [stored] = stored_sessions(open_store(sqlite_url), include_simulated=True)
    assert (stored.trainee, stored.mode) == ("bot:ignorer", "simulated")


def test_the_store_follows_crisisdrill_db(
    copied: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "team.sqlite3"
    monkeypatch.setenv("CRISISDRILL_DB", str(target))
    assert main(["results", "import", str(copied)]) == 0
    assert len(stored_sessions(open_store(str(target)))) == 2


def test_many_logs_are_scored_in_worker_processes_and_all_recorded(
    copied: Path, sqlite_url: str
) -> None:
    source = next(copied.glob("*seed1*")).read_text(encoding="utf-8").split("\n", 1)
    header = json.loads(source[0])
    many = copied / "many"
    many.mkdir()
    for number in range(PARALLEL_FROM + 2):
        header["trainee"] = f"trainee-{number}"
        text = json.dumps(header, ensure_ascii=False) + "\n" + source[1]
        (many / f"log-{number}.jsonl").write_text(text, encoding="utf-8")
    (many / "log-broken.jsonl").write_text("{}\n", encoding="utf-8")
    store = open_store(sqlite_url)

    report = import_logs(store, session_logs([many]))

    assert report.outcomes[Recorded.NEW] == PARALLEL_FROM + 2
    assert len(report.skipped) == 1 and "log-broken.jsonl" in report.skipped[0]
    assert len(trainees(store)) == PARALLEL_FROM + 2


def test_a_workshop_session_is_recorded_with_its_round(
    tmp_path: Path, engine_scenario: LoadedScenario, sqlite_url: str
) -> None:
    labels = SessionLabels("practice", "", "2026-12-06T21:00:00+00:00", round="r-1")
    log = played_log(engine_scenario, tmp_path, seed=4, trainee="Eva", labels=labels)
    assert score_and_record(log, sqlite_url).record_problem is None
    store = open_store(sqlite_url)
    [stored] = stored_sessions(store, round_id="r-1")
    assert (stored.trainee, stored.round_id) == ("Eva", "r-1")
    assert stored_sessions(store, round_id="r-2") == []
