"""``analyze``: what the reply analyzer finds in a text, or in a batch of them.

One reply gives an ``Analysis`` (the cues with the words that earned them, the
promises with their deadlines, the language, whether it names the customer) and its
JSON document; a batch is lines of ``{"text", "lang", "customer"}``, each analysed in
order as it is read, so that a long file or a pipe streams.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from scoring import Analysis, AnalysisContext, analyze

LANGUAGES = ("es", "en")


class BatchLineError(Exception):
    """One line of a batch is not a usable request; the message is ``NAME:LINE: why``."""


def analyze_reply(text: str, language: str, customer: str | None = None) -> Analysis:
    """Analyse one reply.

    Args:
        text: the reply.
        language: its language ("es" or "en").
        customer: the customer's name, to tell whether the reply addresses them.

    Returns:
        The cues, promises and the rest that the analyzer found.
    """
    return analyze(text, language, AnalysisContext(customer))


def analysis_document(analysis: Analysis) -> dict[str, Any]:
    """The analysis as the JSON contract of ``analyze --json`` (DESIGN.md).

    Args:
        analysis: what ``scoring.analyze`` returned.

    Returns:
        ``{"language", "cues": [{"cue", "start", "end", "text"}], "promises": [{"text",
        "deadline_minutes", "act"}], "addresses_customer", "delivered"}``, plus
        ``personal_data`` when the analyzer reports any.
    """
    document: dict[str, Any] = {
        "language": analysis.language,
        "cues": [
            {"cue": hit.cue, "start": hit.start, "end": hit.end, "text": hit.text}
            for hit in analysis.cues
        ],
        "promises": [
            {
                "text": promise.text,
                "deadline_minutes": promise.deadline_minutes,
                "act": promise.act,
            }
            for promise in analysis.promises
        ],
        "addresses_customer": analysis.addresses_customer,
        "delivered": sorted(analysis.delivered),
    }
    if analysis.personal_data:
        document["personal_data"] = [
            {"kind": hit.kind, "start": hit.start, "end": hit.end, "text": hit.text}
            for hit in analysis.personal_data
        ]
    return document


def _request(
    line: str, number: int, name: str, default_lang: str | None
) -> tuple[str, str, str | None]:
    """Parse one batch line into (text, lang, customer)."""
    try:
        item = json.loads(line)
    except RecursionError:
        raise BatchLineError(f"{name}:{number}: brackets nested too deep") from None
    except ValueError as error:
        raise BatchLineError(f"{name}:{number}: not JSON ({error})") from None
    if not isinstance(item, dict):
        raise BatchLineError(f"{name}:{number}: expected an object with 'text' and 'lang'")
    text, customer = item.get("text"), item.get("customer")
    lang = item.get("lang", default_lang)
    if not isinstance(text, str):
        raise BatchLineError(f"{name}:{number}: 'text' must be a string")
    if lang not in LANGUAGES:
        raise BatchLineError(f"{name}:{number}: 'lang' must be 'es' or 'en', got {lang!r}")
    if customer is not None and not isinstance(customer, str):
        raise BatchLineError(f"{name}:{number}: 'customer' must be a string or null")
    return text, lang, customer


def analyze_batch(
    lines: Iterable[str], name: str, default_lang: str | None = None
) -> Iterator[dict[str, Any] | BatchLineError]:
    """Analyse each line of a batch, one at a time, as it is read.

    Blank lines are skipped; a bad line yields its error (the caller reports it and
    goes on) instead of stopping the batch.

    Args:
        lines: the lines of ``{"text", "lang", "customer"}`` objects.
        name: how to name the source in messages.
        default_lang: the language of lines that do not say.

    Yields:
        Per non-blank line, in order: its analysis document, or why it is unusable.
    """
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            text, lang, customer = _request(line, number, name, default_lang)
        except BatchLineError as error:
            yield error
            continue
        yield analysis_document(analyze_reply(text, lang, customer))
