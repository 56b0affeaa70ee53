"""chair endings

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 07:30:00

A chair role that ended with the person's administrator rights, until their next refused chair's command
says why (once): kept in the database so that a restart in between does not lose it (helper «product11»).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'chair_endings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('committee_id', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Integer(), nullable=False),
        sa.Column('ended_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['committee_id'], ['committees.id'],
                                name=op.f('fk_chair_endings_committee_id_committees'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['person_id'], ['people.id'],
                                name=op.f('fk_chair_endings_person_id_people'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_chair_endings')),
        sa.UniqueConstraint('committee_id', 'person_id', name='uq_chair_endings_committee_person'),
    )


def downgrade() -> None:
    op.drop_table('chair_endings')
