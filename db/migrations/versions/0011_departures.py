"""departures

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 11:20:00

What leaving the group took from a person (their /vaitro role, the units they were the contact of),
kept until they come back so that the chair is told what to give back; and people's previous
@username, so that «/giao @old» reaches someone who changed it (helper «qa15»).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'departures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('committee_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=True),
        sa.Column('unit_ids', sa.JSON(), nullable=False),
        sa.Column('left_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['committee_id'], ['committees.id'],
                                name=op.f('fk_departures_committee_id_committees'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'],
                                name=op.f('fk_departures_person_id_people'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_departures')),
        sa.UniqueConstraint('committee_id', 'person_id', name='uq_departures_committee_person'),
    )
    with op.batch_alter_table('people') as batch:
        batch.add_column(sa.Column('former_username', sa.String(length=64), nullable=True))
        batch.create_index(batch.f('ix_people_former_username'), ['former_username'], unique=False)


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN in place (SQLite >= 3.35): a batch copy of `people` would DROP the table, which
    # the rows of every table referring to it forbid while foreign keys are enforced (db/engine.py).
    with op.batch_alter_table('people', recreate='never') as batch:
        batch.drop_index(batch.f('ix_people_former_username'))
        batch.drop_column('former_username')
    op.drop_table('departures')
