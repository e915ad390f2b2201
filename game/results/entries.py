"""What the store keeps of one session and of one scoring of it (plain values).

Built from a log's header and its scorecard (``entries_for``); the store writes them,
the queries read them back. Nothing here touches a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

# Types only: reading the store (``progress``) must not wait for the scorer to load.
if TYPE_CHECKING:
    from game.journal.events import SessionStarted
    from scoring.scorecard import Scorecard

SIMULATED = "simulated"
"""The mode of a bot's session (its trainee is ``bot:NAME``)."""
PRACTICE = "practice"
EXAM = "exam"
DEFAULT_PASS_MARK = 70
"""An exam passes at this overall score when its scenario names no pass mark."""


@dataclass(frozen=True)
class FindingEntry:
    """A finding as the store keeps it: its rule, sign and cost, not its words."""

    rule: str
    dimension: str
    sign: str
    cost: float
    time_seconds: int
    lesson_key: str


@dataclass(frozen=True)
class ScoringEntry:
    """One scoring of a session by one version of the scorer.

    Attributes:
        scorer_version: the crisisdrill version that scored it.
        overall: the overall score.
        dimensions: each dimension's score (None: nothing to judge it on).
        pass_mark: the scenario's pass mark at scoring time.
        findings: what the scorer found.
    """

    scorer_version: str
    overall: int
    dimensions: dict[str, int | None]
    pass_mark: int
    findings: tuple[FindingEntry, ...]


@dataclass(frozen=True)
class SessionEntry:
    """One session, as its log tells it.

    Attributes:
        log_hash: SHA-256 of the log's bytes: the session's identity in the store.
        log_path: where the log was when it was recorded.
        trainee: who played ("bot:NAME" for a bot).
        cohort: the trainee's training group (None for none).
        scenario_id: the scenario's id.
        scenario_hash: the hash of the scenario's text.
        seed: the crowd's seed.
        language: the session's language.
        mode: practice, exam or simulated.
        started_at: wall-clock start (naive UTC).
        ended_at: wall-clock end (naive UTC): when the log was last written.
        duration_seconds: the simulated length.
        final_phase: the phase the crisis ended in.
        complete: the log runs to its close record.
        log_version: the crisisdrill version that wrote the log.
        round_id: the workshop round it was played in (None for none).
    """

    log_hash: str
    log_path: str
    trainee: str
    cohort: str | None
    scenario_id: str
    scenario_hash: str
    seed: int
    language: str
    mode: str
    started_at: datetime
    ended_at: datetime
    duration_seconds: int
    final_phase: str
    complete: bool
    log_version: str
    # Keyword-only, so that StoredSession's own fields may follow it without defaults.
    round_id: str | None = field(default=None, kw_only=True)


def session_mode(header: SessionStarted) -> str:
    """The session's mode: the header's, else simulated for a bot, else practice.

    Logs written before crisisdrill 0.3 do not say; they count as practice, so that
    no exam is passed on a guess.
    """
    if header.mode in (PRACTICE, EXAM):
        return header.mode
    return SIMULATED if header.trainee.startswith("bot:") else PRACTICE


def started_at(header: SessionStarted, ended: datetime) -> datetime:
    """The header's start time as naive UTC; ``ended`` when it has none or a bad one."""
    try:
        moment = datetime.fromisoformat(header.started)
    except ValueError:
        return ended
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def entries_for(
    header: SessionStarted,
    card: Scorecard,
    *,
    log_path: str,
    log_hash: str,
    ended_at: datetime,
    complete: bool,
    pass_mark: int,
    scorer_version: str,
) -> tuple[SessionEntry, ScoringEntry]:
    """The session and scoring entries of a scored log.

    Args:
        header: the log's header.
        card: its scorecard.
        log_path: where the log is.
        log_hash: SHA-256 of its bytes.
        ended_at: when it was last written (naive UTC).
        complete: whether it runs to its close record.
        pass_mark: the scenario's pass mark.
        scorer_version: the version of the scorer that made ``card``.
    """
    session = SessionEntry(
        log_hash=log_hash,
        log_path=log_path,
        trainee=header.trainee,
        cohort=header.cohort or None,
        scenario_id=header.scenario,
        scenario_hash=header.scenario_hash,
        seed=header.seed,
        language=header.language,
        mode=session_mode(header),
        started_at=started_at(header, ended_at),
        ended_at=ended_at,
        duration_seconds=card.duration,
        final_phase=card.final_phase,
        complete=complete,
        log_version=header.versions.crisisdrill,
        round_id=header.round or None,
    )
    scoring = ScoringEntry(
        scorer_version=scorer_version,
        overall=card.overall,
        dimensions={dimension.name: dimension.score for dimension in card.dimensions},
        pass_mark=pass_mark,
        findings=tuple(
            FindingEntry(
                rule=finding.rule,
                dimension=finding.dimension,
                sign=finding.severity,
                cost=round(finding.cost, 3),
                time_seconds=finding.time,
                lesson_key=finding.key,
            )
            for finding in card.findings
        ),
    )
    return session, scoring
