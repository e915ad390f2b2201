"""What the command modules share: exit codes, errors, option types and PATH arguments."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from game.paths import locale_language
from game.services.validate import named_files

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
LANGUAGES = ("es", "en")

Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``add_subparsers`` returns: each command module adds its parser to it."""


class UsageError(Exception):
    """The command line itself is wrong (exit 2, after the usage line)."""


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected a number from {low} to {high}, got {text}")
        return value

    return parse


positive_int = whole_number(1, 10_000)
"""An option's whole number from 1 to 10000 (argparse ``type``)."""


def margin_points(text: str) -> float:
    """An option's number of overall points from 0 to 100 (argparse ``type``).

    ``nan`` and infinities are refused: a margin of ``nan`` would make every
    comparison false and pass any scenario.
    """
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0 <= value <= 100:  # also false for nan
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 100, got {text}")
    return value


def positive_float(text: str) -> float:
    """An option's number above 0 and up to 1000 (argparse ``type``)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0 < value <= 1000:  # also false for nan
        raise argparse.ArgumentTypeError(f"expected a number above 0 and up to 1000, got {text}")
    return value


def wanted_language(given: str | None) -> str | None:
    """The language asked for: ``--lang`` if given, else the user's locale's (or None)."""
    return given or locale_language()


def count(number: int, noun: str) -> str:
    """``1 phase``, ``2 phases``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def scenario_paths(arguments: list[str]) -> tuple[list[tuple[Path, str]], int]:
    """The files named by PATH arguments, folders expanded; and how many folders were empty.

    Each empty folder is reported on stderr as it is met.

    Raises:
        UsageError: an argument is empty.
    """
    files: list[tuple[Path, str]] = []
    empty = 0
    for argument in arguments:
        if not argument:
            raise UsageError("a PATH is empty")
        named = named_files(argument)
        if named.empty_folder:
            print(f"{argument}: no .yaml files in this folder", file=sys.stderr)
            empty += 1
        files.extend(named.files)
    return files, empty
