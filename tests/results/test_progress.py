"""Progress computed from sessions (pure): mastery, trends, weakest, exams, what next."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta

from game.results.progress import (
    IMPROVING,
    STEADY,
    UNMEASURED,
    WORSENING,
    ExamRecord,
    ScenarioInfo,
    cohort_rows,
    exam_records,
    recommend,
    rule_mastery,
    weakest_rules,
)
from game.results.queries import StoredFinding, StoredSession
from game.vocabulary import RULES
from tests.results.entries import session_entry


def session(
    number: int,
    *,
    overall: int = 60,
    mode: str = "practice",
    scenario: str = "turistas",
    pass_mark: int | None = 70,
    trainee: str = "ana",
) -> StoredSession:
    moment = datetime(2026, 9, 1) + timedelta(days=number)
    entry = session_entry(
        number,
        trainee=trainee,
        scenario_id=scenario,
        mode=mode,
        started_at=moment,
        ended_at=moment,
        duration_seconds=600,
    )
    return StoredSession(
        **asdict(entry),
        session_id=number,
        scoring_id=number,
        scorer_version="0.2.0",
        overall=overall,
        dimensions={"speed": overall},
        pass_mark=pass_mark,
    )


def broke(rule: str, cost: float = 2.0) -> StoredFinding:
    return StoredFinding(rule, "-", cost, "k")


def kept(rule: str) -> StoredFinding:
    return StoredFinding(rule, "+", 0.0, "k")


def test_mastery_lists_every_rule_worst_first_and_unpractised_last() -> None:
    sessions = [session(n) for n in range(4)]
    found = {
        0: [broke("P2"), kept("E1"), broke("C2", 5), broke("E2", 0.5)],
        1: [broke("P2"), kept("E1")],
        2: [broke("P2"), broke("E1")],
        3: [kept("P2"), kept("E1"), kept("C2")],
    }
    mastery = rule_mastery(sessions, found)
    # By the points each cost (6, 5, 2, 0.5): E2, broken the one time it was practised,
    # cost least and comes last of the practised rules.
    assert [m.rule for m in mastery[:4]] == ["P2", "C2", "E1", "E2"]
    assert {m.rule for m in mastery} == set(RULES)
    assert all(m.practised == 0 for m in mastery[4:])
    p2 = mastery[0]
    assert (p2.practised, p2.broken, p2.points_lost) == (4, 3, 6.0)


def test_trend_compares_the_older_half_with_the_newer() -> None:
    sessions = [session(n) for n in range(6)]
    found = {
        n: [
            broke("P2") if n < 3 else kept("P2"),  # broken early, kept later
            kept("E1") if n < 3 else broke("E1"),  # the other way round
            broke("C2"),  # always
            *([kept("H1")] if n >= 3 else []),  # only lately
        ]
        for n in range(6)
    }
    trends = {m.rule: m.trend for m in rule_mastery(sessions, found)}
    assert trends["P2"] == IMPROVING
    assert trends["E1"] == WORSENING
    assert trends["C2"] == STEADY
    assert trends["H1"] == UNMEASURED
    assert trends["P1"] == UNMEASURED


def test_mastery_looks_only_at_the_last_sessions() -> None:
    sessions = [session(n) for n in range(15)]
    found = {n: [broke("P2") if n < 5 else kept("P2")] for n in range(15)}
    p2 = next(m for m in rule_mastery(sessions, found, last=10) if m.rule == "P2")
    assert (p2.practised, p2.broken) == (10, 0)


def test_weakest_are_the_broken_ones_worst_first() -> None:
    sessions = [session(n) for n in range(2)]
    found = {0: [broke("E2"), broke("H1"), kept("P1")], 1: [broke("E2"), kept("H1")]}
    assert [m.rule for m in weakest_rules(rule_mastery(sessions, found))] == ["E2", "H1"]


def test_an_exam_passes_at_its_pass_mark_with_the_best_attempt() -> None:
    sessions = [
        session(0, overall=65, mode="exam", scenario="rebajas"),
        session(1, overall=70, mode="exam", scenario="rebajas"),
        session(2, overall=90, mode="practice", scenario="sorteo"),
        session(3, overall=79, mode="exam", scenario="sorteo", pass_mark=80),
        session(4, overall=50, mode="exam", scenario="bloguera", pass_mark=None),
    ]
    records = {record.scenario_id: record for record in exam_records(sessions)}
    assert records["rebajas"] == ExamRecord("rebajas", 2, 70, 70)
    assert records["rebajas"].passed
    assert not records["sorteo"].passed  # practice does not count, 79 < 80
    assert records["bloguera"].pass_mark == 70  # scored before pass marks: the default


def info(scenario_id: str, difficulty: str, **rules: float) -> ScenarioInfo:
    return ScenarioInfo(scenario_id, difficulty, {"en": scenario_id}, 70, rules)


SCENARIOS = [
    info("intro", "introductory", P2=1.0, E1=0.5),
    info("calm", "intermediate", E2=1.0, P2=0.2),
    info("honest", "intermediate", H1=1.0, P2=0.1),
    info("hard", "hard", H1=1.0, E2=1.0),
]


def test_a_new_trainee_starts_with_the_introductory_practice() -> None:
    assert [(r.scenario_id, r.mode) for r in recommend([], SCENARIOS, [], [])] == [
        ("intro", "practice")
    ]


def test_the_scenario_drilling_the_weakest_rules_comes_first() -> None:
    sessions = [session(n, scenario="intro") for n in range(4)]
    found = {n: [kept("P2"), kept("E1"), broke("H1"), kept("E2")] for n in range(4)}
    mastery = rule_mastery(sessions, found)
    recommended = recommend(mastery, SCENARIOS, sessions, exam_records(sessions))
    # intro's rules are kept: its exam first; then honest (H1, always broken)
    assert [(r.scenario_id, r.mode) for r in recommended] == [
        ("intro", "exam"),
        ("honest", "practice"),
        ("calm", "practice"),
    ]
    assert recommended[1].rules == ("H1",)
    assert "hard" not in {r.scenario_id for r in recommended}  # nothing intermediate played


def test_a_passed_exam_goes_last_and_a_failed_one_is_a_retake() -> None:
    sessions = [session(0, scenario="intro"), session(1, scenario="intro", mode="exam", overall=50)]
    found = {0: [kept("P2"), kept("E1")], 1: [kept("P2"), kept("E1")]}
    mastery = rule_mastery(sessions, found)
    first = recommend(mastery, SCENARIOS, sessions, exam_records(sessions))[0]
    assert (first.scenario_id, first.mode, first.retake) == ("intro", "exam", True)
    passed = [*sessions, session(2, scenario="intro", mode="exam", overall=80)]
    again = recommend(mastery, SCENARIOS, passed, exam_records(passed))
    assert again[-1].scenario_id == "intro" and again[-1].mode == "practice"


def test_cohort_rows_have_latest_best_and_weakest() -> None:
    ana = [session(0, overall=50), session(1, overall=80), session(2, overall=70)]
    luis = [session(3, overall=40, trainee="luis")]
    found = {0: [broke("E2")], 1: [broke("E2")], 2: [kept("E2")], 3: []}
    rows = cohort_rows({"luis": luis, "ana": ana}, found)
    assert [(r.trainee, r.sessions, r.latest, r.best, r.weakest) for r in rows] == [
        ("ana", 3, 70, 80, ("E2",)),
        ("luis", 1, 40, 40, ()),
    ]
