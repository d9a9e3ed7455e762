"""Evidence retention: when `probes prune` deleted an evidence file (evidence.pruned_at), and the raw
message of an answer or of unmatched mail (responses.pruned_at). The rows themselves are kept for ever.

Revision ID: 0010_pruned
"""
import sqlalchemy as sa
from alembic import op

UTC_DT = sa.DateTime(timezone=True)

revision = "0010_pruned"
down_revision = "0009_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL: the file was never pruned (it may still be missing for other reasons).
    with op.batch_alter_table("evidence") as batch:
        batch.add_column(sa.Column("pruned_at", UTC_DT))
    with op.batch_alter_table("responses") as batch:
        batch.add_column(sa.Column("pruned_at", UTC_DT))


def downgrade() -> None:
    with op.batch_alter_table("responses") as batch:
        batch.drop_column("pruned_at")
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("pruned_at")
