"""Synthetic sessions for the export tests: recorded directly, no log scored (fast)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from game.results.entries import ScoringEntry
from game.results.store import ResultsStore
from tests.results.entries import session_entry

START = datetime(2026, 12, 1, 9, 0)
DIMENSIONS = {"speed": 70, "empathy": 65, "channel": 80, "honesty": 90, "containment": 55}


@dataclass
class Sessions:
    """Records sessions in a store, each a minute after the last."""

    store: ResultsStore
    recorded: int = 0
    hashes: list[str] = field(default_factory=list)

    def add(
        self,
        trainee: str = "Ana",
        *,
        mode: str = "practice",
        overall: int = 75,
        cohort: str | None = "mañana",
        scenario_id: str = "rebajas",
        language: str = "es",
        started_at: datetime | None = None,
        duration_seconds: int = 1800,
        dimensions: dict[str, int | None] | None = None,
        pass_mark: int = 70,
        scorer_version: str = "0.2.0",
    ) -> str:
        """Record one session and its scoring; its log hash."""
        number = self.recorded
        self.recorded += 1
        log_hash = hashlib.sha256(f"log {number}".encode()).hexdigest()
        start = started_at or START + timedelta(minutes=number)
        session = session_entry(
            number,
            trainee=trainee,
            log_hash=log_hash,
            log_path=f"/logs/session-{number}.jsonl",
            cohort=cohort,
            scenario_id=scenario_id,
            seed=1000 + number,
            language=language,
            mode=mode,
            started_at=start,
            ended_at=start + timedelta(minutes=40, microseconds=250_000),
            duration_seconds=duration_seconds,
        )
        scoring = ScoringEntry(
            scorer_version=scorer_version,
            overall=overall,
            dimensions=dict(DIMENSIONS if dimensions is None else dimensions),
            pass_mark=pass_mark,
            findings=(),
        )
        self.store.record(session, scoring)
        self.hashes.append(log_hash)
        return log_hash
