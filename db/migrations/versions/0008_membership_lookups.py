"""membership look-ups

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 18:30:00

The people whose standing in a group is still to be asked of Telegram after the bot was added back
(jobs/membership_check.py): kept in the database so that a look-up pending when the process died
(a flood wait, a retry) is done after the restart, by one instance.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'membership_lookups',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('committee_id', sa.Integer(), nullable=False),
        sa.Column('tg_user_id', sa.BigInteger(), nullable=False),
        sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('claimed_by', sa.String(length=64), nullable=True),
        sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['committee_id'], ['committees.id'],
                                name=op.f('fk_membership_lookups_committee_id_committees'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_membership_lookups')),
        sa.UniqueConstraint('committee_id', 'tg_user_id', name='uq_membership_lookups_committee_user'),
    )
    with op.batch_alter_table('membership_lookups', schema=None) as batch_op:
        batch_op.create_index('ix_membership_lookups_due_at', ['due_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('membership_lookups', schema=None) as batch_op:
        batch_op.drop_index('ix_membership_lookups_due_at')
    op.drop_table('membership_lookups')
