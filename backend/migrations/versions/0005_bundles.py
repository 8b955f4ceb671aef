"""Life-event bundles, joint applications, their lines and drafts

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 18:15:23.936450
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bundle',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bundle'))
    )
    op.create_table('bundleapplication',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('bundle_id', sa.String(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=False),
    sa.Column('applicant', sa.JSON(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('uploads', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_bundleapplication_account_id_account')),
    sa.ForeignKeyConstraint(['bundle_id'], ['bundle.id'], name=op.f('fk_bundleapplication_bundle_id_bundle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bundleapplication'))
    )
    with op.batch_alter_table('bundleapplication', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bundleapplication_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_bundleapplication_bundle_id'), ['bundle_id'], unique=False)

    op.create_table('bundledraft',
    sa.Column('account_id', sa.String(), nullable=False),
    sa.Column('bundle_id', sa.String(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_bundledraft_account_id_account')),
    sa.ForeignKeyConstraint(['bundle_id'], ['bundle.id'], name=op.f('fk_bundledraft_bundle_id_bundle')),
    sa.PrimaryKeyConstraint('account_id', 'bundle_id', name=op.f('pk_bundledraft'))
    )
    op.create_table('bundleline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bundle_application_id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('uploads', sa.JSON(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['bundle_application_id'], ['bundleapplication.id'], name=op.f('fk_bundleline_bundle_application_id_bundleapplication')),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_bundleline_service_id_service')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bundleline'))
    )
    with op.batch_alter_table('bundleline', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bundleline_bundle_application_id'), ['bundle_application_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('bundleline', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bundleline_bundle_application_id'))

    op.drop_table('bundleline')
    op.drop_table('bundledraft')
    with op.batch_alter_table('bundleapplication', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bundleapplication_bundle_id'))
        batch_op.drop_index(batch_op.f('ix_bundleapplication_account_id'))

    op.drop_table('bundleapplication')
    op.drop_table('bundle')
