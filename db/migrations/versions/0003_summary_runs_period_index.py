"""summary runs period index

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 03:10:00

The hourly summary planner looks up this week's rows of every committee by period; without this
index it read the whole table (55 ms at 100,000 rows, growing by one row per committee a week).
"""

from __future__ import annotations

from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('summary_runs', schema=None) as batch_op:
        batch_op.create_index('ix_summary_runs_period', ['period'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('summary_runs', schema=None) as batch_op:
        batch_op.drop_index('ix_summary_runs_period')
