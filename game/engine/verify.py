"""Does a session log prove itself? Replay it and compare, record by record.

A genuine log is what the engine writes for the trainee's recorded actions on the
embedded scenario with the recorded seed, language and trainee. Replaying those
actions at their times must give every other record (people, posts, phases, metrics,
promises, the end) again, in order; the embedded scenario's text must match the hash
in the header. The first difference is named with its line.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from game.engine.identities import FakerIdentities, IdentitySource
from game.engine.ports import ReplyReader
from game.engine.replay import UnreplayableAction, replay_session, take_actions
from game.engine.session import Subscriber
from game.journal.codec import Json, encode
from game.journal.events import Event, SessionClosed
from game.journal.logfile import LogContents

HASH_MISMATCH = "scenario text does not match its hash"

_BOM = "\ufeff".encode()
_NOT_COMPARED = ("scenario_hash", "versions")  # of the header
_SHOWN = 60  # characters of a value shown in a message


@dataclass(frozen=True)
class Verdict:
    """What the replay found.

    Attributes:
        problem: None when the log verifies; else ``HASH_MISMATCH`` or
            ``altered: line N (expected ..., found ...)``.
        complete: the log runs to its close record (not cut short by a crash).
    """

    problem: str | None
    complete: bool


def check_log(contents: LogContents, path: Path, reader: ReplyReader) -> Verdict:
    """Replay a log from its header and actions; compare what the engine writes with it.

    A log cut short (a torn last line, or no close record) verifies when every record
    it has is the one the engine writes there.

    Args:
        contents: the log as read.
        path: the log, for messages.
        reader: the reply reader of the game (``scoring.read_reply``).

    Raises:
        LogError: the embedded scenario is unusable.
    """
    complete = isinstance(contents.records[-1], SessionClosed)
    if not scenario_matches_hash(contents):
        return Verdict(HASH_MISMATCH, complete)
    written: list[str] = []
    session = replay_session(
        contents, path, reader, identities=_identities(contents), subscribers=[_keep(written)]
    )
    try:
        take_actions(session, contents, path, whole=True)
    except UnreplayableAction as error:
        # What the engine wrote before the refusal may already differ from the log.
        found = first_difference(contents.records, written, complete)
        if found is not None and found[0] < error.line:
            return Verdict(found[1], complete)
        refused = f"the action does not replay: {error.reason}"
        return Verdict(f"altered: line {error.line} ({refused})", complete)
    else:
        found = first_difference(contents.records, written, complete)
        return Verdict(found[1] if found is not None else None, complete)
    finally:
        session.close()


def scenario_matches_hash(contents: LogContents) -> bool:
    """The embedded scenario's text is the one the header's hash was taken of.

    The hash is of the file's bytes (``LoadedScenario.content_hash``); the embedded
    text has lost a byte-order mark if the file had one.
    """
    header = contents.header
    raw = header.scenario_source.encode()
    return header.scenario_hash in {
        hashlib.sha256(raw).hexdigest(),
        hashlib.sha256(_BOM + raw).hexdigest(),
    }


def first_difference(
    logged: list[Event], written: list[str], complete: bool
) -> tuple[int, str] | None:
    """The first line where the log differs from what the engine wrote, and the message.

    The header (line 1) is compared without its hash (checked on its own: a file's
    byte-order mark is not in the embedded text) and the versions of the software
    (Python's differs from one machine to another; the caller decides on the rest).

    Args:
        logged: the log's records, the header first.
        written: the records the replay wrote, the header first, each as its line.
        complete: the log claims to be whole; a log cut short need only be a prefix.
    """
    if written:
        expected = _comparable_header(json.loads(written[0]))
        found_header = _comparable_header(json.loads(_line(logged[0])))
        if expected != found_header:
            return 1, f"altered: line 1 ({_contrast(expected, found_header)})"
    for index in range(1, len(logged)):
        line = index + 1
        found = _line(logged[index])
        if index >= len(written):
            record = json.loads(found)
            return line, f"altered: line {line} (expected no more records, found {_name(record)})"
        if written[index] != found:
            contrast = _contrast(json.loads(written[index]), json.loads(found))
            return line, f"altered: line {line} ({contrast})"
    if complete and len(written) > len(logged):
        line = len(logged) + 1
        expected = json.loads(written[len(logged)])
        return line, f"altered: line {line} (expected {_name(expected)}, found the end of the log)"
    return None


def _keep(written: list[str]) -> Subscriber:
    def keep(event: Event) -> None:
        if event.tag is not None:
            written.append(_line(event))

    return keep


def _comparable_header(data: Json) -> Json:
    return {key: value for key, value in data.items() if key not in _NOT_COMPARED}


def _line(event: Event) -> str:
    """A recorded event as its log line (field by field, in the codec's order)."""
    return json.dumps(encode(event), ensure_ascii=False, separators=(",", ":"))


def _identities(contents: LogContents) -> IdentitySource | None:
    """Fresh names when Faker is the version that wrote the log; else the log's own."""
    return FakerIdentities() if contents.header.versions.faker == _faker_version() else None


@cache
def _faker_version() -> str:
    try:
        return metadata.version("faker")
    except metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def _name(record: Json) -> str:
    kind = str(record.get("type"))
    article = "an" if kind[:1] in set("aeiou") else "a"
    return f"{article} {kind} record at t={record.get('t')}"


def _contrast(expected: Json, found: Json) -> str:
    if expected.get("type") != found.get("type") or expected.get("t") != found.get("t"):
        return f"expected {_name(expected)}, found {_name(found)}"
    where, wanted, got = _first_field(expected, found, str(expected.get("type")))
    return f"expected {where} {_show(wanted)}, found {_show(got)}"


def _first_field(expected: Any, found: Any, where: str) -> tuple[str, Any, Any]:
    """The first field (dotted, within nested objects) where two values differ."""
    if isinstance(expected, dict) and isinstance(found, dict):
        for key in [*expected, *(key for key in found if key not in expected)]:
            if expected.get(key) != found.get(key):
                return _first_field(expected.get(key), found.get(key), f"{where}.{key}")
    return where, expected, found


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
