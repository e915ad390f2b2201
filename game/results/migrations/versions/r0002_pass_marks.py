"""Exams pass or fail: each scoring keeps the scenario's pass mark; findings by rule.

Revision ID: 0002
Revises: 0001

Scorings made before this version have no pass mark (NULL): whether such an exam
passed is judged against the scenario's pass mark of today (``game.results.store``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``scorings.pass_mark`` and an index of findings by rule."""
    with op.batch_alter_table("scorings") as batch:
        batch.add_column(sa.Column("pass_mark", sa.Integer, nullable=True))
    op.create_index("ix_findings_rule", "findings", ["rule"])


def downgrade() -> None:
    """Drop what ``upgrade`` added."""
    op.drop_index("ix_findings_rule", table_name="findings")
    with op.batch_alter_table("scorings") as batch:
        batch.drop_column("pass_mark")
