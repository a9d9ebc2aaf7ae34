"""messages: private conversations between members, and the members one ignores

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06 10:21:58.339118

"""
from alembic import op
import sqlalchemy as sa

import forum.core.models


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('conversations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=150), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('last_message_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('last_message_id', sa.Integer(), nullable=False),
    sa.Column('message_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['started_by_id'], ['users.id'], name=op.f('fk_conversations_started_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversations'))
    )
    op.create_table('ignored_members',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('ignored_id', sa.Integer(), nullable=False),
    sa.Column('created_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ignored_id'], ['users.id'], name=op.f('fk_ignored_members_ignored_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_ignored_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'ignored_id', name=op.f('pk_ignored_members'))
    )
    op.create_table('conversation_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('joined_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('last_read_message_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_conversation_members_conversation_id_conversations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_conversation_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conversation_members')),
    sa.UniqueConstraint('conversation_id', 'user_id', name='uq_conversation_members_conversation_id_user_id')
    )
    with op.batch_alter_table('conversation_members', schema=None) as batch_op:
        batch_op.create_index('ix_conversation_members_user_id', ['user_id'], unique=False)

    op.create_table('private_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body_source', sa.Text(), nullable=False),
    sa.Column('body_html', sa.Text(), nullable=False),
    sa.Column('created_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('hidden_at', forum.core.models.UTCDateTime(), nullable=True),
    sa.Column('hidden_reason', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_private_messages_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_private_messages_conversation_id_conversations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_private_messages'))
    )
    with op.batch_alter_table('private_messages', schema=None) as batch_op:
        batch_op.create_index('ix_private_messages_author_id', ['author_id'], unique=False)
        batch_op.create_index('ix_private_messages_conversation_id_id', ['conversation_id', 'id'], unique=False)



def downgrade():
    with op.batch_alter_table('private_messages', schema=None) as batch_op:
        batch_op.drop_index('ix_private_messages_conversation_id_id')
        batch_op.drop_index('ix_private_messages_author_id')

    op.drop_table('private_messages')
    with op.batch_alter_table('conversation_members', schema=None) as batch_op:
        batch_op.drop_index('ix_conversation_members_user_id')

    op.drop_table('conversation_members')
    op.drop_table('ignored_members')
    op.drop_table('conversations')
