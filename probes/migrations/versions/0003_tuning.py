"""Tuning: a journey records the checks it switched off or gave another severity, and why.

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("journeys") as batch:
        batch.add_column(sa.Column("tuning", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("journeys") as batch:
        batch.drop_column("tuning")
