"""Problems found in a scenario file, each tied to a place in it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file.

    Attributes:
        line: 1-based line, or 0 when the problem concerns the whole file.
        column: 1-based column, or 0 with line 0.
        message: what is wrong and what was expected, in plain English.
    """

    line: int
    column: int
    message: str

    def render(self, file: str) -> str:
        """Format as ``file:line:col: message`` (``file: message`` with no position)."""
        if self.line <= 0:
            return f"{file}: {self.message}"
        return f"{file}:{self.line}:{self.column}: {self.message}"


class ScenarioError(Exception):
    """A scenario file could not be loaded; carries every problem found, in file order."""

    def __init__(self, file: str, problems: Iterable[Problem]) -> None:
        self.file = file
        self.problems = sorted(problems)
        super().__init__(self.render())

    def render(self) -> str:
        """All problems, one ``file:line:col: message`` line each."""
        return "\n".join(problem.render(self.file) for problem in self.problems)
