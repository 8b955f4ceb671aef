"""Baseline: the schema of the first release (before this, create_all made the tables)

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-29 14:03:40.699245
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('account',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('passport_number', sa.String(), nullable=True),
    sa.Column('nationality', sa.String(), nullable=True),
    sa.Column('id_number', sa.String(), nullable=True),
    sa.Column('address', sa.String(), nullable=True),
    sa.Column('password_hash', sa.String(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account'))
    )
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_passport_number'), ['passport_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_phone'), ['phone'], unique=True)

    op.create_table('article',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('published', sa.Date(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article'))
    )
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_article_published'), ['published'], unique=False)

    op.create_table('department',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_department'))
    )
    op.create_table('expatguide',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_expatguide'))
    )
    op.create_table('hall',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hall'))
    )
    op.create_table('lifeevent',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lifeevent'))
    )
    op.create_table('onetimecode',
    sa.Column('phone', sa.String(), nullable=False),
    sa.Column('code_hash', sa.String(), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('phone', name=op.f('pk_onetimecode'))
    )
    op.create_table('service',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('department', sa.String(), nullable=False),
    sa.Column('mode', sa.String(), nullable=False),
    sa.Column('online_application', sa.Boolean(), nullable=False),
    sa.Column('appointment', sa.Boolean(), nullable=False),
    sa.Column('popularity', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service'))
    )
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_department'), ['department'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_popularity'), ['popularity'], unique=False)

    op.create_table('theme',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theme'))
    )
    op.create_table('application',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=True),
    sa.Column('applicant', sa.JSON(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=False),
    sa.Column('uploads', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('idempotency_key', sa.String(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_application_account_id_account')),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_application_service_id_service')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_application_idempotency_key'))
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_service_id'), ['service_id'], unique=False)

    op.create_table('authtoken',
    sa.Column('token_hash', sa.String(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_authtoken_account_id_account')),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_authtoken'))
    )
    with op.batch_alter_table('authtoken', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_authtoken_account_id'), ['account_id'], unique=False)

    op.create_table('draft',
    sa.Column('account_id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_draft_account_id_account')),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_draft_service_id_service')),
    sa.PrimaryKeyConstraint('account_id', 'service_id', name=op.f('pk_draft'))
    )
    op.create_table('evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target_type', sa.String(), nullable=False),
    sa.Column('target_id', sa.String(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=True),
    sa.Column('ease', sa.Integer(), nullable=False),
    sa.Column('speed', sa.Integer(), nullable=False),
    sa.Column('attitude', sa.Integer(), nullable=False),
    sa.Column('comment', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_evaluation_account_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evaluation')),
    sa.UniqueConstraint('target_type', 'target_id', name=op.f('uq_evaluation_target_type_target_id'))
    )
    op.create_table('helprequest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.String(), nullable=False),
    sa.Column('kiosk_id', sa.String(), nullable=False),
    sa.Column('locale', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['hall_id'], ['hall.id'], name=op.f('fk_helprequest_hall_id_hall')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_helprequest'))
    )
    with op.batch_alter_table('helprequest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_helprequest_hall_id'), ['hall_id'], unique=False)

    op.create_table('letter',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('category', sa.String(), nullable=False),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('body', sa.String(), nullable=False),
    sa.Column('contact_preference', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('email', sa.String(), nullable=True),
    sa.Column('locale', sa.String(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=True),
    sa.Column('access_code_hash', sa.String(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('reply', sa.JSON(), nullable=True),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('idempotency_key', sa.String(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_letter_account_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_letter')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_letter_idempotency_key'))
    )
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_letter_account_id'), ['account_id'], unique=False)

    op.create_table('message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('reference', sa.String(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('read', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_message_account_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_message'))
    )
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_account_id'), ['account_id'], unique=False)

    op.create_table('queueticket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('number', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('idempotency_key', sa.String(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['hall_id'], ['hall.id'], name=op.f('fk_queueticket_hall_id_hall')),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_queueticket_service_id_service')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_queueticket')),
    sa.UniqueConstraint('hall_id', 'day', 'number', name=op.f('uq_queueticket_hall_id_day_number')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_queueticket_idempotency_key'))
    )
    with op.batch_alter_table('queueticket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_queueticket_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_queueticket_hall_id'), ['hall_id'], unique=False)

    op.create_table('slot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.String(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('starts', sa.Time(), nullable=False),
    sa.Column('ends', sa.Time(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('booked', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['hall_id'], ['hall.id'], name=op.f('fk_slot_hall_id_hall')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_slot')),
    sa.UniqueConstraint('hall_id', 'day', 'starts', name=op.f('uq_slot_hall_id_day_starts'))
    )
    with op.batch_alter_table('slot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_slot_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_slot_hall_id'), ['hall_id'], unique=False)

    op.create_table('subscription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=False),
    sa.Column('topic', sa.String(), nullable=False),
    sa.Column('target', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_subscription_account_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subscription')),
    sa.UniqueConstraint('account_id', 'topic', 'target', name=op.f('uq_subscription_account_id_topic_target'))
    )
    with op.batch_alter_table('subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subscription_account_id'), ['account_id'], unique=False)

    op.create_table('upload',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=True),
    sa.Column('filename', sa.String(), nullable=False),
    sa.Column('content_type', sa.String(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_upload_account_id_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_upload'))
    )
    op.create_table('applicationstep',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_applicationstep_application_id_application')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applicationstep'))
    )
    with op.batch_alter_table('applicationstep', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applicationstep_application_id'), ['application_id'], unique=False)

    op.create_table('appointment',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('slot_id', sa.Integer(), nullable=False),
    sa.Column('hall_id', sa.String(), nullable=False),
    sa.Column('service_id', sa.String(), nullable=False),
    sa.Column('account_id', sa.String(), nullable=True),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('phone', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('idempotency_key', sa.String(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['account.id'], name=op.f('fk_appointment_account_id_account')),
    sa.ForeignKeyConstraint(['hall_id'], ['hall.id'], name=op.f('fk_appointment_hall_id_hall')),
    sa.ForeignKeyConstraint(['service_id'], ['service.id'], name=op.f('fk_appointment_service_id_service')),
    sa.ForeignKeyConstraint(['slot_id'], ['slot.id'], name=op.f('fk_appointment_slot_id_slot')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_appointment_idempotency_key'))
    )
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointment_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointment_slot_id'), ['slot_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appointment_slot_id'))
        batch_op.drop_index(batch_op.f('ix_appointment_account_id'))

    op.drop_table('appointment')
    with op.batch_alter_table('applicationstep', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicationstep_application_id'))

    op.drop_table('applicationstep')
    op.drop_table('upload')
    with op.batch_alter_table('subscription', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subscription_account_id'))

    op.drop_table('subscription')
    with op.batch_alter_table('slot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_slot_hall_id'))
        batch_op.drop_index(batch_op.f('ix_slot_day'))

    op.drop_table('slot')
    with op.batch_alter_table('queueticket', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_queueticket_hall_id'))
        batch_op.drop_index(batch_op.f('ix_queueticket_day'))

    op.drop_table('queueticket')
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_account_id'))

    op.drop_table('message')
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_letter_account_id'))

    op.drop_table('letter')
    with op.batch_alter_table('helprequest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_helprequest_hall_id'))

    op.drop_table('helprequest')
    op.drop_table('evaluation')
    op.drop_table('draft')
    with op.batch_alter_table('authtoken', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_authtoken_account_id'))

    op.drop_table('authtoken')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_service_id'))
        batch_op.drop_index(batch_op.f('ix_application_account_id'))

    op.drop_table('application')
    op.drop_table('theme')
    with op.batch_alter_table('service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_popularity'))
        batch_op.drop_index(batch_op.f('ix_service_department'))

    op.drop_table('service')
    op.drop_table('onetimecode')
    op.drop_table('lifeevent')
    op.drop_table('hall')
    op.drop_table('expatguide')
    op.drop_table('department')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_published'))
        batch_op.drop_index(batch_op.f('ix_article_kind'))

    op.drop_table('article')
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_phone'))
        batch_op.drop_index(batch_op.f('ix_account_passport_number'))

    op.drop_table('account')
