"""A full disk, for real (a tiny tmpfs): the session log and atomic writes."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from game.journal.logfile import SessionLog
from game.services.files import write_atomically
from tests.faults import TinyDisk


def _record(number: int) -> dict[str, object]:
    return {"type": "note", "n": number, "text": "x" * 300}


def test_the_log_ends_with_whole_lines_on_a_full_disk_and_catches_up_when_room_returns(
    tiny_disk: TinyDisk,
) -> None:
    log = SessionLog.numbered(tiny_disk.root / "sessions", "s-seed1")
    log.write({"type": "header", "format": 1})
    tiny_disk.fill()
    written = 0
    with pytest.raises(OSError) as raised:
        # The file's last page has some room left: lines go in until it is used up.
        for written in range(1, 1000):
            log.write(_record(written))
    assert raised.value.errno == errno.ENOSPC
    # What the disk took of the failed line was cut off: only whole lines are there.
    assert log.path.read_bytes().endswith(b"\n")
    assert len(log.path.read_text(encoding="utf-8").splitlines()) == written
    assert log.pending == 1
    with pytest.raises(OSError):
        log.write(_record(written + 1))  # waits behind the first, in order
    assert log.pending == 2
    tiny_disk.release()
    log.retry()
    assert log.pending == 0
    log.write(_record(written + 2))
    log.close()
    numbers = [json_line["n"] for json_line in _lines(log.path)[1:]]
    assert numbers == list(range(1, written + 3))
    assert tiny_disk.leftovers() == []


def test_a_log_whose_header_does_not_fit_appears_once_it_does(tiny_disk: TinyDisk) -> None:
    folder = tiny_disk.root / "sessions"
    folder.mkdir()
    tiny_disk.fill()
    log = SessionLog.numbered(folder, "s-seed1")
    with pytest.raises(OSError):
        log.write({"type": "header", "format": 1, "text": "x" * 10_000})
    assert not log.created
    assert list(folder.iterdir()) == []  # no log, no partial header
    tiny_disk.release()
    log.retry()
    log.close()
    assert log.created
    assert _lines(log.path) == [{"type": "header", "format": 1, "text": "x" * 10_000}]


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_an_atomic_write_on_a_full_disk_leaves_the_old_file_and_nothing_else(
    tiny_disk: TinyDisk,
) -> None:
    target = tiny_disk.root / "reports" / "session.md"
    write_atomically(target, "old report\n")
    tiny_disk.fill(leave=8192)  # part of the new text fits, then the disk is full
    with pytest.raises(OSError) as raised:
        write_atomically(target, "new report\n" * 10_000)
    assert raised.value.errno == errno.ENOSPC
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert tiny_disk.leftovers() == []
    fresh = tiny_disk.root / "reports" / "other.md"
    with pytest.raises(OSError):
        write_atomically(fresh, "new report\n" * 10_000)
    assert not fresh.exists()  # no empty file under the name either
    assert tiny_disk.leftovers() == []
