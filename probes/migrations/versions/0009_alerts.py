"""Alerts: each alert event per destination, so that nothing is sent twice and a failed delivery is retried.

Revision ID: 0009_alerts
"""
import sqlalchemy as sa
from alembic import op

revision = "0009_alerts"
down_revision = "0008_attempts"
branch_labels = None
depends_on = None

UTC_DT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "alerts_sent",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("destination", sa.String(400), nullable=False),
        sa.Column("event_key", sa.Text, nullable=False),
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("problem_key", sa.Text),
        sa.Column("since_run_id", sa.String(40)),
        sa.Column("run_id", sa.String(40)),
        sa.Column("run_at", UTC_DT),
        sa.Column("problem", sa.JSON),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("created_at", UTC_DT, nullable=False),
        sa.Column("attempted_at", UTC_DT),
        sa.Column("sent_at", UTC_DT),
        sa.Column("sent_run_at", UTC_DT),
        sa.Column("claimed_at", UTC_DT),
    )
    op.create_index("ix_alerts_sent_event", "alerts_sent", ["destination", "event_key"], unique=True)
    op.create_index("ix_alerts_sent_status", "alerts_sent", ["status"])


def downgrade() -> None:
    op.drop_index("ix_alerts_sent_status", table_name="alerts_sent")
    op.drop_index("ix_alerts_sent_event", table_name="alerts_sent")
    op.drop_table("alerts_sent")
