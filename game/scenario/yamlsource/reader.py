"""Read a YAML file or text into plain data, its source map and its problems."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.scenario.problems import Problem, ScenarioError
from game.scenario.yamlsource.builder import Builder, TooDeep
from game.scenario.yamlsource.sourcemap import DataPath, SourceMap
from game.scenario.yamlsource.syntax import parse_problem

MAX_FILE_BYTES = 1024 * 1024


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
    builder = Builder()
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            builder.feed(event)
    except (TooDeep, yaml.YAMLError) as exc:
        builder.fatal = True
        builder.problems.append(parse_problem(exc, text))
    if builder.fatal:
        raise ScenarioError(display, builder.problems)
    if builder.empty:
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
