"""The server's acceptance of a contact, apart from its start: contacts.accepted_at.

sent_at is the start of the contact (email: of the SMTP transaction), the customer's clock; accepted_at
is when the server acknowledged it (email: the 250 after DATA).

Revision ID: 0006_acc
"""
import sqlalchemy as sa
from alembic import op

UTC_DT = sa.DateTime(timezone=True)

revision = "0006_acc"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL for the contacts already recorded: their sent_at was the server's acceptance.
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("accepted_at", UTC_DT))


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("accepted_at")
