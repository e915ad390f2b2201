"""The ``crisisdrill`` command line (contract in DESIGN.md).

Exit codes: 0 success, 1 bad input (a message on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import traceback
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from game import __version__
from game.scenario.catalog import (
    CatalogEntry,
    discover,
    is_dir,
    resolve_scenario,
    scenario_files,
)
from game.scenario.diagram import mermaid_diagram
from game.scenario.loader import LoadedScenario, load_scenario
from game.scenario.model import Scenario
from game.scenario.problems import ScenarioError
from game.scenario.scaffold import scaffold_text, scenario_id_from_name
from game.scenario.schema import render_schema

# Kept here so that `--help` needs no engine import; a test checks it matches POLICIES.
POLICY_NAMES = ("ideal", "slow", "corporate", "defensive", "troll-feeder", "banhammer", "ignorer")

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
CHECK_SEEDS = 5
"""Seeds each bot plays in `check`: enough to see a trend, quick enough for CI."""
CHECK_MARGIN = 10.0
"""Overall points by which the ideal bot must beat every other bot in `check`."""


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


class InputError(Exception):
    """The input named on the command line is wrong (exit 1)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="crisisdrill",
        description="Practise handling social-media crises in the terminal.",
    )
    parser.add_argument("--version", action="version", version=f"crisisdrill {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser("play", help="play a scenario (the default command)")
    play.add_argument("scenario", nargs="?", help="a built-in scenario id or a YAML file")
    play.add_argument("--seed", type=int, default=None, help="seed of the crowd (default: random)")
    play.add_argument("--lang", choices=("es", "en"), default=None, help="language")
    play.add_argument("--speed", type=_positive_float, default=1.0, help="simulated speed factor")
    play.add_argument("--trainee", default=None, help="trainee name for the session log")
    play.add_argument(
        "--mode",
        choices=("practice", "exam"),
        default="practice",
        help="practice (pause, live coach) or exam (no pause, no hints)",
    )
    play.set_defaults(handler=_cmd_play)

    listing = commands.add_parser("list", help="list built-in and user scenarios")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(handler=_cmd_list)

    validate = commands.add_parser("validate", help="check scenario files for errors")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="YAML files or folders")
    validate.set_defaults(handler=_cmd_validate)

    new = commands.add_parser("new", help="write a commented scenario scaffold")
    new.add_argument("name", help="scenario name; writes NAME.yaml (or NAME if it ends in .yaml)")
    new.set_defaults(handler=_cmd_new)

    simulate = commands.add_parser(
        "simulate", help="play a scenario headlessly with a built-in bot or a playbook"
    )
    simulate.add_argument("scenario", help="a built-in scenario id or a YAML file")
    player = simulate.add_mutually_exclusive_group(required=True)
    player.add_argument("--policy", choices=POLICY_NAMES, help="a built-in bot")
    player.add_argument("--playbook", type=Path, help="a playbook YAML file")
    simulate.add_argument("--seed", type=int, default=1, help="first seed (default 1)")
    simulate.add_argument("--runs", type=_positive_int, default=1, help="seeds to play")
    simulate.add_argument("--lang", choices=("es", "en"), default=None, help="language")
    simulate.add_argument("--json", action="store_true", help="print one JSON document")
    simulate.set_defaults(handler=_cmd_simulate)

    check = commands.add_parser(
        "check", help="validate, lint and balance scenarios (the bots must rank as expected)"
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")
    check.add_argument(
        "--seeds",
        type=_positive_int,
        default=CHECK_SEEDS,
        metavar="N",
        help=f"play each bot on seeds 1..N (default {CHECK_SEEDS})",
    )
    check.add_argument(
        "--margin",
        type=float,
        default=CHECK_MARGIN,
        help=f"overall points the ideal bot must win by (default {CHECK_MARGIN:g})",
    )
    check.add_argument("--lang", choices=("es", "en"), default=None, help="sessions' language")
    check.set_defaults(handler=_cmd_check)

    analyze = commands.add_parser(
        "analyze", help="show the cues the reply analyzer finds in a reply"
    )
    analyze.add_argument("text", nargs="?", help="the reply (default: read standard input)")
    analyze.add_argument(
        "--lang", choices=("es", "en"), help="its language (with --jsonl: for lines without one)"
    )
    analyze.add_argument("--customer", default=None, help="the customer's name")
    analyze.add_argument("--json", action="store_true", help="print one JSON document")
    analyze.add_argument(
        "--jsonl",
        metavar="FILE",
        help='analyse lines of {"text", "lang", "customer"} from FILE (- for stdin), '
        "one JSON document per line",
    )
    analyze.set_defaults(handler=_cmd_analyze)

    report = commands.add_parser("report", help="score a session log and print its report")
    report.add_argument("log", type=Path, help="a session log (.jsonl)")
    report.add_argument(
        "--format", choices=("md", "html", "json"), default="md", help="report format"
    )
    report.add_argument(
        "-o", "--output", type=Path, default=None, help="write to this file instead of stdout"
    )
    report.set_defaults(handler=_cmd_report)

    diagram = commands.add_parser("diagram", help="print a Mermaid diagram of the phases")
    diagram.add_argument("scenario", help="a built-in scenario id or a YAML file")
    diagram.add_argument("--lang", choices=("es", "en"), default=None, help="language of labels")
    diagram.set_defaults(handler=_cmd_diagram)
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 1 <= value <= 10_000:
        raise argparse.ArgumentTypeError(f"expected a number from 1 to 10000, got {text}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(f"expected a number above 0 and up to 1000, got {text}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code.

    Args:
        argv: the arguments after the program name (default: ``sys.argv[1:]``).
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not arguments or (
        arguments[0].startswith("-")
        and arguments[0]
        not in (
            "-h",
            "--help",
            "--version",
        )
    ):
        arguments = ["play", *arguments]
    try:
        options = parser.parse_args(arguments)
    except SystemExit as exit_:  # argparse has printed usage or help
        return int(exit_.code or 0)
    handler: Callable[[argparse.Namespace], int] = options.handler
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


def _language(scenario: Scenario, wanted: str | None) -> str:
    if wanted in scenario.meta.languages:
        return wanted
    return scenario.meta.languages[0]


def _scenario_paths(arguments: list[str]) -> tuple[list[tuple[Path, str]], int]:
    """Files named on the command line, folders expanded; and how many folders were empty."""
    files: list[tuple[Path, str]] = []
    empty = 0
    for argument in arguments:
        path = Path(argument)
        if not argument:
            raise UsageError("a PATH is empty")
        if is_dir(path):
            found = scenario_files(path)
            if not found:
                print(f"{argument}: no .yaml files in this folder", file=sys.stderr)
                empty += 1
            files.extend((file, str(file)) for file in found)
        else:
            files.append((path, argument))
    return files, empty


def _cmd_check(options: argparse.Namespace) -> int:
    from game.commands.check import check_files

    files, failed = _scenario_paths(options.paths)
    failed += check_files(
        files,
        sys.stdout,
        sys.stderr,
        seeds=range(1, options.seeds + 1),
        margin=options.margin,
        language=options.lang,
    )
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _cmd_validate(options: argparse.Namespace) -> int:
    files, failed = _scenario_paths(options.paths)
    for path, display in files:
        try:
            loaded = load_scenario(path, display)
        except ScenarioError as error:
            failed += 1
            print(error.render(), file=sys.stderr)
            continue
        scenario = loaded.scenario
        print(
            f"{display}: valid ({scenario.meta.id}: {_count(len(scenario.phases), 'phase')}, "
            f"{_count(len(scenario.injects), 'inject')}, "
            f"{_count(len(scenario.personas), 'persona')})"
        )
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _entry_json(entry: CatalogEntry) -> dict[str, Any]:
    assert entry.loaded is not None
    scenario = entry.loaded.scenario
    meta = scenario.meta
    return {
        "id": meta.id,
        "title": {language: scenario.text(meta.title, language) for language in meta.languages},
        "summary": {language: scenario.text(meta.summary, language) for language in meta.languages},
        "languages": list(meta.languages),
        "difficulty": meta.difficulty,
        "duration_minutes": meta.duration_minutes,
        "source": entry.source,
        "path": str(entry.path),
    }


def _listable() -> list[CatalogEntry]:
    """Valid library scenarios; a warning on stderr for each broken or shadowed one."""
    entries = discover()
    seen: dict[str, Path] = {}
    valid = []
    for entry in entries:
        quoted = shlex.quote(str(entry.path))
        if entry.loaded is None:
            count = len(entry.error.problems) if entry.error else 0
            print(
                f"warning: {entry.path} is not listed: {_count(count, 'problem')} "
                f"(crisisdrill validate {quoted})",
                file=sys.stderr,
            )
            continue
        scenario_id = entry.loaded.scenario.meta.id
        if scenario_id in seen:
            print(
                f"warning: {entry.path} has the id '{scenario_id}' of {seen[scenario_id]}, "
                "which is used instead; give it another meta.id",
                file=sys.stderr,
            )
            continue
        seen[scenario_id] = entry.path
        valid.append(entry)
    return valid


def _cmd_list(options: argparse.Namespace) -> int:
    valid = _listable()
    if options.json:
        json.dump([_entry_json(entry) for entry in valid], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    _print_catalog(valid, sys.stdout, "en")
    return EXIT_OK


def _print_catalog(entries: list[CatalogEntry], out: TextIO, language: str) -> None:
    if not entries:
        print("No scenarios found.", file=out)
        return
    rows = []
    for entry in entries:
        assert entry.loaded is not None
        meta = entry.loaded.scenario.meta
        rows.append(
            (
                meta.id,
                meta.difficulty,
                f"{meta.duration_minutes} min",
                ",".join(meta.languages),
                entry.source,
                entry.loaded.scenario.title_in(language),
            )
        )
    header = ("ID", "DIFFICULTY", "LENGTH", "LANGS", "SOURCE", "TITLE")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)]
        print("  ".join([*cells, row[-1]]), file=out)


def _cmd_new(options: argparse.Namespace) -> int:
    name: str = options.name
    if not name.strip() or name.endswith(("/", os.sep)):
        raise UsageError("NAME must name a file, such as 'my-crisis' or 'my-crisis.yaml'")
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in name):
        raise UsageError("NAME must not contain control characters or line breaks")
    has_suffix = name.lower().endswith((".yaml", ".yml"))
    target = Path(name if has_suffix else f"{name}.yaml")
    # The title is the file's own name, without folders: "../x" is titled "x".
    title = target.stem if has_suffix else Path(name).name
    try:
        exists = os.path.lexists(target)  # a dangling link counts: it would be written through
        folder_exists = target.parent.is_dir()
    except OSError as error:
        raise InputError(f"cannot use {name!r}: {error.strerror or error}") from None
    if exists:
        raise InputError(f"{target} already exists; choose another name or remove it first")
    if not folder_exists:
        raise InputError(f"{target.parent} is not an existing folder")
    try:
        target.write_text(scaffold_text(title, target.name), encoding="utf-8")
        schema = target.parent / "schema.json"
        wrote_schema = not schema.exists()
        if wrote_schema:
            schema.write_text(render_schema(), encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {target}: {error.strerror or error}") from None
    print(f"Wrote {target} (scenario id '{scenario_id_from_name(title)}').")
    if wrote_schema:
        print(f"Wrote {schema} so that editors can complete and check the YAML.")
    print(f"Next: edit it, then run: crisisdrill validate {shlex.quote(str(target))}")
    return EXIT_OK


def _cmd_simulate(options: argparse.Namespace) -> int:
    # The engine pulls in Faker and transitions: imported only when simulating.
    from game.engine.playbook import PlaybookPlayer, load_playbook
    from game.engine.policies import POLICIES
    from game.engine.simulate import Player, play
    from game.paths import sessions_dir
    from game.scored import score_log
    from scoring import read_reply

    loaded = resolve_scenario(options.scenario)
    language = _language(loaded.scenario, options.lang)
    playbook = load_playbook(options.playbook) if options.playbook is not None else None
    results = []
    for seed in range(options.seed, options.seed + options.runs):
        player: Player = (
            PlaybookPlayer(playbook=playbook)
            if playbook is not None
            else POLICIES[options.policy]()
        )
        result = play(
            loaded,
            player,
            seed=seed,
            language=language,
            reader=read_reply,
            log_dir=sessions_dir(),
        )
        if result.log is not None:
            result.extra["scores"] = score_log(Path(result.log)).scorecard.scores()
        results.append(result)
    if options.json:
        json.dump(
            [result.to_json() for result in results], sys.stdout, ensure_ascii=False, indent=2
        )
        print()
        return EXIT_OK
    for result in results:
        metrics = result.metrics
        print(
            f"seed {result.seed}: {result.final_phase} ({' > '.join(result.phases)}); "
            f"{result.posts} posts, {result.actions} actions; sentiment "
            f"{metrics['sentiment']:+.2f}, negative reach {metrics['negative_reach']:,}, "
            f"unanswered {metrics['unanswered']}"
        )
        scores = result.extra.get("scores", {})
        if scores:
            print(
                "  scores: "
                + ", ".join(f"{name} {_score(value)}" for name, value in scores.items())
            )
        print(f"  log: {result.log}")
    return EXIT_OK


def _cmd_analyze(options: argparse.Namespace) -> int:
    from game.commands.analyze import (
        analysis_document,
        analyze_batch,
        describe,
        read_batch_source,
    )
    from scoring import AnalysisContext, analyze

    if options.jsonl is not None:
        if options.text is not None:
            raise UsageError("give either a TEXT or --jsonl FILE, not both")
        try:
            source, name = read_batch_source(options.jsonl)
        except OSError as error:
            raise InputError(f"{options.jsonl}: cannot read: {error.strerror or error}") from None
        with source:
            bad = analyze_batch(source, name, sys.stdout, sys.stderr, options.lang)
        return EXIT_BAD_INPUT if bad else EXIT_OK
    if options.lang is None:
        raise UsageError("the following argument is required: --lang")
    text = options.text
    if text is None:
        if sys.stdin.isatty():
            raise UsageError("give the reply as TEXT, on standard input, or use --jsonl FILE")
        text = sys.stdin.read().rstrip("\r\n")
    analysis = analyze(text, options.lang, AnalysisContext(options.customer))
    if options.json:
        json.dump(analysis_document(analysis), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        sys.stdout.write(describe(text, analysis, options.lang))
    return EXIT_OK


def _cmd_report(options: argparse.Namespace) -> int:
    from game.journal.codec import LogError
    from game.scored import score_log
    from scoring.report import render_report

    try:
        scored = score_log(options.log)
    except LogError as error:
        raise InputError(str(error)) from None
    for warning in scored.warnings:
        print(f"crisisdrill: warning: {warning}", file=sys.stderr)
    text = render_report(scored.scorecard, options.format)
    if options.output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return EXIT_OK
    try:
        _write_atomically(options.output, text)
    except OSError as error:
        raise InputError(f"{options.output}: cannot write: {error.strerror or error}") from None
    print(f"report written to {options.output}", file=sys.stderr)
    return EXIT_OK


def _write_atomically(path: Path, text: str) -> None:
    """Write a file so that a crash leaves either the old file or the whole new one."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)


def _cmd_diagram(options: argparse.Namespace) -> int:
    loaded = resolve_scenario(options.scenario)
    sys.stdout.write(mermaid_diagram(loaded.scenario, _language(loaded.scenario, options.lang)))
    return EXIT_OK


def _cmd_play(options: argparse.Namespace) -> int:
    # Without a terminal (a pipe, a test) the plain catalog or briefing is printed.
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    loaded = resolve_scenario(options.scenario) if options.scenario is not None else None
    if not interactive:
        if loaded is None:
            entries = _listable()
            print("Scenarios (play one with: crisisdrill play ID):\n")
            _print_catalog(entries, sys.stdout, options.lang or "en")
            return EXIT_OK
        _print_briefing(loaded, _language(loaded.scenario, options.lang))
        print("\nRun this command in a terminal to play the scenario.")
        return EXIT_OK
    # Textual loads only when a game is played.
    from game.tui import AppConfig, make_app

    app = make_app(
        AppConfig(
            scenario=loaded,
            language=options.lang,
            seed=options.seed,
            trainee=options.trainee or "",
            speed=options.speed,
            mode=options.mode,
        )
    )
    app.run()
    if app.log_path is not None:
        print(f"Session log: {app.log_path}")
        print(f"Report: crisisdrill report {shlex.quote(str(app.log_path))}")
    return EXIT_OK


def _print_briefing(loaded: LoadedScenario, language: str) -> None:
    """A plain-text briefing: the brand, its rules, channels and what is known."""
    scenario = loaded.scenario
    meta = scenario.meta
    spanish = language == "es"

    def text(localized: dict[str, str]) -> str:
        return scenario.text(localized, language)

    print(f"{scenario.title_in(language)}  ({meta.difficulty}, {meta.duration_minutes} min)")
    print(text(meta.summary))
    print()
    print(f"{'Marca' if spanish else 'Brand'}: {meta.brand.name} {meta.brand.handle}")
    print(f"{'Normas de la comunidad' if spanish else 'Community rules'}:")
    for rule in meta.house_rules:
        print(f"  - {text(rule)}")
    print(f"{'Canales' if spanish else 'Channels'}:")
    for channel in scenario.channels:
        visibility = {"public": "público", "private": "privado"}[channel.visibility]
        print(
            f"  - {text(channel.name)} ({visibility if spanish else channel.visibility}, "
            f"{channel.expected_response_minutes} min)"
        )
    # Only what the brand knows at the start; facts revealed later stay hidden.
    at_start = [fact for fact in scenario.facts if fact.revealed_at_minute is None]
    groups = (
        (True, "Lo que es cierto", "What is true"),
        (False, "Lo que es falso", "What is false"),
        ("unknown", "Lo que nadie sabe todavía", "What nobody knows yet"),
    )
    for truth, spanish_heading, english_heading in groups:
        facts = [fact for fact in at_start if fact.truth == truth]
        if facts:
            print(f"{spanish_heading if spanish else english_heading}:")
            for fact in facts:
                print(f"  - {text(fact.statement)}")
    if meta.goals:
        print(f"{'Objetivos' if spanish else 'Goals'}:")
        for goal in meta.goals:
            print(f"  - {text(goal)}")
