"""What a whole-scenario check reports, and how it names a name that is not defined."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from game.scenario.yamlsource import DataPath


@dataclass(frozen=True)
class Issue:
    """A problem at a path of the scenario data.

    Attributes:
        path: where in the data; the loader finds its line and column.
        message: what is wrong and what was expected.
        at_key: point at the mapping key rather than at its value.
    """

    path: DataPath
    message: str
    at_key: bool = False


LISTED_IDS = 12
"""How many defined ids an 'unknown id' message lists (a file may define thousands)."""


def unknown(kind: str, name: str, known: Iterable[str]) -> str:
    """The message for a reference to an id that nothing defines.

    Args:
        kind: what the id names, e.g. ``channel``.
        name: the id as written.
        known: the ids of that kind the scenario defines.

    Returns:
        The message, with the closest defined id as a suggestion and a short listing.
    """
    ids = sorted(known)
    # Suggestions compare against ids of similar length only: cheap on large files.
    candidates = [i for i in ids if abs(len(i) - len(name)) <= 3][:500]
    close = difflib.get_close_matches(name, candidates, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    listing = ", ".join(ids[:LISTED_IDS]) if ids else "none"
    if len(ids) > LISTED_IDS:
        listing += f" and {len(ids) - LISTED_IDS} more"
    return f"unknown {kind} '{name}'{hint}; defined {kind}s: {listing}"
