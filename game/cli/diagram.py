"""``crisisdrill diagram SCENARIO``: print a Mermaid state diagram of the phases."""

from __future__ import annotations

import argparse
import sys

from game.cli.common import EXIT_OK, LANGUAGES, Commands, wanted_language
from game.services.diagram import diagram


def add_parser(commands: Commands) -> None:
    """Add ``diagram`` and its options."""
    parser = commands.add_parser("diagram", help="print a Mermaid diagram of the phases")
    parser.add_argument("scenario", help="a built-in scenario id or a YAML file")
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help="language of labels")
    parser.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Print the diagram of the scenario named."""
    sys.stdout.write(diagram(options.scenario, wanted_language(options.lang)))
    return EXIT_OK
