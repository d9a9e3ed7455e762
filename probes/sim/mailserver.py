"""Real mail servers on loopback: Dovecot for IMAP, aiosmtpd for SMTP.

The email channel is tested against real servers, not mocks, because what
matters (IMAP IDLE, UIDs, exact bytes, SMTP refusals) is exactly what a fake
gets subtly wrong. ``ImapServer`` runs a private Dovecot instance whose
configuration, state, log and Maildirs live under one folder (its sockets in a
short private folder under /tmp), so several can run side by side.
``SmtpServer`` runs aiosmtpd in a thread and hands every accepted message to a
callback. The demo, the tests and the benchmarks all use these two classes.

Dovecot runs as the current user when that is not root. As root it must not
serve mail as uid 0: mail is then owned by ``nobody`` and Dovecot's
authentication process runs as its own ``dovecot`` user, so both must be able
to pass through every folder down to the mail homes, the password file and the
sockets. Adding o+x to the folders above ``root`` is not enough: pytest resets
``/tmp/pytest-of-<user>`` to 0700 whenever another pytest session starts, which
locks a running Dovecot out. So as root those files live, while Dovecot runs,
in a private 0711 folder under /tmp, with ``root/home`` a symlink to it; ``stop()``
moves the mail homes back under ``root``.
"""

from __future__ import annotations

import asyncio
import atexit
import errno
import grp
import hmac
import logging
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiosmtpd.controller import Controller

__all__ = ["DOVECOT_INSTALL", "ImapServer", "SmtpServer", "ensure_dovecot", "find_dovecot"]

DOVECOT_INSTALL = "sudo apt-get install -y dovecot-imapd"

log = logging.getLogger(__name__)

# Where distributions put the binary; /usr/sbin is often not on a normal user's PATH.
_DOVECOT_CANDIDATES = ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot")
START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0
# A UNIX socket path must fit in sun_path (108 bytes); Dovecot's longest socket
# name under base_dir is 26 characters ("token-login/imap-urlauth").
_MAX_BASE_DIR_LEN = 80
_RUNTIME_PARENT = "/tmp"
# Dovecot's default auth_username_chars, minus characters that would be awkward in paths.
_USER_RE = re.compile(r"^[A-Za-z0-9_@-][A-Za-z0-9._@-]*$")
# Maildir++ folder names: plain ASCII, "." is the hierarchy separator, "&" would start mUTF-7.
_FOLDER_RE = re.compile(r"^[A-Za-z0-9 _+-][A-Za-z0-9 ._+-]*$")


# --------------------------------------------------------------------------
# Finding and installing Dovecot


def find_dovecot() -> str | None:
    """Return the path of the ``dovecot`` binary, or None when it is not installed."""
    found = shutil.which("dovecot")
    if found:
        return found
    for candidate in _DOVECOT_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def ensure_dovecot(say: Callable[[str], object] = print) -> str:
    """Return the Dovecot binary, installing Debian's ``dovecot-imapd`` with apt-get when run as root.

    Raises RuntimeError naming the exact install command when Dovecot is
    missing and cannot be installed from here.
    """
    path = find_dovecot()
    if path:
        return path
    if shutil.which("apt-get") and os.geteuid() == 0:
        say("Dovecot not found; installing dovecot-imapd with apt-get …")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "dovecot-imapd"], env=env, check=False)
        path = find_dovecot()
        if path:
            say(f"Dovecot: {path}")
            return path
    raise RuntimeError("Dovecot (the IMAP server the email tests and demo read replies from) "
                       f"is not installed. Install it with:\n    {DOVECOT_INSTALL}")


# --------------------------------------------------------------------------
# Helpers


def _free_port(host: str) -> int:
    """Ask the kernel for a port that is free right now on ``host``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def _group_pids(pgid: int) -> list[int]:
    """Live (non-zombie) processes in process group ``pgid``, from /proc."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path("/proc", entry, "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may contain spaces: split after it.
        fields = stat[stat.rfind(")") + 2:].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            pids.append(int(entry))
    return pids


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# --------------------------------------------------------------------------
# IMAP


class ImapServer:
    """A real Dovecot IMAP server on loopback serving Maildirs under ``root``, for the given users.

    Under ``root``: ``dovecot.conf``, ``dovecot.log`` (Dovecot's own log),
    ``state/``, and one mail home per user in ``home/<user>`` with the Maildir in
    ``home/<user>/Maildir`` (as root, ``home`` is a symlink into the runtime
    folder while Dovecot runs). Sockets and, as root, the password file are in a
    private runtime folder under /tmp, removed by ``stop()``. Plain-text login
    without TLS; the hierarchy separator is ".".
    """

    def __init__(self, root: Path, users: dict[str, str], host: str = "127.0.0.1", port: int = 0,
                 tls: tuple[Path, Path] | None = None) -> None:
        """Prepare a server; nothing runs until ``start()``. Port 0 picks a free port.

        tls: (certificate, key) PEM files: STARTTLS on the IMAP port, and implicit TLS on ``imaps_port``.
        """
        self.tls = tls
        self.imaps_port = 0
        self.root = Path(root).absolute()
        # Dovecot expands %-variables and splits passdb args on spaces.
        if re.search(r'[\s"%\\]', str(self.root)):
            raise ValueError(f"ImapServer root must not contain spaces, quotes, % or backslashes: {self.root}")
        for user, password in users.items():
            if not _USER_RE.match(user):
                raise ValueError(f"unsupported IMAP user name {user!r}")
            if any(c in password for c in ":\r\n") or not password:
                raise ValueError(f"password of {user!r} must be non-empty without ':' or line breaks")
        self.users = dict(users)
        self._host = host
        self._requested_port = port
        self._port = port
        self._proc: subprocess.Popen | None = None
        self._runtime: Path | None = None
        self._passwd: Path | None = None
        self._lock = threading.Lock()
        # Deliveries must not race with the mail homes moving in and out of the runtime folder.
        self._files_lock = threading.RLock()
        self._deliveries = 0
        self._as_root = os.geteuid() == 0
        if self._as_root:
            nobody = pwd.getpwnam("nobody")
            self._mail_uid, self._mail_gid = nobody.pw_uid, nobody.pw_gid
        else:
            self._mail_uid, self._mail_gid = os.getuid(), os.getgid()

    # -- properties ----------------------------------------------------------

    @property
    def host(self) -> str:
        """The address the server listens on."""
        return self._host

    @property
    def port(self) -> int:
        """The IMAP port; the chosen free port once started when 0 was asked for."""
        return self._port

    @property
    def pid(self) -> int | None:
        """The Dovecot master's process id while running (its children share it as process group)."""
        return self._proc.pid if self._proc is not None else None

    @property
    def log_path(self) -> Path:
        """Dovecot's log file."""
        return self.root / "dovecot.log"

    def maildir(self, user: str) -> Path:
        """The Maildir of ``user`` (its INBOX; other folders are ``.Name`` inside it)."""
        if user not in self.users:
            raise KeyError(f"no IMAP user {user!r}")
        return self.root / "home" / user / "Maildir"

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> None:
        """Write the configuration, start Dovecot and wait until it answers IMAP."""
        if self._proc is not None:
            raise RuntimeError("ImapServer is already running")
        binary = find_dovecot()
        if binary is None:
            raise RuntimeError(f"Dovecot is not installed. Install it with:\n    {DOVECOT_INSTALL}")
        try:
            self._prepare_files()
            # A port picked here may be taken before Dovecot binds it: pick again.
            attempts = 3 if self._requested_port == 0 else 1
            for attempt in range(attempts):
                self._port = self._requested_port or _free_port(self._host)
                conf = self._write_config()
                try:
                    self._launch(binary, conf)
                    return
                except _PortTaken:
                    if attempt == attempts - 1:
                        raise RuntimeError(f"Dovecot could not listen on {self._host}:{self._port}: "
                                           "address already in use") from None
        except BaseException:
            self._release_runtime()
            raise

    def stop(self) -> None:
        """Stop Dovecot and every process it started. Safe to call more than once."""
        with self._lock:
            proc, self._proc = self._proc, None
        if proc is None:
            return
        atexit.unregister(self.stop)
        if proc.poll() is None:
            # The whole group at once: after a SIGTERM to the master alone, the master
            # takes ~1 s and imap processes with a client connected linger ~10 s more.
            self._signal_group(proc.pid, signal.SIGTERM)
            try:
                proc.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                self._kill_group(proc.pid)
                proc.wait()
        self._reap_group(proc.pid)
        self._release_runtime()

    def __enter__(self) -> "ImapServer":
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- mail ------------------------------------------------------------------

    def create_folder(self, user: str, folder: str) -> None:
        """Create ``folder`` (e.g. "Sent") for ``user``, as a Maildir++ ``.Sent`` folder."""
        with self._files_lock:
            self._ensure_maildir(self._folder_dir(user, folder))

    def deliver(self, user: str, raw: bytes, folder: str = "INBOX") -> Path:
        """Deliver ``raw`` into ``user``'s ``folder`` the way an MTA does; return the file's path.

        Written to ``tmp/`` first and renamed into ``new/``, so Dovecot never
        sees half a message; the rename is what wakes IMAP IDLE clients.
        The bytes are stored as given (use CRLF line ends to have IMAP serve
        them unchanged).
        """
        box = self._folder_dir(user, folder)
        with self._files_lock:
            self._ensure_maildir(box)
            return self._write_message(box, raw)

    def _write_message(self, box: Path, raw: bytes) -> Path:
        with self._lock:
            self._deliveries += 1
            count = self._deliveries
        now = time.time()
        seconds = int(now)
        micros = int((now - seconds) * 1_000_000)
        hostname = socket.gethostname().replace("/", "\\057").replace(":", "\\072")
        # Maildir's unique name; S= lets Dovecot know the size without reading the file.
        name = f"{seconds}.M{micros}P{os.getpid()}Q{count}.{hostname},S={len(raw)}"
        tmp = box / "tmp" / name
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
        if self._as_root:
            os.chown(tmp, self._mail_uid, self._mail_gid)
        final = box / "new" / name
        os.rename(tmp, final)
        return final

    # -- internals -------------------------------------------------------------

    def _folder_dir(self, user: str, folder: str) -> Path:
        maildir = self.maildir(user)
        if folder.upper() == "INBOX":
            return maildir
        if not _FOLDER_RE.match(folder) or ".." in folder or folder.endswith("."):
            raise ValueError(f"unsupported folder name {folder!r} (ASCII, '.' separates levels)")
        return maildir / f".{folder}"

    def _makedir(self, path: Path, mode: int) -> None:
        """Create one folder owned by the mail user (a no-op when it exists)."""
        try:
            os.mkdir(path, mode)
        except FileExistsError:
            return
        if self._as_root:
            os.chown(path, self._mail_uid, self._mail_gid)

    def _ensure_maildir(self, box: Path) -> None:
        home = box.parent if box.name == "Maildir" else box.parent.parent
        for path in (home, home / "Maildir", box):
            self._makedir(path, 0o700)
        for sub in ("cur", "new", "tmp"):
            self._makedir(box / sub, 0o700)

    def _prepare_files(self) -> None:
        with self._files_lock:
            self._prepare_files_locked()

    def _prepare_files_locked(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "state").mkdir(exist_ok=True)
        home = self.root / "home"
        self._release_runtime()  # a previous run that crashed before stop()
        runtime_parent = _RUNTIME_PARENT if os.path.isdir(_RUNTIME_PARENT) else None
        self._runtime = Path(tempfile.mkdtemp(prefix="dovecot-sim-", dir=runtime_parent))
        if len(str(self._runtime / "run")) > _MAX_BASE_DIR_LEN:
            raise RuntimeError(f"temporary folder path too long for Dovecot's sockets: {self._runtime}")
        (self._runtime / "run").mkdir()
        if self._as_root:
            # Unprivileged Dovecot processes pass through; they cannot list it.
            os.chmod(self._runtime, 0o711)
            shared = self._runtime / "home"
            if home.is_dir():
                shutil.move(str(home), str(shared))
            else:
                shared.mkdir()
            os.chmod(shared, 0o755)
            home.symlink_to(shared, target_is_directory=True)
            passwd = self._runtime / "passwd"
        else:
            home.mkdir(exist_ok=True)
            passwd = self.root / "passwd"
        passwd.write_text("".join(f"{user}:{{PLAIN}}{password}\n" for user, password in self.users.items()))
        # Readable by Dovecot's auth process, which runs as its own user; test passwords only.
        passwd.chmod(0o644)
        self._passwd = passwd
        for user in self.users:
            self._ensure_maildir(self.maildir(user))
        if self._as_root:
            # Homes moved across file systems come back owned by root.
            for user_home in (home / ".").iterdir():
                for folder, _, files in os.walk(user_home):
                    os.chown(folder, self._mail_uid, self._mail_gid)
                    for name in files:
                        os.chown(os.path.join(folder, name), self._mail_uid, self._mail_gid)

    def _release_runtime(self) -> None:
        """Move the mail homes back under ``root`` and delete the runtime folder."""
        with self._files_lock:
            home = self.root / "home"
            if home.is_symlink():
                target = home.resolve()
                home.unlink()
                if target.is_dir():
                    shutil.move(str(target), str(home))
            if self._runtime is not None:
                shutil.rmtree(self._runtime, ignore_errors=True)
                self._runtime = None

    def _write_config(self) -> Path:
        if self._as_root:
            # Dovecot's packaged defaults: auth as "dovecot", login as "dovenull", chroots allowed.
            identity = ""
            chroot = ""
        else:
            try:
                user = pwd.getpwuid(os.getuid()).pw_name
                group = grp.getgrgid(os.getgid()).gr_name
            except KeyError as exc:
                raise RuntimeError("Dovecot needs the current uid and gid to have names "
                                   f"in /etc/passwd and /etc/group: {exc}") from None
            # Unprivileged: every process runs as us, and chroot() is not allowed.
            identity = (f"default_internal_user = {user}\ndefault_internal_group = {group}\n"
                        f"default_login_user = {user}\n")
            chroot = "  chroot =\n"
        root = self.root
        runtime = self._runtime
        assert runtime is not None  # _prepare_files() made it just before
        if self.tls:
            # STARTTLS on the imap port, implicit TLS on the imaps one.
            self.imaps_port = self.imaps_port or _free_port(self._host)
            ssl = f"ssl = yes\nssl_cert = <{Path(self.tls[0]).absolute()}\nssl_key = <{Path(self.tls[1]).absolute()}"
        else:
            ssl = "ssl = no"
        conf = root / "dovecot.conf"
        conf.write_text(f"""# Written by probes.sim.mailserver for a private, loopback-only Dovecot.
protocols = imap
listen = {self._host}
base_dir = {runtime / "run"}
state_dir = {root / "state"}
instance_name = dovecot-sim-{self._port}
log_path = {self.log_path}
{identity}{ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
# Tests try wrong passwords on purpose; the default 2 s penalty only slows them.
auth_failure_delay = 0
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self._passwd}
}}
userdb {{
  driver = static
  args = uid={self._mail_uid} gid={self._mail_gid} home={(root / "home").resolve()}/%u
}}
namespace inbox {{
  inbox = yes
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
protocol imap {{
  # Benchmarks open many sessions per user from one address.
  mail_max_userip_connections = 200
}}
service anvil {{
{chroot}}}
service imap-login {{
{chroot}  inet_listener imap {{
    address = {self._host}
    port = {self._port}
  }}
  inet_listener imaps {{
    address = {self._host}
    port = {self.imaps_port}
    ssl = yes
  }}
}}
""")
        return conf

    def _launch(self, binary: str, conf: Path) -> None:
        output_path = self.root / "dovecot.out"
        with open(output_path, "wb") as output:
            # Own session: Ctrl-C in a terminal does not reach it, and its
            # children share one process group that stop() can check.
            proc = subprocess.Popen([binary, "-F", "-c", str(conf)], stdin=subprocess.DEVNULL,
                                    stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                details = self._startup_output(output_path)
                self._reap_group(proc.pid)
                if "Address already in use" in details:
                    raise _PortTaken()
                raise RuntimeError(f"Dovecot exited with code {proc.returncode} while starting:\n{details}")
            if self._answers_imap():
                break
            if time.monotonic() > deadline:
                self._kill_group(proc.pid)
                proc.wait()
                raise RuntimeError(f"Dovecot did not accept IMAP connections on {self._host}:{self._port} "
                                   f"within {START_TIMEOUT_S:g} s:\n{self._startup_output(output_path)}")
            time.sleep(0.02)
        with self._lock:
            self._proc = proc
        # A test or demo that crashes past its finally-blocks must not leave Dovecot running.
        atexit.register(self.stop)

    def _answers_imap(self) -> bool:
        try:
            with socket.create_connection((self._host, self._port), timeout=1) as conn:
                ready = conn.recv(64).startswith(b"* OK")
                if ready:
                    conn.sendall(b"a LOGOUT\r\n")  # a clean goodbye keeps dovecot.log quiet
                return ready
        except OSError:
            return False

    def _startup_output(self, output_path: Path) -> str:
        parts = [_tail(output_path), _tail(self.log_path)]
        return "\n".join(part for part in parts if part) or "(no output)"

    @staticmethod
    def _signal_group(pgid: int, signum: int) -> None:
        try:
            os.killpg(pgid, signum)
        except (ProcessLookupError, PermissionError):
            pass

    def _kill_group(self, pgid: int) -> None:
        self._signal_group(pgid, signal.SIGKILL)

    def _reap_group(self, pgid: int) -> None:
        """Wait briefly for the master's children to go; kill any that outlive it."""
        if not os.path.isdir("/proc"):
            return
        deadline = time.monotonic() + 2
        while _group_pids(pgid):
            if time.monotonic() > deadline:
                self._kill_group(pgid)
                break
            time.sleep(0.02)


class _PortTaken(Exception):
    """Dovecot could not bind its port (someone took it after we picked it)."""


# --------------------------------------------------------------------------
# SMTP


class _SmtpHandler:
    """aiosmtpd handler that defers every decision to the SmtpServer's callbacks."""

    def __init__(self, owner: "SmtpServer") -> None:
        self.owner = owner

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.owner.on_rcpt is not None:
            refusal = await self._call(self.owner.on_rcpt, address)
            if refusal:
                return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        reply = await self._call(self.owner.on_message, envelope.mail_from, list(envelope.rcpt_tos),
                                 envelope.original_content)
        return reply or "250 OK"

    @staticmethod
    async def _call(callback, *args) -> str | None:
        # In a worker thread: a slow callback must not stall other SMTP sessions.
        try:
            reply = await asyncio.get_running_loop().run_in_executor(None, callback, *args)
        except Exception:
            log.exception("SMTP callback failed")
            return "451 4.3.0 Local error in processing"
        if reply and not re.match(r"^[245]\d\d[ -]", reply):
            log.error("SMTP callback returned %r, which is not an SMTP reply", reply)
            return "451 4.3.0 Local error in processing"
        return reply


class SmtpServer:
    """A real SMTP server (aiosmtpd) on loopback that hands every accepted message to ``on_message``.

    ``on_message(mail_from, rcpt_tos, raw_bytes)`` returns None to accept the
    message with "250 OK", or an SMTP reply such as
    ``"550 5.1.1 mailbox unavailable"`` to refuse it after DATA. The optional
    ``on_rcpt(address)`` does the same for each ``RCPT TO``, which is where a
    real server refuses an unknown mailbox. With ``auth`` (username to
    password) clients must log in (AUTH PLAIN or LOGIN, no TLS: loopback only).
    """

    def __init__(self, on_message: Callable[[str, list[str], bytes], str | None], host: str = "127.0.0.1",
                 port: int = 0, auth: dict[str, str] | None = None, *,
                 on_rcpt: Callable[[str], str | None] | None = None, server_name: str = "localhost",
                 tls: tuple[Path, Path] | None = None, implicit_tls: bool = False) -> None:
        """Prepare a server; nothing listens until ``start()``. Port 0 picks a free port.

        tls: (certificate, key) PEM files. With implicit_tls the connection is TLS from the start
        (SMTPS); otherwise the server offers STARTTLS and refuses mail until the client uses it.
        """
        self.tls = tls
        self.implicit_tls = implicit_tls
        self.on_message = on_message
        self.on_rcpt = on_rcpt
        self.auth = dict(auth) if auth is not None else None
        self.server_name = server_name
        self._host = host
        self._requested_port = port
        self._port = port
        self._controller: Controller | None = None
        self._lock = threading.Lock()

    @property
    def host(self) -> str:
        """The address the server listens on."""
        return self._host

    @property
    def port(self) -> int:
        """The SMTP port; the chosen free port once started when 0 was asked for."""
        return self._port

    def start(self) -> None:
        """Start listening in a background thread."""
        from aiosmtpd.controller import Controller

        with self._lock:
            if self._controller is not None:
                raise RuntimeError("SmtpServer is already running")
            options: dict = {}
            if self.auth is not None:
                options = {"authenticator": self._authenticate, "auth_required": True,
                           "auth_require_tls": False}
            if self.tls:
                import ssl

                context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
                context.load_cert_chain(str(self.tls[0]), str(self.tls[1]))
                if self.implicit_tls:
                    options["ssl_context"] = context
                else:
                    options.update(tls_context=context, require_starttls=True)
            # Controller(port=0) fails its own readiness check, so pick the port
            # here, and pick again if someone takes it first.
            attempts = 3 if self._requested_port == 0 else 1
            for attempt in range(attempts):
                self._port = self._requested_port or _free_port(self._host)
                # server_hostname also avoids a slow getfqdn() lookup on closed networks.
                controller = Controller(_SmtpHandler(self), hostname=self._host, port=self._port,
                                        server_hostname=self.server_name, ready_timeout=5, **options)
                try:
                    controller.start()
                except OSError as exc:
                    controller.stop(no_assert=True)
                    if exc.errno != errno.EADDRINUSE or attempt == attempts - 1:
                        raise
                    continue
                self._controller = controller
                return

    def stop(self) -> None:
        """Stop listening. Safe to call more than once."""
        with self._lock:
            controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def __enter__(self) -> "SmtpServer":
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult, LoginPassword

        if not isinstance(auth_data, LoginPassword) or self.auth is None:
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8", "replace")
        expected = self.auth.get(login)
        ok = expected is not None and hmac.compare_digest(expected.encode("utf-8"), auth_data.password)
        return AuthResult(success=ok, handled=False)
