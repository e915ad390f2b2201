"""Figures that every report format shows the same way."""

from __future__ import annotations

from game.vocabulary import RULES, RuleId
from scoring.scorecard import Scorecard


def rule_counts(card: Scorecard) -> dict[RuleId, tuple[int, int]]:
    """Per rule cited, how many findings were won (+) and lost (-).

    Args:
        card: a scored session.

    Returns:
        ``{rule id: (won, lost)}`` in the order of PRINCIPLES.md.
    """
    counts: dict[RuleId, list[int]] = {}
    for finding in card.findings:
        pair = counts.setdefault(finding.rule, [0, 0])
        pair[0 if finding.severity == "+" else 1] += 1
    ranked = sorted(counts, key=list(RULES).index)
    return {rule: (counts[rule][0], counts[rule][1]) for rule in ranked}
