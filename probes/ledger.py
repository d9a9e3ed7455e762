"""The ledger: the durable record of every run, journey, step, contact, finding and evidence file.

SQLAlchemy Core over any database URL (SQLite file by default). The schema
is owned by Alembic migrations in ``probes/migrations``; opening a ledger
upgrades it, so a year of history survives every release.

A contact's row is written (status ``planned``) *before* the contact is made,
and marked ``sent`` or ``failed`` after: after a crash, a planned row says
"this may have reached the company" and later runs must not send it again.
"""
from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import random
import re
import secrets
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event

from .results import ProberError, utcnow

T = TypeVar("T")

# How long a ledger write waits for another process's lock before the prober gives up (settings.ledger_lock_wait_s).
LOCK_WAIT_S = 120.0
# SQLite's own wait inside one attempt; between attempts the ledger backs off and tries again.
BUSY_TIMEOUT_S = 2.0
EAGER_POLL_S = 0.002   # transaction(eager=True): how often it tries for the write lock

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
    # Added in 0011: where the run was started (--location, $PROBES_LOCATION, settings.location; "local").
    sa.Column("location", sa.String(40), nullable=False, server_default="local"),
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
    # Added in 0003 (tuning): the checks this journey switched off or re-rated, with reasons:
    # {check id: {"off": bool, "severity": str | None, "reason": str, "from": "target" | "scenario"}}
    sa.Column("tuning", sa.JSON),
    # Added in 0008 (attempts): a journey re-run after a prober error or a transient finding is a new row,
    # attempt 2, pointing at attempt 1 (retried_from: its journeys.id), with why it was re-run.
    sa.Column("attempt", sa.Integer, nullable=False, server_default="1"),
    sa.Column("retried_from", sa.Integer),
    sa.Column("retry_reason", sa.Text),
    # The maintenance window the journey was skipped in, or whose findings were downgraded to info.
    sa.Column("maintenance", sa.Text),
    # Added in 0011: where the journey ran (a queued run's journeys may run at several), and, for a journey
    # skipped because it is pinned elsewhere, the locations it is pinned to ("london, frankfurt").
    sa.Column("location", sa.String(40), nullable=False, server_default="local"),
    sa.Column("pinned_to", sa.Text),
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
    # Added in 0002 (email): how to recognise the contact and its answers later.
    sa.Column("message_id", sa.String(300), index=True),       # the Message-ID we sent (email)
    sa.Column("reply_address", sa.String(320), index=True),    # e.g. shopper+k7q9x2@… (sub-addressing)
    sa.Column("identity", sa.String(100)),
    sa.Column("server_answer", sa.Text),                       # e.g. the SMTP server's reply to DATA
    # Added in 0006: when the server acknowledged the contact (email: its 250 after DATA); sent_at is
    # when the contact started (the customer's clock), so the two may be seconds apart.
    sa.Column("accepted_at", UTC_DT),
    sa.Column("saved", sa.JSON),                               # values the step saved, for resumed runs
    # Added in 0011: where the contact was made from.
    sa.Column("location", sa.String(40), nullable=False, server_default="local"),
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
    # Added in 0005: a finding merged from several of one check on one message (checks.run_checks) keeps
    # every snippet here, in order; NULL for a single finding, whose snippet is ``snippet``.
    sa.Column("snippets", sa.JSON),
)

responses = sa.Table(
    "responses", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("channel", sa.String(40), nullable=False),
    sa.Column("mailbox", sa.String(400), nullable=False),      # identity/folder it was read from
    sa.Column("uidvalidity", sa.BigInteger, nullable=False),
    sa.Column("uid", sa.BigInteger, nullable=False),
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id"), index=True),   # NULL: matched nothing
    sa.Column("matched_by", sa.String(20)),                    # reply_address | token | thread
    sa.Column("kind", sa.String(20)),                          # auto | human | bounce | own_copy
    sa.Column("kind_reason", sa.Text),
    sa.Column("message_id", sa.String(300)),
    sa.Column("from_addr", sa.Text),
    sa.Column("to_addr", sa.Text),
    sa.Column("subject", sa.Text),
    sa.Column("internal_date", UTC_DT),                        # the server's INTERNALDATE (1 s resolution)
    sa.Column("date_header", UTC_DT),                          # the sender's Date header
    sa.Column("observed_at", UTC_DT, nullable=False),          # when the prober saw it
    sa.Column("arrived_at", UTC_DT, nullable=False),           # best estimate of when it landed (see harvest)
    sa.Column("body_text", sa.Text),
    sa.Column("template_hash", sa.String(64), index=True),     # body with names/numbers/tokens blanked
    sa.Column("evidence_path", sa.Text),                       # raw .eml, relative to evidence_root
    sa.Column("evidence_root", sa.Text),
    # Added in 0010: when `probes prune` deleted the raw message (evidence_path); the row stays.
    sa.Column("pruned_at", UTC_DT),
    sa.UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_responses_mailbox_uid"),
)

awaits = sa.Table(
    "awaits", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("run_id", sa.String(40), sa.ForeignKey("runs.id"), nullable=False, index=True),
    sa.Column("journey_id", sa.Integer, sa.ForeignKey("journeys.id"), nullable=False),
    sa.Column("step_id", sa.Integer, sa.ForeignKey("steps.id"), nullable=False),     # the await step
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id"), nullable=False, index=True),
    sa.Column("channel", sa.String(40), nullable=False),       # the channel the answer is expected on
    sa.Column("kind", sa.String(10), nullable=False),          # ack | human
    sa.Column("deadline_text", sa.String(100), nullable=False),
    sa.Column("due_at", UTC_DT, nullable=False),
    sa.Column("status", sa.String(20), nullable=False),        # pending | met | late | no_response
    sa.Column("response_id", sa.Integer, sa.ForeignKey("responses.id")),
    sa.Column("elapsed_s", sa.Float),                          # wall-clock time to the answer
    sa.Column("business_s", sa.Float),                         # the same in the target's business hours
    sa.Column("settled_at", UTC_DT),
    # Added in 0004: why a pending await whose deadline passed was not closed (a mailbox not read past it).
    sa.Column("held_open", sa.Text),
    sa.UniqueConstraint("step_id", "contact_id", "kind", name="uq_awaits_step_contact_kind"),
)

mailbox_state = sa.Table(
    "mailbox_state", metadata,
    sa.Column("mailbox", sa.String(400), primary_key=True),
    sa.Column("uidvalidity", sa.BigInteger, nullable=False),
    sa.Column("last_uid", sa.BigInteger, nullable=False),
    sa.Column("harvested_at", UTC_DT, nullable=False),
)

# Added in 0004: per source (a mailbox's key, or sms:<number>), the instant up to which it has been read
# completely (when the last complete read started), and the last failed attempt.
read_watermarks = sa.Table(
    "read_watermarks", metadata,
    sa.Column("source", sa.String(400), primary_key=True),
    sa.Column("read_to", UTC_DT),
    sa.Column("failed_at", UTC_DT),
    sa.Column("error", sa.Text),
)

# Added in 0006: per answer matched to a contact, what the canned-reply check compares later answers with
# (checks.canned.fingerprint), and where the answer belongs; written when the answer is recorded.
answer_fingerprints = sa.Table(
    "answer_fingerprints", metadata,
    sa.Column("response_id", sa.Integer, sa.ForeignKey("responses.id"), primary_key=True),
    sa.Column("target", sa.String(100), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),          # auto | human
    sa.Column("contact_id", sa.Integer, sa.ForeignKey("contacts.id"), nullable=False),
    sa.Column("run_id", sa.String(40), nullable=False),
    sa.Column("journey", sa.Text, nullable=False),             # the journey's name
    sa.Column("question", sa.Text, nullable=False),            # its scenario file (else its name)
    sa.Column("step_key", sa.String(100), nullable=False),     # the step that asked
    sa.Column("arrived_at", UTC_DT, nullable=False),
    sa.Column("shingles", sa.JSON, nullable=False),            # sorted 64-bit hashes of word shingles
    sa.Index("ix_answer_fingerprints_target", "target", "kind", "arrived_at"),
)

# Added in 0009: each alert event for each destination (apprise URL), written before it is sent: it is sent once,
# a failed delivery stays pending and is tried again by the next run or harvest. Never holds a secret: the
# destination is the URL as written in probes.yaml (${VAR} references, not their values) or its name.
alerts_sent = sa.Table(
    "alerts_sent", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("destination", sa.String(400), nullable=False),
    sa.Column("event_key", sa.Text, nullable=False),           # event|problem key|since run[|run]: sent once
    sa.Column("event", sa.String(20), nullable=False),         # new | resolved | reminder | test
    sa.Column("problem_key", sa.Text),
    sa.Column("since_run_id", sa.String(40)),                  # the streak the event is about
    sa.Column("run_id", sa.String(40)),                        # the run whose changes raised it
    sa.Column("run_at", UTC_DT),                               # that run's start: reminders are timed by runs
    sa.Column("problem", sa.JSON),                             # what the message says (history.Problem.as_dict)
    sa.Column("status", sa.String(20), nullable=False),        # pending | sent | dropped
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("error", sa.Text),                               # why the last attempt failed (no secrets)
    sa.Column("created_at", UTC_DT, nullable=False),
    sa.Column("attempted_at", UTC_DT),
    sa.Column("sent_at", UTC_DT),
    sa.Column("sent_run_at", UTC_DT),                          # start of the latest run when it went out
    sa.Column("claimed_at", UTC_DT),                           # a process is sending it now (others leave it)
    sa.Index("ix_alerts_sent_event", "destination", "event_key", unique=True),
    sa.Index("ix_alerts_sent_status", "status"),
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
    # Added in 0010: when `probes prune` deleted the file (retention); the row stays for ever.
    sa.Column("pruned_at", UTC_DT),
)


# Statements a harvest runs for every message, built once (SQLAlchemy then reuses their compiled form).
_CONTACTS_MATCHING = sa.select(contacts).where(sa.or_(
    contacts.c.token.in_(sa.bindparam("tokens", expanding=True)),
    contacts.c.message_id.in_(sa.bindparam("message_ids", expanding=True)),
    contacts.c.reply_address.in_(sa.bindparam("reply_addresses", expanding=True))))


def _sqlite_add_response():
    from sqlalchemy.dialects.sqlite import insert

    # Every column, so that one compiled statement serves every message (absent values are NULL).
    return insert(responses).values({c.name: sa.bindparam(c.name, required=False) for c in responses.c
                                     if c.name != "id"}).on_conflict_do_nothing(
        index_elements=["mailbox", "uidvalidity", "uid"])


_ADD_RESPONSE_SQLITE = _sqlite_add_response()
_RESPONSE_COLUMNS = [c.name for c in responses.c if c.name != "id"]
# The same, for the DB-API's executemany (Ledger.add_responses): positional, every column, ON CONFLICT as above.
_ADD_RESPONSES_SQLITE = (f"INSERT INTO responses ({', '.join(_RESPONSE_COLUMNS)}) "
                         f"VALUES ({', '.join('?' * len(_RESPONSE_COLUMNS))}) "
                         "ON CONFLICT (mailbox, uidvalidity, uid) DO NOTHING")
_CONVERTERS: dict[str, list] = {}


def _response_converters(dialect) -> list:
    """(column, the dialect's bind processor or None) for every column of _ADD_RESPONSES_SQLITE, in order."""
    if (found := _CONVERTERS.get(dialect.name)) is None:
        found = _CONVERTERS[dialect.name] = [(c, responses.c[c].type._cached_bind_processor(dialect))
                                             for c in _RESPONSE_COLUMNS]
    return found


def _group(rows: list[dict]) -> dict[tuple, list[int]]:
    groups: dict[tuple, list[int]] = {}
    for row in rows:
        groups.setdefault((row["mailbox"], row["uidvalidity"]), []).append(row["uid"])
    return groups


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


# Statements built once (Ledger._where, Ledger._update): by table, columns compared and order.
_WHERE: dict[tuple, sa.Select] = {}
_UPDATE_BY_ID: dict[str, sa.Update] = {}
_TEMPLATE_SEEN: dict[tuple, sa.Select] = {}


def _row(r) -> dict[str, Any]:
    return {k: _aware(v) for k, v in r._mapping.items()}


POSTGRES_EXTRA = "pip install 'mystery-shopper[postgres]'"


class LedgerDriverMissing(ProberError):
    """The ledger URL names a database whose Python driver is not installed (a prober error, not bad input:
    the URL is right, the installation lacks a part)."""


def engine_url(url: str) -> str:
    """The URL SQLAlchemy opens for a ledger URL: a PostgreSQL URL without a driver (postgresql://,
    postgres://) uses psycopg 3, the `postgres` extra's driver, rather than SQLAlchemy's default psycopg2.
    LedgerDriverMissing, naming the extra, when psycopg is not installed."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix):]
    if url.startswith("postgresql+psycopg"):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise LedgerDriverMissing(
                "the ledger is a PostgreSQL database, and its driver (psycopg 3) is not installed. "
                f"Run: {POSTGRES_EXTRA}") from None
    return url


class LedgerBusy(ProberError):
    """Another process held the ledger's write lock for longer than the prober waits (a prober error)."""


def _is_lock_error(exc: BaseException) -> bool:
    return isinstance(exc, sa.exc.OperationalError) and bool(
        re.search(r"database is locked|database table is locked|SQLITE_BUSY", str(exc)))


class Ledger:
    """Read and write the ledger. Opening it brings the schema up to date.

    Many prober processes may share one SQLite ledger (runs waiting for answers, harvests, a nightly
    job). Every write transaction takes SQLite's write lock when it begins (BEGIN IMMEDIATE), so two
    processes that read and then write can never deadlock; a lock held by another process is waited
    for, with backoff, for up to ``lock_wait_s`` before LedgerBusy (a ProberError: exit 3). Readers
    never wait (WAL). ``transaction()`` groups several writes into one atomic step.
    """

    def __init__(self, url: str, migrate: bool = True, *, lock_wait_s: float = LOCK_WAIT_S):
        self.url = url
        self.lock_wait_s = lock_wait_s
        # The connection of the transaction() under way in this thread or task, if any.
        self._tx: contextvars.ContextVar[sa.Connection | None] = contextvars.ContextVar(
            f"ledger_tx_{id(self)}", default=None)
        self._eager: contextvars.ContextVar[bool] = contextvars.ContextVar(f"ledger_eager_{id(self)}", default=False)
        connect_args: dict[str, Any] = {}
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        if url.startswith("sqlite"):
            # isolation_level=None: the sqlite3 module emits no BEGIN of its own; _sqlite_begin does.
            connect_args = {"timeout": min(BUSY_TIMEOUT_S, lock_wait_s), "isolation_level": None}
        self.engine = sa.create_engine(engine_url(url), connect_args=connect_args)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", self._sqlite_connect)
            event.listen(self.engine, "begin", self._sqlite_begin)
        if self.engine.dialect.name == "postgresql":
            event.listen(self.engine, "begin", self._postgresql_begin)
        if migrate:
            self._upgrade()

    # --- transactions and the write lock --------------------------------------------------------------
    def _sqlite_connect(self, dbapi_conn, _record) -> None:
        self.retry_locked(lambda: _sqlite_pragmas(dbapi_conn, _record), "opening the ledger")

    def _sqlite_begin(self, conn: sa.Connection) -> None:
        current = self._tx.get()
        if conn.get_execution_options().get("ledger_read") or (current is not None and current is not conn):
            # A read (or a read on a second connection while this task holds the write lock, which
            # must not wait for itself): a snapshot, no lock.
            conn.exec_driver_sql("BEGIN")
            return
        if self._eager.get():
            self.retry_locked(lambda: self._begin_eagerly(conn), "writing to the ledger")
            return
        self.retry_locked(lambda: conn.exec_driver_sql("BEGIN IMMEDIATE"), "writing to the ledger")

    def _postgresql_begin(self, conn: sa.Connection) -> None:
        """PostgreSQL, as SQLite's BEGIN IMMEDIATE: one writing transaction at a time across every process (a
        transaction-level advisory lock), so the ledger's read-then-write steps (claiming alert events, a
        mailbox's position, a contact planned once) mean on PostgreSQL what they mean on SQLite. Reads take no
        lock (a snapshot). Waited for up to lock_wait_s, then LedgerBusy."""
        current = self._tx.get()
        if conn.get_execution_options().get("ledger_read") or (current is not None and current is not conn):
            return
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {max(1, int(self.lock_wait_s * 1000))}")
        try:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        except sa.exc.OperationalError as exc:
            if "lock timeout" not in str(exc):
                raise
            raise self._busy("writing to the ledger") from None

    def _busy(self, doing: str) -> LedgerBusy:
        where = self.url.removeprefix("sqlite:///")
        if "@" in where:   # a database URL's password is not for the screen
            where = re.sub(r"//[^@/]*@", "//", where)
        return LedgerBusy(
            f"the ledger {where} stayed locked by another process for {self.lock_wait_s:.0f} s "
            f"while {doing} (settings.ledger_lock_wait_s); nothing more was recorded. "
            "Not a verdict on the company: run it again when the other process is done "
            "(a run resumes with --run-id)")

    def _begin_eagerly(self, conn: sa.Connection) -> None:
        """BEGIN IMMEDIATE tried every EAGER_POLL_S for up to BUSY_TIMEOUT_S (then the lock error SQLite's own
        wait gives). SQLite's wait sleeps up to 100 ms between tries: behind a stream of other writers, a
        short transaction can miss every gap between them."""
        raw = conn.connection.dbapi_connection
        assert raw is not None   # a checked-out connection always has its DB-API connection
        raw.execute("PRAGMA busy_timeout=0")
        try:
            give_up = time.monotonic() + BUSY_TIMEOUT_S
            while True:
                try:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    return
                except sa.exc.OperationalError as exc:
                    if not _is_lock_error(exc) or time.monotonic() >= give_up:
                        raise
                time.sleep(EAGER_POLL_S)
        finally:
            raw.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")

    def retry_locked(self, attempt: Callable[[], T], doing: str = "using the ledger") -> T:
        """attempt(), again with backoff while SQLite says the database is locked, for up to lock_wait_s;
        then LedgerBusy. Only for something safe to repeat: a read, or the BEGIN of a transaction."""
        deadline = time.monotonic() + self.lock_wait_s
        pause_s = 0.05
        while True:
            try:
                return attempt()
            except sa.exc.OperationalError as exc:
                if not _is_lock_error(exc):
                    raise
                left_s = deadline - time.monotonic()
                if left_s <= 0:
                    raise self._busy(doing) from None
                # Random jitter: processes that collided do not all come back at the same moment.
                time.sleep(min(left_s, pause_s * random.uniform(0.5, 1.5)))
                pause_s = min(pause_s * 2, 1.0)

    @contextlib.contextmanager
    def transaction(self, *, eager: bool = False) -> Iterator[sa.Connection]:
        """Every ledger write inside the block (in this thread or task) commits together, or not at all.

        It holds the write lock from its first statement to its end: keep it short. Nested blocks join
        the outer one. Not for code that awaits while holding it (other tasks would wait for the lock).
        eager: try for the write lock every few ms rather than with SQLite's growing sleeps, ahead of
        other writers (SQLite): for short transactions whose wait counts (an answer being recorded)."""
        if (current := self._tx.get()) is not None:
            yield current
            return
        eager_token = self._eager.set(eager)
        try:
            with self.engine.begin() as conn:
                token = self._tx.set(conn)
                try:
                    yield conn
                finally:
                    self._tx.reset(token)
        finally:
            self._eager.reset(eager_token)

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sa.Connection]:
        if (current := self._tx.get()) is not None:
            yield current   # sees the transaction's own writes
            return
        with self.engine.connect() as conn:
            conn.execution_options(ledger_read=True)
            yield conn

    def _upgrade(self) -> None:
        if self._schema_is_current():
            return   # opening an up-to-date ledger only reads: it never waits for a writer's lock
        # Two processes opening a new ledger at once (a nightly run and a harvest) both try to
        # create the schema; the loser waits and finds it there.
        for attempt in range(6):
            try:
                upgrade(self.engine)
                return
            except sa.exc.OperationalError as exc:
                if attempt == 5 or not re.search(r"already exists|locked|busy", str(exc)):
                    raise
                time.sleep(0.2 * (attempt + 1))

    def _schema_is_current(self) -> bool:
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        newest = set(ScriptDirectory.from_config(alembic_config()).get_heads())

        def current() -> set[str]:
            with self._reading() as conn:
                return set(MigrationContext.configure(conn).get_current_heads())
        return self.retry_locked(current, "reading the ledger") == newest

    def close(self) -> None:
        self.engine.dispose()

    def _insert(self, table: sa.Table, **values) -> Any:
        with self.transaction() as conn:   # the statement as the table caches it, the values as parameters
            return (conn.execute(table.insert(), values).inserted_primary_key or [None])[0]

    def _update(self, table: sa.Table, row_id, **values) -> None:
        if (stmt := _UPDATE_BY_ID.get(table.name)) is None:
            stmt = _UPDATE_BY_ID[table.name] = table.update().where(table.c.id == sa.bindparam("w_row_id"))
        with self.transaction() as conn:   # the columns set are those of the parameters
            conn.execute(stmt, {"w_row_id": row_id, **values})

    # --- writing -------------------------------------------------------------
    def start_run(self, kind: str, evidence_root: Path, config_path: str = "", options: dict | None = None,
                  run_id: str | None = None, location: str = "local") -> str:
        from . import __version__
        from .locations import run_id_suffix
        values = dict(kind=kind, status="running", hostname=socket.gethostname(), prober_version=__version__,
                      config_path=config_path, evidence_root=str(evidence_root), options=options or {},
                      location=location)
        if run_id:
            self._insert(runs, id=run_id, started_at=utcnow(), **values)
            return run_id
        # A new id has 16 random bits per second: two runs started in the same second (a worker farm,
        # a test) can draw the same one, so a taken id is drawn again rather than failing the run.
        for _ in range(8):
            run_id = new_run_id() + run_id_suffix(location)
            with self.transaction() as conn:
                try:
                    with conn.begin_nested():   # a savepoint: the duplicate leaves the transaction usable
                        conn.execute(runs.insert(), dict(id=run_id, started_at=utcnow(), **values))
                    return run_id
                except sa.exc.IntegrityError:
                    continue
        raise ProberError("could not find a free run id in the ledger (eight drawn, all taken)")

    def finish_run(self, run_id: str, status: str) -> None:
        self._update(runs, run_id, status=status, finished_at=utcnow())

    def reopen_run(self, run_id: str) -> None:
        """Resume an earlier run under the same id (its contacts are not made again)."""
        self._update(runs, run_id, status="running", finished_at=None)

    def journey_in_run(self, run_id: str, file: str) -> dict | None:
        """The journey of this scenario file in the run: its latest attempt."""
        rows = self._select(sa.select(journeys).where(journeys.c.run_id == run_id, journeys.c.file == file)
                            .order_by(journeys.c.attempt.desc(), journeys.c.id.desc()).limit(1))
        return rows[0] if rows else None

    def get_journey(self, journey_id: int) -> dict | None:
        return next(iter(self._where(journeys, id=journey_id)), None)

    def step_at(self, journey_id: int, position: int) -> dict | None:
        rows = self._select(sa.select(steps).where(steps.c.journey_id == journey_id, steps.c.position == position)
                            .order_by(steps.c.id.desc()))
        return rows[0] if rows else None

    def contact_for_step(self, step_id: int) -> dict | None:
        return next(iter(self._where(contacts, step_id=step_id)), None)

    def start_journey(self, run_id: str, *, name: str, file: str, target: str, target_name: str,
                      persona: dict, tags: list[str], description: str = "", tuning: dict | None = None,
                      attempt: int = 1, retried_from: int | None = None, retry_reason: str | None = None,
                      location: str = "local") -> int:
        """tuning: the journey's effective check tuning (scenario.effective_tuning); None or {} for none.

        attempt > 1: a re-run of the journey row ``retried_from`` (see Runner: settings.reruns).
        location: where it runs (probes/locations.py)."""
        return self._insert(journeys, run_id=run_id, name=name, file=file, target=target, target_name=target_name,
                            persona=persona, tags=tags, description=description, status="running",
                            started_at=utcnow(), tuning=tuning or None, attempt=attempt,
                            retried_from=retried_from, retry_reason=retry_reason, location=location)

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
                     token: str, idempotency_key: str, message_id: str | None = None,
                     reply_address: str | None = None, identity: str | None = None,
                     location: str = "local") -> int:
        """Record a contact before making it (see module docstring); location: where it is made from."""
        return self._insert(contacts, run_id=run_id, journey_id=journey_id, step_id=step_id, channel=channel,
                            destination=destination, token=token, idempotency_key=idempotency_key,
                            status="planned", planned_at=utcnow(), message_id=message_id,
                            reply_address=reply_address, identity=identity, location=location)

    def mark_contact(self, contact_id: int, status: str, sent_at: dt.datetime | None = None, **values) -> None:
        self._update(contacts, contact_id, status=status, sent_at=sent_at, **values)

    def contact_by_key(self, idempotency_key: str) -> dict | None:
        return next(iter(self._where(contacts, idempotency_key=idempotency_key)), None)

    def get_contact(self, contact_id: int) -> dict | None:
        return next(iter(self._where(contacts, id=contact_id)), None)

    def _where(self, table: sa.Table, *order: sa.ColumnElement, **equals) -> list[dict]:
        if any(value is None for value in equals.values()):   # IS NULL: not a parameter
            plain = sa.select(table).where(*(table.c[column] == value for column, value in equals.items()))
            return self._select(plain.order_by(*(order or (table.c.id,))))
        # Built once per shape and run with parameters: building a statement costs more than running it
        # (a harvest asks these many times per answer).
        key = (table.name, tuple(equals), tuple(str(o) for o in order))
        if (stmt := _WHERE.get(key)) is None:
            stmt = _WHERE[key] = sa.select(table).where(
                *(table.c[column] == sa.bindparam(f"w_{column}") for column in equals)
            ).order_by(*(order or (table.c.id,)))
        return self._select(stmt, {f"w_{column}": value for column, value in equals.items()})

    def contacts_where(self, **equals) -> list[dict]:
        return self._where(contacts, **equals)

    def contacts_matching(self, *, tokens=(), message_ids=(), reply_addresses=()) -> list[dict]:
        """Contacts with any of these tokens, Message-IDs or reply addresses (all indexed columns), by id:
        one query for everything an inbound message could be matched by."""
        tokens = list(dict.fromkeys(tokens))
        ids: set[int] = set()
        for i in range(0, max(1, len(tokens)), 500):   # SQLite's limit on bound parameters
            first = i == 0
            params = {"tokens": tokens[i:i + 500], "message_ids": list(dict.fromkeys(message_ids)) if first else [],
                      "reply_addresses": list(dict.fromkeys(reply_addresses)) if first else []}
            if any(params.values()):
                ids.update(self._matching_ids(params))
        # Most messages (newsletters) match nothing: the rows are read only for what matched.
        return self._select(sa.select(contacts).where(contacts.c.id.in_(sorted(ids))).order_by(contacts.c.id)) \
            if ids else []

    def _matching_ids(self, params: dict[str, list]) -> list[int]:
        if self.engine.dialect.name != "sqlite":
            return [r["id"] for r in self._select(_CONTACTS_MATCHING, params)]
        # SQLite, once per message of a big mailbox: plain SQL costs a fraction of building the statement.
        where = " OR ".join(f"{column} IN ({', '.join('?' * len(values))})"
                            for column, values in (("token", params["tokens"]), ("message_id", params["message_ids"]),
                                                   ("reply_address", params["reply_addresses"])) if values)
        values = tuple(params["tokens"] + params["message_ids"] + params["reply_addresses"])

        def read(conn) -> list[int]:
            return [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM contacts WHERE {where}", values)]
        if self._tx.get() is not None:
            with self._reading() as conn:
                return read(conn)

        def attempt() -> list[int]:
            with self._reading() as conn:
                return read(conn)
        return self.retry_locked(attempt, "reading the ledger")

    def findings_where(self, **equals) -> list[dict]:
        return self._where(findings, **equals)

    # --- awaits and responses (answers that come later) ---------------------
    def add_await(self, *, run_id: str, journey_id: int, step_id: int, contact_id: int, channel: str, kind: str,
                  deadline_text: str, due_at: dt.datetime) -> int:
        return self._insert(awaits, run_id=run_id, journey_id=journey_id, step_id=step_id, contact_id=contact_id,
                            channel=channel, kind=kind, deadline_text=deadline_text, due_at=due_at,
                            status="pending")

    def awaits_where(self, **equals) -> list[dict]:
        return self._where(awaits, **equals)

    def settle_await(self, await_id: int, status: str, *, response_id: int | None = None,
                     elapsed_s: float | None = None, business_s: float | None = None) -> bool:
        """Close a pending await; one already settled is left as it is (harvest is idempotent).

        True if this call settled it: another process may have settled it since it was read."""
        with self.transaction() as conn:
            done = conn.execute(_SETTLE_AWAIT, dict(w_row_id=await_id, status=status, response_id=response_id,
                                                    elapsed_s=elapsed_s, business_s=business_s, settled_at=utcnow()))
            return done.rowcount == 1

    def add_response(self, **values) -> int | None:
        """Record one inbound message; None if this mailbox UID was recorded before (by any process:
        the unique constraint on mailbox, UIDVALIDITY and UID decides, not an earlier read)."""
        with self.transaction() as conn:
            if conn.dialect.name == "sqlite":   # one statement instead of a savepoint's three
                done = conn.execute(_ADD_RESPONSE_SQLITE, {c: None for c in _RESPONSE_COLUMNS} | values)
                return done.lastrowid if done.rowcount == 1 else None
            try:
                with conn.begin_nested():   # a savepoint: the duplicate leaves the transaction usable
                    return (conn.execute(responses.insert().values(**values)).inserted_primary_key or [None])[0]
            except sa.exc.IntegrityError:
                return None

    def add_responses(self, rows: list[dict]) -> list[bool]:
        """Record many inbound messages at once (a harvest's unmatched mail); for each, whether it was new
        (see add_response)."""
        if self.engine.dialect.name != "sqlite":
            return [self.add_response(**row) is not None for row in rows]
        with self.transaction() as conn:
            seen: set[tuple] = set()
            for (mailbox, uidvalidity), uids in _group(rows).items():
                for i in range(0, len(uids), 500):
                    seen.update((mailbox, uidvalidity, uid) for (uid,) in conn.execute(
                        sa.select(responses.c.uid).where(responses.c.mailbox == mailbox,
                                                         responses.c.uidvalidity == uidvalidity,
                                                         responses.c.uid.in_(uids[i:i + 500]))))
            new = [(row["mailbox"], row["uidvalidity"], row["uid"]) not in seen for row in rows]
            fresh = [row for row, n in zip(rows, new, strict=True) if n]
            if fresh:
                # The DB-API's executemany with each value as SQLAlchemy's own types store it (dates as text):
                # a big mailbox's newsletters, thousands of rows a harvest, skip SQLAlchemy's work per row.
                out = _response_converters(conn.dialect)
                conn.exec_driver_sql(_ADD_RESPONSES_SQLITE, [tuple(convert(row.get(name)) if convert else row.get(name)
                                                                   for name, convert in out) for row in fresh])
            return new

    def responses_where(self, **equals) -> list[dict]:
        return self._where(responses, responses.c.arrived_at, responses.c.id, **equals)

    def template_seen_elsewhere(self, template_hash: str, contact_id: int | None, run_id: str | None = None) -> int:
        """How many other contacts (of run_id, when given) got a reply with this body template."""
        key = (run_id is not None, contact_id is not None)
        if (stmt := _TEMPLATE_SEEN.get(key)) is None:   # built once per shape, run with parameters
            stmt = sa.select(sa.func.count(sa.distinct(responses.c.contact_id)).label("n")).where(
                responses.c.template_hash == sa.bindparam("w_template"), responses.c.contact_id.is_not(None))
            if run_id is not None:
                stmt = stmt.where(responses.c.contact_id.in_(
                    sa.select(contacts.c.id).where(contacts.c.run_id == sa.bindparam("w_run_id"))))
            if contact_id is not None:
                stmt = stmt.where(responses.c.contact_id != sa.bindparam("w_contact_id"))
            _TEMPLATE_SEEN[key] = stmt
        return self._select(stmt, dict(w_template=template_hash, w_run_id=run_id, w_contact_id=contact_id))[0]["n"] or 0

    def mailbox_position(self, mailbox: str) -> tuple[int, int] | None:
        rows = self._select(sa.select(mailbox_state).where(mailbox_state.c.mailbox == mailbox))
        return (rows[0]["uidvalidity"], rows[0]["last_uid"]) if rows else None

    def set_mailbox_position(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        """Remember how far a mailbox was read; never backwards (another process may have read further)."""
        with self.transaction() as conn:
            done = conn.execute(mailbox_state.update().where(mailbox_state.c.mailbox == mailbox).values(
                uidvalidity=uidvalidity, harvested_at=utcnow(), last_uid=sa.case(
                    (sa.and_(mailbox_state.c.uidvalidity == uidvalidity, mailbox_state.c.last_uid > last_uid),
                     mailbox_state.c.last_uid), else_=last_uid)))
            if not done.rowcount:
                conn.execute(mailbox_state.insert().values(mailbox=mailbox, uidvalidity=uidvalidity,
                                                           last_uid=last_uid, harvested_at=utcnow()))

    # --- read watermarks (see harvest.close_overdue) ---------------------------
    def watermarks(self, sources: list[str]) -> dict[str, dict]:
        """{source: {read_to, failed_at, error}} for the sources that have a row."""
        rows = self._select(sa.select(read_watermarks).where(read_watermarks.c.source.in_(sources)))
        return {r["source"]: r for r in rows}

    def set_read_watermark(self, source: str, read_to: dt.datetime) -> None:
        """The source was read completely by a read that started at read_to (never moves back)."""
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(read_watermarks.c.read_to)
                               .where(read_watermarks.c.source == source)).first()
            if row is None:
                conn.execute(read_watermarks.insert().values(source=source, read_to=read_to))
            else:
                kept = _aware(row[0])
                conn.execute(read_watermarks.update().where(read_watermarks.c.source == source).values(
                    read_to=max(kept, read_to) if kept else read_to, failed_at=None, error=None))

    def note_read_failure(self, source: str, error: str) -> None:
        """A read of the source failed (its watermark stays where it was)."""
        with self.engine.begin() as conn:
            done = conn.execute(read_watermarks.update().where(read_watermarks.c.source == source).values(
                failed_at=utcnow(), error=error))
            if not done.rowcount:
                conn.execute(read_watermarks.insert().values(source=source, failed_at=utcnow(), error=error))

    def hold_open(self, await_id: int, reason: str) -> None:
        """Say why a pending await whose deadline passed is not closed yet."""
        with self.engine.begin() as conn:
            conn.execute(awaits.update().where(awaits.c.id == await_id, awaits.c.status == "pending")
                         .values(held_open=reason))

    def update_row(self, table_name: str, row_id, **values) -> None:
        self._update(metadata.tables[table_name], row_id, **values)

    def add_finding(self, run_id: str, journey_id: int | None, step_id: int | None, finding,
                    contact_id: int | None = None) -> int:
        return self._insert(findings, run_id=run_id, journey_id=journey_id, step_id=step_id, contact_id=contact_id,
                            check_id=finding.check, severity=finding.severity, title=finding.title,
                            detail=finding.detail, snippet=finding.snippet,
                            snippets=getattr(finding, "snippets", None) or None, created_at=utcnow())

    def add_evidence(self, run_id: str, journey_id: int, step_id: int, kind: str, label: str, path: str,
                     size: int | None) -> int:
        return self._insert(evidence, run_id=run_id, journey_id=journey_id, step_id=step_id, kind=kind,
                            label=label, path=path, bytes=size, created_at=utcnow())

    # --- reading -------------------------------------------------------------
    def _select(self, stmt, params: dict | None = None) -> list[dict[str, Any]]:
        if self._tx.get() is not None:
            with self._reading() as conn:
                return [_row(r) for r in conn.execute(stmt, params)]

        def read() -> list[dict[str, Any]]:
            with self._reading() as conn:
                return [_row(r) for r in conn.execute(stmt, params)]
        return self.retry_locked(read, "reading the ledger")

    def column(self, stmt, params: dict | None = None) -> list[Any]:
        """The first column of a statement's rows, as _select reads them but without a dict per row (for
        statements built once and run with parameters, many times a harvest)."""
        def read() -> list[Any]:
            with self._reading() as conn:
                return [_aware(r[0]) for r in conn.execute(stmt, params)]
        return read() if self._tx.get() is not None else self.retry_locked(read, "reading the ledger")

    def latest_run_id(self) -> str | None:
        rows = self._select(sa.select(runs.c.id).order_by(runs.c.started_at.desc(), runs.c.id.desc()).limit(1))
        return rows[0]["id"] if rows else None

    def has_contacts(self) -> bool:
        """Has any run recorded a contact in this ledger? (A harvest has nothing to match against otherwise.)"""
        return bool(self._select(sa.select(contacts.c.id).limit(1)))

    def get_run(self, run_id: str) -> dict | None:
        return next(iter(self._where(runs, id=run_id)), None)

    def list_runs(self, limit: int = 50) -> list[dict]:
        return self._select(sa.select(runs).order_by(runs.c.started_at.desc()).limit(limit))

    def run_rows(self, run_id: str, parts: tuple[str, ...] | None = None) -> dict[str, list[dict]]:
        """Everything recorded for one run, table by table (only the tables named in parts, when given)."""
        j_ids = sa.select(journeys.c.id).where(journeys.c.run_id == run_id)
        queries = {
            "journeys": sa.select(journeys).where(journeys.c.run_id == run_id).order_by(journeys.c.id),
            "steps": sa.select(steps).where(steps.c.journey_id.in_(j_ids))
                     .order_by(steps.c.journey_id, steps.c.position),
            "contacts": sa.select(contacts).where(contacts.c.run_id == run_id).order_by(contacts.c.id),
            "findings": sa.select(findings).where(findings.c.run_id == run_id).order_by(findings.c.id),
            "evidence": sa.select(evidence).where(evidence.c.run_id == run_id).order_by(evidence.c.id),
            "awaits": sa.select(awaits).where(awaits.c.run_id == run_id).order_by(awaits.c.id),
            "responses": sa.select(responses).where(responses.c.contact_id.in_(
                sa.select(contacts.c.id).where(contacts.c.run_id == run_id))).order_by(responses.c.arrived_at),
        }
        return {name: self._select(stmt) for name, stmt in queries.items() if parts is None or name in parts}

    def contact_count(self, run_id: str) -> int:
        """How many contacts the run has made or planned (one indexed count)."""
        return self._select(_CONTACT_COUNT, {"w_run_id": run_id})[0]["n"]


# Statements a harvest runs for every answer, built once.
_SETTLE_AWAIT = awaits.update().where(awaits.c.id == sa.bindparam("w_row_id"), awaits.c.status == "pending")
_CONTACT_COUNT = sa.select(sa.func.count().label("n")).select_from(contacts).where(
    contacts.c.run_id == sa.bindparam("w_run_id"))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    try:
        # The busy timeout first: switching to WAL needs a moment's lock on a new ledger.
        cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cur.execute("PRAGMA journal_mode=WAL")     # readers (report, harvest) never wait for a writer
        cur.execute("PRAGMA synchronous=FULL")     # a committed row survives power loss
        cur.execute("PRAGMA foreign_keys=ON")
    except Exception as exc:  # noqa: BLE001 - a DBAPI error here is not wrapped by SQLAlchemy yet
        if "locked" in str(exc) or "busy" in str(exc):
            raise sa.exc.OperationalError("PRAGMA", {}, exc) from exc
        raise
    finally:
        cur.close()


def alembic_config(connection=None):
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


# PostgreSQL: the advisory lock a writing transaction holds (Ledger._postgresql_begin), any fixed number.
WRITE_LOCK_KEY = 0x70726F626577
# PostgreSQL: the advisory lock that serialises migrations of one database (any fixed number; "probes" in ASCII).
MIGRATION_LOCK_KEY = 0x70726F626573


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the ledger's schema to ``revision`` (default: newest)."""
    from alembic import command

    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Processes opening a new ledger at once migrate one after the other (the lock ends with this
            # transaction); the next finds the schema there and does nothing. PostgreSQL's DDL is transactional.
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        command.upgrade(alembic_config(conn), revision)


def as_json(value: Any) -> str:
    return json.dumps(value, default=str)
