"""The gaming bots, and leaving early: the crisis runs on to the end without the trainee."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.clocktime import clock_time
from game.engine import ActionError, Refusal, Reply, Session
from game.engine.gaming import (
    GAMING_BOTS,
    LEAVE_AT_SECONDS,
    OTHER_LANGUAGE,
    PasteBot,
)
from game.engine.policies import GAMING_POLICIES, POLICIES
from game.engine.replay import rebuild_session
from game.engine.session import Leave
from game.engine.simulate import RunResult, play
from game.journal.events import (
    ActionTaken,
    Event,
    PostArrived,
    SessionClosed,
    SessionEnded,
    TraineeLeft,
)
from game.journal.logfile import SessionLog, read_log
from game.scenario import LoadedScenario, load_scenario
from game.scenario.catalog import builtin_scenario_dir
from scoring import read_reply
from scoring.scorer import score

LANGUAGES = ("es", "en")


@pytest.fixture(scope="module")
def turistas() -> LoadedScenario:
    """A built-in scenario in both languages, with foreign customers."""
    return load_scenario(builtin_scenario_dir() / "turistas.yaml")


def _play(
    loaded: LoadedScenario, name: str, language: str, folder: Path, seed: int = 1
) -> tuple[RunResult, list[Session]]:
    ended: list[Session] = []
    run = play(
        loaded,
        POLICIES[name](),
        seed=seed,
        language=language,
        reader=read_reply,
        log_dir=folder,
        on_end=ended.append,
    )
    return run, ended


def _records(run: RunResult) -> list[Event]:
    assert run.log is not None
    return read_log(Path(run.log)).records


def test_every_gaming_bot_is_a_policy() -> None:
    assert tuple(GAMING_BOTS) == GAMING_POLICIES
    assert set(GAMING_POLICIES) <= set(POLICIES)
    for name in GAMING_POLICIES:
        bot = POLICIES[name]()
        assert bot.name == name
        assert type(bot).__doc__, name  # check quotes its first line


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", GAMING_POLICIES)
def test_gaming_bots_play_deterministically(
    turistas: LoadedScenario, tmp_path: Path, name: str, language: str
) -> None:
    first, _ = _play(turistas, name, language, tmp_path / "a")
    second, _ = _play(turistas, name, language, tmp_path / "b")
    assert first.rejected == 0
    assert first.actions > 0
    assert first.log is not None and second.log is not None
    assert Path(first.log).read_bytes() == Path(second.log).read_bytes()
    records = _records(first)
    assert isinstance(records[-1], SessionClosed)
    assert any(isinstance(record, SessionEnded) for record in records)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "name", [name for name in GAMING_POLICIES if issubclass(type(POLICIES[name]()), PasteBot)]
)
def test_paste_bots_paste_one_text_in_the_sessions_language(
    turistas: LoadedScenario, tmp_path: Path, name: str, language: str
) -> None:
    run, _ = _play(turistas, name, language, tmp_path)
    bot = POLICIES[name]()
    assert isinstance(bot, PasteBot)
    template = bot.TEXTS[language]
    fixed = template.split("{first_name}")[-1]  # what follows the name is the same for all
    replies = [
        record.action.text
        for record in _records(run)
        if isinstance(record, ActionTaken) and isinstance(record.action, Reply)
    ]
    assert replies
    assert all(text.endswith(fixed) for text in replies)
    if "{first_name}" not in template:
        assert len(set(replies)) == 1  # word for word, whoever it is for


@pytest.mark.parametrize("language", LANGUAGES)
def test_wrong_language_answers_in_the_other_language(
    turistas: LoadedScenario, tmp_path: Path, language: str
) -> None:
    run, _ = _play(turistas, "wrong_language", language, tmp_path)
    ideal, _ = _play(turistas, "ideal", language, tmp_path)
    texts = [
        getattr(record.action, "text", "")
        for record in _records(run)
        if isinstance(record, ActionTaken) and isinstance(record.action, Reply)
    ]
    assert texts
    other = OTHER_LANGUAGE[language]
    read = [read_reply(text, other).analysis.language for text in texts]
    assert read.count(other) > len(read) * 0.8, list(zip(read, texts, strict=True))
    # The ideal bot's handling: the first action is the same kind at the same time.
    first = [r for r in _records(run) if isinstance(r, ActionTaken)][:3]
    first_ideal = [r for r in _records(ideal) if isinstance(r, ActionTaken)][:3]
    assert [(r.time, r.action.kind) for r in first] == [
        (r.time, r.action.kind) for r in first_ideal
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_early_quitters_log_runs_to_the_end_and_replays(
    turistas: LoadedScenario, tmp_path: Path, language: str
) -> None:
    run, ended = _play(turistas, "early_quitter", language, tmp_path)
    (session,) = ended
    records = _records(run)
    left = [record for record in records if isinstance(record, TraineeLeft)]
    assert [record.time for record in left] == [LEAVE_AT_SECONDS]
    assert session.left == LEAVE_AT_SECONDS
    actions = [record for record in records if isinstance(record, ActionTaken)]
    assert len(actions) <= 1 and all(a.time <= LEAVE_AT_SECONDS for a in actions)
    # The crisis ran on: the crowd kept posting, and the session ended by itself.
    assert any(isinstance(r, PostArrived) and r.time > LEAVE_AT_SECONDS for r in records)
    end = next(record for record in records if isinstance(record, SessionEnded))
    final = {phase.id for phase in turistas.scenario.phases if phase.final}
    duration = turistas.scenario.meta.duration_minutes * 60
    assert end.time == duration or end.phase in final
    assert isinstance(records[-1], SessionClosed) and records[-1].time == end.time
    assert run.final_phase == end.phase
    assert run.log is not None
    rebuilt, contents = rebuild_session(Path(run.log), read_reply)
    assert contents.warnings == []
    assert rebuilt.state_fingerprint() == session.state_fingerprint()
    # The score says so, and judges what happened after.
    card = score(turistas.scenario, records)
    left_early = [f for f in card.findings if f.rule == "O1" and f.time == LEAVE_AT_SECONDS]
    assert left_early and left_early[0].severity == "-"
    # The moment reads as the scenario's clock, like every other moment shown.
    assert clock_time(LEAVE_AT_SECONDS, language) in left_early[0].message
    assert (card.overall or 0) <= 60


def test_leaving_is_an_action_and_nothing_can_be_done_after_it(
    engine_scenario: LoadedScenario, tmp_path: Path
) -> None:
    log = SessionLog(tmp_path / "s.jsonl")
    session = Session(
        engine_scenario, seed=3, reader=read_reply, language="en", subscribers=[log.record]
    )
    session.advance(90)
    events = session.act(Leave())
    log.close()
    assert isinstance(events[0], TraineeLeft) and events[0].time == 90
    assert isinstance(events[-1], SessionClosed)
    assert session.ended and session.left == 90
    assert session.now == engine_scenario.scenario.meta.duration_minutes * 60 or any(
        isinstance(event, SessionEnded) and event.reason == "final phase" for event in events
    )
    with pytest.raises(ActionError) as refused:
        session.act(Leave())
    assert refused.value.refusal is Refusal.SESSION_ENDED
    assert session.leave() == []  # once is enough
    rebuilt, _ = rebuild_session(tmp_path / "s.jsonl", read_reply)
    assert rebuilt.state_fingerprint() == session.state_fingerprint()


def test_leaving_an_ended_session_only_closes_it(engine_scenario: LoadedScenario) -> None:
    session = Session(engine_scenario, seed=3, reader=read_reply, language="en")
    session.advance(engine_scenario.scenario.meta.duration_minutes * 60)
    assert session.ended
    events = session.leave()
    assert [type(event) for event in events] == [SessionClosed]
    assert session.left is None


def test_a_log_torn_after_leaving_replays_only_as_far_as_it_goes(
    turistas: LoadedScenario, tmp_path: Path
) -> None:
    run, _ = _play(turistas, "early_quitter", "es", tmp_path)
    assert run.log is not None
    lines = Path(run.log).read_text(encoding="utf-8").splitlines()
    left = next(i for i, line in enumerate(lines) if '"type":"left"' in line)
    torn = tmp_path / "torn.jsonl"
    torn.write_text("\n".join(lines[: left + 20]) + "\n", encoding="utf-8")
    rebuilt, contents = rebuild_session(torn, read_reply)
    last = max(record.time for record in contents.records[1:])
    assert rebuilt.left == LEAVE_AT_SECONDS
    assert rebuilt.now == last and not rebuilt.ended
