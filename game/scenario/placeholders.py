"""Placeholders in scenario texts: ``{name}`` filled by safe substitution.

Only plain names are allowed: no attribute or index access as ``str.format`` would do,
so a scenario can never reach into Python objects. ``{{`` and ``}}`` write a literal
brace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

BRAND_PLACEHOLDERS = frozenset({"brand", "brand_handle"})
"""Filled from the scenario's brand, in every text."""

AUTHOR_PLACEHOLDERS = frozenset({"name", "first_name", "handle", "city", "order"})
"""Filled from the person who wrote the post (Faker makes city and order number)."""

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class PlaceholderUse:
    """A placeholder found in a text.

    Attributes:
        name: the name between the braces, or None for a malformed use.
        offset: its character offset in the text.
        source: the text of the placeholder as written.
    """

    name: str | None
    offset: int
    source: str


def placeholders_in(text: str) -> Iterator[PlaceholderUse]:
    """Yield every placeholder of ``text``, malformed ones with ``name=None``."""
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        inner = match.group(1)
        name = inner if inner is not None and _NAME.fullmatch(inner) else None
        yield PlaceholderUse(name, match.start(), token)


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace each ``{name}`` by ``values[name]``; braces in values stay as they are.

    Args:
        text: a validated scenario text.
        values: the value of each placeholder.

    Raises:
        KeyError: a placeholder has no value (validation prevents this for scenarios).
    """

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        inner = match.group(1)
        if inner is None or not _NAME.fullmatch(inner):
            return token
        return values[inner]

    return _TOKEN.sub(replace, text)
