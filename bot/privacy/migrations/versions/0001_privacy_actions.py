"""The record of exports, erasures and retention sweeps.

Revision ID: 0001_privacy_actions
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_privacy_actions"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "privacy_actions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False, index=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("subject", sa.String(100), nullable=True),
        sa.Column("done_by", sa.String(100), nullable=False),
        sa.Column("conversations", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("handovers", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("privacy_actions")
