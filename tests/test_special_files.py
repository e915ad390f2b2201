"""Special files, odd numbers and targets: a clear message and a non-zero exit, nothing replaced."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

from game.journal.logfile import MAX_LOG_BYTES, special_file_problem
from game.safejson import dumps, finite
from tests.conftest import DATA_DIR
from tests.helpers import run_cli

LOG = DATA_DIR / "logs" / "engine-test-en.jsonl"


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.jsonl"
    os.mkfifo(path)
    return path


def test_report_and_analyze_refuse_a_pipe_instead_of_waiting(
    capsys: pytest.CaptureFixture[str], fifo: Path
) -> None:
    for args in (("report", str(fifo)), ("analyze", "--jsonl", str(fifo))):
        result = run_cli(capsys, *args)
        assert result.code == 1, args
        why = "is not a regular file (a pipe, a device or a socket): not read"
        assert result.err == f"crisisdrill: {fifo}: {why}\n"


def test_report_refuses_a_link_to_dev_zero_and_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    zero = tmp_path / "zero.jsonl"
    zero.symlink_to("/dev/zero")
    assert "not a regular file" in run_cli(capsys, "report", str(zero)).err
    assert (
        run_cli(capsys, "report", str(tmp_path)).err
        == f"crisisdrill: {tmp_path}: is a folder, not a file\n"
    )


def test_a_log_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.jsonl"
    with big.open("wb") as file:
        file.truncate(MAX_LOG_BYTES + 1)  # sparse: no disk used
    problem = special_file_problem(big, MAX_LOG_BYTES)
    assert problem is not None and "over the 64 MiB" in problem


@pytest.mark.parametrize("kind", ["device", "pipe", "link"])
def test_report_output_never_replaces_something_else_than_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "out.md"
    if kind == "pipe":
        os.mkfifo(target)
    elif kind == "link":
        target.symlink_to(tmp_path / "elsewhere.md")
    else:
        target = Path("/dev/null")
    before = os.lstat(target)
    result = run_cli(capsys, "report", str(LOG), "-o", str(target))
    assert result.code == 1
    # (The old fixture log is reported as not verified first: another version wrote it.)
    why = "cannot write: not a regular file: will not replace it"
    assert result.err.endswith(f"crisisdrill: {target}: {why}\n")
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)


def test_check_refuses_a_margin_that_is_not_a_number(capsys: pytest.CaptureFixture[str]) -> None:
    for margin in ("nan", "inf", "-1", "101"):
        result = run_cli(capsys, "check", "--margin", margin, "turistas")
        assert result.code == 2, margin
        assert "argument --margin: expected a number from 0 to 100" in result.err


def test_json_never_holds_nan_or_infinity() -> None:
    data = {"a": math.nan, "b": [math.inf, -math.inf, 1.5], "c": ("x", 2)}
    assert finite(data) == {"a": None, "b": [None, None, 1.5], "c": ["x", 2]}
    text = dumps(data)
    assert json.loads(text, parse_constant=lambda name: pytest.fail(name)) == finite(data)


def test_new_with_bytes_that_are_not_text_leaves_nothing_behind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = b"\xffname".decode("utf-8", "surrogateescape")  # what the shell hands over
    result = run_cli(capsys, "new", name)
    assert result.code == 2 and "NAME must be valid UTF-8 text" in result.err
    assert list(tmp_path.iterdir()) == []


def test_a_data_folder_that_is_a_file_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CRISISDRILL_DATA_DIR", str(data))
    result = run_cli(capsys, "simulate", "turistas", "--policy", "ignorer")
    assert result.code == 1
    assert result.err == (
        f"crisisdrill: {data / 'sessions'}: session logs cannot be kept there (Not a "
        "directory); set CRISISDRILL_DATA_DIR to a folder you can write\n"
    )


def test_a_trainee_name_that_is_not_text_is_refused_before_the_game(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = b"\xff\xfe".decode("utf-8", "surrogateescape")
    result = run_cli(capsys, "play", "turistas", "--trainee", name)
    assert result.code == 2
    assert "--trainee must be a name: UTF-8 text without control characters" in result.err


def test_brackets_nested_too_deep_are_a_damaged_line_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = LOG.read_text(encoding="utf-8").splitlines()
    log = tmp_path / "nested.jsonl"
    log.write_text("\n".join([*lines[:3], "[" * 100_000 + "]" * 100_000, *lines[3:]]) + "\n")
    result = run_cli(capsys, "report", str(log))
    assert result.code == 1
    assert result.err == f"crisisdrill: {log}:4: damaged line in the middle of the log\n"
    batch = tmp_path / "batch.jsonl"
    batch.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = run_cli(capsys, "analyze", "--jsonl", str(batch))
    assert result.code == 1 and f"{batch}:1: brackets nested too deep" in result.err


def test_a_reply_too_long_is_read_only_so_far_and_said_so() -> None:
    from scoring import analyze
    from scoring.analyzer import MAX_READ_CHARS

    reply = "Lo sentimos mucho, Ana. " + "bla " * 250_000  # a megabyte pasted
    analysis = analyze(reply, "es")
    assert analysis.unread_from is not None and analysis.unread_from <= MAX_READ_CHARS
    apology = next(hit for hit in analysis.cues if hit.cue == "apology")
    assert reply[apology.start : apology.end] == apology.text == "Lo sentimos mucho"
    assert analyze("Lo sentimos mucho, Ana.", "es").unread_from is None


def test_list_warns_of_a_pipe_a_folder_and_a_dangling_link_among_the_scenarios(
    capsys: pytest.CaptureFixture[str], isolated_data_dir: Path
) -> None:
    folder = isolated_data_dir / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "folder.yaml").mkdir()
    (folder / "dangling.yaml").symlink_to(folder / "gone.yaml")
    result = run_cli(capsys, "list")
    assert result.code == 0
    for name in ("dangling", "folder", "pipe"):
        path = folder / f"{name}.yaml"
        assert (
            f"warning: {path} is not listed: 1 problem (crisisdrill validate {path})" in result.err
        )
    refused = run_cli(capsys, "validate", str(folder))
    assert refused.code == 1
    assert f"{folder / 'pipe.yaml'}: is not a regular file" in refused.err
    assert f"{folder / 'folder.yaml'}: is a directory, expected a YAML file" in refused.err
