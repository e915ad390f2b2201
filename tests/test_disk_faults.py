"""A full disk, for real (a tiny tmpfs): the log, atomic writes and `play`'s pre-check.

The game's side of it (notices, the draft, the debrief's export) is in
``tests/tui/test_disk_faults.py``.
"""

from __future__ import annotations

import errno
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from game.journal.logfile import SessionLog
from game.paths import DATA_DIR_ENV
from game.services.files import SESSION_ROOM, check_writable_folder, write_atomically
from tests.conftest import REPO_DIR
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


@pytest.mark.parametrize("leave", [0, 8192])
def test_a_full_folder_fails_the_write_check_and_leaves_no_test_file(
    tiny_disk: TinyDisk, leave: int
) -> None:
    folder = tiny_disk.root / "sessions"
    check_writable_folder(folder, SESSION_ROOM)  # 4 MiB free: fine
    tiny_disk.fill(leave=leave)
    if leave:
        check_writable_folder(folder)  # a block fits, and no room was asked for
    with pytest.raises(OSError) as raised:
        check_writable_folder(folder, SESSION_ROOM)
    assert raised.value.errno == errno.ENOSPC
    assert list(folder.iterdir()) == []


def _play_in_a_terminal(data_dir: Path) -> tuple[int, str]:
    """Run ``crisisdrill play`` with a terminal as its input and output; exit code, stderr."""
    controller, terminal = pty.openpty()
    environment = {**os.environ, DATA_DIR_ENV: str(data_dir), "TERM": "xterm-256color"}
    try:
        process = subprocess.run(
            [sys.executable, "-m", "game", "play", "rebajas", "--lang", "en"],
            stdin=terminal,
            stdout=terminal,
            stderr=subprocess.PIPE,
            cwd=REPO_DIR,
            env=environment,
            timeout=60,  # a game that started would wait for keys: fail, not hang
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)
    return process.returncode, process.stderr.decode("utf-8")


@pytest.mark.parametrize(
    ("leave", "reason"),
    [
        (0, "No space left on device"),  # not even the test file fits
        (8192, "No space left on device: 8 KiB free, a session needs 1,024 KiB"),
    ],
)
def test_play_on_a_full_data_folder_stops_before_the_game_with_one_line(
    tiny_disk: TinyDisk, leave: int, reason: str
) -> None:
    tiny_disk.fill(leave=leave)
    code, stderr = _play_in_a_terminal(tiny_disk.root)
    sessions = tiny_disk.root / "sessions"
    assert (code, stderr) == (
        1,
        f"crisisdrill: {sessions}: session logs cannot be kept there ({reason}); "
        f"free some space there or set {DATA_DIR_ENV} to another folder\n",
    )
    assert list(sessions.iterdir()) == []
    assert tiny_disk.leftovers() == []
