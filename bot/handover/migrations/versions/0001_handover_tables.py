"""Outgoing hand-overs with their outbox, and received hand-overs.

Revision ID: 0001_handover_tables
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_handover_tables"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outgoing_handovers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(20), nullable=False, unique=True),
        sa.Column("idempotency_key", sa.String(80), nullable=False, unique=True),
        sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("risk_level", sa.String(20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "handover_outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "handover_id",
            sa.Integer(),
            sa.ForeignKey("outgoing_handovers.id"),
            nullable=False,
            unique=True,
        ),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.String(255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=True),
        sa.Column("alerted_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "received_handovers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(20), nullable=False, unique=True),
        sa.Column("idempotency_key", sa.String(80), nullable=False, unique=True),
        sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("risk_level", sa.String(20), nullable=False, index=True),
        sa.Column("risk_urgency", sa.Integer(), nullable=False),
        sa.Column("risk_categories", sa.JSON(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("call_back_by", sa.DateTime(), nullable=True),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False, index=True),
    )


def downgrade() -> None:
    op.drop_table("received_handovers")
    op.drop_table("handover_outbox")
    op.drop_table("outgoing_handovers")
