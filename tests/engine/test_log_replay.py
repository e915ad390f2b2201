"""The session log: byte-identical for equal sessions, replayable, tolerant of a torn end."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.engine import PrivateMessage, Reply, Search, Session, Statement, Warn
from game.engine.replay import rebuild_session
from game.journal.codec import LogError
from game.journal.events import ActionTaken, PersonJoined, PostArrived
from game.journal.logfile import SessionLog, read_log
from game.paths import DATA_DIR_ENV
from game.scenario import LoadedScenario
from scoring import read_reply
from tests.conftest import ENGINE_SCENARIO


def _play(loaded: LoadedScenario, path: Path, seed: int = 5) -> Session:
    """A session with a bit of everything, logged to ``path``."""
    log = SessionLog(path)
    session = Session(
        loaded,
        reader=read_reply,
        seed=seed,
        language="en",
        trainee="Ana",
        subscribers=[log.record],
    )
    session.advance(130)
    session.act(Search())
    for post in list(session.visible_posts()):
        if post.tone == "abusive":
            session.act(Warn(post.id, "A reminder of our rules: no insults."))
        elif post.waiting and post.source == "inject:first":
            session.act(Reply(post.id, "We're so sorry, our fault. We'll call you in 20 minutes."))
        elif post.waiting:
            session.act(PrivateMessage(post.id, "Sorry! Let's talk in private."))
    session.advance(200)
    session.act(Statement("We apologise: the machine broke, we replaced it."))
    session.advance(400)
    session.close()
    log.close()
    return session


def test_header_carries_everything_needed(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    _play(engine_scenario, tmp_path / "a.jsonl")
    header = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert header["type"] == "header"
    assert header["scenario"] == "engine-test"
    assert header["scenario_hash"] == engine_scenario.content_hash
    assert header["scenario_source"] == engine_scenario.source_text
    assert (header["seed"], header["language"], header["trainee"]) == (5, "en", "Ana")
    assert set(header["versions"]) == {"crisisdrill", "faker", "python"}


def test_same_inputs_same_bytes(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    _play(engine_scenario, tmp_path / "a.jsonl")
    _play(engine_scenario, tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    _play(engine_scenario, tmp_path / "c.jsonl", seed=6)
    assert (tmp_path / "a.jsonl").read_bytes() != (tmp_path / "c.jsonl").read_bytes()


def test_log_records_people_posts_and_actions(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    session = _play(engine_scenario, tmp_path / "a.jsonl")
    records = read_log(tmp_path / "a.jsonl").records
    kinds = {record.tag for record in records}
    assert {"header", "person", "post", "action", "metrics", "promise"} <= kinds
    posts = [r.post for r in records if isinstance(r, PostArrived)]
    crowd_posts = [p for p in session.posts.values() if not p.from_brand]
    assert [p.id for p in posts] == [p.id for p in crowd_posts]
    people = {r.person.id for r in records if isinstance(r, PersonJoined)}
    assert people == set(session.crowd.people)
    actions = [r for r in records if isinstance(r, ActionTaken)]
    assert actions[0].action == Search()


def test_replay_reproduces_the_session(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    session = _play(engine_scenario, tmp_path / "a.jsonl")
    rebuilt, contents = rebuild_session(tmp_path / "a.jsonl", read_reply)
    assert contents.warnings == []
    assert rebuilt.state_fingerprint() == session.state_fingerprint()


def test_replay_uses_logged_identities(engine_scenario: LoadedScenario, tmp_path: Path) -> None:
    _play(engine_scenario, tmp_path / "a.jsonl")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    person = next(i for i, line in enumerate(lines) if '"type":"person"' in line)
    record = json.loads(lines[person])
    record["name"] = "Nombre Desde Log"
    lines[person] = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rebuilt, _ = rebuild_session(tmp_path / "a.jsonl", read_reply)
    assert rebuilt.crowd.people[record["id"]].name == "Nombre Desde Log"


def test_torn_last_line_is_ignored_with_a_warning(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    _play(engine_scenario, tmp_path / "a.jsonl")
    text = (tmp_path / "a.jsonl").read_text(encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(text + '{"type":"post","id":"m9', encoding="utf-8")
    contents = read_log(tmp_path / "a.jsonl")
    assert len(contents.warnings) == 1
    assert "the last line is incomplete" in contents.warnings[0]
    _rebuilt, contents = rebuild_session(tmp_path / "a.jsonl", read_reply)
    assert contents.warnings


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "not a crisisdrill session log (no header)"),
        ('{"type":"post"}\n', "not a crisisdrill session log (no header)"),
        ('{"type":"header","format":99}\n', "log format 99 is not supported"),
        ('{"type":"header","format":1}\nxx\n{"type":"post"}\n', "damaged line in the middle"),
        ('{"type":"header","format":1}\n', "the header has no scenario"),
    ],
)
def test_unusable_logs(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LogError, match=re.escape(message)):
        rebuild_session(path, read_reply)


def test_missing_log(tmp_path: Path) -> None:
    with pytest.raises(LogError, match="cannot read"):
        read_log(tmp_path / "none.jsonl")


def test_a_log_appears_only_with_its_whole_header(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    log = SessionLog(path)
    assert not path.exists()  # killed before the header: no log at all, not an empty one
    log.write({"type": "header", "format": 1})
    assert path.read_text(encoding="utf-8") == '{"type":"header","format":1}\n'
    assert not list(tmp_path.glob(".*.partial"))
    log.write({"type": "close", "t": 0})
    log.close()
    assert len(path.read_text(encoding="utf-8").splitlines()) == 2
    SessionLog(tmp_path / "never.jsonl").close()
    assert not (tmp_path / "never.jsonl").exists()


def test_a_numbered_log_takes_the_first_free_name_and_never_an_existing_one(
    tmp_path: Path,
) -> None:
    (tmp_path / "x-seed1-001.jsonl").write_text("someone else's", encoding="utf-8")
    log = SessionLog.numbered(tmp_path, "x-seed1")
    log.write({"type": "header", "format": 1})
    log.close()
    assert log.path.name == "x-seed1-002.jsonl"
    assert (tmp_path / "x-seed1-001.jsonl").read_text(encoding="utf-8") == "someone else's"


def test_a_log_given_an_existing_path_refuses_to_share_it(tmp_path: Path) -> None:
    path = tmp_path / "taken.jsonl"
    path.write_text("taken\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        SessionLog(path).write({"type": "header", "format": 1})
    assert path.read_text(encoding="utf-8") == "taken\n"
    assert not list(tmp_path.glob(".*.partial"))


def test_same_session_same_bytes_across_processes(tmp_path: Path) -> None:
    """Nothing depends on the process: not string hashing, not the order of sets."""
    logs = []
    for hash_seed in ("1", "2"):
        folder = tmp_path / hash_seed
        subprocess.run(
            [sys.executable, "-m", "game", "simulate", str(ENGINE_SCENARIO), "--policy", "ideal"],
            env={**os.environ, DATA_DIR_ENV: str(folder), "PYTHONHASHSEED": hash_seed},
            check=True,
            capture_output=True,
        )
        logs.append(next((folder / "sessions").glob("*.jsonl")).read_bytes())
    assert logs[0] == logs[1]
