"""Email: contacts learn their Message-ID and reply address; responses, awaits and mailbox state.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC_DT = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("message_id", sa.String(300)))
        batch.add_column(sa.Column("reply_address", sa.String(320)))
        batch.add_column(sa.Column("identity", sa.String(100)))
        batch.add_column(sa.Column("server_answer", sa.Text))
        batch.add_column(sa.Column("saved", sa.JSON))
        batch.create_index("ix_contacts_message_id", ["message_id"])
        batch.create_index("ix_contacts_reply_address", ["reply_address"])
    op.create_table(
        "responses",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("mailbox", sa.String(400), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger, nullable=False),
        sa.Column("uid", sa.BigInteger, nullable=False),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id")),
        sa.Column("matched_by", sa.String(20)),
        sa.Column("kind", sa.String(20)),
        sa.Column("kind_reason", sa.Text),
        sa.Column("message_id", sa.String(300)),
        sa.Column("from_addr", sa.Text),
        sa.Column("to_addr", sa.Text),
        sa.Column("subject", sa.Text),
        sa.Column("internal_date", UTC_DT),
        sa.Column("date_header", UTC_DT),
        sa.Column("observed_at", UTC_DT, nullable=False),
        sa.Column("arrived_at", UTC_DT, nullable=False),
        sa.Column("body_text", sa.Text),
        sa.Column("template_hash", sa.String(64)),
        sa.Column("evidence_path", sa.Text),
        sa.Column("evidence_root", sa.Text),
        sa.UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_responses_mailbox_uid"),
    )
    op.create_index("ix_responses_contact_id", "responses", ["contact_id"])
    op.create_index("ix_responses_template_hash", "responses", ["template_hash"])
    op.create_table(
        "awaits",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id"), nullable=False),
        sa.Column("step_id", sa.Integer, sa.ForeignKey("steps.id"), nullable=False),
        sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id"), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("deadline_text", sa.String(100), nullable=False),
        sa.Column("due_at", UTC_DT, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("response_id", sa.Integer, sa.ForeignKey("responses.id")),
        sa.Column("elapsed_s", sa.Float),
        sa.Column("business_s", sa.Float),
        sa.Column("settled_at", UTC_DT),
        sa.UniqueConstraint("step_id", "contact_id", "kind", name="uq_awaits_step_contact_kind"),
    )
    op.create_index("ix_awaits_run_id", "awaits", ["run_id"])
    op.create_index("ix_awaits_contact_id", "awaits", ["contact_id"])
    op.create_table(
        "mailbox_state",
        sa.Column("mailbox", sa.String(400), primary_key=True),
        sa.Column("uidvalidity", sa.BigInteger, nullable=False),
        sa.Column("last_uid", sa.BigInteger, nullable=False),
        sa.Column("harvested_at", UTC_DT, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("mailbox_state")
    op.drop_table("awaits")
    op.drop_table("responses")
    with op.batch_alter_table("contacts") as batch:
        batch.drop_index("ix_contacts_reply_address")
        batch.drop_index("ix_contacts_message_id")
        for name in ("saved", "server_answer", "identity", "reply_address", "message_id"):
            batch.drop_column(name)
