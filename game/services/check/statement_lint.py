"""Lint of the model statements: does each one hold what the scenario requires?

The ideal bot publishes ``scoring.statement.good`` and the debrief shows it as the
model; if the reply analyzer does not find a required cue in it (``cause`` written in
words its catalogs do not know, say), the model itself loses H2 points. Separate from
``game.scenario.lint`` because it needs the analyzer (scoring), which the scenario
package does not import.
"""

from __future__ import annotations

from game.scenario.checks import Issue
from game.scenario.model import Scenario
from scoring import analyze


def statement_gaps(scenario: Scenario) -> list[Issue]:
    """Model statements that lack a cue of ``scoring.statement.requires``.

    Args:
        scenario: a valid scenario.

    Returns:
        One finding per statement variant and language with a required cue missing.
    """
    statement = scenario.scoring.statement
    issues = []
    for number, variant in enumerate(statement.good):
        for language in scenario.meta.languages:  # validation made each one present
            found = analyze(scenario.text(variant, language), language).cue_ids()
            missing = [cue for cue in statement.requires if cue not in found]
            if missing:
                issues.append(
                    Issue(
                        ("scoring", "statement", "good", number, language),
                        f"the analyzer finds no {', '.join(missing)} in this model statement "
                        f"({language}), which scoring.statement.requires: reword it (see "
                        f'crisisdrill analyze "..." --lang {language} --json)',
                    )
                )
    return issues
