"""Staff, sessions, case work and audit for the First Contact inbox.

Revision ID: 0001_inbox_tables
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_inbox_tables"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_staff",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "inbox_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column(
            "staff_id", sa.Integer(), sa.ForeignKey("inbox_staff.id"), nullable=False, index=True
        ),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False, index=True),
    )
    op.create_table(
        "inbox_cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(20), nullable=False, unique=True),
        sa.Column("claimed_by", sa.Integer(), sa.ForeignKey("inbox_staff.id"), nullable=True),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("first_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("contacted_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.Integer(), sa.ForeignKey("inbox_staff.id"), nullable=True),
        sa.Column("outcome", sa.String(40), nullable=True),
        sa.Column("alerted_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "inbox_entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(20), nullable=False, index=True),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("inbox_staff.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("method", sa.String(20), nullable=True),
        sa.Column("result", sa.String(20), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "inbox_audit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False, index=True),
        sa.Column("staff_id", sa.Integer(), sa.ForeignKey("inbox_staff.id"), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("reference", sa.String(20), nullable=True, index=True),
    )


def downgrade() -> None:
    for table in ("inbox_audit", "inbox_entries", "inbox_cases", "inbox_sessions", "inbox_staff"):
        op.drop_table(table)
