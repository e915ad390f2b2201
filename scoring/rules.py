"""The general rules of reply analysis, applied to a folded reply.

Catalog patterns say which words show a cue; the rules here decide when those words
do not count (a negator just before them, an exclusion such as "sorry you feel that
way") and find the cues that are not a matter of words: shouting in capitals, "!!!",
and replies that are little more than a link. All spans are offsets in the folded
reply; the analyzer maps them back to the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from game.scenario.model import Cue
from scoring.catalog import CUES, Catalog, load_catalog
from scoring.language import function_words
from scoring.matcher import Matcher
from scoring.text import clause_start, fold_plain, mask, name_spans, url_spans, words

Span = tuple[int, int]

COMPUTED: frozenset[Cue] = frozenset({"promise", "link_only"})
"""Cues that need more than a pattern match (see promises.py and ``link_only_hit``)."""

SHOUT_MIN_WORDS = 3
"""A run of this many words in capitals is shouting."""

LINK_ONLY_MAX_WORDS = 3
"""A reply with links and at most this many content words is "only a link"."""

_BANGS_RE = re.compile(r"[!¡]{3,}")


@cache
def _two_capitals() -> re.Pattern[str]:
    """Two capital letters in a row, in any script (a word in capitals has them)."""
    capitals = "".join(re.escape(char) for char in map(chr, range(0x10000)) if char.isupper())
    return re.compile(f"[{capitals}][{capitals}]")


@dataclass(frozen=True)
class Found:
    """A cue found at a span of the folded reply."""

    cue: Cue
    start: int
    end: int


def overlaps(span: Span, others: Iterable[Span]) -> bool:
    """Tell whether a span shares at least one character with any of others.

    Args:
        span: (start, end).
        others: Spans to test against.

    Returns:
        True on any overlap.
    """
    start, end = span
    return any(start < other_end and other_start < end for other_start, other_end in others)


def spans_of(pattern: Matcher | None, text: str) -> list[Span]:
    """List the spans where a compiled pattern matches.

    Args:
        pattern: A compiled pattern, or None (no spans).
        text: Folded reply.

    Returns:
        The match spans, in order.
    """
    if pattern is None:
        return []
    return [trim(text, m.span()) for m in pattern.finditer(text)]


def trim(text: str, span: Span) -> Span:
    """Shrink a span so that it neither starts nor ends with white space.

    An optional word at the edge of a pattern ("(muchas )?gracias") can leave a
    space inside the match; the evidence shown to the trainee should not.

    Args:
        text: The text the span belongs to.
        span: (start, end).

    Returns:
        The trimmed span.
    """
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Negation:
    """Decides whether a cue phrase is cancelled by a negator shortly before it."""

    def __init__(self, catalog: Catalog, text: str) -> None:
        """Prepare negation checks for one reply.

        Args:
            catalog: The language's catalog (negators, window, exceptions).
            text: Folded reply.
        """
        self._catalog = catalog
        self._text = text
        self._exceptions = spans_of(catalog.negation_exceptions, text)

    def cancels(self, start: int) -> bool:
        """Tell whether a phrase starting at ``start`` is negated.

        Only the last few words of the same clause count ("No, es culpa tuya" is
        not negated), and a negator inside a fixed phrase such as "no dudes en" or
        "don't hesitate to" does not negate.

        Args:
            start: Offset of the cue phrase in the folded reply.

        Returns:
            True when a negator is among the preceding words of its clause.
        """
        begin = clause_start(self._text, start)
        preceding = list(words(self._text[begin:start]))[-self._catalog.negation_window :]
        return any(
            m.group().lower() in self._catalog.negators
            and not overlaps((begin + m.start(), begin + m.end()), self._exceptions)
            for m in preceding
        )


def matches(
    pattern: Matcher | None,
    exclude: Matcher | None,
    text: str,
    negation: Negation | None,
) -> list[Span]:
    """Find where a pattern matches, minus exclusions and negated phrases.

    Args:
        pattern: The cue's patterns, compiled.
        exclude: Look-alike phrases that are not the cue, compiled.
        text: Folded reply.
        negation: The negation check, or None when negators do not apply.

    Returns:
        The spans that count.
    """
    excluded = spans_of(exclude, text)
    return [
        span
        for span in spans_of(pattern, text)
        if not overlaps(span, excluded) and not (negation and negation.cancels(span[0]))
    ]


def pattern_hits(catalog: Catalog, text: str, negation: Negation) -> list[Found]:
    """Find every cue that is a plain pattern match (all but promise and link_only).

    Args:
        catalog: The language's catalog.
        text: Folded reply.
        negation: The negation check for this reply.

    Returns:
        The cues found, in catalog order.
    """
    found: list[Found] = []
    for cue in CUES:
        if cue in COMPUTED:
            continue
        compiled = catalog.cues[cue]
        check = negation if compiled.negatable else None
        for start, end in matches(compiled.pattern, compiled.exclude, text, check):
            found.append(Found(cue, start, end))
    return found


def _caps(word: str, ignore: frozenset[str]) -> bool | None:
    """True for a word in capitals, False for one that is not, None for neutral ones.

    One-letter words ("I", "Y") and known acronyms (DM, XS) neither make nor break
    a run of capitals.
    """
    if not word.isupper():
        return False
    if len(word.replace("'", "")) < 2 or word in ignore:
        return None
    return True


def _caps_runs(text: str, ignore: frozenset[str]) -> list[list[re.Match[str]]]:
    """Group the words in capitals of a text into runs (neutral words do not break one)."""
    runs: list[list[re.Match[str]]] = [[]]
    for match in words(text):
        state = _caps(match.group(), ignore)
        if state:
            runs[-1].append(match)
        elif state is False and runs[-1]:
            runs.append([])
    return runs


def shouting_hits(text: str, ignore: frozenset[str]) -> list[Found]:
    """Find shouting: runs of words in capitals, and "!!!" or more.

    Links and handles are left out: "@ZURCIDA_ES" is a name, not a raised voice.

    Args:
        text: Folded reply (folding keeps the case).
        ignore: Acronyms that are not shouting, in capitals.

    Returns:
        One hostility hit per run or burst of exclamation marks.
    """
    found = [Found("hostility", m.start(), m.end()) for m in _BANGS_RE.finditer(text)]
    if not _two_capitals().search(text):
        return found  # no word in capitals at all: skip the word walk
    for run in _caps_runs(mask(text, list(name_spans(text))), ignore):
        if len(run) >= SHOUT_MIN_WORDS:
            found.append(Found("hostility", run[0].start(), run[-1].end()))
    return found


@cache
def _not_content(language: str | None) -> frozenset[str]:
    """Words that are not content next to a link: function words and the filler."""
    filler = load_catalog(language).link_filler if language is not None else frozenset()
    return filler | function_words()


def link_only_hit(text: str, catalog: Catalog | None, customer_name: str | None) -> Found | None:
    """Report link_only when a reply is little more than links.

    Links are URLs and, with a catalog, references such as "our website". What is
    left after removing links, handles, the customer's name, function words and the
    catalog's filler ("aquí", "see", greetings) must be at most a few words.

    Args:
        text: Folded reply.
        catalog: The language's catalog, or None for a language without one.
        customer_name: The customer's name, whose words are not content.

    Returns:
        A hit on the first link, or None.
    """
    urls = list(url_spans(text))
    links = list(urls)
    if catalog is not None:
        compiled = catalog.cues["link_only"]
        links += matches(compiled.pattern, compiled.exclude, text, None)
    if not links:
        return None
    ignored = _not_content(catalog.language if catalog is not None else None)
    name = set(fold_plain(customer_name or "").split())
    content = 0
    for match in words(mask(text, [*name_spans(text), *links])):
        word = match.group().lower()
        content += word not in ignored and word not in name
        if content > LINK_ONLY_MAX_WORDS:
            return None
    start, end = min(urls or links)  # the evidence is the URL when there is one
    return Found("link_only", start, end)


def merge(found: Iterable[Found]) -> list[Found]:
    """Merge overlapping hits of the same cue and sort by position.

    Args:
        found: Hits, in any order.

    Returns:
        Hits sorted by (start, end, cue order), no two of one cue overlapping.
    """
    order = {cue: index for index, cue in enumerate(CUES)}
    merged: list[Found] = []
    for hit in sorted(found, key=lambda h: (order[h.cue], h.start, h.end)):
        last = merged[-1] if merged else None
        if last is not None and last.cue == hit.cue and hit.start < last.end:
            merged[-1] = Found(hit.cue, last.start, max(last.end, hit.end))
        else:
            merged.append(hit)
    return sorted(merged, key=lambda h: (h.start, h.end, order[h.cue]))
