"""Rebuild a session from its log alone: the embedded scenario, the seed, the actions.

People's identities come from the log (Faker's output may differ in another version);
everything else follows from the seed and the actions, taken again at their times.
A replayed session can also go on where its log ends, into the same file
(``resume_session``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from game.engine.identities import FakerIdentities, Identity, IdentitySource
from game.engine.ports import ReplyReader
from game.engine.refusals import ActionError, Refusal
from game.engine.session import Session, Subscriber
from game.journal.actions import Wait
from game.journal.codec import LogError
from game.journal.events import (
    ActionTaken,
    DraftUnsent,
    Event,
    FacilitatorPushed,
    PersonJoined,
    SessionClosed,
    SessionLabels,
    TraineeLeft,
)
from game.journal.logfile import LogContents, SessionLog, read_log
from game.journal.records import PersonRecord
from game.scenario.loader import LoadedScenario, load_scenario_text
from game.scenario.model import Tone
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


class UnreplayableAction(LogError):
    """A recorded action that the engine refuses at its time (the log was not written so).

    Attributes:
        line: the log line of the action (the header is line 1).
        reason: why the engine refused it.
    """

    def __init__(self, message: str, line: int, reason: str) -> None:
        super().__init__(message)
        self.line = line
        self.reason = reason


def replay_session(
    contents: LogContents,
    path: Path,
    reader: ReplyReader,
    *,
    identities: IdentitySource | None = None,
    subscribers: Iterable[Subscriber] = (),
) -> Session:
    """A new session of the log's scenario, seed, language and trainee (it writes no log).

    Args:
        contents: the log as read.
        path: the log, for messages.
        reader: reads the brand's replies, as it did when the session was played.
        identities: where people's names come from (default: the log's records).
        subscribers: watch every event of the replay, the header first.

    Raises:
        LogError: the embedded scenario is unusable, or lacks the log's language.
    """
    header = contents.header
    if identities is None:
        people = {e.person.id: e.person for e in contents.records if isinstance(e, PersonJoined)}
        identities = _LoggedOrFresh(people)
    loaded = embedded_scenario(contents, path)
    try:
        return Session(
            loaded,
            seed=header.seed,
            reader=reader,
            trainee=header.trainee,
            language=header.language,
            labels=SessionLabels(header.mode, header.cohort, header.started, header.round),
            subscribers=subscribers,
            identities=identities,
        )
    except ValueError as error:  # a language the scenario does not have
        raise LogError(f"{path}: {error}") from None


def take_actions(session: Session, contents: LogContents, path: Path, *, whole: bool) -> None:
    """Take the log's actions, pushes, unsent drafts and leaving again, each at its time.

    The session ends at the log's last moment, closed if the log was closed there.

    Args:
        session: a fresh session of the log (``replay_session``).
        contents: the log as read.
        path: the log, for messages.
        whole: replay a leaving as it was played, running on to the end with nobody
            answering, and waits in full; False stops at the log's last moment (a torn
            log is not run past what it holds).

    Raises:
        UnreplayableAction: an action the engine refuses at its time.
    """
    records = contents.records
    # The last moment the log knows about.
    last = max((event.time for event in records[1:]), default=0)
    for line, event in enumerate(records[1:], start=2):
        if isinstance(event, TraineeLeft):
            session.advance_to(event.time)
            session.leave(run_on=whole)
            continue
        if isinstance(event, DraftUnsent):  # written again where it was, changing nothing
            session.advance_to(event.time)
            session.keep_unsent(event.text, event.post_id)
            continue
        if isinstance(event, FacilitatorPushed):  # pushed again where it was, as an action
            session.advance_to(event.time)
            _push(session, event, path, line)
            continue
        if not isinstance(event, ActionTaken):
            continue
        session.advance_to(event.time)
        action = event.action
        if isinstance(action, Wait) and not whole:
            action = Wait(max(0, min(action.seconds, last - event.time)))
        try:
            session.act(action)
        except ActionError as error:
            raise UnreplayableAction(
                f"{path}: action at t={event.time} does not replay: {error}", line, str(error)
            ) from None
    session.advance_to(last)
    if isinstance(records[-1], SessionClosed):
        session.close()


def _push(session: Session, event: FacilitatorPushed, path: Path, line: int) -> None:
    """Push a facilitator's post again; a push the engine refuses is an unreplayable line."""
    try:
        if event.inject is not None:
            session.push_inject(event.inject)
            return
        tone = next((tone for tone in get_args(Tone) if tone == event.tone), None)
        if tone is None:
            raise ActionError(Refusal.UNKNOWN_ACTION, action=f"a post of tone {event.tone!r}")
        session.push_post(event.persona, event.channel, event.text, tone)
    except ActionError as error:
        raise UnreplayableAction(
            f"{path}: facilitator's push at t={event.time} does not replay: {error}",
            line,
            str(error),
        ) from None


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
    session = replay_session(contents, path, reader)
    take_actions(session, contents, path, whole=False)
    return session, contents


@dataclass
class Resumed:
    """A session rebuilt from its log, ready to go on into the same file.

    Attributes:
        session: the session at the log's last moment (closed if the log was).
        contents: the log as read (after its torn tail, if any, was cut off).
        log: the same file, locked and open for appending; subscribe its ``record``
            (or a wrapper of it) to the session to keep it.
        replayed: every event of the replay, in order, for a front end to show.
    """

    session: Session
    contents: LogContents
    log: SessionLog
    replayed: list[Event]

    @property
    def closed(self) -> bool:
        """Whether the log was closed: nothing can be played on in it."""
        return isinstance(self.contents.records[-1], SessionClosed)


def resume_session(path: Path, reader: ReplyReader) -> Resumed:
    """Rebuild a session from its log and open the log to go on where it ends.

    The log is locked and mended first (``SessionLog.reopen``: a torn last line is cut
    off), then read and replayed up to its last moment (``take_actions`` with
    ``whole=False``). Nothing of the replay is written: the records are already in the
    file, and only what happens after this moment is appended to it. Simulated time
    resumes at the log's last record; whatever the original session did after that
    without writing it (quiet ticks) is played again from there, on the same grid.

    Args:
        path: the session log.
        reader: reads the brand's replies, as it did when the session was played.

    Raises:
        LogBusy: another process is writing the log.
        LogError: the log cannot be read, or its actions do not replay.
        OSError: the log cannot be opened for writing.
    """
    log = SessionLog.reopen(path)
    try:
        contents = read_log(path)
        replayed: list[Event] = []
        session = replay_session(contents, path, reader, subscribers=[replayed.append])
        take_actions(session, contents, path, whole=False)
        session.advance(0)  # hand out what the replay left in the session's batch
    except BaseException:
        log.close()
        raise
    return Resumed(session, contents, log, replayed)
