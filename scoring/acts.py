"""What a promise commits to, and which acts a reply reports as done.

A promise is kept only by the act it promised: "we'll call you" by a call, "we'll
refund you" by a refund, "we'll keep you posted" by news. The words are the
catalog's (``acts`` in ``scoring/lexicon/*.yaml``); the rules are here:

- the act of a promise is named by the first act's words from the promise on, in its
  sentence and before the next promise; a channel named later ("get back to you by
  DM", "te contestamos por teléfono") says how the news will come, so it wins over an
  update. With no act's words after the promise, the nearest before it in the
  sentence decides ("El reembolso lo tendrás en 48 horas"; "le llamaremos hoy, antes
  de las 20:00", where the time is a promise of its own); with none, "other";
- an act is delivered when the reply reports it done or delivers it now ("we've
  refunded you", "ya está solucionado", "here is your tracking number"), unless the
  report is negated, asked, part of a promise, or follows a word that makes it
  pending in its clause ("once we've refunded you"). A private message is kept by
  sending one, never by words. Any delivery is news on the matter, so it also
  delivers "update"; a mere "as promised" delivers nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from scoring.catalog import ACTS, WORDED_ACTS, Catalog, WordedAct
from scoring.rules import Negation, Span, overlaps, spans_of
from scoring.text import clause_start, question_spans, sentences

__all__ = ["ACTS", "delivered_acts", "promise_acts"]

_CHANNELS: frozenset[WordedAct] = frozenset({"private_message", "callback"})
"""Acts that say how an update will come, so they win over it."""

_Hit = tuple[int, WordedAct]
"""Where an act's words start, and the act."""


def _promised_hits(catalog: Catalog, text: str) -> list[_Hit]:
    """Every place where an act's words are found, in order of position."""
    hits = [
        (start, act)
        for act in WORDED_ACTS
        for start, _ in spans_of(catalog.acts[act].promised, text)
    ]
    return sorted(hits)


def _choose(after: list[_Hit], before: list[_Hit]) -> str:
    """The act of a promise, from the act words after it and before it."""
    if after:
        first = after[0][1]
        if first == "update":
            channel = next((act for _, act in after if act in _CHANNELS), None)
            return channel or first
        return first
    return before[-1][1] if before else "other"


def promise_acts(catalog: Catalog, text: str, promises: Sequence[Span]) -> list[str]:
    """Tell what each promise of a reply commits to.

    Args:
        catalog: The language's catalog.
        text: Folded reply.
        promises: The promises' spans in the folded reply, in order of position.

    Returns:
        One act per promise, in the same order: a value of ``ACTS``.
    """
    if not promises:
        return []
    hits = _promised_hits(catalog, text)
    bounds = sentences(text)
    acts: list[str] = []
    for index, (start, _) in enumerate(promises):
        sentence = next(((s, e) for s, e in bounds if s <= start < e), (0, len(text)))
        following = promises[index + 1][0] if index + 1 < len(promises) else len(text)
        end = min(sentence[1], following)
        after = [hit for hit in hits if start <= hit[0] < end]
        before = [hit for hit in hits if sentence[0] <= hit[0] < start]
        acts.append(_choose(after, before))
    return acts


def _pending(catalog: Catalog, text: str, start: int) -> bool:
    """Whether a report at ``start`` is not done yet: a pending word comes before it.

    The word counts in the report's own clause ("once we've refunded you"), or at the
    start of its sentence, where it makes the whole sentence conditional ("Cuando te
    hayamos mandado el nuevo, te pasamos el seguimiento").
    """
    begin = clause_start(text, start)
    sentence = next((s for s, e in sentences(text) if s <= start < e), 0)
    opening = len(text[sentence:]) - len(text[sentence:].lstrip())
    return any(
        begin <= s < start or s == sentence + opening
        for s, _ in spans_of(catalog.act_pending, text)
        if s < start
    )


def delivered_acts(
    catalog: Catalog, text: str, negation: Negation, promises: Sequence[Span]
) -> frozenset[str]:
    """Find the acts a reply reports as done, or delivers now.

    Args:
        catalog: The language's catalog.
        text: Folded reply.
        negation: The negation check for this reply ("we haven't refunded you").
        promises: The spans of the reply's own promises (a promise delivers nothing).

    Returns:
        The acts delivered ("private_message" never is); "update" with any other.
    """
    questions = question_spans(text)
    delivered: set[str] = set()
    for act in WORDED_ACTS:
        for span in spans_of(catalog.acts[act].delivered, text):
            if (
                negation.cancels(span[0])
                or overlaps(span, questions)
                or overlaps(span, promises)
                or _pending(catalog, text, span[0])
            ):
                continue
            delivered.add(act)
            break
    if delivered:
        delivered.add("update")
    return frozenset(delivered)
