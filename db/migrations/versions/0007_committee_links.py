"""committee links

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 10:30:00

A district committee over its ward committees (/lienket): the link, and the one-time codes the
upper chair hands to a lower chair.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op



revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'committee_links',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('upper_id', sa.Integer(), nullable=False),
        sa.Column('lower_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['created_by'], ['people.id'], ),
        sa.ForeignKeyConstraint(['lower_id'], ['committees.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['upper_id'], ['committees.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('lower_id'),
    )
    with op.batch_alter_table('committee_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_links_upper_id'), ['upper_id'], unique=False)
    op.create_table(
        'link_codes',
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.Column('upper_id', sa.Integer(), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['created_by'], ['people.id'], ),
        sa.ForeignKeyConstraint(['upper_id'], ['committees.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('code'),
    )
    with op.batch_alter_table('link_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_link_codes_upper_id'), ['upper_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('link_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_link_codes_upper_id'))
    op.drop_table('link_codes')
    with op.batch_alter_table('committee_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_links_upper_id'))
    op.drop_table('committee_links')
