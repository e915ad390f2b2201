"""What each finding cost: the credit its situation lost, in points of the overall.

A judge gives one credit per situation it judges (a post answered late, a reply, a
promise) and notes the findings that explain it. The ledger keeps them together as a
``Situation``; here a situation's lost credit is shared among its "-" findings of the
same dimension and converted to points of the overall score, the way ``scoring.scorer``
weighs dimensions. Credits and findings given outside any situation are pooled per
dimension, so the costs of a session still add up to what it lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from scoring.scorecard import Dimension, DimensionScore, Finding


@dataclass
class Situation:
    """The credits and the "-" findings a judge gave for one situation.

    Attributes:
        credits: (dimension, credit 0-1) in the order given.
        findings: Indexes of the ledger's "-" findings noted for it.
    """

    credits: list[tuple[Dimension, float]] = field(default_factory=list)
    findings: list[int] = field(default_factory=list)


def points_per_credit(dimensions: Sequence[DimensionScore]) -> dict[Dimension, float]:
    """Points of the overall score that one whole credit weighs, per judged dimension.

    A dimension's score is the mean of its credits and the overall the weighted mean of
    the judged dimensions, so one credit of a dimension judged on ``basis`` situations
    weighs ``100 * weight / total weight / basis`` points of the overall.

    Args:
        dimensions: The scorecard's dimension scores.

    Returns:
        Points per credit, for the dimensions that count in the overall.
    """
    judged = [d for d in dimensions if d.score is not None and d.weight > 0 and d.basis]
    total = sum(d.weight for d in judged)
    if not total:
        return {}
    return {d.name: 100 * d.weight / total / d.basis for d in judged}


def finding_costs(
    findings: Sequence[Finding],
    situations: Sequence[Situation],
    dimensions: Sequence[DimensionScore],
) -> list[float]:
    """The overall points each finding cost.

    Args:
        findings: The ledger's findings, in the order noted.
        situations: Every situation, the pool of loose credits and findings last.
        dimensions: The scorecard's dimension scores.

    Returns:
        One cost per finding (0 for "+" findings and for findings whose situation lost
        nothing).
    """
    weight = points_per_credit(dimensions)
    costs = [0.0] * len(findings)
    for situation in situations:
        lost: dict[Dimension, float] = {}
        for dimension, credit in situation.credits:
            lost[dimension] = lost.get(dimension, 0.0) + (1 - credit) * weight.get(dimension, 0.0)
        for dimension, points in lost.items():
            takers = [i for i in situation.findings if findings[i].dimension == dimension]
            for index in takers:
                costs[index] += points / len(takers)
    return costs
