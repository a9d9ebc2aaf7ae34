"""member language: the interface language a member chose (None: their browser's)

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 00:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0027'
down_revision = '0026'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN (not batch mode): rebuilding users on SQLite would cascade deletes.
    op.add_column('users', sa.Column('language', sa.String(length=8), nullable=True))


def downgrade():
    # DROP COLUMN in place (SQLite >= 3.35 does it without copying the table).
    op.drop_column('users', 'language')
