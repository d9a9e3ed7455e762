"""Locations: where each run, journey and contact was made from (--location; "local" by default), and the
locations a journey skipped for being pinned elsewhere is pinned to. Rows written before are "local".

Revision ID: 0011_locations
"""
import sqlalchemy as sa
from alembic import op

revision = "0011_locations"
down_revision = "0010_pruned"
branch_labels = None
depends_on = None


def _location() -> sa.Column:
    # The server default fills the existing rows: a ledger written before locations ran at one place.
    return sa.Column("location", sa.String(40), nullable=False, server_default="local")


def upgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.add_column(_location())
    with op.batch_alter_table("journeys") as batch:
        batch.add_column(_location())
        batch.add_column(sa.Column("pinned_to", sa.Text))
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(_location())


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("location")
    with op.batch_alter_table("journeys") as batch:
        batch.drop_column("pinned_to")
        batch.drop_column("location")
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("location")
