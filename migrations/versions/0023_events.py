"""events: the shared agenda (events, their timings, members' answers with a waiting list)

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 18:29:35.726140

"""
from alembic import op
import sqlalchemy as sa

import forum.core.models


# revision identifiers, used by Alembic.
revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=80), nullable=False),
    sa.Column('sequence', sa.Integer(), server_default='0', nullable=False),
    sa.Column('fabrique_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=140), nullable=False),
    sa.Column('summary', sa.String(length=200), nullable=False),
    sa.Column('description_source', sa.Text(), nullable=False),
    sa.Column('description_html', sa.Text(), nullable=False),
    sa.Column('kind', sa.Enum('rencontre', 'atelier', 'formation', 'webinaire', 'portes-ouvertes', 'autre', name='eventkind', native_enum=False, length=20), nullable=False),
    sa.Column('attendance_mode', sa.Enum('sur-place', 'en-ligne', 'mixte', name='attendancemode', native_enum=False, length=20), nullable=False),
    sa.Column('place_kind', sa.Enum('espace', 'salle-reservee', 'adresse', 'aucun', name='placekind', native_enum=False, length=20), nullable=False),
    sa.Column('resource_id', sa.Integer(), nullable=True),
    sa.Column('loan_id', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('online_url', sa.String(length=500), nullable=False),
    sa.Column('registration', sa.String(length=300), nullable=False),
    sa.Column('accessibility', sa.String(length=300), nullable=False),
    sa.Column('audience', sa.String(length=200), nullable=False),
    sa.Column('is_free', sa.Boolean(), nullable=False),
    sa.Column('price_details', sa.String(length=300), nullable=False),
    sa.Column('status', sa.Enum('prevu', 'reporte', 'complet', 'annule', name='eventstatus', native_enum=False, length=20), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('image_filename', sa.String(length=64), nullable=True),
    sa.Column('image_thumbnail', sa.String(length=64), nullable=True),
    sa.Column('starts_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('ends_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('created_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('updated_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('cancelled_at', forum.core.models.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('hidden_at', forum.core.models.UTCDateTime(), nullable=True),
    sa.Column('hidden_kind', sa.Enum('awaiting_approval', 'rejected', 'flags', 'moderator', 'merged', name='hiddenkind', native_enum=False, length=20), nullable=True),
    sa.Column('hidden_reason', sa.String(length=500), server_default='', nullable=False),
    sa.CheckConstraint('capacity IS NULL OR capacity >= 1', name=op.f('ck_events_capacity_positive')),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_events_period_ordered')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_events_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['fabrique_id'], ['fabriques.id'], name=op.f('fk_events_fabrique_id_fabriques'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['loan_id'], ['loans.id'], name=op.f('fk_events_loan_id_loans'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['resource_id'], ['resources.id'], name=op.f('fk_events_resource_id_resources'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_events_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('uid', name=op.f('uq_events_uid'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_ends_at', ['ends_at'], unique=False)
        batch_op.create_index('ix_events_fabrique_id_starts_at', ['fabrique_id', 'starts_at'], unique=False)
        batch_op.create_index('ix_events_loan_id', ['loan_id'], unique=False)

    op.create_table('event_rsvps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('answer', sa.Enum('going', 'interested', 'not_going', name='answer', native_enum=False, length=20), nullable=False),
    sa.Column('waiting', sa.Boolean(), nullable=False),
    sa.Column('queued_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('answered_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('reminder_sent_at', forum.core.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_rsvps_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_event_rsvps_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_rsvps')),
    sa.UniqueConstraint('event_id', 'user_id', name='uq_event_rsvps_event_id_user_id')
    )
    with op.batch_alter_table('event_rsvps', schema=None) as batch_op:
        batch_op.create_index('ix_event_rsvps_user_id', ['user_id'], unique=False)

    op.create_table('event_timings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('ends_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_event_timings_period_ordered')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_timings_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_timings'))
    )
    with op.batch_alter_table('event_timings', schema=None) as batch_op:
        batch_op.create_index('ix_event_timings_event_id', ['event_id'], unique=False)
        batch_op.create_index('ix_event_timings_starts_at', ['starts_at'], unique=False)



def downgrade():
    with op.batch_alter_table('event_timings', schema=None) as batch_op:
        batch_op.drop_index('ix_event_timings_starts_at')
        batch_op.drop_index('ix_event_timings_event_id')

    op.drop_table('event_timings')
    with op.batch_alter_table('event_rsvps', schema=None) as batch_op:
        batch_op.drop_index('ix_event_rsvps_user_id')

    op.drop_table('event_rsvps')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_loan_id')
        batch_op.drop_index('ix_events_fabrique_id_starts_at')
        batch_op.drop_index('ix_events_ends_at')

    op.drop_table('events')
