"""The general rules of reply analysis, applied to a folded reply.

Catalog patterns say which words show a cue; the rules here decide when those words
do not count (a negator just before them, an exclusion such as "sorry you feel that
way", a statement that is really a question, thanks in an ironic reply, a mention of
personal data with no request around it). Cues in the form of a reply rather than its
words (shouting, a bare link) are in ``scoring.form``. All spans are offsets in the
folded reply; the analyzer maps them back to the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from game.vocabulary import CUES, Cue
from scoring.catalog import Catalog
from scoring.language import function_words
from scoring.matcher import Matcher
from scoring.text import (
    WORD_RE,
    clause_start,
    question_spans,
    sentences,
    words,
)

Span = tuple[int, int]

COMPUTED: frozenset[Cue] = frozenset({"promise", "link_only"})
"""Cues that need more than a pattern match (see promises.py and ``scoring.form``)."""

USED_MIN_WORDS = 3
"""A negator inside an earlier cue phrase of this many words belongs to that phrase."""


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
        self._phrases: list[Span] | None = None

    def _cue_phrases(self) -> list[Span]:
        """Every cue phrase the catalog's patterns find in the reply (computed once)."""
        if self._phrases is None:
            self._phrases = [
                span
                for compiled in self._catalog.cues.values()
                for span in spans_of(compiled.pattern, self._text)
            ]
        return self._phrases

    def _used(self, negator: Span, start: int) -> bool:
        """Whether a negator belongs to an earlier cue phrase ("not our fault you can't").

        Only phrases of at least ``USED_MIN_WORDS`` words count: "not our fault" is a
        statement of its own, "nunca más" only modifies what follows.
        """
        return any(
            begin <= negator[0]
            and negator[1] <= end <= start
            and len(list(words(self._text[begin:end]))) >= USED_MIN_WORDS
            for begin, end in self._cue_phrases()
        )

    def _window(self, start: int) -> list[re.Match[str]]:
        """The words before ``start`` that a negator may be among.

        The window ends at the clause start and at a conjunction ("because",
        "pero"): "we won't refund it because the item is used" does not negate the
        cause. A phrase that itself opens with a conjunction is negated only by the
        word just before it ("not because of the weather").
        """
        begin = clause_start(self._text, start)
        preceding = list(words(self._text[begin:start]))
        breaks = self._catalog.negation_breaks
        first = WORD_RE.match(self._text, start)
        size = 1 if first is not None and first.group().lower() in breaks else None
        window = preceding[-(size or self._catalog.negation_window) :]
        for index in range(len(window) - 1, -1, -1):
            if window[index].group().lower() in breaks:
                return window[index + 1 :]
        return window

    def after_break(self, span: Span) -> Span | None:
        """The part of a negated phrase from a conjunction inside it, if that stands.

        The negator reaches only up to the conjunction: in "el bus no pasó porque el
        conductor se enfermó", "pasó porque" is negated but "porque el conductor"
        still states a cause.

        Args:
            span: A negated cue phrase.

        Returns:
            The span from the first conjunction after the phrase's first word to
            its end, when the words before it say what was negated (not only a
            copula: "no fue porque" still negates the cause) and that part is not
            negated itself; otherwise None.
        """
        start, end = span
        lead: list[str] = []
        for match in WORD_RE.finditer(self._text, start, end):
            word = match.group().lower()
            if lead and word in self._catalog.negation_breaks:
                # "no fue porque ...": only a copula is negated, so is the cause.
                content = any(token not in function_words() for token in lead)
                if content and not self.cancels(match.start()):
                    return match.start(), end
                return None
            lead.append(word)
        return None

    def cancels(self, start: int) -> bool:
        """Tell whether a phrase starting at ``start`` is negated.

        Only the last few words of the same clause count ("No, es culpa tuya" is
        not negated, nor is what follows a conjunction); a negator inside a fixed
        phrase such as "no dudes en" or "don't hesitate to" does not negate, nor
        does one that is part of an earlier cue phrase: in "It's not our fault you
        can't use it", the "not" belongs to the denial, not to what follows.

        Args:
            start: Offset of the cue phrase in the folded reply.

        Returns:
            True when a negator is among the preceding words of its clause.
        """
        begin = clause_start(self._text, start)
        for match in self._window(start):
            if match.group().lower() not in self._catalog.negators:
                continue
            span = (begin + match.start(), begin + match.end())
            if not overlaps(span, self._exceptions) and not self._used(span, start):
                return True
        return False


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
    found: list[Span] = []
    for span in spans_of(pattern, text):
        if overlaps(span, excluded):
            continue
        if negation is None or not negation.cancels(span[0]):
            found.append(span)
            continue
        rest = negation.after_break(span)
        if rest is not None:
            found.append(rest)
    return found


def irony_spans(catalog: Catalog, text: str) -> list[Span]:
    """Find the marks of irony in a reply: an eye-roll, "oh sure", "qué sorpresa".

    Irony is hostility (sarcasm), and it turns the polite words around it upside
    down: "Gracias por tu valiosísima aportación 🙄" thanks nobody.

    Args:
        catalog: The language's catalog.
        text: Folded reply.

    Returns:
        The spans of the marks, in order.
    """
    return spans_of(catalog.irony, text)


def pattern_hits(
    catalog: Catalog, text: str, negation: Negation, ironic: list[Span] | None = None
) -> list[Found]:
    """Find every cue that is a plain pattern match (all but promise and link_only).

    In an ironic reply (``ironic`` not empty), the cues the catalog marks as
    ``sincere`` (thanks, for instance) are not found, and each mark of irony is a
    hostility hit. Cues marked ``asserted`` (a cause, a denial) are not found in
    questions.

    Args:
        catalog: The language's catalog.
        text: Folded reply.
        negation: The negation check for this reply.
        ironic: The reply's marks of irony (see ``irony_spans``).

    Returns:
        The cues found, in catalog order.
    """
    found: list[Found] = [Found("hostility", start, end) for start, end in ironic or ()]
    for cue in CUES:
        if cue in COMPUTED:
            continue
        compiled = catalog.cues[cue]
        if ironic and compiled.sincere:
            continue
        check = negation if compiled.negatable else None
        for span in matches(compiled.pattern, compiled.exclude, text, check):
            if compiled.asserted and overlaps(span, question_spans(text)):
                continue  # "¿el problema es la app?" asks; it does not explain
            if compiled.context is not None and not in_context(compiled.context, text, span):
                continue  # "no hay ningún problema con tu tarjeta" asks for nothing
            found.append(Found(cue, *span))
    return found


def in_context(context: Matcher, text: str, span: Span) -> bool:
    """Tell whether the sentence holding a span also holds one of a cue's context words.

    Args:
        context: The cue's context patterns ("pásanos", "could you", "?").
        text: Folded reply.
        span: The cue's span.

    Returns:
        True when a context match starts in the same sentence as the span.
    """
    marks = spans_of(context, text)
    for start, end in sentences(text):
        if start <= span[0] < end:
            return any(start <= mark_start < end for mark_start, _ in marks)
    return False


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
