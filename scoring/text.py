"""Text helpers shared by the analyzer: accent folding with span mapping, tokens, URLs.

All matching runs on a *folded* copy of the reply (accents and typographic quotes
replaced by their plain forms) so that catalogs need not spell every variant
("perdón"/"perdon", "don’t"/"don't"). Folding keeps one character per character
whenever it can, so spans usually carry over unchanged; when the input holds
combining marks (decomposed accents), ``Folded.span`` maps spans back.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

_MAYBE_COMBINING_RE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u08ff\u0900-\u0dff"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u302a-\u302f\u3099\u309a\ufe20-\ufe2f]"
)
"""A quick screen for the blocks that hold combining marks (accents typed apart)."""

_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}

WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
"""A word: letters, with inner apostrophes ("don't", "it's")."""

_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"
    r"|(?<![\w@.-])[\w-]++(?:\.[\w-]++)+(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
_BARE_DOMAIN_RE = re.compile(
    r"[\w.-]*\.(?:com|es|org|net|io|co|mx|ar|cl|pe|uy|info|shop|store)", re.IGNORECASE
)

_HANDLE_RE = re.compile(r"(?<!\w)[@#]\w+")


@lru_cache(maxsize=16)
def url_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Find the URLs of a text (cached: several rules ask about the same reply).

    URLs are addresses with a scheme or "www.", dotted names with a path
    ("zurcida.es/ayuda"), and bare domains on common endings ("zurcida.es").

    Args:
        text: Folded reply.

    Returns:
        (start, end) of each URL.
    """
    found = []
    for match in _URL_RE.finditer(text):
        url = match.group().rstrip(".,;:!?)")
        if "/" in url or url.lower().startswith("www.") or _BARE_DOMAIN_RE.fullmatch(url):
            found.append((match.start(), match.start() + len(url)))
    return tuple(found)


@lru_cache(maxsize=16)
def name_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Find URLs, account handles and hashtags: names, never content or shouting.

    Args:
        text: Folded reply.

    Returns:
        (start, end) of each, in order.
    """
    return tuple(sorted([*url_spans(text), *(m.span() for m in _HANDLE_RE.finditer(text))]))


_CLAUSE_BREAK_RE = re.compile(r"[,;!?¿¡\n()«»\"—–]|[.:](?!\d)")
_SENTENCE_END_RE = re.compile(r"[.!?;…]+(?=\s|$)|\n+|(?=[¿¡])")


@cache
def _fold_table() -> dict[int, str]:
    """Map each precomposed Latin letter to its base letter, and curly quotes to "'"."""
    table: dict[int, str] = {ord(k): v for k, v in _QUOTES.items()}
    for code in range(0xC0, 0x250):
        decomposed = unicodedata.normalize("NFD", chr(code))
        if len(decomposed) > 1 and decomposed[0].isascii():
            table[code] = decomposed[0]
    return table


@dataclass(frozen=True)
class Folded:
    """A folded copy of a text, with the map back to the original positions.

    Attributes:
        text: The folded text; same case as the original.
        original: The text as given.
        positions: For each folded character, its index in ``original``; None when
            folding kept every character in place (the common case).
    """

    text: str
    original: str
    positions: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the folded text to the same words in the original.

        Args:
            start: Start offset in the folded text.
            end: End offset (exclusive) in the folded text.

        Returns:
            The corresponding (start, end) in the original text; a trailing accent
            written as a combining mark stays with its letter.
        """
        if self.positions is None:
            return start, end
        if start >= end:
            point = self.positions[start] if start < len(self.positions) else len(self.original)
            return point, point
        first = self.positions[start]
        last = self.positions[end - 1] + 1
        while last < len(self.original) and unicodedata.combining(self.original[last]):
            last += 1
        return first, last


def fold(text: str) -> Folded:
    """Fold accents and typographic quotes out of a text, keeping spans mappable.

    Args:
        text: Any text.

    Returns:
        The folded text and, when characters had to be dropped, the position map.
    """
    table = _fold_table()
    if not _MAYBE_COMBINING_RE.search(text) or not any(map(unicodedata.combining, text)):
        return Folded(text.translate(table), text)
    kept = [i for i, ch in enumerate(text) if not unicodedata.combining(ch)]
    folded = "".join(text[i] for i in kept).translate(table)
    return Folded(folded, text, tuple(kept))


def fold_plain(text: str) -> str:
    """Fold a text when no span is needed (catalog entries, names), lower-cased.

    Args:
        text: Any text.

    Returns:
        The folded, lower-case text.
    """
    return fold(text).text.lower()


def words(text: str) -> Iterator[re.Match[str]]:
    """Iterate over the words of a (folded) text.

    Args:
        text: Folded text.

    Yields:
        One match per word, with its span.
    """
    return WORD_RE.finditer(text)


def clause_start(text: str, position: int) -> int:
    """Find where the clause holding ``position`` begins.

    A clause ends at sentence punctuation or a comma: "No, es culpa tuya" is two
    clauses, so the "No" does not negate what follows.

    Args:
        text: Folded text.
        position: An offset in it.

    Returns:
        The offset just after the last clause break before ``position``, or 0.
    """
    ends = _clause_ends(text)
    index = bisect.bisect_right(ends, position) - 1
    return ends[index] if index >= 0 else 0


@lru_cache(maxsize=16)
def _clause_ends(text: str) -> tuple[int, ...]:
    """Offsets just after each clause break of a text (cached for the reply at hand)."""
    return tuple(match.end() for match in _CLAUSE_BREAK_RE.finditer(text))


def sentences(text: str) -> list[tuple[int, int]]:
    """Split a (folded) text into sentence spans.

    Dots inside numbers, times and domains ("18.00", "x.es") do not end a sentence;
    "¿" and "¡" start one.

    Args:
        text: Folded text.

    Returns:
        (start, end) spans covering the text, in order.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        if text[start : match.end()].strip():
            spans.append((start, match.end()))
            start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@lru_cache(maxsize=16)
def question_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Find the sentences of a (folded) text that are questions.

    A question ends with "?" or, in Spanish, opens with "¿".

    Args:
        text: Folded text.

    Returns:
        (start, end) of each question sentence, in order.
    """
    if "?" not in text:
        return ()
    found = []
    for start, end in sentences(text):
        sentence = text[start:end].strip()
        if sentence.endswith("?") or sentence.startswith("¿"):
            found.append((start, end))
    return tuple(found)


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out spans of a text with spaces, keeping every other offset in place.

    Args:
        text: Any text.
        spans: (start, end) spans to blank.

    Returns:
        The text with those spans replaced by spaces.
    """
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
