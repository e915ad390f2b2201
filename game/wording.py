"""Small rules of the languages the game speaks: plural forms and Spanish contractions.

Shared by the interface strings (``game.tui.i18n``) and the finding texts
(``scoring.messages``), so it sits at the bottom layer and imports nothing of ours.
"""

from __future__ import annotations

import re
import string
from collections.abc import Container, Iterable, Mapping

_CONTRACTIONS = re.compile(r"\b(de|a|De|A) el\b")
"""Spanish "de el" / "a el": only the lowercase article "el", as a whole word.

"él" (the pronoun) never contracts and does not match. A capitalised "El" is left alone
on purpose: it begins proper nouns ("de El Corte Inglés", "a El Salvador"), which
Spanish spelling does not contract.
"""

_CONTRACTED = {"de": "del", "a": "al", "De": "Del", "A": "Al"}


def plural_key(table: Container[str], key: str, count: object) -> str:
    """The key of a string's singular form when ``count`` is exactly 1 and it has one.

    A string with a number in it keeps its plural under ``key`` and its singular under
    ``key + ".one"`` ("1 nuevo", "2 nuevos").

    Args:
        table: the keys of the strings (of one language, or of all).
        key: the plural form's key.
        count: the ``count`` value; a caller may pass it without showing it, when the
            number shown is formatted ("1.2k") or named otherwise.

    Returns:
        ``key + ".one"`` for a count of 1 when the table has it, else ``key``.
    """
    singular = f"{key}.one"
    if count == 1 and singular in table:
        return singular
    return key


def contract(text: str) -> str:
    """Spanish text with "de el" and "a el" contracted to "del" and "al".

    Args:
        text: Spanish text assembled from a template and inserted values.

    Returns:
        The text with the two contractions made; "él" and "El" (a proper noun) untouched.
    """
    return _CONTRACTIONS.sub(lambda match: _CONTRACTED[match[1]], text)


def contract_seams(text: str, seams: Iterable[int]) -> str:
    """``text`` with each "de el" / "a el" that spans a seam contracted.

    A seam is where an inserted value begins or ends. Only there can a template's
    "de" meet a value's "el" ("lo de {product}" with "el jersey"); contracting only
    at seams leaves the words a scenario author or a trainee wrote exactly as written,
    in any language.

    Args:
        text: the filled-in text.
        seams: offsets in ``text`` where inserted values begin or end.

    Returns:
        The text, contracted at the seams.
    """
    at = sorted(set(seams))
    if not at:
        return text

    def replace(match: re.Match[str]) -> str:
        if any(match.start() < seam < match.end() for seam in at):
            return _CONTRACTED[match[1]]
        return match[0]

    return _CONTRACTIONS.sub(replace, text)


def fill_contracted(template: str, values: Mapping[str, str]) -> str:
    """``template.format_map(values)`` with "de el" / "a el" contracted where values meet it.

    Args:
        template: one of our interface or finding templates (plain ``{name}`` fields).
        values: each field's text, inserted as it is and never formatted again.

    Returns:
        The filled-in text.
    """
    pieces: list[str] = []
    seams: list[int] = []
    length = 0
    for literal, name, spec, _ in string.Formatter().parse(template):
        pieces.append(literal)
        length += len(literal)
        if name is not None:
            piece = format(values[name], spec or "")
            seams += [length, length + len(piece)]
            pieces.append(piece)
            length += len(piece)
    return contract_seams("".join(pieces), seams)
