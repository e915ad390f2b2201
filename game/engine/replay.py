"""Rebuild a session from its log alone: the embedded scenario, the seed, the actions.

People's identities come from the log (Faker's output may differ in another version);
everything else follows from the seed and the actions, taken again at their times.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.engine.actions import Wait, action_from_dict
from game.engine.identities import FakerIdentities, Identity
from game.engine.log import LogContents, LogError, read_log
from game.engine.session import ActionError, Session
from game.scenario.loader import LoadedScenario, load_scenario_text
from game.scenario.problems import ScenarioError


class _LoggedOrFresh:
    """Identities from the log, or fresh ones for people it never recorded.

    A crash can cut a log before a new person's first post was written: a fresh
    identity for them contradicts no record.
    """

    def __init__(self, records: dict[str, dict[str, Any]]) -> None:
        self._records = records
        self._fresh = FakerIdentities()

    def identity(self, person_id: str, locale: str, seed: int, suffix: int) -> Identity:
        record = self._records.get(person_id)
        if record is None:
            return self._fresh.identity(person_id, locale, seed, suffix)
        return Identity(record["name"], record["first_name"], record["handle"], record["city"])


def embedded_scenario(contents: LogContents, path: Path) -> LoadedScenario:
    """The scenario a log's header carries, validated as any scenario file is.

    Raises:
        LogError: the header has no scenario, or it does not validate.
    """
    header = contents.header
    source, origin = header.get("scenario_source"), header.get("scenario_path")
    if not isinstance(source, str) or not isinstance(origin, str):
        raise LogError(f"{path}: the header has no scenario")
    try:
        return load_scenario_text(source, origin, f"{path} (embedded scenario)")
    except ScenarioError as error:
        raise LogError(error.render()) from None


def rebuild_session(path: Path) -> tuple[Session, LogContents]:
    """Replay a session log into a new session (which writes no log of its own).

    Returns:
        The session at the time of the log's last record, and what was read (with
        warnings such as a torn last line).

    Raises:
        LogError: the log cannot be read, or its actions do not replay.
    """
    contents = read_log(path)
    header = contents.header
    loaded = embedded_scenario(contents, path)
    people = {r["id"]: r for r in contents.records if r.get("type") == "person"}
    session = Session(
        loaded,
        seed=int(header["seed"]),
        trainee=str(header.get("trainee", "")),
        language=str(header["language"]),
        identities=_LoggedOrFresh(people),
    )
    # Replay up to the last moment the log knows about, not beyond.
    last = max(int(record.get("t", 0)) for record in contents.records[1:] or [{}])
    for record in contents.records[1:]:
        if record.get("type") != "action":
            continue
        time = int(record.get("t", 0))
        try:
            action = action_from_dict(record["action"])
        except (KeyError, ValueError) as error:
            raise LogError(f"{path}: bad action record at t={time}: {error}") from None
        session.advance_to(time)
        if isinstance(action, Wait):
            session.advance_to(min(time + action.seconds, last))
            continue
        try:
            session.act(action)
        except ActionError as error:
            raise LogError(f"{path}: action at t={time} does not replay: {error}") from None
    session.advance_to(last)
    if contents.records[-1].get("type") == "close":
        session.close()
    return session, contents
