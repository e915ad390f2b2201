"""The class report of a real round: three trainees played one seed with different habits."""

from __future__ import annotations

import argparse
import csv
import io
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from game.cli import workshop_report
from game.journal.events import SessionLabels
from game.results.classreport import render_class_report
from game.scenario import LoadedScenario
from game.services.class_report import ClassDebrief, class_report
from game.services.errors import InputError
from game.workshop.round import Round, sessions_folder
from tests.conftest import ENGINE_SCENARIO, TESTS_DIR
from tests.results.logs import played_log

SNAPSHOTS = TESTS_DIR / "snapshots" / "class_report"
PLAYERS = (("ideal", "Ana"), ("corporate", "Luis"), ("ignorer", "Eva"))


@pytest.fixture(scope="module")
def played_round(tmp_path_factory: pytest.TempPathFactory, engine_scenario: LoadedScenario) -> Path:
    """A round's folder: its round.json and three trainees' logs of the same seed."""
    made = Round.create(
        str(ENGINE_SCENARIO),
        engine_scenario.scenario.meta.id,
        language=engine_scenario.scenario.meta.languages[0],
        seed=7,
        mode="practice",
        speed=4.0,
        now=datetime(2026, 12, 6, 21, 5, tzinfo=UTC),
    )
    folder = tmp_path_factory.mktemp("workshops") / made.round_id
    made.save(folder)
    labels = SessionLabels("practice", "", "2026-12-06T21:05:00+00:00", made.round_id)
    for policy, trainee in PLAYERS:
        played_log(
            engine_scenario,
            sessions_folder(folder),
            policy=policy,
            seed=made.seed,
            trainee=trainee,
            labels=labels,
        )
    return folder


@pytest.fixture
def copied(played_round: Path, tmp_path: Path) -> Path:
    """The round in a folder of this test's own (tests add damaged logs)."""
    return Path(shutil.copytree(played_round, tmp_path / played_round.name))


def _debrief(folder: Path, *, anonymous: bool = False) -> ClassDebrief:
    made = Round.load(folder)
    return class_report(
        sessions_folder(folder), anonymous=anonymous, language=made.language, round_id=made.round_id
    )


def test_the_report_ranks_the_three_trainees_and_compares_their_answers(
    played_round: Path,
) -> None:
    debrief = _debrief(played_round)
    report = debrief.report
    assert debrief.warnings == ()
    assert [row.name for row in report.leaderboard] == ["Ana", "Luis", "Eva"]
    assert report.round_id == played_round.name and report.seed == 7
    assert report.rules and all(row.met == row.kept + row.broke for row in report.rules)
    assert [row.broke for row in report.rules] == sorted(
        (row.broke for row in report.rules), reverse=True
    )
    assert report.posts
    first = report.posts[0]
    assert first.answered >= 2
    # Replies come whole from the log, and the trainee who ignored the post says so.
    assert any(answer.texts for answer in first.answers)
    assert first.answers[-1].name == "Eva" and first.answers[-1].texts == ()


def test_the_round_report_is_stable(played_round: Path, snapshot) -> None:
    snapshot.snapshot_dir = SNAPSHOTS
    snapshot.assert_match(render_class_report(_debrief(played_round).report, "md"), "round-es.md")


def test_a_damaged_log_is_skipped_and_named(copied: Path) -> None:
    damaged = sessions_folder(copied) / "damaged.jsonl"
    damaged.write_text("not a log\n", encoding="utf-8")
    debrief = _debrief(copied)
    assert debrief.report.trainees == 3
    [warning] = debrief.warnings
    assert warning.startswith("skipped:") and "damaged.jsonl" in warning


def test_a_round_nobody_played_yet_has_an_empty_report(tmp_path: Path) -> None:
    assert class_report(tmp_path / "sessions", anonymous=False).report.trainees == 0
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        class_report(tmp_path / "file", anonymous=False)


def _run(*args: str) -> int:
    parser = argparse.ArgumentParser(prog="crisisdrill workshop")
    workshop_report.add_parser(parser.add_subparsers())
    options = parser.parse_args(["report", *args])
    code: int = options.handler(options)
    return code


def test_the_command_writes_each_format_anonymous_for_projecting(
    played_round: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for report_format in ("md", "html", "csv"):
        target = tmp_path / f"class.{report_format}"
        code = _run(str(played_round), "--format", report_format, "--anonymous", "-o", str(target))
        assert code == 0
        text = target.read_text(encoding="utf-8")
        assert "Participante 1" in text
        for _, trainee in PLAYERS:
            assert trainee not in text
    rows = list(csv.reader(io.StringIO((tmp_path / "class.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 1 + len(PLAYERS)


def test_the_command_finds_a_round_by_id_and_prints_it(
    played_round: Path,
    isolated_data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copytree(played_round, isolated_data_dir / "workshops" / played_round.name)
    assert _run(played_round.name) == 0
    assert "| 1 | Ana |" in capsys.readouterr().out


def test_the_command_refuses_a_folder_that_is_not_a_round(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a workshop round"):
        _run(str(tmp_path))


def test_the_command_says_when_no_session_of_the_round_could_be_scored(tmp_path: Path) -> None:
    made = Round.create("x", "x", language="en", seed=1, mode="exam", speed=1.0)
    made.save(tmp_path / made.round_id)
    with pytest.raises(InputError, match="no session of this round"):
        _run(str(tmp_path / made.round_id))
