"""committee report heading

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 10:00:00

What an office's report (`/baocao`, and the heading of `/xuat`'s workbook) needs and Telegram does
not know: the agency above the committee, the place name of the date line, who signs, and the
committee's abbreviation in «Số: …/BC-…». Set with /caidat, or asked for once by /baocao.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('committees', schema=None) as batch_op:
        batch_op.add_column(sa.Column('report_agency', sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column('report_place', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('report_signer', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('report_code', sa.String(length=30), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('committees', schema=None) as batch_op:
        batch_op.drop_column('report_code')
        batch_op.drop_column('report_signer')
        batch_op.drop_column('report_place')
        batch_op.drop_column('report_agency')
