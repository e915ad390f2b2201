"""One codec for the session log: recorded events to JSON objects and back.

Writing (the engine's log), replay and scoring all go through here, so the log's
contract is these types: mypy checks every reader, and a line that does not fit its
type is refused with the line it came from. Keys are written in a fixed order, so the
same session writes the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Any, TypeVar, cast

from game.journal.actions import action_from_dict
from game.journal.events import (
    ActionResult,
    ActionTaken,
    DraftUnsent,
    Event,
    FacilitatorPushed,
    FactRevealed,
    MetricsSampled,
    PersonJoined,
    PhaseChanged,
    PostArrived,
    PromiseBroken,
    PromiseKept,
    PromiseMade,
    SessionClosed,
    SessionEnded,
    SessionStarted,
    TraineeLeft,
    Versions,
)
from game.journal.metrics import Metrics
from game.journal.records import PersonRecord, PostRecord
from game.vocabulary import CUES, Cue

LOG_FORMAT = 1
"""The version of the log's layout, written in every header."""

Json = dict[str, Any]
T = TypeVar("T")


class LogError(Exception):
    """A log that cannot be used: missing, not a session log, or damaged before its end."""


# ---------------------------------------------------------------------- encoding


def encode(event: Event) -> Json | None:
    """The JSON object of a recorded event; None for a transient one."""
    encoder = _ENCODERS.get(type(event))
    return encoder(event) if encoder is not None else None


def _header(event: SessionStarted) -> Json:
    data: Json = {
        "type": "header",
        "format": LOG_FORMAT,
        "scenario": event.scenario,
        "scenario_hash": event.scenario_hash,
        "scenario_path": event.scenario_path,
        "scenario_source": event.scenario_source,
        "seed": event.seed,
        "language": event.language,
        "trainee": event.trainee,
        "versions": {
            "crisisdrill": event.versions.crisisdrill,
            "faker": event.versions.faker,
            "python": event.versions.python,
        },
    }
    # Written only when said: logs of earlier versions, without them, still verify.
    for key in ("mode", "cohort", "started", "round"):
        value = getattr(event, key)
        if value:
            data[key] = value
    return data


def _person(event: PersonJoined) -> Json:
    person = event.person
    return {
        "type": "person",
        "t": event.time,
        "id": person.id,
        "persona": person.persona,
        "name": person.name,
        "first_name": person.first_name,
        "handle": person.handle,
        "city": person.city,
        "order": person.order,
        "locale": person.locale,
        "followers": person.followers,
    }


def _post(event: PostArrived) -> Json:
    post = event.post
    return {
        "type": "post",
        "id": post.id,
        "t": post.time,
        "channel": post.channel,
        "author": post.author,
        "text": post.text,
        "language": post.language,
        "tone": post.tone,
        "needs_reply": post.needs_reply,
        "tags_brand": post.tags_brand,
        "thread": post.thread,
        "source": post.source,
        "facts": list(post.facts),
        "exposure": post.exposure,
    }


def _action(event: ActionTaken) -> Json:
    result = event.result
    written: Json = {}
    # Only what applies to this kind of action, in a fixed order.
    if result.reply_id is not None:
        written["reply_id"] = result.reply_id
    if result.posts is not None:
        written["posts"] = list(result.posts)
    if result.cues is not None:
        written["cues"] = list(result.cues)
    if result.found is not None:
        written["found"] = list(result.found)
    return {"type": "action", "t": event.time, "action": event.action.to_dict(), "result": written}


def _timed(tag: str, **values: Any) -> Callable[[Any], Json]:
    """An encoder for a flat event: its tag, its time, then ``key: attribute`` pairs."""

    def encoder(event: Any) -> Json:
        return {
            "type": tag,
            "t": event.time,
            **{key: getattr(event, name) for key, name in values.items()},
        }

    return encoder


def _pushed(event: FacilitatorPushed) -> Json:
    data: Json = {"type": "facilitator", "t": event.time}
    if event.inject is not None:
        data["inject"] = event.inject
    else:
        data.update(persona=event.persona, channel=event.channel, text=event.text, tone=event.tone)
    return data


def _metrics(event: MetricsSampled) -> Json:
    return {"type": "metrics", "t": event.time, **event.metrics.to_dict()}


_ENCODERS: dict[type[Event], Callable[[Any], Json]] = {
    SessionStarted: _header,
    PersonJoined: _person,
    PostArrived: _post,
    ActionTaken: _action,
    PhaseChanged: _timed("phase", **{"from": "previous", "to": "phase"}),
    MetricsSampled: _metrics,
    FactRevealed: _timed("fact", fact="fact_id"),
    PromiseMade: _timed("promise", id="promise_id", post="post_id", text="text", due="due"),
    PromiseKept: _timed("promise_kept", id="promise_id"),
    PromiseBroken: _timed("promise_broken", id="promise_id"),
    FacilitatorPushed: _pushed,
    DraftUnsent: _timed("unsent", text="text", post="post_id"),
    TraineeLeft: _timed("left"),
    SessionEnded: _timed("end", phase="phase", reason="reason"),
    SessionClosed: _timed("close"),
}


# ---------------------------------------------------------------------- decoding


class _Fields:
    """Typed reads of one JSON object; a missing or mistyped key is a LogError."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self._data = data
        self.where = where

    def has(self, key: str) -> bool:
        return key in self._data

    def _get(self, key: str, kind: type[T] | tuple[type, ...], default: Any) -> Any:
        if key not in self._data:
            if default is not _REQUIRED:
                return default
            raise LogError(f"{self.where}: '{key}' is missing")
        value = self._data[key]
        # bool is an int in Python: a count or a time must not be true or false.
        if (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            raise LogError(f"{self.where}: '{key}' has the wrong type")
        return value

    def text(self, key: str, default: Any = None) -> str:
        return cast(str, self._get(key, str, _REQUIRED if default is None else default))

    def whole(self, key: str, default: Any = None) -> int:
        return cast(int, self._get(key, int, _REQUIRED if default is None else default))

    def number(self, key: str) -> float:
        return float(self._get(key, (int, float), _REQUIRED))

    def flag(self, key: str) -> bool:
        return cast(bool, self._get(key, bool, _REQUIRED))

    def text_or_none(self, key: str) -> str | None:
        return cast("str | None", self._get(key, (str, type(None)), _REQUIRED))

    def texts(self, key: str, default: Any = None) -> tuple[str, ...]:
        values = self._get(key, list, _REQUIRED if default is None else default)
        if not all(isinstance(value, str) for value in values):
            raise LogError(f"{self.where}: '{key}' must hold texts")
        return tuple(values)

    def mapping(self, key: str) -> Mapping[str, Any]:
        return cast(Mapping[str, Any], self._get(key, dict, _REQUIRED))


_REQUIRED = object()


def decode(data: Mapping[str, Any], where: str) -> Event:
    """The recorded event of one JSON object of a log.

    Args:
        data: one line of the log, parsed.
        where: ``file:line``, for messages.

    Raises:
        LogError: an unknown type, or a field missing or of the wrong type.
    """
    tag = data.get("type")
    decoder = _DECODERS.get(tag) if isinstance(tag, str) else None
    if decoder is None:
        raise LogError(f"{where}: unknown record type {tag!r}")
    return decoder(_Fields(data, where))


def _decode_header(read: _Fields) -> SessionStarted:
    # Lenient on purpose: a header without its scenario is told as such by the reader
    # of the scenario, which can say more than "a key is missing".
    versions = _Fields(read.mapping("versions") if read.has("versions") else {}, read.where)
    return SessionStarted(
        time=0,
        scenario=read.text("scenario", ""),
        scenario_hash=read.text("scenario_hash", ""),
        scenario_path=read.text("scenario_path", ""),
        scenario_source=read.text("scenario_source", ""),
        seed=read.whole("seed", 0),
        language=read.text("language", ""),
        trainee=read.text("trainee", ""),
        versions=Versions(
            versions.text("crisisdrill", "?"),
            versions.text("faker", "?"),
            versions.text("python", "?"),
        ),
        mode=read.text("mode", ""),
        cohort=read.text("cohort", ""),
        started=read.text("started", ""),
        round=read.text("round", ""),
    )


def _decode_person(read: _Fields) -> PersonJoined:
    return PersonJoined(
        read.whole("t"),
        PersonRecord(
            id=read.text("id"),
            persona=read.text("persona"),
            name=read.text("name"),
            first_name=read.text("first_name"),
            handle=read.text("handle"),
            city=read.text("city"),
            order=read.text("order"),
            locale=read.text("locale"),
            followers=read.whole("followers"),
        ),
    )


def _decode_post(read: _Fields) -> PostArrived:
    post = PostRecord(
        id=read.text("id"),
        time=read.whole("t"),
        channel=read.text("channel"),
        author=read.text("author"),
        text=read.text("text"),
        language=read.text("language"),
        tone=read.text("tone"),
        needs_reply=read.flag("needs_reply"),
        tags_brand=read.flag("tags_brand"),
        thread=read.text("thread"),
        source=read.text("source"),
        facts=read.texts("facts", []),
        exposure=read.whole("exposure", 0),
    )
    return PostArrived(post.time, post)


def _decode_action(read: _Fields) -> ActionTaken:
    try:
        action = action_from_dict(dict(read.mapping("action")))
    except ValueError as error:
        raise LogError(f"{read.where}: bad action: {error}") from None
    result = _Fields(read.mapping("result") if read.has("result") else {}, read.where)
    cues = result.texts("cues") if result.has("cues") else None
    if cues is not None and not set(cues) <= set(CUES):
        raise LogError(f"{read.where}: unknown cue in {list(cues)}")
    return ActionTaken(
        read.whole("t"),
        action,
        ActionResult(
            reply_id=result.text("reply_id") if result.has("reply_id") else None,
            posts=result.texts("posts") if result.has("posts") else None,
            cues=cast("tuple[Cue, ...] | None", cues),
            found=result.texts("found") if result.has("found") else None,
        ),
    )


def _decode_pushed(read: _Fields) -> FacilitatorPushed:
    if read.has("inject"):
        return FacilitatorPushed(read.whole("t"), inject=read.text("inject"))
    return FacilitatorPushed(
        read.whole("t"),
        persona=read.text("persona"),
        channel=read.text("channel"),
        text=read.text("text"),
        tone=read.text("tone"),
    )


def _decode_metrics(read: _Fields) -> MetricsSampled:
    values: dict[str, Any] = {}
    for item in fields(Metrics):
        values[item.name] = (
            read.number(item.name) if item.name == "sentiment" else read.whole(item.name)
        )
    return MetricsSampled(read.whole("t"), Metrics(**values))


_DECODERS: dict[str, Callable[[_Fields], Event]] = {
    "header": _decode_header,
    "person": _decode_person,
    "post": _decode_post,
    "action": _decode_action,
    "phase": lambda r: PhaseChanged(r.whole("t"), r.text("from"), r.text("to")),
    "metrics": _decode_metrics,
    "fact": lambda r: FactRevealed(r.whole("t"), r.text("fact")),
    "promise": lambda r: PromiseMade(
        r.whole("t"), r.text("id"), r.text("post"), r.text("text"), r.whole("due")
    ),
    "promise_kept": lambda r: PromiseKept(r.whole("t"), r.text("id")),
    "promise_broken": lambda r: PromiseBroken(r.whole("t"), r.text("id")),
    "facilitator": _decode_pushed,
    "unsent": lambda r: DraftUnsent(r.whole("t"), r.text("text"), r.text_or_none("post")),
    "left": lambda r: TraineeLeft(r.whole("t")),
    "end": lambda r: SessionEnded(r.whole("t"), r.text("phase"), r.text("reason")),
    "close": lambda r: SessionClosed(r.whole("t")),
}
