"""Read untrusted YAML into plain data, remembering where every value stood.

The file is parsed into events by libyaml (``yaml.CSafeLoader``) and the data is built
here from those events, so that we can refuse what a scenario must never contain
(anchors, aliases, explicit tags such as ``!!python/object``, duplicate keys) with the
exact line and column, and keep a map from each value's path to its position for the
messages of the validation that follows.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.scenario.problems import Problem, ScenarioError

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 40
"""Deepest nesting of mappings and lists; real scenarios need about 12 levels."""
TOO_DEEP_MESSAGE = f"nested more than {MAX_DEPTH} levels deep; a scenario never needs that many"

DataPath = tuple[str | int, ...]

_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"

# One resolver and one constructor serve every scalar: they hold no per-document state.
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass
class SourceMap:
    """Positions of the values and keys of one YAML document.

    Attributes:
        values: 1-based (line, column) of each value, by its path in the data.
        keys: 1-based (line, column) of the key that introduces each mapping value.
        plain: the source text of plain scalars that YAML read as something other than
            text (``no`` as false, ``12:30`` as 750), to explain type errors.
    """

    values: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    keys: dict[DataPath, tuple[int, int]] = field(default_factory=dict)
    plain: dict[DataPath, str] = field(default_factory=dict)

    def locate(self, path: DataPath, *, key: bool = False) -> tuple[int, int]:
        """Position of ``path``, or of its nearest enclosing value that has one.

        Args:
            path: the path of a value in the data.
            key: prefer the position of the key over that of the value.
        """
        probe = path
        while True:
            if key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if not probe:
                return (1, 1)
            probe = probe[:-1]


@dataclass
class YamlDocument:
    """The data of a YAML file, its positions, and the bytes it was read from.

    Attributes:
        data: the plain data.
        source_map: where each part of the data stands.
        raw: the file's bytes.
        problems: forbidden constructs that did not stop the parse (anchors, tags,
            duplicate keys, ambiguous numbers); validation goes on so that every
            problem of the file is reported at once.
        suspect: paths whose values those problems make meaningless; validation
            errors at or below them are left out.
    """

    data: Any
    source_map: SourceMap
    raw: bytes
    problems: list[Problem] = field(default_factory=list)
    suspect: set[DataPath] = field(default_factory=set)


SCENARIO_DOCUMENT = "a scenario (a mapping with meta, ...)"
"""What an empty file should have held, for the message (scenarios by default)."""


def read_yaml_file(path: Path, display: str, expected: str = SCENARIO_DOCUMENT) -> YamlDocument:
    """Read a YAML file safely.

    Args:
        path: the file to read.
        display: how to name the file in messages.
        expected: what the file should hold, for the message about an empty file.

    Returns:
        The document's data and source map.

    Raises:
        ScenarioError: the file is missing, unreadable, too large, not UTF-8, not valid
            YAML, or uses a construct that scenarios forbid.
    """
    raw = _read_bytes(path, display)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        raise ScenarioError(
            display,
            [
                Problem(
                    line,
                    column,
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
                )
            ],
        ) from None
    document = parse_yaml_text(text, display, expected)
    document.raw = raw
    return document


def parse_yaml_text(text: str, display: str, expected: str = SCENARIO_DOCUMENT) -> YamlDocument:
    """Build plain data from YAML text.

    Args:
        text: the YAML source.
        display: how to name the source in messages.
        expected: what the text should hold, for the message about an empty one.

    Returns:
        The document, with the forbidden constructs found in ``problems``.

    Raises:
        ScenarioError: the text is empty or not one valid YAML document.
    """
    builder = _Builder()
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            builder.feed(event)
    except _TooDeep as exc:
        builder.fatal = True
        builder.problems.append(
            Problem(
                *exc.position,
                TOO_DEEP_MESSAGE,
            )
        )
    except yaml.MarkedYAMLError as exc:
        builder.fatal = True
        builder.problems.append(_syntax_problem(exc, text))
    except yaml.reader.ReaderError as exc:  # a character YAML forbids; no mark, an offset
        builder.fatal = True
        line, column = _text_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        builder.problems.append(
            Problem(
                line,
                column,
                f"not valid YAML: control character U+{code:04X} is not allowed in YAML text",
            )
        )
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml raises the two above
        builder.fatal = True
        builder.problems.append(Problem(1, 1, f"not valid YAML: {exc}"))
    if builder.fatal:
        raise ScenarioError(display, builder.problems)
    if builder.documents == 0 or builder.root is _NOTHING:
        raise ScenarioError(
            display,
            [Problem(1, 1, f"the file is empty; expected {expected}")],
        )
    return YamlDocument(
        builder.root, builder.source_map, text.encode(), builder.problems, builder.suspect
    )


def _read_bytes(path: Path, display: str) -> bytes:
    try:
        if path.is_dir():
            raise ScenarioError(display, [Problem(0, 0, "is a directory, expected a YAML file")])
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe or device would block or never end
            raise ScenarioError(display, [Problem(0, 0, "is not a regular file")])
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise ScenarioError(
                display,
                [
                    Problem(
                        0,
                        0,
                        f"the file is {size:,} bytes; scenario files may be at most "
                        f"{MAX_FILE_BYTES:,} bytes (1 MiB)",
                    )
                ],
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ScenarioError(display, [Problem(0, 0, "no such file")]) from None
    except PermissionError:
        raise ScenarioError(display, [Problem(0, 0, "permission denied")]) from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise ScenarioError(display, [Problem(0, 0, f"cannot read the file: {reason}")]) from None
    if len(raw) > MAX_FILE_BYTES:  # grew while we looked, or a special file
        raise ScenarioError(
            display, [Problem(0, 0, f"the file is larger than {MAX_FILE_BYTES:,} bytes (1 MiB)")]
        )
    return raw


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    last_line = before[before.rfind(b"\n") + 1 :]
    column = len(last_line.decode("utf-8", errors="replace")) + 1
    return line, column


def _text_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _line_of(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = exc.problem or "not valid YAML"
    if "maximum nesting depth" in problem:
        # libyaml (0.2.6+) stops deep flow nesting in its scanner, before our builder
        # sees the events; report it as our own depth limit.
        return Problem(line, column, TOO_DEEP_MESSAGE)
    char = text[mark.index : mark.index + 1] if mark is not None else ""
    if char == "\t":
        return Problem(line, column, "not valid YAML: a tab; YAML indents with spaces only")
    if char in ("@", "`"):
        return Problem(
            line, column, f"not valid YAML: a value cannot start with {char}; put it in quotes"
        )
    if char == "\u00a0":
        return Problem(line, column, "not valid YAML: a non-breaking space; use plain spaces")
    if "while scanning an alias" in str(exc.context):
        return Problem(
            line,
            column,
            "not valid YAML: a value starting with * is read as an alias; "
            'write "*" (in quotes) for every phase',
        )
    if exc.problem == "did not find expected key" and "{" in _line_of(text, line):
        problem += " (a text that starts with { is read as a mapping: put it in quotes)"
    if exc.context and exc.context_mark is not None:
        context = f" ({exc.context} at line {exc.context_mark.line + 1})"
    else:
        context = ""
    return Problem(line, column, f"not valid YAML: {problem}{context}")


class _TooDeep(Exception):
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


class _Builder:
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

    def feed(self, event: yaml.Event) -> None:
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
        value, plain_text = _scalar_value(event)
        if plain_text is not None and _is_ambiguous_number(plain_text, value):
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
            raise _TooDeep(position)
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


def _scalar_value(event: yaml.ScalarEvent) -> tuple[Any, str | None]:
    """Resolve a scalar as YAML 1.1 (what CSafeLoader does) and build its value.

    Returns:
        The value, and the source text when a plain scalar became something other
        than a string (kept to explain surprises such as ``no`` becoming false).
    """
    plain, _quoted = event.implicit
    if not plain:
        return event.value, None
    tag: str = _RESOLVER.resolve(  # type: ignore[no-untyped-call]
        yaml.ScalarNode, event.value, event.implicit
    )
    if tag == _STR_TAG:
        return event.value, None
    node = yaml.ScalarNode(tag, event.value)
    construct = _CONSTRUCTOR.yaml_constructors.get(tag)
    if construct is None:  # pragma: no cover - every implicit tag has a constructor
        return event.value, None
    try:
        value = construct(_CONSTRUCTOR, node)
    except (ValueError, yaml.YAMLError):  # e.g. an impossible date such as 2024-02-31
        return event.value, None
    return value, event.value


def _is_ambiguous_number(text: str, value: Any) -> bool:
    """True for YAML 1.1 octal (``012``) and base-60 (``12:30``) numbers."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    digits = text.lstrip("+-").lower()
    if ":" in digits or "_" in digits or digits.startswith(("0x", "0o", "0b")):
        return True
    return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()
