"""The hostile corpus: shared files made to hurt, each with the exact message it gets.

Small versions of the bombs (tests/data/hostile, and the static ones in
tests/data/broken/bomb-*.yaml with their snapshots), escape-laden keys and texts, and
crafted logs. Whatever the file, the user reads one clear line per problem, never a
raw control character, never an internal error.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import DATA_DIR, MINIMAL
from tests.helpers import Run, run_cli

HOSTILE = DATA_DIR / "hostile"
ENGINE_LOG = DATA_DIR / "logs" / "engine-test-en.jsonl"
CLIPBOARD = "\x1b]52;c;SGVsbG8=\x07"  # OSC 52: writes the terminal user's clipboard
FILL_SCREEN = "\x1b#8"  # DECALN: fills the screen with E's
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _inert(result: Run) -> Run:
    """The run, once checked to have written no raw control character."""
    for stream in (result.out, result.err):
        assert not RAW_CONTROL.search(stream), stream
    assert "internal error" not in result.err and "Traceback" not in result.err
    return result


def _minimal_with(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = MINIMAL.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# ------------------------------------------------------------------------- bombs


def test_a_burst_is_stopped_and_simulate_says_where(capsys: pytest.CaptureFixture[str]) -> None:
    result = _inert(run_cli(capsys, "simulate", str(HOSTILE / "burst.yaml"), "--policy", "ignorer"))
    assert result.code == 1
    assert (
        "  stopped: the scenario exceeded its post budget (500 posts in a minute) at minute 8\n"
        in result.out
    )
    assert result.err == f"{HOSTILE / 'burst.yaml'}: a budget stopped 1 session early\n"


def test_simulate_json_names_the_budget_of_each_run(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("simulate", str(HOSTILE / "loop.yaml"), "--policy", "ignorer", "--json")
    result = _inert(run_cli(capsys, *args))
    assert result.code == 1
    [run] = json.loads(result.out)
    assert run["posts"] == 5_000 + run["actions"]  # the ignorer writes nothing of its own
    assert run["stopped"] == (
        "the scenario exceeded its post budget (5,000 posts a session) at minute 41"
    )


def test_check_fails_a_scenario_that_outgrows_its_budget_at_the_first_bot(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = HOSTILE / "burst.yaml"
    result = _inert(run_cli(capsys, "check", str(path), "--seeds", "1"))
    assert result.code == 1
    assert (
        f"{path}: balance: the ideal bot, seed 1: the scenario exceeded its post budget "
        "(2,500 posts a session) at minute 20 (check plays its bots under 2,500 posts a "
        "session, the game under 5,000: a session with more is not one a trainee can "
        "answer)\n"
    ) in result.err
    assert "bots over seeds" not in result.out  # no bot after the first was played
    assert result.out.endswith(f"{path}: check failed (2 problems)\n")


def test_check_fails_a_big_crowd_in_seconds_not_minutes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ten posts a minute for eight hours is within the game's budgets, not check's."""
    path = HOSTILE / "crowd.yaml"
    assert run_cli(capsys, "validate", str(path)).code == 0
    result = _inert(run_cli(capsys, "check", str(path), "--seeds", "1"))
    assert result.code == 1
    assert "the ideal bot, seed 1: the scenario exceeded its post budget (2,500 posts a " in (
        result.err
    )


def test_every_built_in_scenario_stays_well_within_its_budgets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    listing = run_cli(capsys, "list", "--json")
    for scenario in json.loads(listing.out):
        result = run_cli(capsys, "simulate", scenario["id"], "--policy", "ignorer")
        assert result.code == 0 and "stopped:" not in result.out, scenario["id"]


# ------------------------------------------------------------------ escapes in files


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "format: 1\n",
            f'format: 1\n"{CLIPBOARD.encode("unicode_escape").decode()}": 1\n',
            "s.yaml:4:1: unknown key '\\x1b]52;c;SGVsbG8=\\x07' (expected: format, meta,",
        ),
        (
            "locales: {es_ES: 1}",
            'locales: {"es_ES\\e#8": 1}',
            "s.yaml:30:15: 'es_ES\\x1b#8' is not a Faker locale (such as es_ES, es_MX, en_US);"
            " did you mean es_ES?",
        ),
        (
            "format: 1\n",
            'format: 1\n"\\e#8": 1\n"\\e#8": 2\n',
            "s.yaml:5:1: duplicate key '\\x1b#8' (first given at line 4)",
        ),
    ],
    ids=["unknown-key", "locale-key", "duplicate-key"],
)
@pytest.mark.parametrize("command", ["validate", "play"])
def test_an_escape_in_a_scenario_key_is_shown_not_obeyed(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    old: str,
    new: str,
    message: str,
) -> None:
    _minimal_with(tmp_path, "s.yaml", old, new)
    monkeypatch.chdir(tmp_path)
    result = _inert(run_cli(capsys, command, "s.yaml"))
    assert result.code == 1
    assert message in result.err


def test_an_escape_in_a_playbook_key_is_shown_not_obeyed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pb.yaml").write_text('"\\e]52;c;SGVsbG8=\\a": 1\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _inert(run_cli(capsys, "simulate", str(MINIMAL), "--playbook", "pb.yaml"))
    assert result.code == 1
    assert result.err.startswith("pb.yaml:1:1: unknown key '\\x1b]52;c;SGVsbG8=\\x07' (expected:")


def test_a_scenario_file_named_with_an_escape_is_listed_inert(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    folder = isolated_data_dir / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"bad{FILL_SCREEN}.yaml").write_text("meta: [", encoding="utf-8")
    result = _inert(run_cli(capsys, "list"))
    assert result.code == 0
    assert "bad\\x1b#8.yaml" in result.err


# ------------------------------------------------------------------------ crafted logs


def _crafted_log(tmp_path: Path, change: str) -> Path:
    records = [json.loads(line) for line in ENGINE_LOG.read_text(encoding="utf-8").splitlines()]
    for record in records:
        if change == "phase" and record.get("type") == "phase":
            record["to"] += FILL_SCREEN
        if change == "metric" and isinstance(record.get("metrics"), dict):
            record["metrics"][f"evil{CLIPBOARD}"] = 1
        if change == "fact" and record.get("type") == "fact":
            record["fact"] = f"rumour{CLIPBOARD}"
    path = tmp_path / f"{change}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_log_naming_a_phase_its_scenario_lacks_is_damaged_not_an_internal_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = _crafted_log(tmp_path, "phase")
    first_phase = next(
        number
        for number, line in enumerate(log.read_text(encoding="utf-8").splitlines(), start=1)
        if '"type": "phase"' in line
    )
    result = _inert(run_cli(capsys, "report", str(log)))
    assert result.code == 1
    assert result.err.endswith(
        f"crisisdrill: {log}: a record is damaged: line {first_phase}: phase "
        "'storm\\x1b#8' is not in the scenario\n"
    )


@pytest.mark.parametrize("report_format", ["md", "html", "json"])
def test_escapes_in_a_log_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, report_format: str
) -> None:
    for change in ("metric", "fact"):
        log = _crafted_log(tmp_path, change)
        _inert(run_cli(capsys, "report", str(log), "--format", report_format))
