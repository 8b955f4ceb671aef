"""E-certificates (电子证照), their kinds, applications' references to them, and instant approval (秒批)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 17:29:49.690792
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('certificatekind',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificatekind'))
    )
    op.create_table('certificate',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('number', sa.String(), nullable=False),
    sa.Column('holder', sa.String(), nullable=False),
    sa.Column('issuer', sa.JSON(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=True),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.Column('verification_token', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_certificate_account_id_account')),
    sa.ForeignKeyConstraint(['kind'], ['certificatekind.id'], name=op.f('fk_certificate_kind_certificatekind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate')),
    sa.UniqueConstraint('verification_token', name=op.f('uq_certificate_verification_token'))
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_account_id'), ['account_id'], unique=False)

    op.create_table('applicationcertificate',
    sa.Column('application_id', sa.String(), nullable=False),
    sa.Column('certificate_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_applicationcertificate_application_id_application')),
    sa.ForeignKeyConstraint(['certificate_id'], ['certificate.id'], name=op.f('fk_applicationcertificate_certificate_id_certificate')),
    sa.PrimaryKeyConstraint('application_id', 'certificate_id', name=op.f('pk_applicationcertificate'))
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('instant_approval', sa.Boolean(), server_default=sa.false(), nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_column('instant_approval')

    op.drop_table('applicationcertificate')
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_account_id'))

    op.drop_table('certificate')
    op.drop_table('certificatekind')
