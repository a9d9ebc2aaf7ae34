"""mediation standard: the fields of the national standard of mediation places on fabriques

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 21:40:00

"""
from alembic import op
import sqlalchemy as sa

import forum.core.models


# revision identifiers, used by Alembic.
revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN, not a batch (copy-and-move) table: on SQLite, moving fabriques would
    # delete, through ON DELETE CASCADE, everything that hangs on a fabrique.
    op.add_column('fabriques', sa.Column('pivot', sa.String(length=14), server_default='', nullable=False))
    op.add_column('fabriques', sa.Column('code_insee', sa.String(length=5), server_default='', nullable=False))
    op.add_column('fabriques', sa.Column('complement_adresse', sa.String(length=200), server_default='',
                                         nullable=False))
    op.add_column('fabriques', sa.Column('horaires', sa.String(length=500), server_default='', nullable=False))
    op.add_column('fabriques', sa.Column('fiche_acces_libre', sa.String(length=300), server_default='',
                                         nullable=False))
    op.add_column('fabriques', sa.Column('prise_rdv', sa.String(length=300), server_default='', nullable=False))
    op.add_column('fabriques', sa.Column('date_maj', sa.Date(), nullable=True))
    op.add_column('fabriques', sa.Column('standard_id', sa.String(length=100), nullable=True))
    op.add_column('fabriques', sa.Column('data_source', sa.String(length=120), server_default='', nullable=False))
    op.add_column('fabriques', sa.Column('import_snapshot', sa.JSON(), nullable=True))
    op.add_column('fabriques', sa.Column('imported_at', forum.core.models.UTCDateTime(), nullable=True))
    op.create_index('ix_fabriques_pivot', 'fabriques', ['pivot'], unique=False)
    op.create_index('ix_fabriques_standard_id', 'fabriques', ['standard_id'], unique=True)

    op.create_table('fabrique_standard_values',
    sa.Column('fabrique_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['fabrique_id'], ['fabriques.id'], name=op.f('fk_fabrique_standard_values_fabrique_id_fabriques'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('fabrique_id', 'field', 'value', name=op.f('pk_fabrique_standard_values'))
    )
    op.create_index('ix_fabrique_standard_values_field_value', 'fabrique_standard_values', ['field', 'value'], unique=False)


def downgrade():
    op.drop_index('ix_fabrique_standard_values_field_value', table_name='fabrique_standard_values')
    op.drop_table('fabrique_standard_values')
    op.drop_index('ix_fabriques_standard_id', table_name='fabriques')
    op.drop_index('ix_fabriques_pivot', table_name='fabriques')
    for column in ('imported_at', 'import_snapshot', 'data_source', 'standard_id', 'date_maj', 'prise_rdv',
                   'fiche_acces_libre', 'horaires', 'complement_adresse', 'code_insee', 'pivot'):
        op.drop_column('fabriques', column)
