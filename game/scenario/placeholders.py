"""Placeholders in scenario texts: ``{name}`` filled by safe substitution.

Only plain names are allowed: no attribute or index access as ``str.format`` would do,
so a scenario can never reach into Python objects. ``{{`` and ``}}`` write a literal
brace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from game.wording import contract_seams

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

    Where a value meets the text around it, "de el" and "a el" are contracted ("lo de
    {product}" with "el jersey" is "lo del jersey"); see ``game.wording.contract_seams``.

    Args:
        text: a validated scenario text.
        values: the value of each placeholder.

    Raises:
        KeyError: a placeholder has no value (validation prevents this for scenarios).
    """
    pieces: list[str] = []
    seams: list[int] = []
    length = 0
    last = 0
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        inner = match.group(1)
        pieces.append(text[last : match.start()])
        length += match.start() - last
        last = match.end()
        if token in ("{{", "}}"):
            piece = token[0]
        elif inner is None or not _NAME.fullmatch(inner):
            piece = token
        else:
            piece = values[inner]
            seams += [length, length + len(piece)]
        pieces.append(piece)
        length += len(piece)
    pieces.append(text[last:])
    return contract_seams("".join(pieces), seams)
