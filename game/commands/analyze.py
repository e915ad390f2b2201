"""``crisisdrill analyze``: what the reply analyzer finds in a text, or in a batch of them.

One reply: the cues with the words that earned them, the promises with their
deadlines, the language and whether it names the customer; ``--json`` prints that as
one document. ``--jsonl FILE`` reads lines ``{"text", "lang", "customer"}`` and prints
one JSON document per line, in order, for batch evaluation.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from scoring import Analysis, AnalysisContext, analyze
from scoring.messages import cue_name, language_name

LANGUAGES = ("es", "en")


class BatchLineError(Exception):
    """One line of a ``--jsonl`` file is not a usable request."""


def analysis_document(analysis: Analysis) -> dict[str, Any]:
    """The analysis as the JSON contract of ``analyze --json`` (DESIGN.md).

    Args:
        analysis: what ``scoring.analyze`` returned.

    Returns:
        ``{"language", "cues": [{"cue", "start", "end", "text"}], "promises": [{"text",
        "deadline_minutes"}], "addresses_customer"}``, plus ``personal_data`` when the
        analyzer reports any.
    """
    document: dict[str, Any] = {
        "language": analysis.language,
        "cues": [
            {"cue": hit.cue, "start": hit.start, "end": hit.end, "text": hit.text}
            for hit in analysis.cues
        ],
        "promises": [
            {"text": promise.text, "deadline_minutes": promise.deadline_minutes}
            for promise in analysis.promises
        ],
        "addresses_customer": analysis.addresses_customer,
    }
    if analysis.personal_data:
        document["personal_data"] = [
            {"kind": hit.kind, "start": hit.start, "end": hit.end, "text": hit.text}
            for hit in analysis.personal_data
        ]
    return document


def describe(text: str, analysis: Analysis, language: str) -> str:
    """A readable account of an analysis: each cue with its words, then the rest.

    Args:
        text: the analysed text.
        analysis: its analysis.
        language: the language to write the account in ("es" or "en").

    Returns:
        Plain text, several lines.
    """
    spanish = language == "es"
    lines = [text, ""]
    if not analysis.cues:
        lines.append("Sin señales." if spanish else "No cues found.")
    deadlines = {(p.start, p.end): p.deadline_minutes for p in analysis.promises}
    width = max((len(cue_name(hit.cue, language)) for hit in analysis.cues), default=0)
    for hit in analysis.cues:
        line = f"  {cue_name(hit.cue, language):<{width}}  «{hit.text}»  [{hit.start}-{hit.end}]"
        if hit.cue == "promise":
            minutes = deadlines.get((hit.start, hit.end))
            if minutes is None:
                line += " (sin plazo)" if spanish else " (no deadline)"
            else:
                line += f" (plazo {minutes} min)" if spanish else f" (deadline {minutes} min)"
        lines.append(line)
    lines.append("")
    written = language_name(analysis.language, language)
    named = (
        ("sí" if analysis.addresses_customer else "no")
        if spanish
        else ("yes" if analysis.addresses_customer else "no")
    )
    for data in analysis.personal_data:
        what = "dato personal" if spanish else "personal data"
        lines.append(f"  {what} ({data.kind})  «{data.text}»  [{data.start}-{data.end}]")
    if analysis.personal_data:
        lines.append("")
    if spanish:
        lines.append(f"Idioma: {written}. Llama al cliente por su nombre: {named}.")
    else:
        lines.append(f"Language: {written}. Addresses the customer by name: {named}.")
    return "\n".join(lines) + "\n"


def _request(
    line: str, number: int, name: str, default_lang: str | None
) -> tuple[str, str, str | None]:
    """Parse one ``--jsonl`` line into (text, lang, customer)."""
    try:
        item = json.loads(line)
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
    source: Iterable[str],
    name: str,
    out: TextIO,
    errors: TextIO,
    default_lang: str | None = None,
) -> int:
    """Analyse every line of a ``--jsonl`` source, one JSON document per line.

    A bad line is reported on ``errors`` as ``FILE:LINE: message`` and skipped; blank
    lines are skipped silently.

    Args:
        source: the lines.
        name: how to name the source in messages.
        out: where the documents go.
        errors: where problems go.
        default_lang: the language of lines that do not say.

    Returns:
        The number of bad lines.
    """
    bad = 0
    for number, line in enumerate(source, start=1):
        if not line.strip():
            continue
        try:
            text, lang, customer = _request(line, number, name, default_lang)
        except BatchLineError as error:
            print(error, file=errors)
            bad += 1
            continue
        document = analysis_document(analyze(text, lang, AnalysisContext(customer)))
        out.write(json.dumps(document, ensure_ascii=False) + "\n")
    return bad


def read_batch_source(argument: str) -> tuple[TextIO, str]:
    """Open the ``--jsonl`` argument: a file, or ``-`` for standard input.

    Raises:
        OSError: the file cannot be opened (the caller reports it).
    """
    if argument == "-":
        return sys.stdin, "<stdin>"
    return Path(argument).open(encoding="utf-8", errors="replace"), argument
