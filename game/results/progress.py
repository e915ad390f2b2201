"""Progress, computed from stored sessions: rule mastery, exams passed, what to play next.

Pure: plain values in (``StoredSession``, ``StoredFinding``, the scenarios' exercised
rules), plain values out; no database, no files, no user interface. The service
(``game.services.progress``) reads the store and the exercises file and calls these.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from game.results.entries import DEFAULT_PASS_MARK, EXAM, PRACTICE
from game.results.queries import StoredFinding, StoredSession
from game.vocabulary import RULES

DEFAULT_LAST = 10
"""Rule mastery looks at this many of the trainee's latest sessions."""
TREND_STEP = 0.15
"""A break rate that moves by at least this much between the window's halves is a trend."""
WEAKEST = 3
"""How many weakest rules are named (cohort rows, the summary line)."""
KEPT_RATE = 0.3
"""A scenario's rules are "mostly kept" (ready for its exam) below this weighted break rate."""
UNMEASURED_WEAKNESS = 0.25
"""A rule never practised counts as broken one time in four: worth drilling, less than
a rule the trainee is seen to break."""

IMPROVING = "improving"
WORSENING = "worsening"
STEADY = "steady"
UNMEASURED = "unmeasured"
"""Trends: the newer half of the window breaks the rule less, more, as often; or one
half does not practise it, so there is nothing to compare."""


@dataclass(frozen=True)
class RuleMastery:
    """How a trainee did on one rule over the window of latest sessions.

    Attributes:
        rule: the rule id (PRINCIPLES.md).
        practised: sessions with any finding of the rule.
        broken: sessions with a finding that cost points ('-').
        points_lost: the points its '-' findings cost, summed.
        trend: improving, worsening, steady or unmeasured.
    """

    rule: str
    practised: int
    broken: int
    points_lost: float
    trend: str

    @property
    def break_rate(self) -> float:
        """Broken over practised (0 when never practised)."""
        return self.broken / self.practised if self.practised else 0.0


@dataclass(frozen=True)
class ExamRecord:
    """A scenario's exams: attempts, the best score and whether it reached the pass mark."""

    scenario_id: str
    attempts: int
    best: int
    pass_mark: int

    @property
    def passed(self) -> bool:
        """The best exam is at or above the pass mark."""
        return self.best >= self.pass_mark


@dataclass(frozen=True)
class ScenarioInfo:
    """What recommendations need to know of a scenario (from the exercises file).

    Attributes:
        id: the scenario id.
        difficulty: introductory, intermediate or hard.
        title: per language.
        pass_mark: its exam's pass mark.
        rules: rule id -> weight (0-1): the share of its bots' sessions with a finding
            of that rule.
    """

    id: str
    difficulty: str
    title: Mapping[str, str]
    pass_mark: int
    rules: Mapping[str, float]


@dataclass(frozen=True)
class Recommendation:
    """A scenario and mode to play next, and the weak rules it drills (worst first)."""

    scenario_id: str
    mode: str
    rules: tuple[str, ...]
    priority: float
    """The scenario's worth: its exercised rules' weights times the break rates."""
    retake: bool = False
    """An exam already attempted and not yet passed."""


@dataclass(frozen=True)
class CohortRow:
    """One trainee of a cohort: sessions, latest and best overall, weakest rules."""

    trainee: str
    sessions: int
    latest: int
    best: int
    weakest: tuple[str, ...]


@dataclass(frozen=True)
class Progress:
    """A trainee's progress: everything ``progress`` shows.

    Attributes:
        trainee: who.
        sessions: every session, oldest first (the timeline).
        window: how many latest sessions the mastery looked at.
        mastery: per rule of PRINCIPLES.md, worst first.
        exams: per scenario with an exam, by scenario id.
        recommendations: what to play next, best first.
    """

    trainee: str
    sessions: list[StoredSession]
    window: int
    mastery: list[RuleMastery]
    exams: list[ExamRecord]
    recommendations: list[Recommendation] = field(default_factory=list)

    @property
    def weakest(self) -> list[RuleMastery]:
        """The rules broken in the window, worst first (at most ``WEAKEST``)."""
        return weakest_rules(self.mastery)


def _rules_per_session(
    sessions: Sequence[StoredSession], found: Mapping[int, Sequence[StoredFinding]]
) -> list[tuple[set[str], set[str], dict[str, float]]]:
    rows = []
    for session in sessions:
        practised: set[str] = set()
        broken: set[str] = set()
        lost: dict[str, float] = defaultdict(float)
        for finding in found.get(session.scoring_id, ()):
            practised.add(finding.rule)
            if finding.sign == "-":
                broken.add(finding.rule)
                lost[finding.rule] += finding.cost
        rows.append((practised, broken, lost))
    return rows


def _trend(
    older: Sequence[tuple[set[str], set[str]]],
    newer: Sequence[tuple[set[str], set[str]]],
    rule: str,
) -> str:
    def rate(half: Sequence[tuple[set[str], set[str]]]) -> float | None:
        practised = sum(rule in p for p, _ in half)
        return sum(rule in b for _, b in half) / practised if practised else None

    before, after = rate(older), rate(newer)
    if before is None or after is None:
        return UNMEASURED
    if after <= before - TREND_STEP:
        return IMPROVING
    if after >= before + TREND_STEP:
        return WORSENING
    return STEADY


def rule_mastery(
    sessions: Sequence[StoredSession],
    found: Mapping[int, Sequence[StoredFinding]],
    last: int = DEFAULT_LAST,
) -> list[RuleMastery]:
    """Every rule of PRINCIPLES.md over the ``last`` sessions, worst first.

    Worst first: the most points lost (what the rule cost is what a trainer weighs: a
    rule broken once for nothing is not worse than one that cost 100 points), then the
    highest break rate, then the most sessions broken; rules never practised come last,
    in PRINCIPLES.md order. The trend
    compares the break rate of the window's older half with its newer half.

    Args:
        sessions: the trainee's sessions, oldest first.
        found: findings by scoring id (``findings_of``).
        last: the window's size.
    """
    window = list(sessions)[-last:] if last > 0 else []
    rows = _rules_per_session(window, found)
    half = len(rows) // 2
    older = [(p, b) for p, b, _ in rows[:half]]
    newer = [(p, b) for p, b, _ in rows[len(rows) - half :]] if half else []
    order: dict[str, int] = {rule: index for index, rule in enumerate(RULES)}
    known: list[str] = list(RULES) + sorted({r for p, _, _ in rows for r in p} - set(RULES))
    mastery = [
        RuleMastery(
            rule=rule,
            practised=sum(rule in p for p, _, _ in rows),
            broken=sum(rule in b for _, b, _ in rows),
            points_lost=round(sum(lost.get(rule, 0.0) for _, _, lost in rows), 2),
            trend=_trend(older, newer, rule),
        )
        for rule in known
    ]
    return sorted(
        mastery,
        key=lambda m: (
            m.practised == 0,
            -m.points_lost,
            -m.break_rate,
            -m.broken,
            order.get(m.rule, len(order)),
        ),
    )


def weakest_rules(mastery: Sequence[RuleMastery], count: int = WEAKEST) -> list[RuleMastery]:
    """The worst ``count`` rules that were broken at least once (mastery is worst first)."""
    return [m for m in mastery if m.broken][:count]


def exam_records(sessions: Sequence[StoredSession]) -> list[ExamRecord]:
    """Each scenario's exams: attempts and best; the pass mark is the latest exam's.

    A scoring made before pass marks were stored counts against ``DEFAULT_PASS_MARK``.
    """
    exams: dict[str, list[StoredSession]] = defaultdict(list)
    for session in sessions:
        if session.mode == EXAM:
            exams[session.scenario_id].append(session)
    records = []
    for scenario_id, taken in sorted(exams.items()):
        mark = taken[-1].pass_mark
        records.append(
            ExamRecord(
                scenario_id=scenario_id,
                attempts=len(taken),
                best=max(s.overall for s in taken),
                pass_mark=mark if mark is not None else DEFAULT_PASS_MARK,
            )
        )
    return records


_DIFFICULTY_RANK = {"introductory": 0, "intermediate": 1, "hard": 2}


def recommend(
    mastery: Sequence[RuleMastery],
    scenarios: Sequence[ScenarioInfo],
    sessions: Sequence[StoredSession],
    exams: Sequence[ExamRecord],
    count: int = 3,
) -> list[Recommendation]:
    """The scenarios and modes that best drill the weakest rules, best first.

    A scenario is worth the sum, over the rules its bots exercise, of the rule's weight
    times the trainee's break rate on it (a rule never practised counts as
    ``UNMEASURED_WEAKNESS``). Its mode: practice until its rules are mostly kept (a
    weighted break rate under ``KEPT_RATE``, and played at least once), then its exam.
    Three tiers, each by worth: exams ready and not passed first (the weakest rules'
    first), then practice, then practice of scenarios whose exam is passed. The learning
    order (``game.services.learning``) holds: a scenario is offered only once one of
    the difficulty before it has been played, and ties go to the easier one.

    Args:
        mastery: the trainee's rule mastery.
        scenarios: the scenarios whose exercised rules are known.
        sessions: the trainee's sessions (all of them).
        exams: the trainee's exams per scenario.
        count: how many recommendations at most.
    """
    rate = {m.rule: (m.break_rate if m.practised else UNMEASURED_WEAKNESS) for m in mastery}
    played = {s.scenario_id for s in sessions if s.mode in (PRACTICE, EXAM)}
    played_ranks = {
        _DIFFICULTY_RANK.get(info.difficulty, 3) for info in scenarios if info.id in played
    }
    exam_of = {record.scenario_id: record for record in exams}
    offered = []
    for info in scenarios:
        rank = _DIFFICULTY_RANK.get(info.difficulty, 3)
        if rank > 0 and rank - 1 not in played_ranks and rank not in played_ranks:
            continue  # the learning order: the easier ones first
        total = sum(info.rules.values())
        if not total:
            continue
        worth = sum(
            weight * rate.get(rule, UNMEASURED_WEAKNESS) for rule, weight in info.rules.items()
        )
        kept = worth / total < KEPT_RATE and info.id in played
        record = exam_of.get(info.id)
        passed = record is not None and record.passed
        mode, tier = (PRACTICE, 2) if passed else (EXAM, 0) if kept else (PRACTICE, 1)
        # The rules named: those seen broken first (the worst first), then the unpractised.
        broken = {m.rule for m in mastery if m.broken}
        drilled = sorted(
            (rule for rule, weight in info.rules.items() if rate.get(rule, 0) > 0 and weight > 0),
            key=lambda rule: (rule not in broken, -info.rules[rule] * rate.get(rule, 0)),
        )
        offered.append(
            (
                tier,
                -round(worth, 4),
                rank,
                info.id,
                Recommendation(
                    scenario_id=info.id,
                    mode=mode,
                    rules=tuple(drilled[:3]),
                    priority=round(worth, 4),
                    retake=mode == EXAM and record is not None,
                ),
            )
        )
    offered.sort(key=lambda item: item[:4])
    return [item[4] for item in offered[:count]]


def progress_of(
    trainee: str,
    sessions: Sequence[StoredSession],
    found: Mapping[int, Sequence[StoredFinding]],
    scenarios: Sequence[ScenarioInfo],
    last: int = DEFAULT_LAST,
) -> Progress:
    """A trainee's whole progress from their sessions (oldest first) and findings.

    Args:
        trainee: who.
        sessions: their sessions, oldest first.
        found: the findings of (at least) the latest ``last`` sessions, by scoring id.
        scenarios: the scenarios recommendations may name.
        last: the mastery window.
    """
    mastery = rule_mastery(sessions, found, last)
    exams = exam_records(sessions)
    return Progress(
        trainee=trainee,
        sessions=list(sessions),
        window=min(last, len(sessions)),
        mastery=mastery,
        exams=exams,
        recommendations=recommend(mastery, scenarios, sessions, exams),
    )


def cohort_rows(
    by_trainee: Mapping[str, Sequence[StoredSession]],
    found: Mapping[int, Sequence[StoredFinding]],
    last: int = DEFAULT_LAST,
) -> list[CohortRow]:
    """One row per trainee (by name): sessions, latest and best overall, weakest rules.

    Args:
        by_trainee: each trainee's sessions, oldest first (none: left out).
        found: findings by scoring id, for each trainee's latest ``last`` sessions.
        last: the mastery window.
    """
    rows = []
    for trainee in sorted(by_trainee):
        sessions = by_trainee[trainee]
        if not sessions:
            continue
        weakest = weakest_rules(rule_mastery(sessions, found, last))
        rows.append(
            CohortRow(
                trainee=trainee,
                sessions=len(sessions),
                latest=sessions[-1].overall,
                best=max(s.overall for s in sessions),
                weakest=tuple(m.rule for m in weakest),
            )
        )
    return rows
