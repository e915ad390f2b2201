"""Synthetic store entries: a session recorded without playing or scoring a log."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from game.results.entries import FindingEntry, ScoringEntry, SessionEntry

START = datetime(2026, 11, 2, 9, 0, 0)


def session_entry(number: int, *, trainee: str = "Ana", **changes: object) -> SessionEntry:
    """The ``number``-th session of a trainee, a day after the one before."""
    values: dict[str, object] = {
        "log_hash": hashlib.sha256(f"{trainee}-{number}".encode()).hexdigest(),
        "log_path": f"/logs/{trainee}-{number}.jsonl",
        "trainee": trainee,
        "cohort": None,
        "scenario_id": "rebajas",
        "scenario_hash": "0" * 64,
        "seed": number,
        "language": "es",
        "mode": "practice",
        "started_at": START + timedelta(days=number),
        "ended_at": START + timedelta(days=number, minutes=25),
        "duration_seconds": 1800,
        "final_phase": "contained",
        "complete": True,
        "log_version": "0.2.0",
        "round_id": None,
    }
    values.update(changes)
    return SessionEntry(**values)  # type: ignore[arg-type]


def scoring_entry(overall: int = 60, *, version: str = "0.2.0", broken: int = 2) -> ScoringEntry:
    """A scoring with ``broken`` findings against P2 and one credit for E1."""
    findings = [
        FindingEntry("P2", "speed", "-", 3.5, 60 * (index + 1), "speed.late")
        for index in range(broken)
    ]
    findings.append(FindingEntry("E1", "empathy", "+", 0.0, 300, "empathy.named"))
    return ScoringEntry(
        scorer_version=version,
        overall=overall,
        dimensions={
            "speed": overall,
            "empathy": 70,
            "channel": None,
            "honesty": 80,
            "containment": 50,
        },
        pass_mark=70,
        findings=tuple(findings),
    )
