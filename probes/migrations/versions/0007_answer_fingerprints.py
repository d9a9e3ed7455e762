"""Answer fingerprints: what the canned-reply check compares a person's answer with, one row per answer,
found by target without re-reading earlier answers.

Answers recorded before this revision get theirs the first time a harvest needs them (answers.judge).

Revision ID: 0007_fp
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_fp"
down_revision = "0006_acc"
branch_labels = None
depends_on = None

UTC_DT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "answer_fingerprints",
        sa.Column("response_id", sa.Integer, sa.ForeignKey("responses.id"), primary_key=True),
        sa.Column("target", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id"), nullable=False),
        sa.Column("run_id", sa.String(40), nullable=False),
        sa.Column("journey", sa.Text, nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("step_key", sa.String(100), nullable=False),
        sa.Column("arrived_at", UTC_DT, nullable=False),
        sa.Column("shingles", sa.JSON, nullable=False),
    )
    op.create_index("ix_answer_fingerprints_target", "answer_fingerprints", ["target", "kind", "arrived_at"])


def downgrade() -> None:
    op.drop_index("ix_answer_fingerprints_target", table_name="answer_fingerprints")
    op.drop_table("answer_fingerprints")
