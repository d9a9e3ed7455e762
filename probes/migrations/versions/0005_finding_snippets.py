"""Merged findings: every snippet of a finding that stands for several of one check on one message.

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL for the findings already recorded (and for every single finding): their snippet is `snippet`.
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("snippets", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("snippets")
