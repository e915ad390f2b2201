"""Inputs that are not scenarios at all get one clear message and exit 1, never a traceback."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from game.scenario.yamlsource import MAX_FILE_BYTES
from tests.helpers import run_cli


def _validate(capsys: pytest.CaptureFixture[str], target: Path) -> str:
    result = run_cli(capsys, "validate", str(target))
    assert result.code == 1
    assert "Traceback" not in result.err
    return result.err.strip()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "s.yaml:1:1: the file is empty; expected a scenario (a mapping with meta, ...)"),
        (
            b"   \n\n",
            "s.yaml:1:1: the file is empty; expected a scenario (a mapping with meta, ...)",
        ),
        (b"# just a comment\n", "s.yaml:1:1: the file is empty; expected a scenario"),
        (b"just text", "s.yaml:1:1: expected a mapping of sections at the top of the file"),
        (b"format: 1\n\x00\x01", "s.yaml:2:1: not valid YAML: control character U+0000"),
        (
            b"meta: caf\xe9\n",
            "s.yaml:1:10: the file is not UTF-8 text (byte 0xe9); save it as UTF-8",
        ),
        (b"a: [1, 2\n", "s.yaml:2:1: not valid YAML: did not find expected ',' or ']'"),
        (b"a: 1\n---\nb: 2\n", "s.yaml:2:1: a second YAML document ('---')"),
        (b"meta:\n\tid: x\n", "s.yaml:2:1: not valid YAML: a tab; YAML indents with spaces only"),
        (b"meta:\n", "s.yaml:1:6: expected a mapping (indented 'key: value' lines), got nothing"),
    ],
    ids=[
        "empty",
        "blank",
        "comment-only",
        "scalar",
        "nul",
        "latin-1",
        "unclosed",
        "two-docs",
        "tab",
        "empty-section",
    ],
)
def test_garbage_text(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    expected: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("s.yaml").write_bytes(content)
    assert expected in _validate(capsys, Path("s.yaml")).splitlines()[-1]


def test_random_binary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "noise.yaml"
    target.write_bytes(bytes(random.Random(7).randrange(256) for _ in range(4096)))
    assert _validate(capsys, target).startswith(f"{target}:")


def test_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _validate(capsys, tmp_path / "nope.yaml") == f"{tmp_path / 'nope.yaml'}: no such file"


def test_directory_as_scenario(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "diagram", str(tmp_path) + "/")
    assert result.code == 1
    assert result.err.strip() == f"{tmp_path}/: is a directory, expected a YAML file"


def test_empty_directory_to_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    message = _validate(capsys, tmp_path)
    assert message.startswith(f"{tmp_path}: no .yaml files in this folder")


def test_oversized_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "big.yaml"
    line = "# " + "x" * 98 + "\n"
    target.write_text("format: 1\n" + line * (MAX_FILE_BYTES // len(line) + 1))
    message = _validate(capsys, target)
    assert message.startswith(f"{target}: the file is ")
    assert "at most 1,048,576 bytes (1 MiB)" in message


def test_real_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    target = tmp_path / "bad.yaml"
    target.write_bytes(b"\xff\xfe garbage")
    completed = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    assert completed.stderr.startswith(f"{target}:1:1: the file is not UTF-8 text")
