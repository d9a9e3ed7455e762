"""A TCP proxy on loopback between the prober and Dovecot that a test can cut or take down.

Real IMAP servers (and the NAT boxes in front of them) drop idle connections every few minutes;
Dovecot on loopback never does, so the tests put this in between: ``cut()`` closes every connection
under way (the prober sees its socket close mid-IDLE or mid-read), ``down()`` makes new connections
close at once (a server that does not answer), ``up()`` lets them through again. ``wait_for(b"IDLE")``
waits until the prober has sent those bytes, so a test cuts at a known moment, not after a sleep.
"""
from __future__ import annotations

import socket
import threading


class CuttableProxy:
    """Forwards 127.0.0.1:<port> to (host, port) byte for byte, and records what clients send."""

    def __init__(self, host: str, port: int):
        self.upstream = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.is_up = True
        self.connections = 0          # connections let through so far
        self.sent = bytearray()       # everything clients sent, in order
        self.received = bytearray()   # everything the server sent them, in order
        self._open: list[socket.socket] = []
        self._lock = threading.Condition()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.is_up:
                client.close()   # down: the connection closes before the server's greeting
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=10)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self.connections += 1
                self._open += [client, server]
                self._lock.notify_all()
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, from_client: bool) -> None:
        try:
            while data := src.recv(65536):
                with self._lock:
                    (self.sent if from_client else self.received).extend(data)
                    self._lock.notify_all()
                self._hold(from_client)
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def _hold(self, from_client: bool) -> None:
        """Called before each chunk is passed on; a subclass may keep it back here (default: never)."""

    def wait_for(self, pattern: bytes, timeout_s: float = 120.0, after: int = 0) -> int:
        """Wait until clients have sent pattern (at or after offset `after` of `sent`); returns the
        offset just past it. Raises TimeoutError."""
        with self._lock:
            if not self._lock.wait_for(lambda: self.sent.find(pattern, after) >= 0, timeout=timeout_s):
                raise TimeoutError(f"the prober never sent {pattern!r} through the proxy")
            return self.sent.find(pattern, after) + len(pattern)

    def wait_for_reply(self, pattern: bytes, timeout_s: float = 120.0, after: int = 0) -> int:
        """wait_for, for what the server sent (e.g. b"+ idling": the server is in IDLE now)."""
        with self._lock:
            if not self._lock.wait_for(lambda: self.received.find(pattern, after) >= 0, timeout=timeout_s):
                raise TimeoutError(f"the server never sent {pattern!r} through the proxy")
            return self.received.find(pattern, after) + len(pattern)

    def cut(self) -> None:
        """Close every connection under way, as a server dropping idle connections does."""
        with self._lock:
            doomed, self._open = self._open, []
        for s in doomed:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def down(self) -> None:
        """Cut every connection and close new ones at once, until up()."""
        self.is_up = False
        self.cut()

    def up(self) -> None:
        self.is_up = True

    def close(self) -> None:
        self._closed = True
        self.down()
        try:
            self.listener.shutdown(socket.SHUT_RDWR)   # wakes the accepting thread (Linux)
        except OSError:
            pass
        self.listener.close()

    def __enter__(self) -> "CuttableProxy":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --- a project whose mailbox is read through the proxy (tests and tests/benchmarks/faults/mailread.py) ---

QUESTION = """\
name: {name}
persona: {{name: Jane Doe}}
target: demo
steps:
  - id: question
    channel: email
    to: returns@northwind.example
    subject: Where is my refund ({name})?
    body: Hello, where is my refund? Jane
    expect: {{human_within: {within}}}
"""


def mail_project(folder, mail, imap_port: int, journeys: dict[str, str], reconnect_within_s: float | None = None,
                 poll_s: float | None = None) -> dict:
    """probes.yaml (the demo mail world, IMAP on imap_port) and one scenario per {file stem: deadline},
    each an email to the address that never answers. Returns the environment the CLI needs.
    poll_s: the identity's poll_s (0: `run --wait` waits in IDLE from the start)."""
    from probes.sim.mailnet import PASSWORD_VARIABLE

    ident = mail.identity()["email"]
    reconnect = f"\n      reconnect_within_s: {reconnect_within_s}" if reconnect_within_s is not None else ""
    if poll_s is not None:
        reconnect += f"\n      poll_s: {poll_s}"
    (folder / "probes.yaml").write_text(f"""
targets:
  demo:
    name: Demo
    endpoints: {{support_email: returns@northwind.example}}
    allowlist: ["@northwind.example"]
    auto_reply_within_s: 0
identities:
  shopper:
    email:
      address: {ident['address']}{reconnect}
      smtp: {{host: 127.0.0.1, port: {ident['smtp']['port']}, tls: none}}
      imap: {{host: 127.0.0.1, port: {imap_port}, tls: none, username: shopper, password: "${{{PASSWORD_VARIABLE}}}"}}
""", encoding="utf-8")
    for stem, within in journeys.items():
        (folder / f"{stem}.yaml").write_text(QUESTION.format(name=stem, within=within), encoding="utf-8")
    return {PASSWORD_VARIABLE: mail.password}


def answer(to: str, body: str = "Hello Jane,\nyour refund was paid today.\nPriya") -> bytes:
    """A person's answer from the company, as it lands in the prober's mailbox."""
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    from probes.results import utcnow

    msg = EmailMessage()
    msg["From"] = "Priya <priya@northwind.example>"
    msg["To"] = to
    msg["Subject"] = "Re: your refund"
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = make_msgid(domain="northwind.example")
    msg.set_content(body)
    return msg.as_bytes()


def sent_contacts(ledger_path, count: int, timeout_s: float = 120.0) -> list[dict]:
    """The run's contacts once `count` of them are sent, read from the ledger while the run goes on."""
    import time

    from probes.ledger import Ledger

    give_up = time.monotonic() + timeout_s
    while time.monotonic() < give_up:
        try:
            reader = Ledger(f"sqlite:///{ledger_path}", migrate=False)
            try:
                sent = [c for c in reader.contacts_where(status="sent")]
            finally:
                reader.close()
            if len(sent) >= count:
                return sent
        except Exception:  # noqa: BLE001 - the run has not created its ledger yet
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{count} contact(s) were not sent within {timeout_s} s")
