"""The demo's whole mail world on loopback.

- the shopper's mailbox ``shopper@mystery.example`` on a real Dovecot (IMAP),
  with sub-addressing: mail to ``shopper+<anything>@mystery.example`` lands in it;
- the company's mail desk (``probes.sim.maildesk``) at ``northwind.example``;
- one SMTP relay that the prober sends through, standing in for the internet:
  it hands ``@northwind.example`` recipients to the desk (refusing unknown
  company addresses at RCPT time, as a real MX does) and delivers
  ``@mystery.example`` recipients into the shopper's Maildir.

``identity()`` gives the probes.yaml identity that points at it; the mailbox
password is handed over in an environment variable, as a real one would be.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from .mailserver import ImapServer, SmtpServer
from .maildesk import DOMAIN, MailDesk

SHOPPER_DOMAIN = "mystery.example"
SHOPPER = "shopper"
PASSWORD_VARIABLE = "PROBES_DEMO_MAILBOX_PASSWORD"


def _address(value: str) -> str:
    return value.strip().strip("<>").strip().lower()


class DemoMail:
    """Dovecot for the shopper, the company's mail desk, and the relay between them."""

    def __init__(self, root: Path, *, ack_delay_s: float = 1.0, human_delay_s: float = 4.0, delays=None,
                 imap_port: int = 0, smtp_port: int = 0):
        self.password = secrets.token_urlsafe(12)
        self.imap = ImapServer(Path(root), {SHOPPER: self.password}, port=imap_port)
        self.desk = MailDesk(self.deliver, ack_delay_s=ack_delay_s, human_delay_s=human_delay_s, delays=delays)
        self.relay = SmtpServer(self._route, port=smtp_port, on_rcpt=self._rcpt,
                                server_name="relay.mystery.example")
        self.delivered: list[dict] = []   # every delivery into the shopper's mailbox: {"to", "at"}
        # Every company's desk by its mail domain: Northwind's, and those add_desk() adds (probes.sim.peers).
        self.desks: dict[str, MailDesk] = {DOMAIN: self.desk}

    def add_desk(self, make) -> MailDesk:
        """Add another company's mail desk, made by ``make(deliver)`` (a MailDesk subclass with its own
        ``domain``); the relay routes its domain to it. Added before ``start()``, it starts with the rest; added
        later, the caller starts it (``stop()`` stops it with the rest)."""
        desk = make(self.deliver)
        self.desks[desk.domain] = desk
        return desk

    def start(self) -> "DemoMail":
        self.imap.start()
        for desk in self.desks.values():
            desk.start()
        self.relay.start()
        os.environ[PASSWORD_VARIABLE] = self.password
        return self

    def stop(self) -> None:
        parts: list[SmtpServer | MailDesk | ImapServer] = [self.relay, *self.desks.values(), self.imap]
        for part in parts:
            try:
                part.stop()
            except Exception:  # noqa: BLE001 - stop the others all the same
                pass

    def __enter__(self) -> "DemoMail":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def deliver(self, recipient: str, raw: bytes) -> None:
        """Mail for the shopper (any +suffix) goes into its inbox; anything else is dropped."""
        import time

        local = _address(recipient).split("@", 1)[0].split("+", 1)[0]
        if local == SHOPPER and _address(recipient).endswith("@" + SHOPPER_DOMAIN):
            self.imap.deliver(SHOPPER, raw)
            self.delivered.append({"to": recipient, "at": time.time()})

    def _rcpt(self, address: str) -> str | None:
        address = _address(address)
        if (desk := self._desk_of(address)) is not None:
            return desk.refusal(address)
        if address.endswith("@" + SHOPPER_DOMAIN):
            return None
        return f"550 5.7.1 <{address}>: relay access denied (the demo reaches only its own domains)"

    def _desk_of(self, address: str) -> MailDesk | None:
        return self.desks.get(_address(address).rsplit("@", 1)[-1])

    def _route(self, mail_from: str, rcpt_tos: list[str], raw: bytes) -> str | None:
        for desk in self.desks.values():
            company = [r for r in rcpt_tos if self._desk_of(r) is desk]
            if company and (refused := desk.receive(mail_from, company, raw)):
                return refused
        for r in rcpt_tos:
            if _address(r).endswith("@" + SHOPPER_DOMAIN):
                self.deliver(r, raw)
        return None

    def forward_form(self, message: dict, domain: str = DOMAIN) -> None:
        """A contact-form message, handed to the support desk (of the company at ``domain``) as the website's
        mailer would."""
        from email.message import EmailMessage
        from email.utils import format_datetime, formataddr, make_msgid
        from datetime import datetime, timezone

        fields = message["fields"]
        if not fields.get("email") or message["form"] != "/contact":
            return
        mail = EmailMessage()
        mail["From"] = formataddr((fields.get("name", ""), fields["email"]))  # as the customer wrote it
        mail["To"] = f"support@{domain}"
        mail["Subject"] = f"Contact form: {fields.get('topic') or 'enquiry'} ({message['reference']})"
        mail["Date"] = format_datetime(datetime.now(timezone.utc))
        mail["Message-ID"] = make_msgid(domain=domain)
        mail.set_content(fields.get("message", ""))
        self.desks[domain].receive(fields["email"], [f"support@{domain}"], mail.as_bytes())

    def identity(self) -> dict:
        """The probes.yaml identity (as a dict) for the shopper's mailbox."""
        return {"email": {
            "address": f"{SHOPPER}@{SHOPPER_DOMAIN}",
            "subaddress": True,
            "smtp": {"host": self.relay.host, "port": self.relay.port, "tls": "none"},
            "imap": {"host": self.imap.host, "port": self.imap.port, "tls": "none", "username": SHOPPER,
                     "password": "${" + PASSWORD_VARIABLE + "}"},
        }}
