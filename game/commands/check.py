"""``crisisdrill check``: validation, then lint, then balance, with a table of the bots.

A scenario passes when it validates, lint finds nothing, and the built-in bots rank as
its lessons require (``game.balance``). Every finding names file, line and column
where there is one, and says what to change.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from game.balance import SCORE_KEYS, BalanceReport, check_balance
from game.scenario import ScenarioError, load_scenario
from game.scenario.lint import lint_scenario, thin_crowd
from game.scenario.yamlsource import parse_yaml_text
from game.statement_lint import statement_gaps

HEADINGS = {
    "speed": "speed",
    "empathy": "empathy",
    "channel": "channel",
    "honesty": "honesty",
    "containment": "contain",
    "overall": "overall",
}


def check_files(
    files: Sequence[tuple[Path, str]],
    out: TextIO,
    err: TextIO,
    *,
    seeds: Sequence[int],
    margin: float,
    language: str | None = None,
) -> int:
    """Check each scenario file; print findings and each one's table of bots.

    Args:
        files: (path, how to name it in messages) pairs.
        out: where the tables and verdicts go.
        err: where the located problems go.
        seeds: the seeds the bots play.
        margin: overall points by which the ideal bot must beat every other bot.
        language: the sessions' language (default: each scenario's first).

    Returns:
        How many files failed.
    """
    failed = 0
    for path, display in files:
        if not check_one(path, display, out, err, seeds=seeds, margin=margin, language=language):
            failed += 1
    return failed


def check_one(
    path: Path,
    display: str,
    out: TextIO,
    err: TextIO,
    *,
    seeds: Sequence[int],
    margin: float,
    language: str | None = None,
) -> bool:
    """Check one scenario file.

    Args:
        path: the file.
        display: how to name it in messages.
        out: where the table and the verdict go.
        err: where the located problems go.
        seeds: the seeds the bots play.
        margin: overall points by which the ideal bot must beat every other bot.
        language: the sessions' language (default: the scenario's first).

    Returns:
        True when it passes.
    """
    try:
        loaded = load_scenario(path, display)
    except ScenarioError as error:
        print(error.render(), file=err)
        print(f"{display}: check failed: not valid (fix the errors above first)", file=out)
        return False
    if language is not None and language not in loaded.scenario.meta.languages:
        print(f"{display}: the scenario has no '{language}' texts", file=err)
        return False
    # The loaded scenario keeps its text; reading it again gives the line map.
    source_map = parse_yaml_text(loaded.source_text, display).source_map
    report = check_balance(loaded, seeds=seeds, language=language, margin=margin)
    issues = [
        *lint_scenario(loaded.scenario),
        *statement_gaps(loaded.scenario),
        *thin_crowd(loaded.scenario, report.most_posts),
    ]
    problems = []
    for issue in issues:
        line, column = source_map.locate(issue.path, key=issue.at_key)
        problems.append(f"{display}:{line}:{column}: lint: {issue.message}")
    problems += [f"{display}: balance: {problem}" for problem in report.problems]
    for problem in problems:
        print(problem, file=err)
    print(f"{display}: bots over seeds {_seed_list(report.seeds)}", file=out)
    out.write(bot_table(report))
    if problems:
        print(f"{display}: check failed ({len(problems)} problem(s))", file=out)
        return False
    print(f"{display}: check passed", file=out)
    return True


def bot_table(report: BalanceReport) -> str:
    """The bots' mean scores per dimension and their endings, as a plain-text table.

    Args:
        report: what ``check_balance`` found.

    Returns:
        The table, one line per bot, ending with a newline.
    """
    width = max(len(name) for name in report.bots)
    header = f"  {'bot':<{width}}" + "".join(f" {HEADINGS[k]:>8}" for k in SCORE_KEYS)
    lines = [header + "  endings"]
    for name, bot in report.bots.items():
        cells = "".join(
            f" {'-' if bot.means[k] is None else round(bot.means[k] or 0):>8}" for k in SCORE_KEYS
        )
        endings = ", ".join(f"{phase} {n}/{bot.runs}" for phase, n in sorted(bot.finals.items()))
        lines.append(f"  {name:<{width}}{cells}  {endings}")
    return "\n".join(lines) + "\n"


def _seed_list(seeds: Sequence[int]) -> str:
    ordered = sorted(seeds)
    if ordered and ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}-{ordered[-1]}"
    return ", ".join(map(str, ordered))
