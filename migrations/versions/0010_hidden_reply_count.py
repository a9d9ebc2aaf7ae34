"""threads.hidden_reply_count: replies hidden by moderation or awaiting approval

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 19:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hidden_reply_count', sa.Integer(), server_default='0', nullable=False))
    # Count what is hidden today, so that "sans réponse" and reply counts are right at once.
    op.execute("""
        UPDATE threads SET hidden_reply_count = (
            SELECT count(*) FROM posts
            WHERE posts.thread_id = threads.id AND posts.position > 1
              AND posts.hidden_at IS NOT NULL AND posts.deleted_at IS NULL)
    """)


def downgrade():
    with op.batch_alter_table('threads', schema=None) as batch_op:
        batch_op.drop_column('hidden_reply_count')
