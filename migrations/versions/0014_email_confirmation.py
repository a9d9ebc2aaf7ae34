"""users.email_confirmed_at: new accounts confirm their address; existing ones count as confirmed

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-10 10:00:00

"""
from alembic import op
import sqlalchemy as sa

import forum.core.models


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_confirmed_at', forum.core.models.UTCDateTime(), nullable=True))
    # Members who registered before confirmation existed keep posting: their address counts as
    # confirmed since they registered (deleted accounts too: their address is erased anyway).
    op.execute("UPDATE users SET email_confirmed_at = created_at")


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('email_confirmed_at')
