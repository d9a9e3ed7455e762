"""Alembic environment: the ledger hands us an open connection (see probes.ledger.upgrade)."""
from alembic import context

from probes.ledger import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - we always pass one
    raise RuntimeError("run migrations through probes.ledger.upgrade()")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
