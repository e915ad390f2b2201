"""What the trainee can do: one dataclass per action.

Actions name posts and promises by id. Every action is written to the session log and
replayed from it, so each one converts to and from a plain dict.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, get_args, get_origin, get_type_hints


@dataclass(frozen=True)
class Action:
    """Base of all actions; ``kind`` names the action in logs and playbooks."""

    kind: ClassVar[str] = "action"

    def to_dict(self) -> dict[str, Any]:
        """The action as plain data, with its kind."""
        return {"kind": self.kind, **asdict(self)}

    def written(self) -> tuple[str, ...]:
        """What the trainee typed for this action (texts, reasons, team, query; not ids)."""
        return tuple(
            value
            for item in fields(self)
            if not item.name.endswith("_id") and isinstance(value := getattr(self, item.name), str)
        )


@dataclass(frozen=True)
class Reply(Action):
    """Answer a post in public, on its channel or on another public channel."""

    kind: ClassVar[str] = "reply"
    post_id: str
    text: str
    channel: str | None = None


@dataclass(frozen=True)
class PrivateMessage(Action):
    """Answer the author of a post in private."""

    kind: ClassVar[str] = "private_message"
    post_id: str
    text: str


@dataclass(frozen=True)
class Statement(Action):
    """Publish an official statement on one or several public channels."""

    kind: ClassVar[str] = "statement"
    text: str
    channels: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Like(Action):
    """Like a post."""

    kind: ClassVar[str] = "like"
    post_id: str


@dataclass(frozen=True)
class Hide(Action):
    """Hide a post from the public."""

    kind: ClassVar[str] = "hide"
    post_id: str


@dataclass(frozen=True)
class Warn(Action):
    """Warn the author of a post, citing the house rules."""

    kind: ClassVar[str] = "warn"
    post_id: str
    text: str = ""


@dataclass(frozen=True)
class Ban(Action):
    """Ban the author of a post, with a reason."""

    kind: ClassVar[str] = "ban"
    post_id: str
    reason: str


@dataclass(frozen=True)
class Escalate(Action):
    """Hand a post to another team (legal, logistics, press...)."""

    kind: ClassVar[str] = "escalate"
    post_id: str
    team: str


@dataclass(frozen=True)
class FollowUp(Action):
    """Deliver on a promise made earlier, in the same thread."""

    kind: ClassVar[str] = "follow_up"
    promise_id: str
    text: str


@dataclass(frozen=True)
class Search(Action):
    """Monitor the networks for posts about the brand that do not tag it (P3)."""

    kind: ClassVar[str] = "search"
    query: str = ""


@dataclass(frozen=True)
class Wait(Action):
    """Let simulated time pass."""

    kind: ClassVar[str] = "wait"
    seconds: int


ACTION_TYPES: dict[str, type[Action]] = {
    cls.kind: cls
    for cls in (
        Reply,
        PrivateMessage,
        Statement,
        Like,
        Hide,
        Warn,
        Ban,
        Escalate,
        FollowUp,
        Search,
        Wait,
    )
}


def action_from_dict(data: dict[str, Any]) -> Action:
    """Rebuild an action from :meth:`Action.to_dict` output.

    Raises:
        ValueError: the kind is unknown, fields are missing or extra, or of the wrong type.
    """
    kind = data.get("kind")
    cls = ACTION_TYPES.get(str(kind))
    if cls is None:
        raise ValueError(f"unknown action kind {kind!r}")
    names = {f.name for f in fields(cls)}
    values = {key: value for key, value in data.items() if key != "kind"}
    if set(values) - names:
        raise ValueError(f"unexpected fields for {kind}: {sorted(set(values) - names)}")
    hints = get_type_hints(cls)
    for name, value in values.items():
        if not _fits(value, hints[name]):
            raise ValueError(f"bad {kind} action: '{name}' has the wrong type")
    if "channels" in values:
        values["channels"] = tuple(values["channels"])
    try:
        return cls(**values)
    except TypeError as error:
        raise ValueError(f"bad {kind} action: {error}") from None


def _fits(value: Any, hint: Any) -> bool:
    """Whether a JSON value can stand for a field typed ``hint`` (a tuple as a list)."""
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if get_origin(hint) is tuple:
        return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
    return any(_fits(value, option) for option in get_args(hint)) or (
        value is None and type(None) in get_args(hint)
    )
