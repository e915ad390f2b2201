"""Each broken scenario in tests/data/broken produces exactly its snapshot of messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BROKEN_DIR, TESTS_DIR
from tests.helpers import run_cli

BROKEN_FILES = sorted(BROKEN_DIR.glob("*.yaml"))


def test_corpus_is_not_empty() -> None:
    assert len(BROKEN_FILES) >= 20


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda p: p.stem)
def test_broken_file_messages(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, snapshot
) -> None:
    monkeypatch.chdir(BROKEN_DIR)
    result = run_cli(capsys, "validate", path.name)
    assert result.code == 1
    assert result.out == ""
    assert "Traceback" not in result.err
    for line in result.err.splitlines():
        assert line.startswith(f"{path.name}:"), line
    snapshot.snapshot_dir = TESTS_DIR / "snapshots" / "broken"
    snapshot.assert_match(result.err, f"{path.stem}.txt")


def test_errors_are_reported_in_file_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(BROKEN_DIR)
    result = run_cli(capsys, "validate", "several-errors.yaml")
    positions = [tuple(int(n) for n in line.split(":")[1:3]) for line in result.err.splitlines()]
    assert len(positions) == 3
    assert positions == sorted(positions)
