"""The first schema: sessions, their scorings and each scoring's findings.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the three tables."""
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("log_hash", sa.String(64), nullable=False),
        sa.Column("log_path", sa.Text, nullable=False),
        sa.Column("trainee", sa.Text, nullable=False),
        sa.Column("cohort", sa.Text, nullable=True),
        sa.Column("scenario_id", sa.Text, nullable=False),
        sa.Column("scenario_hash", sa.String(64), nullable=False),
        sa.Column("seed", sa.BigInteger, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime, nullable=False),
        sa.Column("duration_seconds", sa.Integer, nullable=False),
        sa.Column("final_phase", sa.Text, nullable=False),
        sa.Column("complete", sa.Boolean, nullable=False),
        sa.Column("log_version", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.UniqueConstraint("log_hash", name="uq_sessions_log_hash"),
    )
    op.create_index("ix_sessions_trainee_started", "sessions", ["trainee", "started_at"])
    op.create_index("ix_sessions_cohort", "sessions", ["cohort"])
    op.create_table(
        "scorings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("scorer_version", sa.Text, nullable=False),
        sa.Column("scored_at", sa.DateTime, nullable=False),
        sa.Column("overall", sa.Integer, nullable=False),
        sa.Column("speed", sa.Integer, nullable=True),
        sa.Column("empathy", sa.Integer, nullable=True),
        sa.Column("channel", sa.Integer, nullable=True),
        sa.Column("honesty", sa.Integer, nullable=True),
        sa.Column("containment", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_scorings"),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_scorings_session_id_sessions"
        ),
        sa.UniqueConstraint(
            "session_id", "scorer_version", name="uq_scorings_session_id_scorer_version"
        ),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("scoring_id", sa.Integer, nullable=False),
        sa.Column("rule", sa.String(8), nullable=False),
        sa.Column("dimension", sa.String(16), nullable=False),
        sa.Column("sign", sa.String(1), nullable=False),
        sa.Column("cost", sa.Float, nullable=False),
        sa.Column("time_seconds", sa.Integer, nullable=False),
        sa.Column("lesson_key", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_findings"),
        sa.ForeignKeyConstraint(
            ["scoring_id"], ["scorings.id"], name="fk_findings_scoring_id_scorings"
        ),
    )
    op.create_index("ix_findings_scoring_id", "findings", ["scoring_id"])


def downgrade() -> None:
    """Drop the three tables."""
    op.drop_table("findings")
    op.drop_table("scorings")
    op.drop_table("sessions")
