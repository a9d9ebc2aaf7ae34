"""messages: a member may mute a conversation or leave it

Revision ID: 0018_conversation_mute
Revises: 0017
Create Date: 2026-12-08 09:12:40.000000

"""
from alembic import op
import sqlalchemy as sa

import forum.core.models


# revision identifiers, used by Alembic.
revision = "0018_conversation_mute"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("conversation_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("muted", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("left_at", forum.core.models.UTCDateTime(), nullable=True))


def downgrade():
    # Members who had left would take part again: remove them first, as leaving means.
    op.execute("DELETE FROM conversation_members WHERE left_at IS NOT NULL")
    with op.batch_alter_table("conversation_members", schema=None) as batch_op:
        batch_op.drop_column("left_at")
        batch_op.drop_column("muted")
