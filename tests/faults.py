"""Real file-system faults for tests: a tiny tmpfs that can be filled to the brim.

Mounting needs root and the right to mount (CI runs as root on a machine that has it).
Where it cannot be done the test is skipped and says why: like a missing binary, a
missing privilege is not something the test suite can provide.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

DISK_SIZE = "4m"
"""Room for the header (a scenario's whole text) and some minutes of a session."""


class TinyDisk:
    """A mounted tmpfs, and a filler file that takes its free space.

    Args:
        root: where it is mounted.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler"

    def free(self) -> int:
        """Bytes free (tmpfs counts whole pages of 4 KiB)."""
        return shutil.disk_usage(self.root).free

    def fill(self, leave: int = 0) -> None:
        """Take all the free space but ``leave`` bytes."""
        with self.filler.open("ab", buffering=0) as file:
            while (wanted := self.free() - leave) > 0:
                try:
                    if not file.write(bytes(min(wanted, 2**16))):
                        return
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    return

    def release(self) -> None:
        """Give the space back."""
        self.filler.unlink(missing_ok=True)

    def leftovers(self) -> list[Path]:
        """Files that a fault must not leave behind: ``*.partial`` and empty files."""
        return sorted(
            path
            for path in self.root.rglob("*")
            if path.is_file() and (".partial" in path.name or path.stat().st_size == 0)
        )


@contextlib.contextmanager
def tiny_tmpfs(
    folder: Path, size: str = DISK_SIZE, *, read_only: bool = False
) -> Iterator[TinyDisk]:
    """Mount a tmpfs of ``size`` on ``folder`` (created) for the time of the block.

    Args:
        folder: the mount point.
        size: its size, as ``mount`` takes it.
        read_only: mount it read-only (every write fails with EROFS, even as root).
    """
    folder.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0755" + (",ro" if read_only else "")
    command = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)]
    try:
        mounted = subprocess.run(command, capture_output=True, text=True, check=False)
        problem = mounted.stderr.strip() if mounted.returncode else ""
    except OSError as error:  # no mount command at all
        problem = str(error)
    if problem:
        pytest.skip(f"cannot mount a tmpfs here: needs root and the right to mount ({problem})")
    try:
        yield TinyDisk(folder)
    finally:
        # Lazily: a file a failed test left open must not keep the mount alive.
        subprocess.run(["umount", "--lazy", str(folder)], check=False)
