"""Writing files so that a crash never leaves half of one."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


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


def check_writable_folder(folder: Path) -> None:
    """Make sure files can be written in ``folder`` (creating it), before a session starts.

    A game must not find out at its first reply that its log cannot be kept.

    Args:
        folder: e.g. the sessions folder.

    Raises:
        OSError: the folder cannot be created, is not a folder, or is not writable.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
        pass
