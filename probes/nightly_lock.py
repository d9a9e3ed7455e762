"""One `probes nightly` per ledger at a time.

An OS lock (``flock``) on a file beside the ledger: the kernel releases it when the holding process ends,
however it ends (a crash, SIGKILL, the OOM killer), so there is never a stale lock to clear by hand. The file
stays; it holds who took the lock last (pid, host, since when, run id), which is what a second start prints.
Keyed on the ledger's location, not the reports folder: two nightlies with different ``--report`` folders
write into one ledger and must not run at once.

A file lock guards one machine only. On a ledger in PostgreSQL, shared by machines, `probes nightly` also takes
a session advisory lock in that database (server_nightly_lock), held by a connection of its own: the server
releases it when that connection ends, however the process ends. Both are per location (probes/locations.py):
two machines at two locations run their nightlies side by side; two at one location never do.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

LOCK_SUFFIX = ".nightly.lock"       # beside a SQLite ledger: ledger.sqlite3.nightly.lock
SERVER_LEDGER_LOCK = "nightly.lock"  # beside probes.yaml, for a ledger on a database server
POLL_S = 0.5                        # how often a start told to wait (--lock-wait) tries again
# PostgreSQL: the first of the two int4 keys of the nightly advisory lock ("nigh" in ASCII); the second is the
# location's. Two-key advisory locks never collide with the ledger's one-key locks (ledger.WRITE_LOCK_KEY).
NIGHTLY_LOCK_CLASS = 0x6E696768
APP_NAME_PREFIX = "probes nightly "   # the lock's connection says who holds it in pg_stat_activity


class NightlyBusy(Exception):
    """Another process holds the nightly lock of this ledger (and kept it for as long as we were told to wait).
    path: the lock file, or None for the advisory lock in a PostgreSQL ledger."""

    def __init__(self, path: Path | None, holder: dict):
        self.path = path
        self.holder = holder
        super().__init__(describe_holder(holder))


def lock_path(config, reports: Path | None, ledger_url: str | None = None, location: str = "local") -> Path:
    """The lock file of the ledger a command uses (ledger_url, else the project's, as `execute` opens it):
    beside a SQLite ledger file, else (a ledger on a database server, or a URL that cannot be resolved yet)
    beside probes.yaml. At another location than the default, its name ends with the location's
    (ledger.sqlite3.nightly-frankfurt.lock), so nightlies of different locations do not wait for each other."""
    from .locations import run_id_suffix

    if not ledger_url and (old := config.old_default_ledger(reports)):
        path = old.with_name(old.name + LOCK_SUFFIX)
    elif (url := _ledger_url(config, ledger_url)).startswith("sqlite:///") and \
            not (file := url[len("sqlite:///"):].split("?")[0]).startswith((":memory:", "file:")) and file:
        ledger = Path(file).resolve()
        path = ledger.with_name(ledger.name + LOCK_SUFFIX)
    else:
        path = config.base_dir.resolve() / SERVER_LEDGER_LOCK
    suffix = run_id_suffix(location)
    return path.with_name(path.name.replace(".lock", f"{suffix}.lock")) if suffix else path


def _ledger_url(config, ledger_url: str | None) -> str:
    from .yamlsource import InputError

    try:
        return ledger_url or config.ledger_url()
    except InputError:   # an unset ${VAR}: the command says so later, after the lock
        return ""


def server_ledger_url(config, reports: Path | None, ledger_url: str | None = None) -> str | None:
    """The ledger's URL when it is a PostgreSQL database (whose nightly lock is server_nightly_lock), else None."""
    if not ledger_url and config.old_default_ledger(reports):
        return None
    url = _ledger_url(config, ledger_url)
    return url if url.startswith(("postgresql", "postgres:")) else None


def describe_holder(holder: dict) -> str:
    """'pid 123 on host web1 since 2026-12-02 02:30:04 UTC, run nightly-20261202' (what the lock file says)."""
    if not holder.get("pid"):
        return "a process that has not said who it is yet"
    text = f"pid {holder['pid']} on host {holder.get('host', '?')} since {holder.get('since', '?')}"
    return text + (f", run {holder['run_id']}" if holder.get("run_id") else "")


def _read_holder(fd: int) -> dict:
    try:
        data = json.loads(os.pread(fd, 4096, 0).decode() or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


@contextmanager
def nightly_lock(path: Path, *, wait_s: float = 0.0, run_id: str | None = None) -> Iterator[dict]:
    """Hold the nightly lock at path for the with-block; yields what it wrote into the file.

    wait_s: how long to keep trying while another process holds it (0: one try); then NightlyBusy, naming
    the holder. The descriptor is not inherited by child processes (Chromium, Playwright's driver), so a
    prober killed while its browser lives on does not keep the lock.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                left_s = deadline - time.monotonic()
                if left_s <= 0:
                    raise NightlyBusy(path, _read_holder(fd)) from None
                time.sleep(min(POLL_S, left_s))
        since = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        holder = {"pid": os.getpid(), "host": socket.gethostname(), "since": since, "run_id": run_id}
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(holder) + "\n").encode(), 0)
        yield holder
    finally:
        os.close(fd)   # releases the lock; the file (and who held it last) stays for the next start


def _location_key(location: str) -> int:
    return zlib.crc32(location.encode()) & 0x7FFFFFFF   # a positive int4, as pg_locks.objid shows it


@contextmanager
def server_nightly_lock(url: str, location: str, *, wait_s: float = 0.0) -> Iterator[dict]:
    """Hold the nightly advisory lock of a PostgreSQL ledger, for this location, for the with-block.

    wait_s as nightly_lock; then NightlyBusy naming the holder (its pid and host, from the application name
    its lock connection gives the server, and since when it holds it). The lock lives as long as the
    connection: a process that dies loses it as soon as the server sees the connection go.
    """
    import sqlalchemy as sa

    from .ledger import engine_url

    holder = {"pid": os.getpid(), "host": socket.gethostname(),
              "since": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")}
    # PostgreSQL keeps 63 bytes of an application name: the pid first, so a long host name is what is cut.
    app_name = f"{APP_NAME_PREFIX}{holder['pid']} {holder['host']}".encode()[:63].decode(errors="ignore")
    engine = sa.create_engine(engine_url(url), poolclass=sa.pool.NullPool,
                              connect_args={"application_name": app_name})
    key = {"cls": NIGHTLY_LOCK_CLASS, "loc": _location_key(location)}
    try:
        # AUTOCOMMIT: a session lock needs no transaction, and an hours-long idle transaction would hold back
        # the database's clean-up (and may be ended by idle_in_transaction_session_timeout).
        conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            deadline = time.monotonic() + wait_s
            while not conn.execute(sa.text(
                    "SELECT pg_try_advisory_lock(CAST(:cls AS integer), CAST(:loc AS integer))"), key).scalar():
                left_s = deadline - time.monotonic()
                if left_s <= 0:
                    raise NightlyBusy(None, _server_holder(conn, key))
                time.sleep(min(POLL_S, left_s))
            yield holder
        finally:
            conn.close()   # ends the session: the server releases the lock
    finally:
        engine.dispose()


def _server_holder(conn, key: dict) -> dict:
    """Who holds the advisory lock, as the server sees it: {pid, host, since} from its lock connection."""
    import sqlalchemy as sa

    row = conn.execute(sa.text(
        "SELECT a.application_name, a.backend_start, a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.classid::bigint = CAST(:cls AS bigint) "
        "AND l.objid::bigint = CAST(:loc AS bigint) AND l.objsubid = 2 AND l.granted"),
        key).first()
    if row is None:
        return {}
    name, started, backend = row
    holder: dict = {"since": started.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC") if started else "?"}
    if name and name.startswith(APP_NAME_PREFIX) and len(parts := name[len(APP_NAME_PREFIX):].split(" ", 1)) == 2:
        holder.update(pid=parts[0], host=parts[1])
    else:   # not a prober's connection, or one the server does not let us see: its server-side pid
        holder.update(pid=f"? (database backend {backend})", host="?")
    return holder
