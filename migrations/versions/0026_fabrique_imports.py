"""fabrique imports: the files of the mediation standard uploaded for import, claimed once

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06 21:40:00

"""
from alembic import op
import sqlalchemy as sa

import forum.core.models


# revision identifiers, used by Alembic.
revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('fabrique_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('uploaded_at', forum.core.models.UTCDateTime(), nullable=False),
    sa.Column('applied_at', forum.core.models.UTCDateTime(), nullable=True),
    sa.Column('applied_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['applied_by_id'], ['users.id'], name=op.f('fk_fabrique_imports_applied_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_fabrique_imports_uploaded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fabrique_imports')),
    sa.UniqueConstraint('sha256', name=op.f('uq_fabrique_imports_sha256'))
    )


def downgrade():
    op.drop_table('fabrique_imports')
