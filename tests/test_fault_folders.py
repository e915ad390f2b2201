"""Every command on a full or read-only data folder: one line, exit 1, nothing left behind.

Real faults: a tmpfs filled to the brim (``tiny_disk``) and a read-only tmpfs. The game
itself on a full disk is in tests/tui/test_disk_faults.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from game.paths import DATA_DIR_ENV
from tests.conftest import DATA_DIR, MINIMAL
from tests.faults import TinyDisk, tiny_tmpfs
from tests.helpers import run_cli

LOG = DATA_DIR / "logs" / "engine-test-en.jsonl"


@pytest.fixture
def read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TinyDisk]:
    """A read-only tmpfs as the user data folder."""
    with tiny_tmpfs(tmp_path / "ro", read_only=True) as disk:
        monkeypatch.setenv(DATA_DIR_ENV, str(disk.root / "data"))
        yield disk


@pytest.fixture
def full(tiny_disk: TinyDisk) -> TinyDisk:
    """The tiny disk, filled."""
    tiny_disk.fill()
    return tiny_disk


def _one_line(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    result = run_cli(capsys, *args)
    assert result.code == 1, result
    assert result.err.count("\n") == 1 or result.err.startswith("crisisdrill: warning"), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
    return result.err.splitlines()[-1]


def test_simulate_on_a_full_data_folder(capsys: pytest.CaptureFixture[str], full: TinyDisk) -> None:
    sessions = full.root / "sessions"
    assert _one_line(capsys, "simulate", str(MINIMAL), "--policy", "ideal") == (
        f"crisisdrill: {sessions}: session logs cannot be kept there (No space left on "
        f"device); free some space there or set {DATA_DIR_ENV} to another folder"
    )
    assert full.leftovers() == []


def test_simulate_on_a_read_only_data_folder(
    capsys: pytest.CaptureFixture[str], read_only: TinyDisk
) -> None:
    sessions = read_only.root / "data" / "sessions"
    assert _one_line(capsys, "simulate", str(MINIMAL), "--policy", "ideal") == (
        f"crisisdrill: {sessions}: session logs cannot be kept there (Read-only file "
        f"system); set {DATA_DIR_ENV} to a folder you can write"
    )


@pytest.mark.parametrize("fault", ["full", "read_only"])
def test_a_report_written_where_it_cannot_be(
    capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest, fault: str
) -> None:
    disk: TinyDisk = request.getfixturevalue(fault)
    target = disk.root / "report.md"
    why = "No space left on device" if fault == "full" else "Read-only file system"
    line = _one_line(capsys, "report", str(LOG), "-o", str(target))
    assert line == f"crisisdrill: {target}: cannot write: {why}"
    assert not target.exists() and disk.leftovers() == []


@pytest.mark.parametrize("fault", ["full", "read_only"])
def test_a_new_scenario_where_it_cannot_be_written(
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
) -> None:
    disk: TinyDisk = request.getfixturevalue(fault)
    monkeypatch.chdir(disk.root)
    why = "No space left on device" if fault == "full" else "Read-only file system"
    assert _one_line(capsys, "new", "Mi crisis") == (
        f"crisisdrill: cannot write Mi crisis.yaml: {why}"
    )
    assert not (disk.root / "Mi crisis.yaml").exists() and disk.leftovers() == []
