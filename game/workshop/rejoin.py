"""A trainee back in a round: which session log of theirs their seat goes on with.

A browser that drops and reconnects gets a new game process (the door starts one per
websocket) with the same round folder and name. The seat looks in the round's
``sessions/`` folder for that trainee's log and resumes it (``AppConfig.resume``).

Which log: the trainee's most recently written one, whose header names this trainee
and this round's scenario, seed and language. File names are not trusted for any of
that (they are numbered per scenario and seed, the same for everyone in a round):
only the header is. If that log is open, its session goes on; if it is closed (the
trainee finished, or left and the crisis ran to its end), the seat opens on its
debrief and nothing new is played (a second session in the same round would compete
with the first in the class debrief). Only the header line of each log is read, so
finding costs little even in a folder of forty long sessions.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from game.journal.logfile import MAX_LOG_BYTES
from game.workshop.round import Round

MAX_HEADER_BYTES = 4 * 2**20
"""The longest header read (it carries the scenario's text, a few tens of KiB)."""


def find_log(folder: Path, trainee: str, round_: Round) -> Path | None:
    """The trainee's latest log in a round's sessions folder, if they have one.

    Args:
        folder: the round's ``sessions/`` folder.
        trainee: the trainee's name, as the header has it.
        round_: the round (its scenario's seed and language must be the log's).

    Returns:
        The most recently written of the trainee's logs, or None.
    """
    best: tuple[int, Path] | None = None
    try:
        entries = list(os.scandir(folder))
    except OSError:  # no folder yet: nobody has played
        return None
    for entry in entries:
        if entry.name.startswith(".") or not entry.name.endswith(".jsonl"):
            continue  # ".…partial": a header being written, not a log yet
        try:
            status = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        # A link or a special file in the folder is nobody's session to write into.
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_LOG_BYTES:
            continue
        path = Path(entry.path)
        if _is_theirs(path, trainee, round_) and (best is None or status.st_mtime_ns > best[0]):
            best = (status.st_mtime_ns, path)
    return None if best is None else best[1]


def _is_theirs(path: Path, trainee: str, round_: Round) -> bool:
    """Whether a log's header names this trainee in this round's session."""
    try:
        with path.open("rb") as file:
            line = file.readline(MAX_HEADER_BYTES)
        header = json.loads(line)
    except (OSError, ValueError, RecursionError):
        return False
    return (
        isinstance(header, dict)
        and header.get("type") == "header"
        and header.get("trainee") == trainee
        and header.get("seed") == round_.seed
        and header.get("language") == round_.language
        # Logs of the facilitator's own tries, or another round's copied here, differ.
        and header.get("cohort") == round_.round_id
    )
