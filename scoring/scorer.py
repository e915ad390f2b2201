"""Score a session from its log: ``score(scenario, records) -> Scorecard``.

Five judges (``scoring.judges``) read the session and give credits and findings; a
dimension's score is 100 times the mean of its credits, and the overall score is the
mean of the judged dimensions weighted by the scenario. How each judge decides is
written in docs/scoring.md and in each judge's docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from game.budgets import exceeded_message
from game.journal.events import Event
from game.scenario.model import Phase, Scenario
from scoring.judges.channel import judge_channel
from scoring.judges.containment import judge_containment, phase_containment
from scoring.judges.empathy import judge_empathy
from scoring.judges.honesty import judge_honesty
from scoring.judges.ruled_out import judge_ruled_out_promises
from scoring.judges.speed import judge_speed
from scoring.ledger import Ledger
from scoring.scorecard import (
    DIMENSIONS,
    DimensionScore,
    Scorecard,
    TimelineMark,
    TimelinePoint,
)
from scoring.sessionview import SessionView, build_view

ENDING_FLOOR = 40
"""The overall cap of a session that ends with nothing contained (a meltdown)."""

JUDGES: tuple[Callable[[Ledger], None], ...] = (
    judge_speed,
    judge_empathy,
    judge_channel,
    judge_honesty,
    judge_ruled_out_promises,
    judge_containment,
)


def score(scenario: Scenario, records: Iterable[Event]) -> Scorecard:
    """Score one session.

    Args:
        scenario: the scenario the session played (the one embedded in its log).
        records: the log's recorded events, header first, as
            ``game.journal.logfile.read_log`` returns them; a log cut short by a
            crash is scored up to where it ends.

    Returns:
        The scorecard. The same records always give the same scorecard.
    """
    view = build_view(scenario, records)
    ledger = Ledger(view)
    for judge in JUDGES:
        judge(ledger)
    weights = scenario.scoring.weights
    dimensions = tuple(
        DimensionScore(
            name=name,
            score=_mean_score(ledger.credits.get(name)),
            weight=float(getattr(weights, name)),
            basis=len(ledger.credits.get(name, [])),
        )
        for name in DIMENSIONS
    )
    phase = next(p for p in scenario.phases if p.id == view.final_phase)
    overall = _overall(dimensions)
    costed = ledger.costed_findings(dimensions)
    cap = ending_cap(phase)
    if overall > cap:
        ledger.note("O1", "containment", "-", view.end, "overall.capped", cap=cap, score=overall)
        costed.append(replace(ledger.findings[-1], cost=float(overall - cap)))
        overall = cap
    # Stable sort: findings of the same second keep the order the judges gave them.
    findings = tuple(sorted(costed, key=lambda finding: finding.time))
    return Scorecard(
        scenario_id=scenario.meta.id,
        scenario_title=_text(scenario.meta.title, view.language),
        language=view.language,
        seed=view.seed,
        trainee=view.trainee,
        duration=view.end,
        final_phase=phase.id,
        final_phase_name=_text(phase.name, view.language),
        phases=tuple(phase_id for _, phase_id in view.phases),
        dimensions=dimensions,
        overall=overall,
        findings=findings,
        timeline=_timeline(view),
        marks=_marks(view),
        final_metrics=view.final_metrics.to_dict() if view.final_metrics else {},
        stopped=(
            exceeded_message(view.stopped_by, view.end // 60, view.language)
            if view.stopped_by is not None
            else None
        ),
        unsent=view.unsent,
    )


def ending_cap(phase: Phase) -> int:
    """The highest overall a session ending in ``phase`` can score.

    A crisis that ends in meltdown cannot score like one that was contained, however
    polished the replies were: the cap rises from ``ENDING_FLOOR`` for a phase with no
    containment to 100 for a fully contained one (``phase_containment``: 0 for a bad
    final phase, 50 for one that is not final, 100 for a good one, unless the scenario
    says otherwise).
    """
    contained = phase_containment(phase)
    return round(ENDING_FLOOR + (100 - ENDING_FLOOR) * contained / 100)


def _text(localized: Mapping[str, str], language: str) -> str:
    return localized.get(language) or next(iter(localized.values()))


def _mean_score(credits: list[float] | None) -> int | None:
    if not credits:
        return None
    return round(100 * sum(credits) / len(credits))


def _overall(dimensions: tuple[DimensionScore, ...]) -> int:
    judged = [d for d in dimensions if d.score is not None and d.weight > 0]
    total = sum(d.weight for d in judged)
    if not total:
        return 0
    return round(sum(d.weight * (d.score or 0) for d in judged) / total)


def _phase_at(view: SessionView, time: int) -> str:
    current = view.phases[0][1]
    for since, phase in view.phases:
        if since > time:
            break
        current = phase
    return current


def _timeline(view: SessionView) -> tuple[TimelinePoint, ...]:
    return tuple(
        TimelinePoint(
            time=time,
            phase=_phase_at(view, time),
            sentiment=metrics.sentiment,
            reach=metrics.reach,
            negative_reach=metrics.negative_reach,
            unanswered=metrics.unanswered,
        )
        for time, metrics in view.metrics
    )


def _marks(view: SessionView) -> tuple[TimelineMark, ...]:
    names = {p.id: _text(p.name, view.language) for p in view.scenario.phases}
    marks = [
        TimelineMark(time, "phase", names.get(phase, phase)) for time, phase in view.phases[1:]
    ]
    for message in view.messages:
        marks.append(TimelineMark(message.time, message.kind, _excerpt(message.text)))
    for action in view.moderations:
        author = view.people.get(action.author)
        marks.append(TimelineMark(action.time, action.kind, author.handle if author else ""))
    for time, found in view.searches:
        marks.append(TimelineMark(time, "search", str(len(found))))
    return tuple(sorted(marks, key=lambda mark: mark.time))


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
