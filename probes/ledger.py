"""The ledger: the durable record of every run, journey, step, contact, finding and evidence file.

SQLAlchemy Core over any database URL (SQLite file by default). The schema
is owned by Alembic migrations in ``probes/migrations``; opening a ledger
upgrades it, so a year of history survives every release.

A contact's row is written (status ``planned``) *before* the contact is made,
and marked ``sent`` or ``failed`` after: after a crash, a planned row says
"this may have reached the company" and later runs must not send it again.
"""
from __future__ import annotations

import datetime as dt
import json
import secrets
import socket
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from .results import utcnow

metadata = sa.MetaData()
UTC_DT = sa.DateTime(timezone=True)

runs = sa.Table(
    "runs", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),          # run | demo | nightly
    sa.Column("status", sa.String(20), nullable=False),        # running | passed | failed | error
    sa.Column("started_at", UTC_DT, nullable=False),
    sa.Column("finished_at", UTC_DT),
    sa.Column("hostname", sa.String(255)),
    sa.Column("prober_version", sa.String(40)),
    sa.Column("config_path", sa.Text),
    sa.Column("evidence_root", sa.Text),                       # folder evidence paths are relative to
    sa.Column("options", sa.JSON),
)

journeys = sa.Table(
    "journeys", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("file", sa.Text),
    sa.Column("target", sa.String(100), nullable=False),
    sa.Column("target_name", sa.Text),
    sa.Column("persona", sa.JSON),
    sa.Column("tags", sa.JSON),
    sa.Column("description", sa.Text),
    sa.Column("status", sa.String(20), nullable=False),        # running | passed | failed | error
    sa.Column("started_at", UTC_DT, nullable=False),
    sa.Column("finished_at", UTC_DT),
    sa.Column("error", sa.Text),
)

steps = sa.Table(
    "steps", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("step_key", sa.String(100), nullable=False),
    sa.Column("channel", sa.String(40), nullable=False),
    sa.Column("description", sa.Text),
    sa.Column("status", sa.String(20), nullable=False),        # running | passed | failed | error | skipped
    sa.Column("started_at", UTC_DT),
    sa.Column("finished_at", UTC_DT),
    sa.Column("measurements", sa.JSON),
    sa.Column("observations", sa.JSON),
    sa.Column("error", sa.Text),
)

contacts = sa.Table(
    "contacts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id"), nullable=False),
    sa.Column("step_id", sa.Integer, sa.ForeignKey("steps.id"), nullable=False),
    sa.Column("channel", sa.String(40), nullable=False),
    sa.Column("destination", sa.Text, nullable=False),
    sa.Column("token", sa.String(40), nullable=False, unique=True),
    sa.Column("idempotency_key", sa.String(300), nullable=False, unique=True),
    sa.Column("status", sa.String(20), nullable=False),        # planned | sent | failed | not_sent
    sa.Column("planned_at", UTC_DT, nullable=False),
    sa.Column("sent_at", UTC_DT),
)

findings = sa.Table(
    "findings", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False, index=True),
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

evidence = sa.Table(
    "evidence", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id")),
    sa.Column("step_id", sa.Integer, sa.ForeignKey("steps.id")),
    sa.Column("kind", sa.String(20), nullable=False),          # screenshot | trace | html | text
    sa.Column("label", sa.Text),
    sa.Column("path", sa.Text, nullable=False),                # relative to runs.evidence_root
    sa.Column("bytes", sa.Integer),
    sa.Column("created_at", UTC_DT, nullable=False),
)


def new_run_id(now: dt.datetime | None = None) -> str:
    """Sortable and unique: 20261122T110512Z-3f9a."""
    now = now or utcnow()
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


def new_token() -> str:
    """A correlation token: short, unguessable, safe in URLs, subjects and email local parts."""
    alphabet = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l look-alikes
    return "".join(secrets.choice(alphabet) for _ in range(10))


def _aware(value):
    # SQLite hands datetimes back naive; everything we store is UTC.
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


def _row(r) -> dict[str, Any]:
    return {k: _aware(v) for k, v in r._mapping.items()}


class Ledger:
    """Read and write the ledger. Opening it brings the schema up to date."""

    def __init__(self, url: str, migrate: bool = True):
        self.url = url
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        self.engine = sa.create_engine(url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def _insert(self, table: sa.Table, **values) -> Any:
        with self.engine.begin() as conn:
            return conn.execute(table.insert().values(**values)).inserted_primary_key[0]

    def _update(self, table: sa.Table, row_id, **values) -> None:
        with self.engine.begin() as conn:
            conn.execute(table.update().where(table.c.id == row_id).values(**values))

    # --- writing -------------------------------------------------------------
    def start_run(self, kind: str, evidence_root: Path, config_path: str = "", options: dict | None = None,
                  run_id: str | None = None) -> str:
        from . import __version__
        run_id = run_id or new_run_id()
        self._insert(runs, id=run_id, kind=kind, status="running", started_at=utcnow(),
                     hostname=socket.gethostname(), prober_version=__version__, config_path=config_path,
                     evidence_root=str(evidence_root), options=options or {})
        return run_id

    def finish_run(self, run_id: str, status: str) -> None:
        self._update(runs, run_id, status=status, finished_at=utcnow())

    def start_journey(self, run_id: str, *, name: str, file: str, target: str, target_name: str,
                      persona: dict, tags: list[str], description: str = "") -> int:
        return self._insert(journeys, run_id=run_id, name=name, file=file, target=target, target_name=target_name,
                            persona=persona, tags=tags, description=description, status="running",
                            started_at=utcnow())

    def finish_journey(self, journey_id: int, status: str, error: str | None = None) -> None:
        self._update(journeys, journey_id, status=status, finished_at=utcnow(), error=error)

    def start_step(self, journey_id: int, position: int, step_key: str, channel: str, description: str = "") -> int:
        return self._insert(steps, journey_id=journey_id, position=position, step_key=step_key, channel=channel,
                            description=description, status="running", started_at=utcnow())

    def finish_step(self, step_id: int, status: str, measurements: dict | None = None,
                    observations: dict | None = None, error: str | None = None,
                    started_at: dt.datetime | None = None) -> None:
        values = dict(status=status, finished_at=utcnow(), measurements=measurements or {},
                      observations=observations or {}, error=error)
        if started_at:
            values["started_at"] = started_at
        self._update(steps, step_id, **values)

    def skip_step(self, journey_id: int, position: int, step_key: str, channel: str, reason: str) -> int:
        return self._insert(steps, journey_id=journey_id, position=position, step_key=step_key, channel=channel,
                            status="skipped", error=reason)

    def plan_contact(self, *, run_id: str, journey_id: int, step_id: int, channel: str, destination: str,
                     token: str, idempotency_key: str) -> int:
        """Record a contact before making it (see module docstring)."""
        return self._insert(contacts, run_id=run_id, journey_id=journey_id, step_id=step_id, channel=channel,
                            destination=destination, token=token, idempotency_key=idempotency_key,
                            status="planned", planned_at=utcnow())

    def mark_contact(self, contact_id: int, status: str, sent_at: dt.datetime | None = None) -> None:
        self._update(contacts, contact_id, status=status, sent_at=sent_at)

    def add_finding(self, run_id: str, journey_id: int | None, step_id: int | None, finding,
                    contact_id: int | None = None) -> int:
        return self._insert(findings, run_id=run_id, journey_id=journey_id, step_id=step_id, contact_id=contact_id,
                            check_id=finding.check, severity=finding.severity, title=finding.title,
                            detail=finding.detail, snippet=finding.snippet, created_at=utcnow())

    def add_evidence(self, run_id: str, journey_id: int, step_id: int, kind: str, label: str, path: str,
                     size: int | None) -> int:
        return self._insert(evidence, run_id=run_id, journey_id=journey_id, step_id=step_id, kind=kind,
                            label=label, path=path, bytes=size, created_at=utcnow())

    # --- reading -------------------------------------------------------------
    def _select(self, stmt) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(stmt)]

    def latest_run_id(self) -> str | None:
        rows = self._select(sa.select(runs.c.id).order_by(runs.c.started_at.desc(), runs.c.id.desc()).limit(1))
        return rows[0]["id"] if rows else None

    def get_run(self, run_id: str) -> dict | None:
        rows = self._select(sa.select(runs).where(runs.c.id == run_id))
        return rows[0] if rows else None

    def list_runs(self, limit: int = 50) -> list[dict]:
        return self._select(sa.select(runs).order_by(runs.c.started_at.desc()).limit(limit))

    def run_rows(self, run_id: str) -> dict[str, list[dict]]:
        """Everything recorded for one run, table by table."""
        j_ids = sa.select(journeys.c.id).where(journeys.c.run_id == run_id)
        return {
            "journeys": self._select(sa.select(journeys).where(journeys.c.run_id == run_id).order_by(journeys.c.id)),
            "steps": self._select(sa.select(steps).where(steps.c.journey_id.in_(j_ids))
                                  .order_by(steps.c.journey_id, steps.c.position)),
            "contacts": self._select(sa.select(contacts).where(contacts.c.run_id == run_id).order_by(contacts.c.id)),
            "findings": self._select(sa.select(findings).where(findings.c.run_id == run_id).order_by(findings.c.id)),
            "evidence": self._select(sa.select(evidence).where(evidence.c.run_id == run_id).order_by(evidence.c.id)),
        }


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")     # readers (report) never block the writer (run)
    cur.execute("PRAGMA synchronous=FULL")     # a committed row survives power loss
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def alembic_config(connection=None):
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the ledger's schema to ``revision`` (default: newest)."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def as_json(value: Any) -> str:
    return json.dumps(value, default=str)
