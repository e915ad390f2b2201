"""``crisisdrill validate PATH...``: each file valid, or its ``file:line:col: message`` lines."""

from __future__ import annotations

import argparse
import sys

from game.cli.common import EXIT_BAD_INPUT, EXIT_OK, Commands, count, scenario_paths
from game.services.validate import validate_file


def add_parser(commands: Commands) -> None:
    """Add ``validate`` and its arguments."""
    validate = commands.add_parser("validate", help="check scenario files for errors")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="YAML files or folders")
    validate.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Validate every file named; exit 1 if any is invalid or a folder is empty."""
    files, failed = scenario_paths(options.paths)
    for path, display in files:
        validation = validate_file(path, display)
        if validation.error is not None:
            failed += 1
            print(validation.error.render(), file=sys.stderr)
            continue
        print(
            f"{display}: valid ({validation.scenario_id}: {count(validation.phases, 'phase')}, "
            f"{count(validation.injects, 'inject')}, "
            f"{count(validation.personas, 'persona')})"
        )
    return EXIT_BAD_INPUT if failed else EXIT_OK
