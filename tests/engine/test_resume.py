"""Resuming a session from its log: the same file goes on, verifies, and is deterministic."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.engine import PrivateMessage, Reply, Search, Session, Statement, Warn
from game.engine.replay import resume_session
from game.journal.logfile import LogBusy, SessionLog, read_log
from game.scenario import LoadedScenario
from game.services.verify import Status, verify_log
from scoring import read_reply


def _first_half(session: Session) -> None:
    session.advance(100)
    session.push_post("customer", "chirp", "Still waiting for my refund.")  # replayed too
    session.advance(30)
    session.act(Search())
    for post in list(session.visible_posts()):
        if post.tone == "abusive":
            session.act(Warn(post.id, "A reminder of our rules: no insults."))
        elif post.waiting and post.source == "inject:first":
            session.act(Reply(post.id, "We're so sorry, our fault. We'll call you in 20 minutes."))
        elif post.waiting:
            session.act(PrivateMessage(post.id, "Sorry! Let's talk in private."))
    session.advance(200)


def _second_half(session: Session) -> None:
    session.advance_to(400)
    session.act(Statement("We apologise: the machine broke, we replaced it."))
    for post in list(session.visible_posts()):
        if post.waiting:
            session.act(Reply(post.id, "Sorry for the wait, it is fixed now."))
            break
    session.push_post("customer", "chirp", "And my order?")  # after the resume: appended
    session.advance(300)
    session.close()


def _new_session(loaded: LoadedScenario, log: SessionLog) -> Session:
    return Session(
        loaded, reader=read_reply, seed=5, language="en", trainee="Ana", subscribers=[log.record]
    )


def _uninterrupted(loaded: LoadedScenario, path: Path) -> bytes:
    log = SessionLog(path)
    session = _new_session(loaded, log)
    _first_half(session)
    _second_half(session)
    log.close()
    return path.read_bytes()


def _dropped(loaded: LoadedScenario, path: Path) -> None:
    """The first half, then the process is gone: no leave, no close."""
    log = SessionLog(path)
    _first_half(_new_session(loaded, log))
    log.close()


def _resume_and_finish(path: Path) -> Session:
    resumed = resume_session(path, read_reply)
    assert not resumed.closed
    resumed.session.subscribe(resumed.log.record)
    _second_half(resumed.session)
    resumed.log.close()
    return resumed.session


def test_a_resumed_session_writes_the_same_log_as_one_never_interrupted(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    whole = _uninterrupted(engine_scenario, tmp_path / "whole.jsonl")
    path = tmp_path / "dropped.jsonl"
    _dropped(engine_scenario, path)
    before = path.read_bytes()
    assert before.count(b'"type":"facilitator"') == 1  # a push before the drop, replayed
    _resume_and_finish(path)
    after = path.read_bytes()
    assert after.count(b'"type":"facilitator"') == 2
    assert after.startswith(before)  # nothing already there was rewritten
    assert after == whole  # metrics samples included: the replay restores their minute
    assert verify_log(path).status is Status.VERIFIED


def test_the_replay_restores_the_session_where_the_log_ends(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    path = tmp_path / "dropped.jsonl"
    _dropped(engine_scenario, path)
    last = read_log(path).records[-1].time
    resumed = resume_session(path, read_reply)
    resumed.log.close()
    assert resumed.session.now == last  # the clock did not run while nobody played
    assert any(post.answered_at is not None for post in resumed.session.posts.values())
    assert len(resumed.replayed) > len(read_log(path).records)  # transient events too


@pytest.mark.parametrize("tail", [b'{"type":"act', b"\xff\xfe garbage"])
def test_a_torn_last_line_is_cut_off_before_appending(
    engine_scenario: LoadedScenario, tmp_path: Path, tail: bytes
) -> None:
    whole = _uninterrupted(engine_scenario, tmp_path / "whole.jsonl")
    path = tmp_path / "torn.jsonl"
    _dropped(engine_scenario, path)
    with path.open("ab") as file:
        file.write(tail)
    _resume_and_finish(path)
    assert path.read_bytes() == whole
    assert read_log(path).warnings == []
    assert verify_log(path).status is Status.VERIFIED


def test_a_whole_last_record_missing_its_newline_is_kept(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    whole = _uninterrupted(engine_scenario, tmp_path / "whole.jsonl")
    path = tmp_path / "cut.jsonl"
    _dropped(engine_scenario, path)
    with path.open("rb+") as file:
        file.truncate(os.path.getsize(path) - 1)  # only the last newline is lost
    _resume_and_finish(path)
    assert path.read_bytes() == whole


def test_a_closed_log_is_rebuilt_but_says_so(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    path = tmp_path / "whole.jsonl"
    whole = _uninterrupted(engine_scenario, path)
    resumed = resume_session(path, read_reply)
    resumed.log.close()
    assert resumed.closed and resumed.session.ended
    assert path.read_bytes() == whole


def test_a_log_another_game_is_writing_cannot_be_resumed(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    log = SessionLog.numbered(tmp_path, "live")
    session = _new_session(engine_scenario, log)
    session.advance(60)
    with pytest.raises(LogBusy):
        resume_session(log.path, read_reply)
    log.close()
    resume_session(log.path, read_reply).log.close()  # once it is let go, it can be
