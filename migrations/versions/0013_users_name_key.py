"""users.name_key: the look-alike key of display names, unique

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-05 09:00:00

"""
from alembic import op
import sqlalchemy as sa

# The key is computed in Python (Unicode skeletons), with the application's own function: a later
# change to that function needs a migration that computes the keys again.
from forum.accounts.names import name_key


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_key', sa.String(length=64), nullable=True))
    users = sa.table('users', sa.column('id', sa.Integer), sa.column('display_name', sa.String),
                     sa.column('deleted_at', sa.DateTime), sa.column('name_key', sa.String))
    connection = op.get_bind()
    taken = set()
    rows = connection.execute(sa.select(users.c.id, users.c.display_name)
                              .where(users.c.deleted_at.is_(None)).order_by(users.c.id)).all()
    for user_id, display_name in rows:
        key = name_key(display_name or "")
        # Names that already look alike stay as they are; the oldest account keeps the key, so the
        # name stays protected, and the others may keep their name (a profile edit that does not
        # change the name does not check it again).
        if key is None or key in taken:
            continue
        taken.add(key)
        connection.execute(users.update().where(users.c.id == user_id).values(name_key=key))
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_users_name_key'), ['name_key'])


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_users_name_key'), type_='unique')
        batch_op.drop_column('name_key')
