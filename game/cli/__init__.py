"""The ``crisisdrill`` command line (contract in DESIGN.md): thin over ``game.services``.

Each command has a module here that adds its parser, calls its service and prints
what it returns. Exit codes: 0 success, 1 bad input (a message on stderr), 2 usage
error; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TextIO, cast

from game import __version__
from game.cli import (
    analyze,
    catalog,
    check,
    diagram,
    new,
    play,
    progress,
    report,
    results,
    simulate,
    validate,
    workshop,
)
from game.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, UsageError
from game.inert import InertStream
from game.scenario.problems import ScenarioError
from game.services.errors import InputError

COMMANDS = (
    play,
    catalog,
    validate,
    new,
    simulate,
    check,
    analyze,
    report,
    diagram,
    results,
    progress,
    workshop,
)
"""The command modules, in the order ``--help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="crisisdrill",
        description="Practise handling social-media crises in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"crisisdrill {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: the arguments after the program name (default: ``sys.argv[1:]``).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # No command, or options only: `play`, the default command.
    if not arguments or (
        arguments[0].startswith("-") and arguments[0] not in ("-h", "--help", "--version")
    ):
        arguments = ["play", *arguments]
    arguments = workshop.report_arguments(arguments)
    try:
        options = parser.parse_args(arguments)
    except SystemExit as exit_:  # argparse has printed usage or help
        return int(exit_.code or 0)
    handler: Callable[[argparse.Namespace], int] = options.handler
    # Everything printed passes through `inert`: a scenario's keys, a log's phase names
    # or a file name cannot send escape sequences to the terminal. (The game's screen
    # is drawn by Textual on the original streams.)
    real_out, real_err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (
        cast(TextIO, InertStream(real_out)),
        cast(TextIO, InertStream(real_err)),
    )
    try:
        return _handle(parser, handler, options)
    finally:
        sys.stdout, sys.stderr = real_out, real_err


def _handle(
    parser: argparse.ArgumentParser,
    handler: Callable[[argparse.Namespace], int],
    options: argparse.Namespace,
) -> int:
    """Run one command, turning every error into its message and exit code."""
    try:
        return handler(options)
    except ScenarioError as error:
        print(error.render(), file=sys.stderr)
        return EXIT_BAD_INPUT
    except InputError as error:
        print(f"crisisdrill: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"crisisdrill: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); say nothing more.
        sys.stderr.close()
        return EXIT_OK
    except OSError as error:
        # A file-system fault (a full disk, a read-only or missing folder, a data folder
        # that is a file): one line that names the file, never an internal error.
        where = f"{error.filename}: " if error.filename else ""
        print(f"crisisdrill: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:  # a bug: one clear line, the details only on request
        if os.environ.get("CRISISDRILL_DEBUG"):
            traceback.print_exc()
        print(
            f"crisisdrill: internal error ({error.__class__.__name__}: {error}); "
            "set CRISISDRILL_DEBUG=1 to see details and please report it",
            file=sys.stderr,
        )
        return 3


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
