"""Initial ledger: runs, journeys, steps, contacts, findings, evidence.

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UTC_DT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_at", UTC_DT, nullable=False),
        sa.Column("finished_at", UTC_DT),
        sa.Column("hostname", sa.String(255)),
        sa.Column("prober_version", sa.String(40)),
        sa.Column("config_path", sa.Text),
        sa.Column("evidence_root", sa.Text),
        sa.Column("options", sa.JSON),
    )
    op.create_table(
        "journeys",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("file", sa.Text),
        sa.Column("target", sa.String(100), nullable=False),
        sa.Column("target_name", sa.Text),
        sa.Column("persona", sa.JSON),
        sa.Column("tags", sa.JSON),
        sa.Column("description", sa.Text),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_at", UTC_DT, nullable=False),
        sa.Column("finished_at", UTC_DT),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_journeys_run_id", "journeys", ["run_id"])
    op.create_table(
        "steps",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("step_key", sa.String(100), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("started_at", UTC_DT),
        sa.Column("finished_at", UTC_DT),
        sa.Column("measurements", sa.JSON),
        sa.Column("observations", sa.JSON),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_steps_journey_id", "steps", ["journey_id"])
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id"), nullable=False),
        sa.Column("step_id", sa.Integer, sa.ForeignKey("steps.id"), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("destination", sa.Text, nullable=False),
        sa.Column("token", sa.String(40), nullable=False, unique=True),
        sa.Column("idempotency_key", sa.String(300), nullable=False, unique=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("planned_at", UTC_DT, nullable=False),
        sa.Column("sent_at", UTC_DT),
    )
    op.create_index("ix_contacts_run_id", "contacts", ["run_id"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id")),
        sa.Column("step_id", sa.Integer, sa.ForeignKey("steps.id")),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id")),
        sa.Column("check_id", sa.String(100), nullable=False),
        sa.Column("severity", sa.String(10), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("detail", sa.Text),
        sa.Column("snippet", sa.Text),
        sa.Column("created_at", UTC_DT, nullable=False),
    )
    op.create_index("ix_findings_run_id", "findings", ["run_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id")),
        sa.Column("step_id", sa.Integer, sa.ForeignKey("steps.id")),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("bytes", sa.Integer),
        sa.Column("created_at", UTC_DT, nullable=False),
    )
    op.create_index("ix_evidence_run_id", "evidence", ["run_id"])


def downgrade() -> None:
    for name in ("evidence", "findings", "contacts", "steps", "journeys", "runs"):
        op.drop_table(name)
