"""One `probes nightly` per ledger at a time.

An OS lock (``flock``) on a file beside the ledger: the kernel releases it when the holding process ends,
however it ends (a crash, SIGKILL, the OOM killer), so there is never a stale lock to clear by hand. The file
stays; it holds who took the lock last (pid, host, since when, run id), which is what a second start prints.
Keyed on the ledger's location, not the reports folder: two nightlies with different ``--report`` folders
write into one ledger and must not run at once.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

LOCK_SUFFIX = ".nightly.lock"       # beside a SQLite ledger: ledger.sqlite3.nightly.lock
SERVER_LEDGER_LOCK = "nightly.lock"  # beside probes.yaml, for a ledger on a database server
POLL_S = 0.5                        # how often a start told to wait (--lock-wait) tries again


class NightlyBusy(Exception):
    """Another process holds the nightly lock of this ledger (and kept it for as long as we were told to wait)."""

    def __init__(self, path: Path, holder: dict):
        self.path = path
        self.holder = holder
        super().__init__(describe_holder(holder))


def lock_path(config, reports: Path | None, ledger_url: str | None = None) -> Path:
    """The lock file of the ledger a command uses (ledger_url, else the project's, as `execute` opens it):
    beside a SQLite ledger file, else (a ledger on a database server, or a URL that cannot be resolved yet)
    beside probes.yaml."""
    from .yamlsource import InputError

    if not ledger_url and (old := config.old_default_ledger(reports)):
        return old.with_name(old.name + LOCK_SUFFIX)
    try:
        url = ledger_url or config.ledger_url()
    except InputError:   # an unset ${VAR}: the command says so later, after the lock
        url = ""
    prefix = "sqlite:///"
    path = url[len(prefix):].split("?")[0] if url.startswith(prefix) else ""
    if path and not path.startswith((":memory:", "file:")):
        ledger = Path(path).resolve()
        return ledger.with_name(ledger.name + LOCK_SUFFIX)
    return config.base_dir.resolve() / SERVER_LEDGER_LOCK


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
