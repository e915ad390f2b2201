"""CONTAINMENT: how the crisis stands at the end (O1).

The outcome: ``PHASE_SHARE`` of the score is the final phase's ``containment`` value
(100 for a good final phase, 0 for a bad one, 50 for others unless the scenario says),
the rest is the audience's sentiment at the end mapped from -1..1 to 0..100.
"""

from __future__ import annotations

from game.journal.metrics import Metrics
from game.scenario.model import Phase
from scoring.ledger import Ledger, clock

PHASE_SHARE = 0.6


def phase_containment(phase: Phase) -> int:
    """The outcome value of ending a session in ``phase``."""
    if phase.containment is not None:
        return phase.containment
    return {"good": 100, "bad": 0}.get(phase.final or "", 50)


def judge_containment(ledger: Ledger) -> None:
    """Credit CONTAINMENT once, from the final phase and sentiment.

    Args:
        ledger: where the credit and the finding go.
    """
    view = ledger.view
    phase = next(p for p in view.scenario.phases if p.id == view.final_phase)
    metrics = view.final_metrics or Metrics()
    sentiment = metrics.sentiment
    outcome = phase_containment(phase)
    value = PHASE_SHARE * outcome + (1 - PHASE_SHARE) * 50 * (1 + sentiment)
    ledger.credit("containment", value / 100)
    ledger.note(
        "O1",
        "containment",
        "+" if value >= 50 else "-",
        view.end,
        "containment.outcome",
        phase=phase.name.get(ledger.language) or phase.id,
        sentiment=f"{sentiment:+.2f}",
        advocates=metrics.advocates,
        detractors=metrics.detractors,
        reach=metrics.negative_reach,
    )
    if view.left_at is not None:
        # Leaving does not stop a crisis: what happened after is scored like the rest.
        ledger.note(
            "O1",
            "containment",
            "-",
            view.left_at,
            "containment.left_early",
            left=clock(view.left_at, ledger.language),
            phase=phase.name.get(ledger.language) or phase.id,
        )
