"""``check``: does a scenario validate, lint clean and teach what it should?

Validation first (a scenario that does not load is not played), then lint (the
scenario's own findings, the model statements' missing cues, a crowd too thin for
the number of posts it makes) and balance: the built-in bots must rank as the
scenario's lessons require (``balance``). Each lint finding is located in the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.scenario import ScenarioError, load_scenario
from game.scenario.lint import lint_scenario, thin_crowd
from game.scenario.yamlsource import parse_yaml_text
from game.services.check.balance import GAMING_SEEDS, BalanceReport, check_balance
from game.services.check.statement_lint import statement_gaps


@dataclass(frozen=True)
class LintFinding:
    """Something in the scenario its author most likely did not mean.

    Attributes:
        line: where in the file (1-based).
        column: where in the line (1-based).
        message: what is wrong and what to change.
    """

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one scenario file.

    Attributes:
        display: how the file is named in messages.
        error: the validation problems; when set, nothing else was checked.
        missing_language: the language asked for, when the scenario has no texts in
            it; then nothing else was checked.
        lint: the lint findings, in file order of the checks.
        balance: the bots' results and the balance problems.
    """

    display: str
    error: ScenarioError | None = None
    missing_language: str | None = None
    lint: tuple[LintFinding, ...] = ()
    balance: BalanceReport | None = None

    @property
    def problems(self) -> int:
        """How many lint and balance problems were found (validation aside)."""
        return len(self.lint) + (len(self.balance.problems) if self.balance else 0)

    @property
    def passed(self) -> bool:
        """Whether the scenario is valid, lints clean and is balanced."""
        return self.balance is not None and self.problems == 0


def check_scenario(
    path: Path,
    display: str,
    *,
    seeds: Sequence[int],
    margin: float,
    language: str | None = None,
    gaming_seeds: int = GAMING_SEEDS,
    gaming_gate: bool = True,
) -> CheckResult:
    """Check one scenario file: validate it, lint it, and play every bot on it.

    Args:
        path: the file.
        display: how to name it in messages.
        seeds: the seeds each bot plays.
        margin: overall points by which the ideal bot must beat every other bot.
        language: the sessions' language (default: the scenario's first).
        gaming_seeds: how many of the seeds (the first ones) the gaming bots play.
        gaming_gate: fail the scenario when a gaming bot scores well (False: they are
            only shown).

    Returns:
        What was found.
    """
    try:
        loaded = load_scenario(path, display)
    except ScenarioError as error:
        return CheckResult(display, error=error)
    if language is not None and language not in loaded.scenario.meta.languages:
        return CheckResult(display, missing_language=language)
    # The loaded scenario keeps its text; reading it again gives the line map.
    source_map = parse_yaml_text(loaded.source_text, display).source_map
    report = check_balance(
        loaded,
        seeds=seeds,
        language=language,
        margin=margin,
        gaming_seeds=gaming_seeds,
        gaming_gate=gaming_gate,
    )
    issues = [
        *lint_scenario(loaded.scenario),
        *statement_gaps(loaded.scenario),
        *thin_crowd(loaded.scenario, report.most_posts),
    ]
    findings = []
    for issue in issues:
        line, column = source_map.locate(issue.path, key=issue.at_key)
        findings.append(LintFinding(line, column, issue.message))
    return CheckResult(display, lint=tuple(findings), balance=report)
