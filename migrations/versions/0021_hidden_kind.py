"""hidden kind: why content is hidden, as state (the sentence in hidden_reason is for display only)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06 15:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

HIDEABLE_TABLES = ("threads", "posts", "resources", "practices", "private_messages")
# The moderation queue of held content reads these, one kind at a time, oldest first.
QUEUE_INDEXES = (("ix_threads_hidden_kind_hidden_at", "threads"), ("ix_posts_hidden_kind_hidden_at", "posts"))

# The sentences the code compared until this revision (forum/core/visibility.py AWAITING_APPROVAL and
# forum/moderation/services.py AUTO_HIDE_REASON), frozen here as they were written in the rows.
AWAITING_APPROVAL = ("En attente de validation : les premiers messages d'un nouveau membre qui contiennent "
                     "des liens sont relus par l'équipe de modération avant d'être publiés.")
AUTO_HIDE_REASON = ("Masqué automatiquement après plusieurs signalements de membres, "
                    "en attente d'examen par l'équipe de modération.")
# The journal's names of posts and threads (moderation_log.target_type), for refused held content.
JOURNAL_TARGET_TYPES = {"posts": "message", "threads": "sujet"}


# Plain ALTER TABLE, never a batch: on SQLite a batch operation recreates the table, and dropping
# "threads" or "posts" with foreign keys on deletes their posts, likes, bookmarks... in cascade.


def upgrade():
    for table in HIDEABLE_TABLES:
        op.add_column(table, sa.Column('hidden_kind', sa.Enum(
            'awaiting_approval', 'rejected', 'flags', 'moderator', 'merged', name='hiddenkind', native_enum=False,
            length=20), nullable=True))
        # Hidden content is a moderator's unless its sentence, or its state, says otherwise (below).
        op.execute(f"UPDATE {table} SET hidden_kind = 'moderator' WHERE hidden_at IS NOT NULL")
        op.execute(sa.text(f"UPDATE {table} SET hidden_kind = 'awaiting_approval' "
                           "WHERE hidden_at IS NOT NULL AND hidden_reason = :sentence")
                   .bindparams(sentence=AWAITING_APPROVAL))
        op.execute(sa.text(f"UPDATE {table} SET hidden_kind = 'flags' "
                           "WHERE hidden_at IS NOT NULL AND hidden_reason = :sentence")
                   .bindparams(sentence=AUTO_HIDE_REASON))
        if table in JOURNAL_TARGET_TYPES:
            # A held post or thread a moderator refused kept the moment it was held, and its refusal was
            # journaled since (a later hiding, after a restoration, starts after the refusal's row).
            op.execute(sa.text(
                f"UPDATE {table} SET hidden_kind = 'rejected' WHERE hidden_kind = 'moderator' AND EXISTS ("
                "SELECT 1 FROM moderation_log WHERE moderation_log.action = 'reject'"
                " AND moderation_log.target_type = :target_type"
                f" AND moderation_log.target_id = {table}.id AND moderation_log.created_at >= {table}.hidden_at)")
                .bindparams(target_type=JOURNAL_TARGET_TYPES[table]))
    op.execute("UPDATE threads SET hidden_kind = 'merged' WHERE merged_into_id IS NOT NULL")
    # The queue's index on hidden_at alone (0009) served nothing else: the kind's index replaces it.
    op.drop_index('ix_posts_hidden_at', table_name='posts')
    for name, table in QUEUE_INDEXES:
        op.create_index(name, table, ['hidden_kind', 'hidden_at', 'id'], unique=False)


def downgrade():
    for name, table in QUEUE_INDEXES:
        op.drop_index(name, table_name=table)
    op.create_index('ix_posts_hidden_at', 'posts', ['hidden_at'], unique=False)
    # The sentences stay in hidden_reason: the code before this revision reads the state from them.
    for table in HIDEABLE_TABLES:
        op.drop_column(table, 'hidden_kind')
