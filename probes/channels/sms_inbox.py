"""The SMS channel's inbound source: the messages sent to a prober's Twilio number (SMS and WhatsApp).

It lists what was sent to the number since the last read and hands each inbound message to the
answers pipeline as an ``Inbound``. Twilio's ``date_sent`` has one-second resolution, like IMAP's
INTERNALDATE, and is handled the same way (``answers.inbound.arrival``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..answers.inbound import Inbound, MailboxError
from ..config import Config, PhoneIdentity
from ..results import utcnow


@dataclass
class TextBox:
    """A Twilio number read like a mailbox: the key names it in the ledger, uidvalidity is always 0."""

    phone: PhoneIdentity
    uidvalidity: int = 0

    @property
    def key(self) -> str:
        return f"sms:{self.phone.number}"

    def list_inbound(self, since: dt.datetime | None) -> list:
        """The inbound messages (Twilio message records) sent to the number since then, oldest first.

        Raises MailboxError when Twilio cannot be asked."""
        import requests
        from twilio.base.exceptions import TwilioException

        client = self.phone.client()
        try:
            messages = [m for to in (self.phone.number, f"whatsapp:{self.phone.number}")
                        for m in client.messages.list(to=to, date_sent_after=since, page_size=200)]
        except (TwilioException, requests.RequestException) as exc:
            raise MailboxError(f"messages to {self.phone.number}: {exc}") from None
        return [m for m in sorted(messages, key=lambda m: (m.date_sent or m.date_created, m.sid))
                if (m.direction or "").startswith("inbound")]

    def inbound(self, m, observed: dt.datetime | None = None) -> Inbound:
        """One Twilio message record as the answers pipeline takes it."""
        observed = observed or utcnow()
        internal = m.date_sent or m.date_created
        body = m.body or ""
        raw = (f"From: {m.from_}\nTo: {m.to}\nDate sent: {internal.isoformat() if internal else '?'}\n"
               f"Message SID: {m.sid}\n\n{body}\n").encode()
        return Inbound(channel="sms", source=self.key, uidvalidity=0,
                       uid=int(m.sid[-15:], 16),   # SIDs are 32 hex digits; 60 bits of one fit the UID column
                       message_id=m.sid, from_addr=m.from_, to_addr=m.to, subject="", internal=internal,
                       observed=observed, body=body, raw=raw, suffix=".txt")


def phones_of(config: Config) -> list[PhoneIdentity]:
    return [ident.phone for ident in config.identities.values() if ident.phone]
