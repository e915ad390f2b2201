"""Turn pydantic validation errors into located, author-friendly problems."""

from __future__ import annotations

import datetime
import difflib
import types
import typing
from collections import defaultdict
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from game.scenario import model
from game.scenario.problems import Problem
from game.scenario.yamlsource import DataPath, SourceMap

_PATTERN_NAMES = {
    model.ID_PATTERN: "an id (lower-case letters, digits, '-' or '_', starting with a letter)",
    model.PHASE_ID_PATTERN: "a phase id (lower-case letters, digits or '_', first a letter)",
    model.HANDLE_PATTERN: "a handle such as '@brand' (letters, digits or '_' after the @)",
    model.LANGUAGE_PATTERN: "a two-letter language code such as 'es'",
    r"^[a-z][a-z0-9_]*$": "a name of lower-case letters, digits or '_'",
}

_TYPE_NAMES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "dict_type": "a mapping (indented 'key: value' lines)",
    "model_type": "a mapping (indented 'key: value' lines)",
    "model_attributes_type": "a mapping (indented 'key: value' lines)",
    "list_type": "a list (lines starting with '- ')",
    "none_required": "nothing",
}


def problems_from_errors(
    errors: list[ErrorDetails],
    data: Any,
    source_map: SourceMap,
    suspect: set[DataPath] | None = None,
    root: type[BaseModel] = model.Scenario,
) -> list[Problem]:
    """Convert pydantic's errors for ``data`` into problems with lines and columns.

    Errors that land on the same value (the arms of a union, e.g. ``true, false or
    'unknown'``) are merged into one message.

    Args:
        errors: ``ValidationError.errors()`` of validating ``data``.
        data: the plain data that was validated.
        source_map: where each part of ``data`` stands in the file.
        suspect: paths already reported as broken; errors at or below them are
            consequences and are left out.
        root: the model that validated ``data`` (to list the keys it accepts).
    """
    suspect = suspect or set()
    grouped: dict[DataPath, list[ErrorDetails]] = defaultdict(list)
    for error in errors:
        path = _data_path(error["loc"], data)
        if any(path[: len(bad)] == bad for bad in suspect):
            continue
        grouped[path].append(error)
    typos = _typo_targets(grouped, root)
    problems = []
    for path, group in grouped.items():
        if group[0]["type"] == "missing" and path in typos:
            continue  # "unknown key 'x'; did you mean ..." already says it
        at_key = group[0]["type"] == "extra_forbidden" or "[key]" in group[0]["loc"]
        line, column = source_map.locate(path, key=at_key)
        problems.append(Problem(line, column, _message(path, group, source_map, root)))
    return problems


def _typo_targets(
    grouped: dict[DataPath, list[ErrorDetails]], root: type[BaseModel]
) -> set[DataPath]:
    """Paths of missing keys that an unknown key beside them is a misspelling of."""
    targets = set()
    for path, group in grouped.items():
        if group[0]["type"] != "extra_forbidden":
            continue
        close = difflib.get_close_matches(str(path[-1]), _field_names(path[:-1], root), n=1)
        if close:
            targets.add((*path[:-1], close[0]))
    return targets


def _data_path(loc: tuple[int | str, ...], data: Any) -> DataPath:
    """Keep the parts of an error location that exist in the data.

    Union arms and discriminator tags appear in pydantic's locations but not in the
    data; a missing key is kept as the last part so the message can name it.
    """
    path: list[str | int] = []
    current = data
    for part in loc:
        if _has(current, part):
            current = current[part]
            path.append(part)
        elif isinstance(current, dict) and isinstance(part, str) and not _is_arm_label(part):
            path.append(part)  # a missing or unknown key
            current = None
    return tuple(path)


def _has(container: Any, part: str | int) -> bool:
    if isinstance(container, dict):
        return isinstance(part, str) and part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _is_arm_label(part: str) -> bool:
    return part.startswith("<") or "[" in part or part in ("str", "int", "float", "bool", "list")


def _message(
    path: DataPath, group: list[ErrorDetails], source_map: SourceMap, root: type[BaseModel]
) -> str:
    text = _plain_message(path, group, source_map, root)
    if any(_split_text(error) for error in group):
        # {es: Hola, Ana, en: ...}: the comma ended the text and "Ana" became a key.
        text += "; a comma inside {...} ends a text: put the whole text in quotes"
    return text


def _split_text(error: ErrorDetails) -> bool:
    """A language key that is words: most likely the tail of a text a comma cut off."""
    ctx = error.get("ctx") or {}
    given = error.get("input")
    return (
        error["type"] == "string_pattern_mismatch"
        and ctx.get("pattern") == model.LANGUAGE_PATTERN
        and isinstance(given, str)
        and " " in given.strip()
    )


def _plain_message(
    path: DataPath, group: list[ErrorDetails], source_map: SourceMap, root: type[BaseModel]
) -> str:
    if len(group) == 1:
        return _single_message(path, group[0], source_map, root)
    expected = [_expected(error) for error in group]
    if all(expected):
        unique = list(dict.fromkeys(e for e in expected if e))
        last_join = ", or " if any(" or " in e for e in unique) else " or "
        choices = ", ".join(unique[:-1]) + last_join + unique[-1] if len(unique) > 1 else unique[0]
        hint = _yaml_hint(path, source_map) if any(map(_wanted_text, group)) else ""
        return f"expected {choices}, got {_describe(group[0]['input'])}{hint}"
    return "; ".join(_single_message(path, error, source_map, root) for error in group)


def _single_message(
    path: DataPath, error: ErrorDetails, source_map: SourceMap, root: type[BaseModel]
) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _missing(path, root)
    if kind == "extra_forbidden":
        return _unknown_key(path, root)
    expected = _expected(error)
    if expected:
        hint = _yaml_hint(path, source_map) if _wanted_text(error) else ""
        return f"expected {expected}, got {_describe(error['input'])}{hint}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = _number(next(iter(ctx.values())))
        relation = {
            "greater_than_equal": "at least",
            "greater_than": "more than",
            "less_than_equal": "at most",
            "less_than": "less than",
        }[kind]
        return f"must be {relation} {bound}, got {_describe(error['input'])}"
    if kind == "too_short":
        minimum = ctx.get("min_length", 1)
        return f"needs at least {minimum} item{'s' if minimum != 1 else ''}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long: at most {ctx.get('max_length')} characters"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return str(error["msg"])


def _expected(error: ErrorDetails) -> str | None:
    kind = error["type"]
    if kind in _TYPE_NAMES:
        return _TYPE_NAMES[kind]
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        return expected if " or " not in expected else f"one of {expected}"
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        return _PATTERN_NAMES.get(pattern, f"text matching {pattern}")
    return None


def _wanted_text(error: ErrorDetails) -> bool:
    """Whether text was expected and YAML made something else of a bare word or number."""
    text_expected = error["type"] in ("string_type", "literal_error", "string_pattern_mismatch")
    return text_expected and not isinstance(error["input"], str)


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, int | float):
        return f"the number {_number(value)}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def _yaml_hint(path: DataPath, source_map: SourceMap) -> str:
    source = source_map.plain.get(path)
    if not source:  # nothing written at all: "got nothing" says it already
        return ""
    return f" (YAML reads a bare {source} that way; put it in quotes: '{source}')"


def _missing(path: DataPath, root: type[BaseModel]) -> str:
    key = path[-1] if path else "?"
    description = _field_description(path, root)
    suffix = f": {description}" if description else ""
    return f"missing key '{key}'{suffix}"


def _unknown_key(path: DataPath, root: type[BaseModel]) -> str:
    key = str(path[-1])
    if key in model.CONDITION_KINDS and "when" in path:
        return (
            f"unknown key '{key}': a condition mapping holds one kind of condition; "
            "combine several with all: [...] or any: [...]"
        )
    fields = _field_names(path[:-1], root)
    if not fields:
        return f"unknown key '{key}'"
    close = difflib.get_close_matches(key, fields, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown key '{key}'{hint} (expected: {', '.join(fields)})"


def _field_description(path: DataPath, root: type[BaseModel]) -> str | None:
    cls = _model_at(path[:-1], root)
    if cls is None:
        return None
    for name, info in cls.model_fields.items():
        if (info.alias or name) == path[-1]:
            return (info.description or "").rstrip(".") or None
    return None


def _field_names(path: DataPath, root: type[BaseModel]) -> list[str]:
    cls = _model_at(path, root)
    if cls is None:
        return []
    return [info.alias or name for name, info in cls.model_fields.items()]


def _model_at(path: DataPath, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model class that validates the mapping at ``path``, if one can be told."""
    current: Any = root
    for part in path:
        current = _step(current, part)
        if current is None:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _step(annotation: Any, part: str | int) -> Any:
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if not isinstance(part, str):
            return None
        for name, info in annotation.model_fields.items():
            if (info.alias or name) == part:
                return info.annotation
        return None
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is list and isinstance(part, int):
        return args[0]
    if origin is dict and isinstance(part, str):
        return args[1]
    return None


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional; a union of conditions stays a union."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            arms = [arm for arm in typing.get_args(annotation) if arm is not type(None)]
            structured = [arm for arm in arms if typing.get_origin(_strip(arm)) in (list, dict)]
            models = [
                _strip(arm)
                for arm in arms
                if isinstance(_strip(arm), type) and issubclass(_strip(arm), BaseModel)
            ]
            if len(models) == 1:
                return models[0]
            if len(structured) == 1:
                annotation = structured[0]
                continue
        return annotation


def _strip(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation
