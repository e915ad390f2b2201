"""Rebuild a session from its log alone: the embedded scenario, the seed, the actions.

People's identities come from the log (Faker's output may differ in another version);
everything else follows from the seed and the actions, taken again at their times.
"""

from __future__ import annotations

from pathlib import Path

from game.engine.identities import FakerIdentities, Identity
from game.engine.ports import ReplyReader
from game.engine.refusals import ActionError
from game.engine.session import Session
from game.journal.actions import Wait
from game.journal.codec import LogError
from game.journal.events import ActionTaken, PersonJoined, SessionClosed, TraineeLeft
from game.journal.logfile import LogContents, read_log
from game.journal.records import PersonRecord
from game.scenario.loader import LoadedScenario, load_scenario_text
from game.scenario.problems import ScenarioError


class _LoggedOrFresh:
    """Identities from the log, or fresh ones for people it never recorded.

    A crash can cut a log before a new person's first post was written: a fresh
    identity for them contradicts no record.
    """

    def __init__(self, records: dict[str, PersonRecord]) -> None:
        self._records = records
        self._fresh = FakerIdentities()

    def identity(self, person_id: str, locale: str, seed: int, suffix: int) -> Identity:
        record = self._records.get(person_id)
        if record is None:
            return self._fresh.identity(person_id, locale, seed, suffix)
        return Identity(record.name, record.first_name, record.handle, record.city)


def embedded_scenario(contents: LogContents, path: Path) -> LoadedScenario:
    """The scenario a log's header carries, validated as any scenario file is.

    Raises:
        LogError: the header has no scenario, or it does not validate.
    """
    header = contents.header
    if not header.scenario_source:
        raise LogError(f"{path}: the header has no scenario")
    try:
        return load_scenario_text(
            header.scenario_source, header.scenario_path, f"{path} (embedded scenario)"
        )
    except ScenarioError as error:
        raise LogError(error.render()) from None


def rebuild_session(path: Path, reader: ReplyReader) -> tuple[Session, LogContents]:
    """Replay a session log into a new session (which writes no log of its own).

    Args:
        path: the session log.
        reader: reads the brand's replies, as it did when the session was played.

    Returns:
        The session at the time of the log's last record, and what was read (with
        warnings such as a torn last line).

    Raises:
        LogError: the log cannot be read, or its actions do not replay.
    """
    contents = read_log(path)
    header = contents.header
    loaded = embedded_scenario(contents, path)
    people = {e.person.id: e.person for e in contents.records if isinstance(e, PersonJoined)}
    session = Session(
        loaded,
        seed=header.seed,
        reader=reader,
        trainee=header.trainee,
        language=header.language,
        identities=_LoggedOrFresh(people),
    )
    # Replay up to the last moment the log knows about, not beyond.
    last = max((event.time for event in contents.records[1:]), default=0)
    for event in contents.records[1:]:
        if isinstance(event, TraineeLeft):
            # What followed the leaving is in the log: run on only as far as it goes.
            session.advance_to(event.time)
            session.leave(run_on=False)
            continue
        if not isinstance(event, ActionTaken):
            continue
        session.advance_to(event.time)
        if isinstance(event.action, Wait):
            session.advance_to(min(event.time + event.action.seconds, last))
            continue
        try:
            session.act(event.action)
        except ActionError as error:
            raise LogError(f"{path}: action at t={event.time} does not replay: {error}") from None
    session.advance_to(last)
    if isinstance(contents.records[-1], SessionClosed):
        session.close()
    return session, contents
