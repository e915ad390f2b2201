"""Synthetic sessions for progress tests and benchmarks: recorded in an instant, no log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from game.results.entries import FindingEntry, ScoringEntry
from game.results.store import ResultsStore
from tests.results.entries import session_entry

START = datetime(2026, 9, 1, 10, 0)
"""The first synthetic session's start (a fixed date: snapshots stay the same)."""
DIMENSIONS = ("speed", "empathy", "channel", "honesty", "containment")


def finding(rule: str, sign: str = "-", cost: float = 2.0) -> FindingEntry:
    """A finding of ``rule``: broken ('-', costing ``cost``) or kept ('+')."""
    return FindingEntry(rule, "EMPATHY", sign, cost if sign == "-" else 0.0, 60, f"{rule}.k")


def record(
    store: ResultsStore,
    trainee: str,
    number: int,
    *,
    overall: int = 60,
    scenario: str = "turistas",
    mode: str = "practice",
    findings: Sequence[FindingEntry] = (),
    cohort: str | None = None,
    pass_mark: int = 70,
) -> None:
    """Record synthetic session ``number`` of ``trainee`` (one day after the previous)."""
    started = START + timedelta(days=number)
    session = session_entry(
        number,
        trainee=trainee,
        log_hash=f"{trainee}-{number}",
        log_path=f"/nowhere/{trainee}-{number}.jsonl",
        cohort=cohort,
        scenario_id=scenario,
        scenario_hash="synthetic",
        mode=mode,
        started_at=started,
        ended_at=started + timedelta(minutes=20),
        duration_seconds=1200,
    )
    dimensions: dict[str, int | None] = {
        name: max(0, min(100, overall + (index * 7 + number * 3) % 21 - 10))
        for index, name in enumerate(DIMENSIONS)
    }
    store.record(session, ScoringEntry("0.2.0", overall, dimensions, pass_mark, tuple(findings)))


def record_history(
    store: ResultsStore, trainee: str, count: int, cohort: str | None = None
) -> None:
    """``count`` sessions of a trainee who gets better: P2 broken early, kept later."""
    scenarios = ("turistas", "rebajas", "sorteo", "mal_chiste")
    for number in range(count):
        late = number >= count // 2
        record(
            store,
            trainee,
            number,
            overall=45 + number * 40 // max(count, 1),
            scenario=scenarios[number % len(scenarios)],
            mode="exam" if number % 4 == 3 else "practice",
            cohort=cohort,
            findings=(
                finding("P2", "+" if late else "-", 3.0),
                finding("E1", "-", 1.5),
                finding("H1", "+"),
                finding("C2", "-" if late else "+", 2.0),
            ),
        )
