"""Writing files so that a crash never leaves half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path

from game.paths import DATA_DIR_ENV, sessions_dir
from game.services.errors import InputError


def write_atomically(path: Path, text: str, *, make_folders: bool = True) -> None:
    """Write a text file so that a crash leaves either the old file or the whole new one.

    The text goes to a hidden ``.NAME.partial`` beside ``path`` first, which then takes
    its place in one step; if anything fails on the way the partial file is removed.

    Args:
        path: the file to write.
        text: its whole content, written as UTF-8.
        make_folders: create missing parent folders first; False when the user named
            the path, where a missing folder is more likely a typo than a wish.

    Raises:
        OSError: the folder or the file cannot be written, or ``path`` is something
            else than a regular file (a device, a pipe, a link, a folder), which a
            rename would replace: ``/dev/null`` stays a device.
    """
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise FileExistsError(errno.EEXIST, "not a regular file: will not replace it", str(path))
    if make_folders:
        path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            # On disk before the rename: otherwise a power cut can leave an empty file
            # under the new name.
            os.fsync(file.fileno())
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


PROBE_BYTES = 4096
"""What the write test writes: an empty file fits on a full disk, a block of data does not."""

SESSION_ROOM = 2**20
"""The free space a session asks for before it starts (1 MiB): a whole session of the
busiest built-in scenario writes about that much."""


def check_writable_folder(folder: Path, room: int = 0) -> None:
    """Make sure files can be written in ``folder`` (creating it), before a session starts.

    A game must not find out at its first reply that its log cannot be kept. A folder
    can be writable and full: a block of data is written and handed to the disk, and
    at least ``room`` bytes must be free beside it. The test file is removed, whatever
    happens.

    Args:
        folder: e.g. the sessions folder.
        room: the free space needed, in bytes.

    Raises:
        OSError: the folder cannot be created, is not a folder, or is not writable;
            ``ENOSPC`` when the data does not fit or less than ``room`` is free (the
            message says how much is).
    """
    folder.mkdir(parents=True, exist_ok=True)
    handle, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
    try:
        data = memoryview(bytes(PROBE_BYTES))
        while data:
            data = data[os.write(handle, data) :]
        # Some file systems only find out at this point that the data has no room.
        os.fsync(handle)
    finally:
        os.close(handle)
        os.unlink(probe)
    free = shutil.disk_usage(folder).free
    if free < room:
        raise OSError(
            errno.ENOSPC,
            f"{os.strerror(errno.ENOSPC)}: {_kib(free)} free, a session needs {_kib(room)}",
            str(folder),
        )


def _kib(size: int) -> str:
    return f"{size // 1024:,} KiB"


def check_sessions_folder() -> None:
    """Before a session starts (played or simulated): logs can be written, with room for one.

    Raises:
        InputError: they cannot (one line: the folder, why, and what to do).
    """
    folder = sessions_dir()
    try:
        check_writable_folder(folder, SESSION_ROOM)
    except OSError as error:
        full = error.errno in (errno.ENOSPC, errno.EDQUOT)
        advice = (
            f"free some space there or set {DATA_DIR_ENV} to another folder"
            if full
            else f"set {DATA_DIR_ENV} to a folder you can write"
        )
        raise InputError(
            f"{folder}: session logs cannot be kept there ({error.strerror or error}); {advice}"
        ) from None
