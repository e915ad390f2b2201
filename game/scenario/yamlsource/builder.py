"""Build plain data from libyaml's parser events, refusing what scenarios forbid.

Anchors, aliases, explicit tags, duplicate keys, keys that are lists or mappings and
ambiguous YAML 1.1 numbers are recorded as problems with their line and column; the
data around them is still built so that the rest of the file can be judged too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from game.scenario.problems import Problem
from game.scenario.yamlsource.scalars import is_ambiguous_number, scalar_value
from game.scenario.yamlsource.sourcemap import DataPath, SourceMap

MAX_DEPTH = 40
"""Deepest nesting of mappings and lists; real scenarios need about 12 levels."""
TOO_DEEP_MESSAGE = f"nested more than {MAX_DEPTH} levels deep; a scenario never needs that many"


class TooDeep(Exception):
    """Nesting beyond MAX_DEPTH: stop reading (paths would grow without bound)."""

    def __init__(self, position: tuple[int, int]) -> None:
        super().__init__(position)
        self.position = position


_SKIPPED = "\0skipped"
"""Stands for the key of a value that is read but not kept (duplicate or complex key)."""


class _Nothing:
    """Marks 'no value yet' where None is a valid YAML value."""


_NOTHING: Any = _Nothing()


@dataclass
class _Frame:
    """A mapping or sequence under construction."""

    path: DataPath
    container: dict[str, Any] | list[Any]
    pending_key: str | None = None
    key_marks: dict[str, tuple[int, int]] = field(default_factory=dict)


class Builder:
    """Turns a stream of parser events into data, a source map and problems."""

    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.root: Any = _NOTHING
        self.source_map = SourceMap()
        self.problems: list[Problem] = []
        self.suspect: set[DataPath] = set()
        self.fatal = False
        self.documents = 0
        # A mapping key that is itself a mapping or sequence: skip until it closes.
        self.skip_depth = 0

    @property
    def empty(self) -> bool:
        """Whether the stream held no document, or a document with no value."""
        return self.documents == 0 or self.root is _NOTHING

    def feed(self, event: yaml.Event) -> None:
        """Take the next parser event.

        Raises:
            TooDeep: the event opens a collection nested beyond ``MAX_DEPTH``.
        """
        if self.skip_depth:
            if isinstance(event, yaml.CollectionStartEvent):
                self.skip_depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                self.skip_depth -= 1
            return
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents == 2:
                self.fatal = True  # the rest would be judged without half the file
                self.problems.append(
                    Problem(
                        *_position(event),
                        "a second YAML document ('---'); a scenario file holds exactly one",
                    )
                )
            return
        if self.documents > 1 or isinstance(
            event, yaml.StreamStartEvent | yaml.StreamEndEvent | yaml.DocumentEndEvent
        ):
            return
        if isinstance(event, yaml.AliasEvent):
            self.problems.append(
                Problem(
                    *_position(event),
                    f"alias '*{event.anchor}' is not allowed; write the value out in full",
                )
            )
            self.suspect.add(self._child_path())
            self._place(None, _position(event), None)
            return
        self._check_node_event(event)
        if isinstance(event, yaml.ScalarEvent):
            self._scalar(event)
        elif isinstance(event, yaml.MappingStartEvent):
            self._open(event, {})
        elif isinstance(event, yaml.SequenceStartEvent):
            self._open(event, [])
        elif isinstance(event, yaml.CollectionEndEvent):
            self._close()

    def _check_node_event(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.CollectionEndEvent):
            return
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.problems.append(
                Problem(
                    *_position(event),
                    f"anchor '&{anchor}' is not allowed; scenarios "
                    "spell every value out so that each one has its own place",
                )
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            if "python" in tag:
                message = f"Python tag '{_short_tag(tag)}' is not allowed; scenarios are plain data"
            else:
                message = f"tag '{_short_tag(tag)}' is not allowed; write a plain value"
            self.problems.append(Problem(*_position(event), message))
            self.suspect.add(self._event_path(event))

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        position = _position(event)
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.container, dict) and frame.pending_key is None:
            self._key(frame, event.value, position)
            return
        value, plain_text = scalar_value(event)
        if plain_text is not None and is_ambiguous_number(plain_text, value):
            self.problems.append(
                Problem(
                    *position,
                    f"'{plain_text}' is ambiguous: YAML 1.1 reads it as the number "
                    f"{value!r}; write plain digits (no leading zero, colon, underscore "
                    "or 0x), or quote it if it is text",
                )
            )
            self.suspect.add(self._child_path())
        self._place(value, position, plain_text)

    def _key(self, frame: _Frame, key: str, position: tuple[int, int]) -> None:
        if key in frame.key_marks:
            first_line = frame.key_marks[key][0]
            self.problems.append(
                Problem(*position, f"duplicate key '{key}' (first given at line {first_line})")
            )
            # The first value is kept; the second gets no position, so that later
            # messages about the key point at the value that is actually used.
            frame.pending_key = _SKIPPED
            return
        frame.key_marks[key] = position
        frame.pending_key = key
        self.source_map.keys[(*frame.path, key)] = position

    def _open(self, event: yaml.Event, container: dict[str, Any] | list[Any]) -> None:
        position = _position(event)
        parent = self.stack[-1] if self.stack else None
        if parent is not None and isinstance(parent.container, dict) and parent.pending_key is None:
            self.problems.append(
                Problem(*position, "a mapping key must be a plain name, not a list or mapping")
            )
            self.skip_depth = 1
            parent.pending_key = _SKIPPED
            return
        if len(self.stack) >= MAX_DEPTH:
            raise TooDeep(position)
        path = self._child_path()
        self._place(container, position, None)
        self.stack.append(_Frame(path, container))

    def _close(self) -> None:
        self.stack.pop()

    def _event_path(self, event: yaml.Event) -> DataPath:
        """Path of the value an event starts; for a key, the path of its value."""
        frame = self.stack[-1] if self.stack else None
        if frame is not None and isinstance(frame.container, dict) and frame.pending_key is None:
            return (*frame.path, str(getattr(event, "value", "")))
        return self._child_path()

    def _child_path(self) -> DataPath:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, dict):
            assert frame.pending_key is not None
            return (*frame.path, frame.pending_key)
        return (*frame.path, len(frame.container))

    def _place(self, value: Any, position: tuple[int, int], plain_text: str | None) -> None:
        path = self._child_path()
        if _SKIPPED in path:
            if isinstance(self.stack[-1].container, dict):
                self.stack[-1].pending_key = None
            return
        self.source_map.values[path] = position
        if plain_text is not None:
            self.source_map.plain[path] = plain_text
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        if isinstance(frame.container, dict):
            key = frame.pending_key
            frame.pending_key = None
            if key is not None and key not in frame.container:
                frame.container[key] = value
        else:
            frame.container.append(value)


def _position(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    if mark is None:  # pragma: no cover - libyaml marks every event
        return (1, 1)
    return (mark.line + 1, mark.column + 1)


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")
