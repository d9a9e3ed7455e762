"""A real SMTP relay (aiosmtpd) on loopback that misbehaves on cue, for the email fault tests and benchmark.

It answers one stage with a given reply (421 at the greeting, 450 at RCPT TO, 451 after the message …) for
the first `times` connections (or always), or drops the connection after the message without answering;
otherwise it passes the message on to the next hop (the demo's relay, `probes.sim.mailnet.DemoMail`) with
smtplib, as a real relay would, and answers what the next hop answered. Two more habits of real gateways:
`accept_after_s` answers the message's `250` that many seconds after passing it on (a gateway scanning or
archiving under load), and `refuse_copy` refuses the sender's own address as an extra recipient (a server
that refuses the prober's copy_to_self while it accepts the company's address).
"""
from __future__ import annotations

import asyncio
import errno
import smtplib
import socket
import threading
import time
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

# Loopback tests log in without TLS on purpose.
warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")

STAGES = ("greeting", "mail", "rcpt", "data", "drop")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def _message_id(raw: bytes) -> str:
    import email

    return str(email.message_from_bytes(raw).get("Message-ID") or "").strip()


class _Session(SMTP):
    """aiosmtpd's SMTP, with a greeting the relay can replace by a refusal."""

    async def _handle_client(self):
        self.opened_at = time.time()   # the client's connection: the start of its transaction
        reply = self.event_handler.fault("greeting", new_connection=True)
        if reply:
            await self.push(reply)
            self.transport.close()
            return
        await super()._handle_client()


class FaultySmtp:
    """Answers `reply` at `stage` for the first `times` connections (None: always), else relays to next_hop.

    stage: greeting (e.g. "421 4.3.2 Service shutting down"), mail (MAIL FROM), rcpt (RCPT TO of the company's
    address), data (the answer after the message's final dot), or drop (pass the message on, then close the
    connection before answering: the client cannot know it was accepted). With auth (user -> password) the
    client must log in; a wrong password gets aiosmtpd's "535 5.7.8 Authentication credentials invalid".
    """

    def __init__(self, stage: str | None = None, reply: str = "", *, times: int | None = None,
                 next_hop: tuple[str, int] | None = None, auth: dict[str, str] | None = None,
                 accept_after_s: float = 0.0, refuse_copy: str = ""):
        if stage is not None and stage not in STAGES:
            raise ValueError(f"stage must be one of {STAGES}")
        self.stage, self.reply, self.times = stage, reply, times
        self.next_hop, self.auth = next_hop, auth
        self.accept_after_s, self.refuse_copy = accept_after_s, refuse_copy
        # Per message answered: {"message_id", "opened_at", "passed_on_at", "answered_at"} (time.time()).
        self.accepted: list[dict] = []
        self.copies_refused = 0
        self.host, self.port = "127.0.0.1", 0
        self.connections = 0          # SMTP sessions opened (one per attempt of the prober)
        self.faults: list[str] = []   # "stage: reply" for every fault answered
        self.passed_on: list[bytes] = []   # messages handed to the next hop
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    # -- the fault -------------------------------------------------------------------------------

    def fault(self, stage: str, new_connection: bool = False) -> str | None:
        """The reply to give at `stage` in the current connection, or None to behave."""
        with self._lock:
            if new_connection:
                self.connections += 1
            if stage != self.stage or (self.times is not None and self.connections > self.times):
                return None
            self.faults.append(f"{stage}: {self.reply or 'dropped'}")
            return self.reply or "drop"

    # -- aiosmtpd hooks --------------------------------------------------------------------------

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if reply := self.fault("mail"):
            return reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # The copy to the prober's own mailbox is never the one refused at the "rcpt" stage; refuse_copy refuses it.
        if address.startswith("shopper") and self.refuse_copy:
            with self._lock:
                self.copies_refused += 1
            return self.refuse_copy
        if not address.startswith("shopper") and (reply := self.fault("rcpt")):
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if reply := self.fault("data"):
            return reply
        opened_at = getattr(server, "opened_at", time.time())
        answer = await asyncio.get_running_loop().run_in_executor(
            None, self._pass_on, envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
        if self.fault("drop"):
            # Accepted and passed on, and the client never hears it: close before answering.
            server.transport.abort()
        passed_on_at = time.time()
        if self.accept_after_s:
            # Passed on already (answers may be on their way back), and the 250 comes late.
            await asyncio.sleep(self.accept_after_s)
        with self._lock:
            self.accepted.append({"message_id": _message_id(envelope.original_content), "opened_at": opened_at,
                                  "passed_on_at": passed_on_at, "answered_at": time.time()})
        return answer

    def _pass_on(self, mail_from: str, rcpts: list[str], raw: bytes) -> str:
        self.passed_on.append(raw)
        if self.next_hop is None:
            return "250 OK"
        try:
            with smtplib.SMTP(*self.next_hop, timeout=30) as hop:
                hop.sendmail(mail_from, rcpts, raw)
        except smtplib.SMTPRecipientsRefused as exc:
            code, resp = next(iter(exc.recipients.values()))
            return f"{code} {resp.decode('utf-8', 'replace')}"
        except smtplib.SMTPResponseException as exc:
            return f"{exc.smtp_code} {exc.smtp_error.decode('utf-8', 'replace')}"
        return "250 OK"

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword) or self.auth is None:
            return AuthResult(success=False, handled=False)
        expected = self.auth.get(auth_data.login.decode("utf-8", "replace"))
        return AuthResult(success=expected is not None and expected.encode() == auth_data.password, handled=False)

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> FaultySmtp:
        outer = self
        options: dict = {}
        if self.auth is not None:
            options = {"authenticator": self._authenticate, "auth_required": True, "auth_require_tls": False}

        class _Controller(Controller):
            def factory(self):
                return _Session(outer, **self.SMTP_kwargs)

        # Controller(port=0) fails its own readiness check: pick a free port, again if someone takes it.
        for attempt in range(3):
            self.port = free_port(self.host)
            controller = _Controller(self, hostname=self.host, port=self.port, server_hostname="relay.faulty.example",
                                     ready_timeout=10, **options)
            try:
                controller.start()
            except OSError as exc:
                controller.stop(no_assert=True)
                if exc.errno != errno.EADDRINUSE or attempt == 2:
                    raise
                continue
            self._controller = controller
            with self._lock:   # the controller's own readiness check was a connection too: not counted
                self.connections, self.faults[:] = 0, []
            return self
        raise RuntimeError("no free port")

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()

    def __enter__(self) -> FaultySmtp:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
