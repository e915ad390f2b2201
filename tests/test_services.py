"""The application layer on its own: what the command line and the game rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.journal.codec import LogError
from game.services.check import check_scenario
from game.services.errors import InputError
from game.services.files import write_atomically
from game.services.report import report, write_report
from tests.conftest import DATA_DIR, MINIMAL

LOG = DATA_DIR / "logs" / "engine-test-en.jsonl"


def test_report_of_a_missing_log_says_which_and_why(tmp_path: Path) -> None:
    missing = tmp_path / "gone.jsonl"
    with pytest.raises(LogError) as raised:
        report(missing, "md")
    assert str(raised.value) == f"{missing}: cannot read: No such file or directory"


def test_report_is_written_whole_and_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    made = report(LOG, "json")
    write_report(target, made.text)
    assert target.read_text(encoding="utf-8") == made.text
    assert [path.name for path in tmp_path.iterdir()] == ["out.json"]


def test_report_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "no" / "out.md"
    with pytest.raises(InputError, match=r"out\.md: cannot write: No such file or directory"):
        write_report(target, "text")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_old_file_and_leaves_no_partial(tmp_path: Path) -> None:
    # A folder where the file should go: os.replace fails after the partial is written.
    target = tmp_path / "report.md"
    target.mkdir()
    (target / "keep").write_text("kept", encoding="utf-8")
    with pytest.raises(OSError):
        write_atomically(target, "new text")
    assert (target / "keep").read_text(encoding="utf-8") == "kept"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["report.md"]


def test_the_game_export_creates_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "session.md"
    write_atomically(target, "text")
    assert target.read_text(encoding="utf-8") == "text"


def test_check_refuses_a_language_the_scenario_lacks_without_playing() -> None:
    result = check_scenario(MINIMAL, "minimal.yaml", seeds=range(1, 2), margin=10, language="fr")
    assert result.missing_language == "fr"
    assert result.balance is None
    assert not result.passed
