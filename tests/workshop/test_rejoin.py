"""Which of a round's logs is a returning trainee's: read from the header, never the name."""

from __future__ import annotations

import json
import os
from pathlib import Path

from game.workshop.rejoin import find_log
from game.workshop.round import Round

ROUND = Round.create("rebajas", "rebajas", language="en", seed=7, mode="practice", speed=1.0)


def _log(folder: Path, name: str, mtime: int, **header: object) -> Path:
    fields: dict[str, object] = {
        "type": "header",
        "format": 1,
        "trainee": "Ana",
        "seed": 7,
        "language": "en",
        "cohort": ROUND.round_id,
    }
    fields.update(header)
    path = folder / name
    path.write_text(json.dumps(fields) + '\n{"type":"close","t":5}\n', encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def test_the_latest_log_whose_header_names_the_trainee_is_theirs(tmp_path: Path) -> None:
    _log(tmp_path, "rebajas-seed7-001.jsonl", 100)
    latest = _log(tmp_path, "rebajas-seed7-002.jsonl", 300)
    _log(tmp_path, "rebajas-seed7-003.jsonl", 400, trainee="Bea")
    _log(tmp_path, "Ana.jsonl", 500, trainee="Ana Pérez")  # the file name proves nothing
    _log(tmp_path, "rebajas-seed7-004.jsonl", 600, cohort="another-round")
    _log(tmp_path, "rebajas-seed8-001.jsonl", 700, seed=8)
    _log(tmp_path, "rebajas-seed7-005.jsonl", 800, language="es")
    assert find_log(tmp_path, "Ana", ROUND) == latest
    assert find_log(tmp_path, "Carla", ROUND) is None


def test_links_partials_and_strangers_are_passed_over(tmp_path: Path) -> None:
    outside = _log(tmp_path, "outside.jsonl", 100)
    folder = tmp_path / "sessions"
    folder.mkdir()
    (folder / "linked.jsonl").symlink_to(outside)  # nobody's session to write into
    _log(folder, ".tmp123.partial", 200)
    (folder / "garbage.jsonl").write_bytes(b"\xff\xfe{{{\n")
    (folder / "list.jsonl").write_text("[1, 2]\n", encoding="utf-8")
    (folder / "a-folder.jsonl").mkdir()
    assert find_log(folder, "Ana", ROUND) is None
    assert find_log(tmp_path / "missing", "Ana", ROUND) is None
