"""Guards against concurrent requests: loan history unique per (loan, from_state); used submission
tokens of creating forms; versions of edited texts (posts, resources, fabriques)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def _drop_duplicate_loan_events():
    """Before the unique constraint: the lines that two concurrent moves out of one state wrote
    (the bug this revision fixes). Of each such group, keep the move the loan's history goes on
    from (a later line leaves its state, or it is the loan's current state); the others go."""
    connection = op.get_bind()
    groups = connection.execute(sa.text(
        "SELECT loan_id, from_state FROM loan_events WHERE from_state IS NOT NULL "
        "GROUP BY loan_id, from_state HAVING count(*) > 1")).all()
    for loan_id, from_state in groups:
        state = connection.execute(sa.text("SELECT state FROM loans WHERE id = :id"), {"id": loan_id}).scalar()
        left = set(connection.execute(sa.text(
            "SELECT from_state FROM loan_events WHERE loan_id = :id AND from_state IS NOT NULL"),
            {"id": loan_id}).scalars())
        events = connection.execute(sa.text(
            "SELECT id, to_state FROM loan_events WHERE loan_id = :id AND from_state = :state ORDER BY id"),
            {"id": loan_id, "state": from_state}).all()
        kept = next((event_id for event_id, to_state in events if to_state == state or to_state in left),
                    events[0][0])
        for event_id, _ in events:
            if event_id != kept:
                connection.execute(sa.text("DELETE FROM loan_events WHERE id = :id"), {"id": event_id})


def upgrade():
    _drop_duplicate_loan_events()
    with op.batch_alter_table('loan_events', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_loan_events_loan_id_from_state', ['loan_id', 'from_state'])
    op.create_table(
        'form_submissions',
        sa.Column('nonce', sa.String(length=32), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('scope', sa.String(length=60), nullable=False),
        sa.Column('created_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_form_submissions_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('nonce', name=op.f('pk_form_submissions')),
    )
    with op.batch_alter_table('form_submissions', schema=None) as batch_op:
        batch_op.create_index('ix_form_submissions_user_id_created_at', ['user_id', 'created_at'], unique=False)
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('edited_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_posts_edited_by_id_users'), 'users', ['edited_by_id'], ['id'],
                                    ondelete='SET NULL')
    with op.batch_alter_table('resources', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('updated_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_resources_updated_by_id_users'), 'users', ['updated_by_id'],
                                    ['id'], ondelete='SET NULL')
    with op.batch_alter_table('fabriques', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('updated_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_fabriques_updated_by_id_users'), 'users', ['updated_by_id'],
                                    ['id'], ondelete='SET NULL')


def downgrade():
    for table, column in (('fabriques', 'updated_by_id'), ('resources', 'updated_by_id'), ('posts', 'edited_by_id')):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f'fk_{table}_{column}_users', type_='foreignkey')
            batch_op.drop_column(column)
            batch_op.drop_column('version')
    with op.batch_alter_table('fabriques', schema=None) as batch_op:
        batch_op.drop_column('updated_at')
    with op.batch_alter_table('form_submissions', schema=None) as batch_op:
        batch_op.drop_index('ix_form_submissions_user_id_created_at')
    op.drop_table('form_submissions')
    with op.batch_alter_table('loan_events', schema=None) as batch_op:
        batch_op.drop_constraint('uq_loan_events_loan_id_from_state', type_='unique')
