"""people name folds

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 11:00:00

A person's name folded (first word, last word, all words sorted; lower case, no diacritics), indexed:
«/giao anh Hùng …» finds the holders of a name by index instead of reading every person the bot has seen
(a province's database holds 100,000 of them) (helper «product13»). Existing rows are filled in here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.models import name_folds

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_COLUMNS = ('name_first', 'name_last', 'name_words')
_CHUNK = 5000


def upgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        for column in _COLUMNS:
            batch_op.add_column(sa.Column(column, sa.String(length=255), nullable=True))
            batch_op.create_index(f'ix_people_{column}', [column, 'id'], unique=False)
    people = sa.table('people', sa.column('id', sa.Integer), sa.column('full_name', sa.String),
                      *(sa.column(c, sa.String) for c in _COLUMNS))
    bind = op.get_bind()
    last = 0
    while True:  # in chunks by id: a province's 100,000 people are not held at once
        rows = bind.execute(
            sa.select(people.c.id, people.c.full_name).where(people.c.id > last).order_by(people.c.id).limit(_CHUNK)
        ).all()
        if not rows:
            break
        values = []
        for pid, full_name in rows:
            first, last_word, words = name_folds(full_name or '')
            values.append({'pid': pid, 'first': first, 'last_word': last_word, 'words': words})
        bind.execute(  # one executemany per chunk
            sa.update(people).where(people.c.id == sa.bindparam('pid')).values(
                name_first=sa.bindparam('first'), name_last=sa.bindparam('last_word'), name_words=sa.bindparam('words')
            ),
            values,
        )
        last = rows[-1][0]


def downgrade() -> None:
    # In place (SQLite >= 3.35), not a batch copy: dropping `people` is refused while other tables' rows
    # refer to it and foreign keys are enforced (db/engine.py).
    with op.batch_alter_table('people', schema=None, recreate='never') as batch_op:
        for column in _COLUMNS:
            batch_op.drop_index(f'ix_people_{column}')
            batch_op.drop_column(column)
