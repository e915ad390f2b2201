"""``crisisdrill new NAME``: write a scenario scaffold that validates, and say what next."""

from __future__ import annotations

import argparse
import os
import shlex
import unicodedata

from game.cli.common import EXIT_OK, Commands, UsageError
from game.services.new import new_scenario


def add_parser(commands: Commands) -> None:
    """Add ``new`` and its argument."""
    new = commands.add_parser("new", help="write a commented scenario scaffold")
    new.add_argument("name", help="scenario name; writes NAME.yaml (or NAME if it ends in .yaml)")
    new.set_defaults(handler=run)


def run(options: argparse.Namespace) -> int:
    """Write the scaffold (never over a file) and a schema.json beside it if none is there."""
    name: str = options.name
    if not name.strip() or name.endswith(("/", os.sep)):
        raise UsageError("NAME must name a file, such as 'my-crisis' or 'my-crisis.yaml'")
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in name):
        raise UsageError("NAME must not contain control characters or line breaks")
    if any(unicodedata.category(char) == "Cs" for char in name):
        # Bytes that are not UTF-8 (the shell passed them through): no text to title it.
        raise UsageError("NAME must be valid UTF-8 text")
    written = new_scenario(name)
    print(f"Wrote {written.path} (scenario id '{written.scenario_id}').")
    if written.schema is not None:
        print(f"Wrote {written.schema} so that editors can complete and check the YAML.")
    print(f"Next: edit it, then run: crisisdrill validate {shlex.quote(str(written.path))}")
    return EXIT_OK
