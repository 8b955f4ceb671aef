"""Content versions: a counter per content area for cached catalogue reads

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 17:24:14.035741
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('content_versions',
    sa.Column('area', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('area', name=op.f('pk_content_versions'))
    )


def downgrade() -> None:
    op.drop_table('content_versions')
