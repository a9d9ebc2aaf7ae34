"""amounts in cents: a deposit or a cost of « 150,50 € » is kept exactly

Revision ID: 0020
Revises: 0018_conversation_mute
Create Date: 2026-12-06 13:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0018_conversation_mute'
branch_labels = None
depends_on = None

# (table, old column in whole euros, new column in cents)
AMOUNTS = (("resources", "deposit_euros", "deposit_cents"), ("practices", "cost_euros", "cost_cents"))


# Plain ALTER TABLE, never a batch: on SQLite a batch operation recreates the table, and dropping
# "resources" with foreign keys on deletes its loans and photos in cascade. SQLite (3.35 and later)
# adds and drops a plain column in place, as PostgreSQL does.


def upgrade():
    for table, euros, cents in AMOUNTS:
        op.add_column(table, sa.Column(cents, sa.Integer(), nullable=True))
        op.execute(f"UPDATE {table} SET {cents} = {euros} * 100 WHERE {euros} IS NOT NULL")
        op.drop_column(table, euros)


def downgrade():
    for table, euros, cents in AMOUNTS:
        op.add_column(table, sa.Column(euros, sa.Integer(), nullable=True))
        # Whole euros only before this revision: cents are rounded down.
        op.execute(f"UPDATE {table} SET {euros} = {cents} / 100 WHERE {cents} IS NOT NULL")
        op.drop_column(table, cents)
