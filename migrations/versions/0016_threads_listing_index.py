"""threads: the index of visible threads by last post replaces the one of hidden_at alone

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 05:10:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.create_index('ix_threads_hidden_at_last_post_at', ['hidden_at', 'last_post_at', 'id'], unique=False)
        batch_op.drop_index('ix_threads_hidden_at')


def downgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.create_index('ix_threads_hidden_at', ['hidden_at'], unique=False)
        batch_op.drop_index('ix_threads_hidden_at_last_post_at')
