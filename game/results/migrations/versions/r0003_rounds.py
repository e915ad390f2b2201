"""Workshop rounds: each session keeps the round it was played in.

Revision ID: 0003
Revises: 0002

Sessions recorded before this version, and those played outside a workshop, have no
round (NULL).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``sessions.round_id`` and an index of sessions by round."""
    with op.batch_alter_table("sessions") as batch:
        batch.add_column(sa.Column("round_id", sa.Text, nullable=True))
    op.create_index("ix_sessions_round_id", "sessions", ["round_id"])


def downgrade() -> None:
    """Drop what ``upgrade`` added."""
    op.drop_index("ix_sessions_round_id", table_name="sessions")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("round_id")
