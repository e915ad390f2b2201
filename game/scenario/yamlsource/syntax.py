"""What the YAML parser refused, in words a scenario author can act on."""

from __future__ import annotations

import yaml

from game.scenario.problems import Problem
from game.scenario.yamlsource.builder import TOO_DEEP_MESSAGE, TooDeep


def parse_problem(exc: TooDeep | yaml.YAMLError, text: str) -> Problem:
    """The problem that stopped the parse of ``text``.

    Args:
        exc: what the parser (or our builder, for nesting) raised.
        text: the YAML source, to name the character at fault.

    Returns:
        The problem, at the line and column where the parse stopped.
    """
    if isinstance(exc, TooDeep):
        return Problem(*exc.position, TOO_DEEP_MESSAGE)
    if isinstance(exc, yaml.MarkedYAMLError):
        return _syntax_problem(exc, text)
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML forbids; no mark, an offset
        line, column = _text_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return Problem(
            line,
            column,
            f"not valid YAML: control character U+{code:04X} is not allowed in YAML text",
        )
    return Problem(1, 1, f"not valid YAML: {exc}")  # pragma: no cover - libyaml raises the above


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
