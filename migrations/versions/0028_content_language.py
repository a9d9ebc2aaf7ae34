"""content language: the language members say their posts, reports, resources and events are in

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07 00:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None

# Nullable (None: not said, the page's language applies); the codes are checked by the app
# against forum/core/data/languages.toml, not by the database.
TABLES = ('posts', 'practices', 'resources', 'events')


def upgrade():
    # Plain ADD COLUMN, not a batch (copy-and-move) table: on SQLite, moving these tables would
    # delete, through ON DELETE CASCADE, everything that hangs on them.
    for table in TABLES:
        op.add_column(table, sa.Column('language', sa.String(length=8), nullable=True))


def downgrade():
    # DROP COLUMN in place (SQLite >= 3.35 does it without copying the table).
    for table in TABLES:
        op.drop_column(table, 'language')
