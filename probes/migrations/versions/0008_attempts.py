"""Attempts and maintenance windows on journeys.

A journey re-run after a prober error or a transient finding (settings.reruns) is a new journey row:
``attempt`` 2, ``retried_from`` the row of attempt 1, ``retry_reason`` why it was re-run. ``maintenance``
says which maintenance window the journey was skipped in, or whose findings were downgraded.
Rows written before this revision are attempt 1 of their journey.

Revision ID: 0008_attempts
"""
import sqlalchemy as sa
from alembic import op

revision = "0008_attempts"
down_revision = "0007_fp"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("journeys") as batch:
        batch.add_column(sa.Column("attempt", sa.Integer, nullable=False, server_default="1"))
        # No foreign key: on SQLite that would rebuild the table, slow for a year of history.
        batch.add_column(sa.Column("retried_from", sa.Integer))
        batch.add_column(sa.Column("retry_reason", sa.Text))
        batch.add_column(sa.Column("maintenance", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("journeys") as batch:
        batch.drop_column("maintenance")
        batch.drop_column("retry_reason")
        batch.drop_column("retried_from")
        batch.drop_column("attempt")
