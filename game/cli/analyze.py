"""``crisisdrill analyze [TEXT] --lang L``: the cues the reply analyzer finds, and why.

One reply (TEXT, or standard input) is described in words or, with ``--json``, as one
JSON document; ``--jsonl FILE`` analyses lines of ``{"text", "lang", "customer"}`` and
prints one JSON document per line, in order.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from game.cli.common import EXIT_BAD_INPUT, EXIT_OK, LANGUAGES, Commands, UsageError
from game.journal.logfile import special_file_problem
from game.safejson import dumps
from game.services.errors import InputError

if TYPE_CHECKING:
    from scoring import Analysis


def add_parser(commands: Commands) -> None:
    """Add ``analyze`` and its options."""
    analyze = commands.add_parser(
        "analyze", help="show the cues the reply analyzer finds in a reply"
    )
    analyze.add_argument("text", nargs="?", help="the reply (default: read standard input)")
    analyze.add_argument(
        "--lang", choices=LANGUAGES, help="its language (with --jsonl: for lines without one)"
    )
    analyze.add_argument("--customer", default=None, help="the customer's name")
    analyze.add_argument("--json", action="store_true", help="print one JSON document")
    analyze.add_argument(
        "--jsonl",
        metavar="FILE",
        help='analyse lines of {"text", "lang", "customer"} from FILE (- for stdin), '
        "one JSON document per line",
    )
    analyze.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Analyse one reply, or a batch; exit 1 if a batch line is unusable."""
    # The analyzer's catalogs load only when a reply is analysed.
    from game.services.analyze import analysis_document, analyze_reply

    if options.jsonl is not None:
        if options.text is not None:
            raise UsageError("give either a TEXT or --jsonl FILE, not both")
        return _batch(options.jsonl, options.lang)
    if options.lang is None:
        raise UsageError("the following argument is required: --lang")
    text = options.text
    if text is None:
        if sys.stdin.isatty():
            raise UsageError("give the reply as TEXT, on standard input, or use --jsonl FILE")
        text = sys.stdin.read().rstrip("\r\n")
    analysis = analyze_reply(text, options.lang, options.customer)
    if options.json:
        sys.stdout.write(dumps(analysis_document(analysis), ensure_ascii=False, indent=2))
        print()
    else:
        sys.stdout.write(describe(text, analysis, options.lang))
    return EXIT_OK


def _batch(argument: str, default_lang: str | None) -> int:
    """Print one JSON line per request of ``argument`` (a file, or - for stdin)."""
    from game.services.analyze import BatchLineError, analyze_batch

    try:
        source, name = _open_batch(argument)
    except OSError as error:
        raise InputError(f"{argument}: cannot read: {error.strerror or error}") from None
    bad = 0
    with source:
        for item in analyze_batch(source, name, default_lang):
            if isinstance(item, BatchLineError):
                print(item, file=sys.stderr)
                bad += 1
            else:
                sys.stdout.write(dumps(item, ensure_ascii=False) + "\n")
    return EXIT_BAD_INPUT if bad else EXIT_OK


def _open_batch(argument: str) -> tuple[TextIO, str]:
    """The ``--jsonl`` source and its name in messages: a file, or ``-`` for stdin."""
    if argument == "-":
        return sys.stdin, "<stdin>"
    problem = special_file_problem(Path(argument))
    if problem is not None:
        raise InputError(f"{argument}: {problem}")
    return Path(argument).open(encoding="utf-8", errors="replace"), argument


def describe(text: str, analysis: Analysis, language: str) -> str:
    """A readable account of an analysis: each cue with its words, then the rest.

    Args:
        text: the analysed text.
        analysis: its analysis.
        language: the language to write the account in ("es" or "en").

    Returns:
        Plain text, several lines.
    """
    from scoring.messages import act_name, cue_name, language_name

    spanish = language == "es"
    lines = [text, ""]
    if not analysis.cues:
        lines.append("Sin señales." if spanish else "No cues found.")
    deadlines = {(p.start, p.end): p.deadline_minutes for p in analysis.promises}
    acts = {(p.start, p.end): p.act for p in analysis.promises}
    width = max((len(cue_name(hit.cue, language)) for hit in analysis.cues), default=0)
    for hit in analysis.cues:
        line = f"  {cue_name(hit.cue, language):<{width}}  «{hit.text}»  [{hit.start}-{hit.end}]"
        if hit.cue == "promise":
            minutes = deadlines.get((hit.start, hit.end))
            if minutes is None:
                line += " (sin plazo)" if spanish else " (no deadline)"
            else:
                line += f" (plazo {minutes} min)" if spanish else f" (deadline {minutes} min)"
            act = act_name(acts.get((hit.start, hit.end), "other"), language)
            line += f" · {act}"
        lines.append(line)
    if analysis.delivered:
        done = ", ".join(act_name(act, language) for act in sorted(analysis.delivered))
        lines.append(("  Cumple o informa de: " if spanish else "  Delivers or reports: ") + done)
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
