"""Attempt limits and idempotency scoped to owner and body

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 17:28:59.468768
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Idempotency keys move to their own table, scoped to the owner and the body;
    # keys of requests made before this revision are not carried over (clients
    # keep a key for minutes, so at most a retry across the upgrade is not recognised).
    op.create_table('idempotentrequest',
    sa.Column('scope', sa.String(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.Column('resource_id', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('scope', 'key', name=op.f('pk_idempotentrequest'))
    )
    op.create_table('throttle',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_throttle'))
    )
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.drop_column('failed_logins')

    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_application_idempotency_key'), type_='unique')
        batch_op.drop_column('idempotency_key')

    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_appointment_idempotency_key'), type_='unique')
        batch_op.drop_column('idempotency_key')

    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_letter_idempotency_key'), type_='unique')
        batch_op.drop_column('idempotency_key')

    with op.batch_alter_table('queueticket', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_queueticket_idempotency_key'), type_='unique')
        batch_op.drop_column('idempotency_key')



def downgrade() -> None:
    with op.batch_alter_table('queueticket', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idempotency_key', sa.VARCHAR(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_queueticket_idempotency_key'), ['idempotency_key'])

    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idempotency_key', sa.VARCHAR(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_letter_idempotency_key'), ['idempotency_key'])

    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idempotency_key', sa.VARCHAR(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_appointment_idempotency_key'), ['idempotency_key'])

    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idempotency_key', sa.VARCHAR(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_application_idempotency_key'), ['idempotency_key'])

    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_logins', sa.INTEGER(), nullable=False, server_default='0'))

    op.drop_table('throttle')
    op.drop_table('idempotentrequest')
