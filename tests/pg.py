"""A real, throwaway PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster made with initdb
in a temporary folder, listening on a free port on 127.0.0.1 (and a unix socket in that folder), stopped at the
end. The tests never skip without it: they fail with the command that installs it.

PostgreSQL refuses to run as root: when the suite runs as root, initdb and the server run as the `postgres`
user the Debian package creates (else `nobody`), in a folder handed to that user.
"""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

INSTALL = "sudo apt-get install -y postgresql"
# How long pg_ctl waits for the server to start or stop (a busy 2-core machine can be slow).
START_WAIT_S = 120


def find_bin() -> Path | None:
    """The folder with initdb and pg_ctl: Debian keeps them under /usr/lib/postgresql/<major>/bin (newest
    first), other systems on the PATH."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]),
                         reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """One PostgreSQL cluster; ``new_database()`` gives each test an empty database of its own."""

    def __init__(self):
        bin_dir = find_bin()
        if bin_dir is None:
            raise RuntimeError(f"PostgreSQL's initdb and pg_ctl are needed for the PostgreSQL ledger tests "
                               f"(none under /usr/lib/postgresql/*/bin or on the PATH). Run: {INSTALL}")
        self.bin = bin_dir
        # Not pytest's tmp_path: its folders are 0700 root's, which the postgres user cannot enter.
        self.folder = Path(tempfile.mkdtemp(prefix="probes-pg-"))
        self.data = self.folder / "data"
        self.user: str | None = None   # the system user the server runs as (None: this process's)
        if os.geteuid() == 0:
            self.user = _unprivileged_user()
            entry = pwd.getpwnam(self.user)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
        self._names = itertools.count(1)
        self._run([str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                   "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], "initdb")
        self._start()

    def _as_user(self, argv: list[str]) -> list[str]:
        return argv if self.user is None else ["runuser", "-u", self.user, "--", *argv]

    def _run(self, argv: list[str], what: str) -> None:
        done = subprocess.run(self._as_user(argv), capture_output=True, text=True, timeout=START_WAIT_S + 60)
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{what} failed (exit {done.returncode}): {done.stderr.strip()} {tail}")

    def _start(self) -> None:
        # Durability settings off: a test cluster need not survive a power cut, and fsync is slow.
        for attempt in range(5):
            self.port = free_port()
            options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
            try:
                self._run([str(self.bin / "pg_ctl"), "start", "-w", "-t", str(START_WAIT_S), "-D", str(self.data),
                           "-l", str(self.folder / "server.log"), "-o", options], "pg_ctl start")
                return
            except RuntimeError:
                if attempt == 4:   # another process may have taken the free port in between: try another
                    raise

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of a database on this server (psycopg 3)."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """An empty database of its own (fast: a copy of template0); its URL."""
        import psycopg

        name = f"ledger_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database new_database() made (FORCE: connections a test left open are ended)."""
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        try:
            self._run([str(self.bin / "pg_ctl"), "stop", "-w", "-m", "immediate", "-D", str(self.data)],
                      "pg_ctl stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("PostgreSQL refuses to run as root and there is no `postgres` or `nobody` user to run it "
                       f"as. Run: {INSTALL} (it creates the postgres user), or run the tests as another user")
