"""Logs that prove themselves: genuine logs verify, edited ones are named altered."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from game import __version__
from game.engine.policies import POLICIES
from game.engine.simulate import play
from game.journal.events import SessionLabels
from game.scenario import LoadedScenario
from game.services.report import LogAltered, report, score_log
from game.services.verify import Status, verify_log
from scoring import read_reply
from scoring.report import render_report
from tests.conftest import DATA_DIR
from tests.helpers import run_cli

Record = dict[str, Any]


@pytest.fixture(scope="session")
def logs(
    engine_scenario: LoadedScenario, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Genuine logs of the engine scenario, played once for the whole module."""
    folder = tmp_path_factory.mktemp("genuine")
    made = {}
    for key, policy, language in [
        ("ignorer-es", "ignorer", "es"),
        ("ideal-en", "ideal", "en"),
        ("quitter-es", "early_quitter", "es"),
        ("troll-feeder-en", "troll-feeder", "en"),
    ]:
        run = play(
            engine_scenario,
            POLICIES[policy](),
            seed=3,
            language=language,
            reader=read_reply,
            log_dir=folder,
        )
        assert run.log is not None
        made[key] = Path(run.log)
    return made


def _records(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _printed(path: Path) -> str:
    """The JSON report as ``report`` printed it before logs were verified."""
    text = render_report(score_log(path).scorecard, "json")
    return text if text.endswith("\n") else text + "\n"


def _write(path: Path, records: list[Record]) -> Path:
    lines = (json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    path.write_text("".join(lines), encoding="utf-8")
    return path


# ---------------------------------------------------------------------- genuine


@pytest.mark.parametrize("key", ["ignorer-es", "ideal-en", "quitter-es", "troll-feeder-en"])
def test_a_genuine_log_verifies_and_reports_as_before(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], key: str
) -> None:
    assert verify_log(logs[key]).status is Status.VERIFIED
    result = run_cli(capsys, "report", str(logs[key]), "--format", "json")
    assert result.code == 0
    assert result.err == ""
    assert result.out == _printed(logs[key])


def test_a_header_without_labels_is_written_as_before_labels_existed(
    logs: dict[str, Path],
) -> None:
    header = _records(logs["ideal-en"])[0]
    assert not {"mode", "cohort", "started", "round"} & set(header)


def test_a_played_log_with_mode_cohort_start_and_round_verifies(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    labels = SessionLabels("exam", "Madrid-1", "2026-11-02T09:00:00+00:00", "r-1")
    run = play(
        engine_scenario,
        POLICIES["ideal"](),
        seed=3,
        language="es",
        reader=read_reply,
        log_dir=tmp_path,
        trainee="Ana",
        labels=labels,
    )
    assert run.log is not None
    header = _records(Path(run.log))[0]
    assert (header["mode"], header["cohort"], header["started"], header["round"]) == (
        "exam",
        "Madrid-1",
        "2026-11-02T09:00:00+00:00",
        "r-1",
    )
    # Replayed with its labels: like the trainee's name, they are what the header says
    # (a replay cannot prove who played, nor when; see the README).
    assert verify_log(Path(run.log)).status is Status.VERIFIED


def test_the_quitter_left_early_and_its_log_still_verifies(logs: dict[str, Path]) -> None:
    records = _records(logs["quitter-es"])
    left = [r["t"] for r in records if r["type"] == "left"]
    assert left and left[0] < records[-1]["t"]
    assert verify_log(logs["quitter-es"]).verified


def test_a_torn_log_verifies_as_far_as_it_goes(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    text = logs["ideal-en"].read_text(encoding="utf-8")
    torn = tmp_path / "torn.jsonl"
    torn.write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    verification = verify_log(torn)
    assert verification.verified
    assert not verification.complete
    result = run_cli(capsys, "report", str(torn))
    assert result.code == 0
    assert "the last line is incomplete" in result.err
    assert "not verified" not in result.err


def test_a_log_cut_between_lines_says_it_stops_early(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ideal-en"])
    cut = _write(tmp_path / "cut.jsonl", records[: len(records) // 2])
    result = run_cli(capsys, "report", str(cut))
    assert result.code == 0
    assert "the log stops before the session was closed" in result.err


# ---------------------------------------------------------------------- altered


def _altered(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    """The message of an altered log, checked the same from the service and the CLI."""
    verification = verify_log(path)
    assert verification.status is Status.ALTERED
    result = run_cli(capsys, "report", str(path))
    assert result.code == 1
    assert result.out == ""
    assert result.err == f"crisisdrill: {path}: {verification.message}\n"
    return verification.message


def test_an_added_reply_is_named_by_its_line(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ignorer-es"])
    # A post that needs a reply, followed by another record of the same second.
    at = next(
        i
        for i, r in enumerate(records[:-1])
        if r["type"] == "post" and r["needs_reply"] and records[i + 1]["t"] == r["t"]
    )
    post, following = records[at], records[at + 1]
    reply = {
        "type": "action",
        "t": post["t"],
        "action": {"kind": "reply", "post_id": post["id"], "text": "Lo sentimos mucho."},
        "result": {"reply_id": "m999", "cues": ["apology"]},
    }
    path = _write(tmp_path / "reply.jsonl", [*records[: at + 1], reply, *records[at + 1 :]])
    line = at + 2
    assert _altered(capsys, path) == (
        f"altered: line {line} (expected a{'n' if following['type'][0] in 'aeiou' else ''} "
        f"{following['type']} record at t={post['t']}, found an action record at t={post['t']})"
    )


def test_a_changed_phase_is_named_by_its_line_and_field(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ignorer-es"])
    at = next(i for i, r in enumerate(records) if r["type"] == "phase")
    genuine = records[at]["to"]
    records[at]["to"] = "resolved"
    path = _write(tmp_path / "phase.jsonl", records)
    assert _altered(capsys, path) == (
        f'altered: line {at + 1} (expected phase.to "{genuine}", found "resolved")'
    )


def test_a_deleted_record_is_named_by_its_line(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ideal-en"])
    at = next(i for i, r in enumerate(records) if r["type"] == "post" and i > 10)
    path = _write(tmp_path / "deleted.jsonl", records[:at] + records[at + 1 :])
    message = _altered(capsys, path)
    assert message.startswith(f"altered: line {at + 1} (expected ")
    assert "post" in message


def test_an_ignorer_made_to_look_good_is_altered(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    # The edit of issue 12: replies, a statement and a happy ending added by hand.
    forged: list[Record] = []
    for record in _records(logs["ignorer-es"]):
        if record["type"] == "end":
            forged.append({"type": "phase", "t": record["t"], "from": "x", "to": "resolved"})
            record = {**record, "phase": "resolved", "reason": "final"}
        forged.append(record)
        if record["type"] == "post" and record["needs_reply"]:
            text = "Hola, lo sentimos: es culpa nuestra y ya lo hemos arreglado."
            forged.append(
                {
                    "type": "action",
                    "t": record["t"] + 30,
                    "action": {"kind": "reply", "post_id": record["id"], "text": text},
                    "result": {"reply_id": f"r{record['id']}", "cues": ["apology"]},
                }
            )
    path = _write(tmp_path / "forged.jsonl", forged)
    assert _altered(capsys, path).startswith("altered: line ")


def test_a_swapped_scenario_does_not_match_its_hash(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ideal-en"])
    source = records[0]["scenario_source"]
    assert "Engine test" in source
    records[0]["scenario_source"] = source.replace("Engine test", "Final exam")
    path = _write(tmp_path / "swapped.jsonl", records)
    assert _altered(capsys, path) == "scenario text does not match its hash"


def test_a_swapped_scenario_with_a_new_hash_does_not_replay(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ideal-en"])
    other = (DATA_DIR / "minimal.yaml").read_text(encoding="utf-8")
    records[0]["scenario_source"] = other
    records[0]["scenario_hash"] = hashlib.sha256(other.encode()).hexdigest()
    path = _write(tmp_path / "relabelled.jsonl", records)
    assert _altered(capsys, path).startswith("altered: line 1 (expected header.scenario ")


def test_a_seed_changed_in_the_header_is_altered(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ideal-en"])
    records[0]["seed"] += 1
    path = _write(tmp_path / "seed.jsonl", records)
    assert _altered(capsys, path).startswith("altered: line ")


# ---------------------------------------------------------------------- force, versions


def test_force_scores_an_altered_log_after_a_warning(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ignorer-es"])
    at = next(i for i, r in enumerate(records) if r["type"] == "phase")
    records[at]["to"] = "resolved"
    path = _write(tmp_path / "phase.jsonl", records)
    with pytest.raises(LogAltered):
        report(path, "md")
    result = run_cli(capsys, "report", str(path), "--force", "--format", "json")
    assert result.code == 0
    first = result.err.splitlines()[0]
    assert first == f"crisisdrill: warning: {path}: not verified: {verify_log(path).message}"
    assert json.loads(result.out)["scenario_id"] == "engine-test"


def test_a_log_of_another_version_is_scored_and_said_unverified(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ideal-en"])
    records[0]["versions"]["crisisdrill"] = "0.0.1"
    path = _write(tmp_path / "old.jsonl", records)
    assert verify_log(path).status is Status.UNVERIFIED
    result = run_cli(capsys, "report", str(path))
    assert result.code == 0
    assert result.err == (
        f"crisisdrill: warning: {path}: recorded by crisisdrill 0.0.1 "
        f"(this is {__version__}): not verified\n"
    )


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_old_fixture_logs_are_scored_as_unverified(
    capsys: pytest.CaptureFixture[str], language: str
) -> None:
    path = DATA_DIR / "logs" / f"engine-test-{language}.jsonl"
    result = run_cli(capsys, "report", str(path), "--format", "json")
    assert result.code == 0
    assert "recorded by crisisdrill 0.1.0" in result.err
    assert "not verified" in result.err
    assert result.out == _printed(path)


def test_a_language_the_scenario_lacks_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], logs: dict[str, Path], tmp_path: Path
) -> None:
    records = _records(logs["ideal-en"])
    records[0]["language"] = "de"
    path = _write(tmp_path / "de.jsonl", records)
    result = run_cli(capsys, "report", str(path))
    assert result.code == 1
    assert "has no 'de' version" in result.err
    assert "Traceback" not in result.err


def test_a_custom_copy_named_as_a_built_in_is_said_not_to_be_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    builtin = DATA_DIR.parent.parent / "scenarios" / "turistas.yaml"
    easy = tmp_path / "turistas.yaml"
    easy.write_text(
        builtin.read_text(encoding="utf-8").replace("Gale in port", "A calm day in port"),
        encoding="utf-8",
    )
    warning = "is not the built-in 'turistas' of crisisdrill"
    for scenario, warned in ((str(easy), True), ("turistas", False)):
        run = run_cli(capsys, "simulate", scenario, "--policy", "ignorer")
        log = run.out.split("log: ")[1].strip()
        result = run_cli(capsys, "report", log)
        assert result.code == 0
        assert (warning in result.err) is warned, result.err
