"""``crisisdrill list [--json]``: the built-in and user scenarios, as a table or JSON."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import TextIO

from game.cli.common import EXIT_OK, LANGUAGES, Commands, count, wanted_language
from game.inert import inert
from game.safejson import dumps
from game.services.catalog import Broken, Listed, list_scenarios, listed_document
from game.services.learning import START_HERE, difficulty_name, learning_order, start_here


def add_parser(commands: Commands) -> None:
    """Add ``list`` and its options."""
    listing = commands.add_parser("list", help="list built-in and user scenarios")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="language of the table (titles, words)"
    )
    listing.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Print the playable scenarios; warn on stderr about the files left out."""
    scenarios = playable()
    if options.json:
        sys.stdout.write(
            dumps([listed_document(listed) for listed in scenarios], ensure_ascii=False, indent=2)
        )
        print()
        return EXIT_OK
    print_catalog(scenarios, sys.stdout, wanted_language(options.lang) or "en")
    return EXIT_OK


def playable() -> list[Listed]:
    """The playable scenarios; a warning on stderr for each file left out, and why."""
    listing = list_scenarios()
    for left_out in listing.left_out:
        if isinstance(left_out, Broken):
            print(
                f"warning: {left_out.path} is not listed: {count(left_out.problems, 'problem')} "
                f"(crisisdrill validate {shlex.quote(str(left_out.path))})",
                file=sys.stderr,
            )
        else:
            print(
                f"warning: {left_out.path} has the id '{left_out.scenario_id}' of "
                f"{left_out.used}, which is used instead; give it another meta.id",
                file=sys.stderr,
            )
    return listing.scenarios


_HEADERS = {
    "es": ("ID", "DIFICULTAD", "DURACIÓN", "IDIOMAS", "ORIGEN", "TÍTULO"),
    "en": ("ID", "DIFFICULTY", "LENGTH", "LANGS", "SOURCE", "TITLE"),
}
_SOURCES = {"es": {"builtin": "incluido", "user": "tuyo"}}
"""Sources in Spanish; English keeps the words of ``list --json``."""
_NONE_FOUND = {"es": "No hay escenarios.", "en": "No scenarios found."}


def print_catalog(scenarios: list[Listed], out: TextIO, language: str) -> None:
    """Print the scenarios as a table in learning order, words in ``language``.

    Introductory scenarios come first (ties by title) and the first one is marked
    "start here", so a new trainee knows what to play.
    """
    language = language if language in _HEADERS else "en"
    if not scenarios:
        print(_NONE_FOUND[language], file=out)
        return

    def difficulty(listed: Listed) -> str:
        return listed.loaded.scenario.meta.difficulty

    def title(listed: Listed) -> str:
        return listed.loaded.scenario.title_in(language)

    ordered = learning_order(scenarios, difficulty, title)
    first = start_here(ordered, difficulty)
    rows: list[tuple[str, ...]] = []
    for listed in ordered:
        meta = listed.loaded.scenario.meta
        mark = f"  ← {START_HERE[language]}" if listed is first else ""
        # One row per scenario: a line break in a title cannot forge another row.
        values: tuple[str, ...] = (
            meta.id,
            difficulty_name(meta.difficulty, language),
            f"{meta.duration_minutes} min",
            ",".join(meta.languages),
            _SOURCES.get(language, {}).get(listed.source, listed.source),
            title(listed),
        )
        row = tuple(inert(value, one_line=True) for value in values)
        rows.append((*row[:-1], row[-1] + mark))
    header = _HEADERS[language]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        print("  ".join([*cells, row[-1]]), file=out)
