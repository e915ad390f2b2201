"""``crisisdrill list [--json]``: the built-in and user scenarios, as a table or JSON."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import TextIO

from game.cli.common import EXIT_OK, Commands, count
from game.inert import inert
from game.safejson import dumps
from game.services.catalog import Broken, Listed, list_scenarios, listed_document


def add_parser(commands: Commands) -> None:
    """Add ``list`` and its options."""
    listing = commands.add_parser("list", help="list built-in and user scenarios")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
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
    print_catalog(scenarios, sys.stdout, "en")
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


def print_catalog(scenarios: list[Listed], out: TextIO, language: str) -> None:
    """Print the scenarios as a table, titles in ``language`` where they have it."""
    if not scenarios:
        print("No scenarios found.", file=out)
        return
    rows: list[tuple[str, ...]] = []
    for listed in scenarios:
        meta = listed.loaded.scenario.meta
        # One row per scenario: a line break in a title cannot forge another row.
        values: tuple[str, ...] = (
            meta.id,
            meta.difficulty,
            f"{meta.duration_minutes} min",
            ",".join(meta.languages),
            listed.source,
            listed.loaded.scenario.title_in(language),
        )
        rows.append(tuple(inert(value, one_line=True) for value in values))
    header = ("ID", "DIFFICULTY", "LENGTH", "LANGS", "SOURCE", "TITLE")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        print("  ".join([*cells, row[-1]]), file=out)
