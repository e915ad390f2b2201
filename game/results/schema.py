"""The store's tables (SQLAlchemy Core), as the newest migration leaves them.

Times are naive UTC datetimes: SQLite keeps no time zone, and both databases must read
back the same values. Scores are whole points; a finding's cost is points of the
overall. Rows are only added, or removed by ``forget``: a newer scorer adds a scoring
row beside the old one.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Constraint names fixed here, so that migrations can name what they change."""

metadata = MetaData(naming_convention=NAMING)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # The log's content hash is the session's identity: importing it twice is a no-op.
    Column("log_hash", String(64), nullable=False, unique=True),
    Column("log_path", Text, nullable=False),
    Column("trainee", Text, nullable=False),
    Column("cohort", Text, nullable=True),
    Column("scenario_id", Text, nullable=False),
    Column("scenario_hash", String(64), nullable=False),
    Column("seed", BigInteger, nullable=False),
    Column("language", String(8), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("ended_at", DateTime, nullable=False),
    Column("duration_seconds", Integer, nullable=False),
    Column("final_phase", Text, nullable=False),
    Column("complete", Boolean, nullable=False),
    Column("log_version", Text, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    # Added by migration 0003: the workshop round the session was played in.
    Column("round_id", Text, nullable=True),
    Index("ix_sessions_trainee_started", "trainee", "started_at"),
    Index("ix_sessions_cohort", "cohort"),
    Index("ix_sessions_round_id", "round_id"),
)

scorings = Table(
    "scorings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session_id", Integer, ForeignKey("sessions.id"), nullable=False),
    Column("scorer_version", Text, nullable=False),
    Column("scored_at", DateTime, nullable=False),
    Column("overall", Integer, nullable=False),
    Column("speed", Integer, nullable=True),
    Column("empathy", Integer, nullable=True),
    Column("channel", Integer, nullable=True),
    Column("honesty", Integer, nullable=True),
    Column("containment", Integer, nullable=True),
    # Added by migration 0002: the scenario's pass mark when this scoring was made.
    Column("pass_mark", Integer, nullable=True),
    UniqueConstraint("session_id", "scorer_version"),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scoring_id", Integer, ForeignKey("scorings.id"), nullable=False),
    Column("rule", String(8), nullable=False),
    Column("dimension", String(16), nullable=False),
    Column("sign", String(1), nullable=False),
    Column("cost", Float, nullable=False),
    Column("time_seconds", Integer, nullable=False),
    Column("lesson_key", Text, nullable=False),
    Index("ix_findings_scoring_id", "scoring_id"),
    # Added by migration 0002: rule mastery reads findings by rule.
    Index("ix_findings_rule", "rule"),
)

DIMENSION_COLUMNS = ("speed", "empathy", "channel", "honesty", "containment")
"""The dimensions of a scorecard, each a column of ``scorings``."""
