"""Sentence-encoder vectors of services, for search by meaning.

Revision ID: 0002_service_vectors
Revises: 0001_directory_core
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_service_vectors"
down_revision = "0001_directory_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Empty on an existing database: `python -m directory vectors` fills it, and search
    # computes missing vectors in memory until then.
    op.create_table(
        "dir_service_vector",
        sa.Column("service_id", sa.String(length=255), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("model", sa.String(length=128), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["service_id"], ["dir_service.id"]),
        sa.PrimaryKeyConstraint("service_id"),
    )


def downgrade() -> None:
    op.drop_table("dir_service_vector")
