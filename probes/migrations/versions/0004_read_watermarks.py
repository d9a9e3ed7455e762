"""Read watermarks: how far each mailbox (and each number's message list) has been read completely, and
why a due await was not closed.

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UTC_DT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "read_watermarks",
        sa.Column("source", sa.String(400), primary_key=True),
        sa.Column("read_to", UTC_DT),
        sa.Column("failed_at", UTC_DT),
        sa.Column("error", sa.Text),
    )
    with op.batch_alter_table("awaits") as batch:
        batch.add_column(sa.Column("held_open", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("awaits") as batch:
        batch.drop_column("held_open")
    op.drop_table("read_watermarks")
