"""Reading the store: sessions with their latest scoring, and the findings by rule.

A session scored by several versions of the scorer is read with its newest scoring
(the one with the highest id): progress compares like with like as far as the store
allows, and the older scorings stay for whoever wants to compare scorers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import Connection, Select, func, select

from game.results.entries import DEFAULT_PASS_MARK, EXAM, SIMULATED, SessionEntry
from game.results.schema import DIMENSION_COLUMNS, findings, scorings, sessions
from game.results.store import ResultsStore


@dataclass(frozen=True)
class StoredSession(SessionEntry):
    """A recorded session (the fields of ``SessionEntry``) with its newest scoring.

    Attributes:
        session_id: the session's row id.
        scoring_id: its newest scoring's row id.
        scorer_version: the version that made this scoring.
        overall: the overall score.
        dimensions: each dimension's score.
        pass_mark: the scenario's pass mark when scored (None: scored before 0002).
    """

    session_id: int
    scoring_id: int
    scorer_version: str
    overall: int
    dimensions: dict[str, int | None]
    pass_mark: int | None

    @property
    def passed(self) -> bool | None:
        """Whether an exam passed (at or above its pass mark); None for other modes."""
        if self.mode != EXAM:
            return None
        mark = self.pass_mark if self.pass_mark is not None else DEFAULT_PASS_MARK
        return self.overall >= mark


@dataclass(frozen=True)
class StoredFinding:
    """A finding of a scoring: its rule, sign (+/-) and cost in points."""

    rule: str
    sign: str
    cost: float
    lesson_key: str


def _newest_scorings() -> Select[tuple[int, int]]:
    return select(scorings.c.session_id, func.max(scorings.c.id).label("scoring_id")).group_by(
        scorings.c.session_id
    )


def stored_sessions(
    store: ResultsStore,
    *,
    trainee: str | None = None,
    cohort: str | None = None,
    since: datetime | None = None,
    round_id: str | None = None,
    include_simulated: bool = False,
) -> list[StoredSession]:
    """Recorded sessions, oldest first, each with its newest scoring.

    Args:
        store: the results store.
        trainee: only this trainee's.
        cohort: only this cohort's.
        since: only those started at or after this moment (naive UTC).
        round_id: only those played in this workshop round.
        include_simulated: bots' sessions too.

    Raises:
        StoreUnavailable: the store cannot be read.
    """
    newest = _newest_scorings().subquery()
    query = (
        select(sessions, scorings)
        .join(newest, newest.c.session_id == sessions.c.id)
        .join(scorings, scorings.c.id == newest.c.scoring_id)
        .order_by(sessions.c.started_at, sessions.c.id)
    )
    if trainee is not None:
        query = query.where(sessions.c.trainee == trainee)
    if cohort is not None:
        query = query.where(sessions.c.cohort == cohort)
    if since is not None:
        query = query.where(sessions.c.started_at >= since)
    if round_id is not None:
        query = query.where(sessions.c.round_id == round_id)
    if not include_simulated:
        query = query.where(sessions.c.mode != SIMULATED)
    rows = store.read(lambda connection: connection.execute(query).mappings().all())
    entry_fields = [field.name for field in fields(SessionEntry)]
    return [
        StoredSession(
            **{name: row[name] for name in entry_fields},
            session_id=row[sessions.c.id],
            scoring_id=row[scorings.c.id],
            scorer_version=row["scorer_version"],
            overall=row["overall"],
            dimensions={name: row[name] for name in DIMENSION_COLUMNS},
            pass_mark=row["pass_mark"],
        )
        for row in rows
    ]


def findings_of(store: ResultsStore, scoring_ids: Iterable[int]) -> dict[int, list[StoredFinding]]:
    """The findings of each scoring, by scoring id (a scoring with none maps to [])."""
    wanted = list(scoring_ids)
    found: dict[int, list[StoredFinding]] = defaultdict(list)
    for scoring_id in wanted:
        found[scoring_id] = []
    if not wanted:
        return found
    query = select(
        findings.c.scoring_id,
        findings.c.rule,
        findings.c.sign,
        findings.c.cost,
        findings.c.lesson_key,
    ).order_by(findings.c.id)

    def read(connection: Connection) -> None:
        # In slices: a trainee's 500 sessions must not make one giant IN list.
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            for row in connection.execute(query.where(findings.c.scoring_id.in_(part))):
                found[row.scoring_id].append(
                    StoredFinding(row.rule, row.sign, row.cost, row.lesson_key)
                )

    store.read(read)
    return found


def trainees(store: ResultsStore, cohort: str | None = None) -> list[str]:
    """The trainees who have sessions (bots excepted), by name; of a cohort if given."""
    query = (
        select(sessions.c.trainee)
        .where(sessions.c.mode != SIMULATED)
        .distinct()
        .order_by(sessions.c.trainee)
    )
    if cohort is not None:
        query = query.where(sessions.c.cohort == cohort)
    return store.read(lambda connection: list(connection.execute(query).scalars()))
