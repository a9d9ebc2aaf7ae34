"""room bookings: rooms booked by the hour (loan instants, room rules, the no-overlap constraint)

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06 18:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None

# The rules existing rooms get (forum/resources/rooms.py DEFAULT_RULES, frozen here): Monday to
# Friday 9:00-18:00, 1 h notice, 90 days ahead, 30 min to 8 h, no buffer, approval required.
DEFAULT_OPENING = {str(weekday): [["09:00", "18:00"]] for weekday in range(5)}
SLOT_COLUMNS = ('starts_at', 'ends_at', 'blocked_until')
EXCLUSION = (
    "ALTER TABLE loans ADD CONSTRAINT ex_loans_room_slot EXCLUDE USING gist "
    "(resource_id WITH =, tsrange(starts_at, blocked_until) WITH &&) "
    "WHERE (state IN ('accepted', 'lent') AND starts_at IS NOT NULL)"
)

# Plain ALTER TABLE, never a batch (see 0021): recreating "loans" on SQLite would cascade.


def upgrade():
    for name in SLOT_COLUMNS:
        op.add_column('loans', sa.Column(name, sa.DateTime(), nullable=True))
    op.create_index('ix_loans_resource_id_starts_at', 'loans', ['resource_id', 'starts_at'], unique=False)
    op.create_table(
        'room_rules',
        sa.Column('resource_id', sa.Integer(), nullable=False),
        sa.Column('opening_hours', sa.JSON(), nullable=False),
        sa.Column('closed_dates', sa.JSON(), nullable=False),
        sa.Column('min_notice_hours', sa.Integer(), nullable=False),
        sa.Column('max_notice_days', sa.Integer(), nullable=False),
        sa.Column('min_minutes', sa.Integer(), nullable=False),
        sa.Column('max_minutes', sa.Integer(), nullable=False),
        sa.Column('buffer_minutes', sa.Integer(), nullable=False),
        sa.Column('needs_approval', sa.Boolean(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.CheckConstraint('min_minutes >= 1 AND max_minutes >= min_minutes',
                           name=op.f('ck_room_rules_lengths_ordered')),
        sa.CheckConstraint('min_notice_hours >= 0 AND max_notice_days >= 1 AND buffer_minutes >= 0',
                           name=op.f('ck_room_rules_notices_positive')),
        sa.ForeignKeyConstraint(['resource_id'], ['resources.id'], name=op.f('fk_room_rules_resource_id_resources'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('resource_id', name=op.f('pk_room_rules')),
    )
    op.execute(sa.text(
        "INSERT INTO room_rules (resource_id, opening_hours, closed_dates, min_notice_hours, max_notice_days, "
        "min_minutes, max_minutes, buffer_minutes, needs_approval, updated_at) "
        "SELECT id, :opening, '[]', 1, 90, 30, 480, 0, :approval, CURRENT_TIMESTAMP FROM resources "
        "WHERE kind = 'espace'").bindparams(
        sa.bindparam('opening', DEFAULT_OPENING, type_=sa.JSON()), sa.bindparam('approval', True, type_=sa.Boolean())))
    # SQLite cannot add a CHECK to an existing table without recreating it (see above): there the
    # services keep a slot ordered (forum/resources/slots.py Slot.of) and the write lock guards overlaps.
    if op.get_bind().dialect.name == 'postgresql':
        op.create_check_constraint('ck_loans_slot_ordered', 'loans',
                                   'ends_at > starts_at AND blocked_until >= ends_at')
        op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
        op.execute(EXCLUSION)


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("ALTER TABLE loans DROP CONSTRAINT ex_loans_room_slot")
        op.drop_constraint('ck_loans_slot_ordered', 'loans', type_='check')
    op.drop_table('room_rules')
    op.drop_index('ix_loans_resource_id_starts_at', table_name='loans')
    for name in reversed(SLOT_COLUMNS):
        op.drop_column('loans', name)
