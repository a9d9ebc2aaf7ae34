"""outbox_emails (e-mails sent by the worker) and scheduled_runs (its schedules' last periods)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 10:00:00

"""
from alembic import op
import sqlalchemy as sa

import forum.core.models


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('outbox_emails',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=320), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('headers_json', sa.Text(), nullable=False),
    sa.Column('message_id', sa.String(length=255), nullable=False),
    sa.Column('state', sa.Enum('pending', 'sending', 'sent', 'failed', name='deliverystate', native_enum=False,
                               length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('claimed_by', sa.String(length=100), nullable=True),
    sa.Column('lease_until', forum.core.models.UTCDateTime(), nullable=True),
    sa.Column('created_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('sent_at', forum.core.models.UTCDateTime(), nullable=True),
    sa.Column('failed_at', forum.core.models.UTCDateTime(), nullable=True),
    sa.Column('last_error', sa.String(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_outbox_emails_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_emails')),
    sa.UniqueConstraint('message_id', name=op.f('uq_outbox_emails_message_id'))
    )
    with op.batch_alter_table('outbox_emails', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_emails_due', ['state', 'next_attempt_at'], unique=False)
        batch_op.create_index('ix_outbox_emails_user_id', ['user_id'], unique=False)

    op.create_table('scheduled_runs',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('period_start', forum.core.models.UTCDateTime(), nullable=True),
    sa.Column('ran_at', forum.core.models.UTCDateTime(), nullable=True),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_scheduled_runs'))
    )


def downgrade():
    op.drop_table('scheduled_runs')
    with op.batch_alter_table('outbox_emails', schema=None) as batch_op:
        batch_op.drop_index('ix_outbox_emails_user_id')
        batch_op.drop_index('ix_outbox_emails_due')
    op.drop_table('outbox_emails')
