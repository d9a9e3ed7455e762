"""The email channel's inbound source: the identity's mailbox, read over IMAP.

It reads what arrived since the last read (by UID), and hands each message to the answers pipeline
as an ``Inbound``: its text, the headers that classify it, the addresses and Message-IDs that match
it to a contact, and whether it is a bounce. Nothing is ever deleted or flagged on the server.

Arrival time: IMAP's INTERNALDATE has one-second resolution (see ``answers.inbound.arrival``).
"""
from __future__ import annotations

import datetime as dt
import email
import email.policy
import html
import imaplib
import re
import ssl
from collections.abc import Iterator
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from ..answers.inbound import Inbound, MailboxError
from ..config import Config, EmailIdentity
from ..results import utcnow

FETCH_BATCH = 200   # messages per FETCH: a few MB at most in memory, and one ledger transaction each


def _transient(exc: BaseException) -> bool:
    """A network-level failure (refused, dropped, timed out) rather than a refusal that will repeat."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return False
    return isinstance(exc, (OSError, EOFError, imaplib.IMAP4.abort))


class Mailbox:
    """One IMAP connection to an identity's inbox."""

    def __init__(self, name: str, identity: EmailIdentity):
        self.name = name
        self.identity = identity
        self.client: Any = None   # an IMAPClient while connected
        self.uidvalidity = 0

    @property
    def key(self) -> str:
        return f"{self.name}:{self.identity.address}/{self.identity.inbox}"

    def connect(self) -> "Mailbox":
        from imapclient import IMAPClient

        server = self.identity.imap
        try:
            context = server.tls_context()
            self.client = IMAPClient(server.host, port=server.port_for("imap"), ssl=server.tls == "implicit",
                                     ssl_context=context, timeout=server.timeout_s)
            self.client.normalise_times = False  # keep INTERNALDATE's zone
            if server.tls == "starttls":
                self.client.starttls(context)
            self.client.login(server.username or self.identity.address, server.secret() or "")
            info = self.client.select_folder(self.identity.inbox, readonly=True)
        except Exception as exc:  # noqa: BLE001 - imaplib/socket/ssl errors alike
            self.close()
            raise MailboxError(f"cannot read the mailbox {self.identity.address} at {server.host}:"
                               f"{server.port_for('imap')}: {exc}", transient=_transient(exc)) from exc
        self.uidvalidity = int(info[b"UIDVALIDITY"])
        return self

    def _lost(self, exc: BaseException) -> MailboxError:
        """The connection broke mid-conversation (servers drop idle ones): close it; the next read
        connects again."""
        self.close()
        server = self.identity.imap
        return MailboxError(f"lost the connection to the mailbox {self.identity.address} at {server.host}:"
                            f"{server.port_for('imap')}: {type(exc).__name__}: {exc}".rstrip(": "),
                            transient=True, lost=True)

    def close(self) -> None:
        if self.client is not None:
            client, self.client = self.client, None
            try:
                client.logout()
            except Exception:  # noqa: BLE001 - a dropped connection cannot say goodbye
                try:
                    client.shutdown()
                except Exception:  # noqa: BLE001
                    pass

    def fetch_since(self, last_uid: int) -> list[tuple[int, bytes, dt.datetime | None]]:
        """(uid, raw message, INTERNALDATE) of every message with a UID above last_uid.

        Raises MailboxError (transient) when the connection breaks."""
        return [m for batch in self.fetch_batches(last_uid) for m in batch]

    def fetch_batches(self, last_uid: int,
                      size: int = FETCH_BATCH) -> Iterator[list[tuple[int, bytes, dt.datetime | None]]]:
        """fetch_since in batches of up to size messages, oldest first: the caller records each batch
        before the next is fetched.

        Raises MailboxError (transient) when the connection breaks."""
        if self.client is None:
            self.connect()
        try:
            self.client.noop()  # let the server tell us about new mail before searching
            uids = sorted(u for u in self.client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)
        except Exception as exc:  # noqa: BLE001 - imaplib/socket/ssl errors alike
            raise self._lost(exc) from exc
        for i in range(0, len(uids), size):
            try:
                data = self.client.fetch(uids[i:i + size], ["BODY.PEEK[]", "INTERNALDATE"])
            except Exception as exc:  # noqa: BLE001 - imaplib/socket/ssl errors alike
                raise self._lost(exc) from exc
            batch = []
            for uid in sorted(data):
                item = data[uid]
                internal = item.get(b"INTERNALDATE")
                if isinstance(internal, dt.datetime):
                    # Stored in UTC: the ledger (SQLite) keeps no zone, and the server may be in any.
                    internal = (internal.replace(tzinfo=dt.timezone.utc) if internal.tzinfo is None
                                else internal.astimezone(dt.timezone.utc))
                batch.append((uid, item[b"BODY[]"], internal))
            yield batch

    def idle(self, timeout_s: float) -> bool:
        """Wait (IMAP IDLE) up to timeout_s for the server to announce new mail.

        Raises MailboxError (transient) when the connection breaks or is not open."""
        if self.client is None:
            raise MailboxError(f"the mailbox {self.identity.address} is not connected")
        try:
            self.client.idle()
            try:
                responses = self.client.idle_check(timeout=max(0.05, timeout_s))
            finally:
                self.client.idle_done()
        except Exception as exc:  # noqa: BLE001 - imaplib/socket/ssl errors alike
            raise self._lost(exc) from exc
        return any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses)

    def find_message_id(self, message_id: str) -> dt.datetime | None:
        """INTERNALDATE of the message with this Message-ID in the inbox or sent folder, else None."""
        folders = [self.identity.inbox] + ([self.identity.sent_folder] if self.identity.sent_folder else [])
        try:
            for folder in folders:
                self.client.select_folder(folder, readonly=True)
                uids = self.client.search(["HEADER", "Message-ID", message_id])
                if uids:
                    item = self.client.fetch(uids[:1], ["INTERNALDATE"])[uids[0]]
                    when = item.get(b"INTERNALDATE")
                    return when.astimezone(dt.timezone.utc) if isinstance(when, dt.datetime) and when.tzinfo \
                        else utcnow()
            return None
        finally:
            self.client.select_folder(self.identity.inbox, readonly=True)

    def inbound(self, uid: int, raw: bytes, internal: dt.datetime | None,
                observed: dt.datetime | None = None) -> Inbound:
        """One fetched message as the answers pipeline takes it."""
        return to_inbound(raw, source=self.key, uidvalidity=self.uidvalidity, uid=uid, internal=internal,
                          observed=observed or utcnow(), subaddress=self.identity.subaddress,
                          own_address=self.identity.address)


def mailboxes_of(config: Config) -> list[Mailbox]:
    return [Mailbox(name, ident.email) for name, ident in config.identities.items() if ident.email]


def parse(raw: bytes):
    """The raw message, parsed (email.message.EmailMessage)."""
    return email.message_from_bytes(raw, policy=email.policy.default)


def to_inbound(raw: bytes, *, source: str, uidvalidity: int, uid: int, internal: dt.datetime | None,
               observed: dt.datetime, subaddress: bool, own_address: str) -> Inbound:
    """A raw message read from a mailbox, as the answers pipeline takes it.

    Read quickly first (most of a big mailbox is newsletters that match nothing): headers as written,
    the text parts decoded; the pipeline reads an answer completely (Inbound.exact) once it matches.
    subaddress: the identity gives each contact its own reply address (``shopper+<token>@…``); then
    the message's recipients other than own_address may name the contact it answers."""
    where: dict[str, Any] = dict(source=source, uidvalidity=uidvalidity, uid=uid, internal=internal,
                                 observed=observed, subaddress=subaddress, own_address=own_address)
    quick = email.message_from_bytes(raw)   # compat32: nothing decoded until asked
    if is_bounce(quick):
        return _exact(raw, **where)
    body, more = _quick_text(quick)
    return _inbound(quick, raw, body, bounce=False, search_text=more,
                    full=lambda: _exact(raw, **where), **where)


def _exact(raw: bytes, **where) -> Inbound:
    msg = parse(raw)
    bounce = is_bounce(msg)
    # A bounce's original Message-ID and the failure's words are in the report parts, not the text part.
    body = raw.decode("utf-8", "replace") if bounce else body_text(msg)
    item = _inbound(msg, raw, body, bounce=bounce, **where)
    item.headers = msg
    return item


def _inbound(msg, raw: bytes, body: str, *, source: str, uidvalidity: int, uid: int,
             internal: dt.datetime | None, observed: dt.datetime, subaddress: bool, own_address: str,
             bounce: bool, search_text: str = "", full=None) -> Inbound:
    ids = re.findall(r"<[^<>\s]+>", f"{msg.get('In-Reply-To') or ''} {msg.get('References') or ''}")
    if bounce:  # a DSN quotes the original's Message-ID in its attached headers
        ids += re.findall(r"Message-ID:\s*(<[^<>\s]+>)", body, re.I)
    own = own_address.lower()
    return Inbound(
        channel="email", source=source, uidvalidity=uidvalidity, uid=uid,
        message_id=_header(msg, "Message-ID").strip(), from_addr=_header(msg, "From"),
        to_addr=_header(msg, "To"), subject=_header(msg, "Subject"), internal=internal,
        observed=observed, body=body, raw=raw, date_header=mail_date(msg),
        reply_addresses=[a for a in recipients(msg) if a != own] if subaddress else [],
        thread_ids=ids, bounce=bounce, search_text=search_text, full=full)


def _header(msg, name: str) -> str:
    """A header's text; encoded words decoded and lines unfolded when the message was read quickly."""
    value = msg.get(name)
    if value is None:
        return ""
    if isinstance(value, str) and not hasattr(value, "defects"):   # compat32: as written
        if "=?" in value:
            try:
                value = str(make_header(decode_header(value)))
            except (ValueError, LookupError, UnicodeError):
                pass
        return re.sub(r"\r?\n[ \t]+", " ", value)
    return str(value)


def _quick_text(msg) -> tuple[str, str]:
    """(the text a customer reads, the other text parts) of a message parsed with compat32: the plain
    part, else the HTML part without tags, as body_text gives them for ordinary messages."""
    parts: list[tuple[str, str]] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if not ctype.startswith("text/"):
            continue
        payload = part.get_payload(decode=True) or b""
        try:
            text = payload.decode(part.get_content_charset() or "utf-8", "replace")
        except LookupError:
            text = payload.decode("utf-8", "replace")
        parts.append((ctype, text))
    chosen = next((i for i, (c, _) in enumerate(parts) if c == "text/plain"), None)
    if chosen is None:
        chosen = next((i for i, (c, _) in enumerate(parts) if c == "text/html"), None)
    body = "" if chosen is None else parts[chosen][1] if parts[chosen][0] == "text/plain" \
        else _strip_html(parts[chosen][1])
    # The rest, and HTML as written too: a token anywhere a full reading could find it is a candidate.
    more = "\n".join(t + ("\n" + html.unescape(t) if c == "text/html" and "&" in t else "")
                     for i, (c, t) in enumerate(parts) if i != chosen or c == "text/html")
    return body.strip(), more


def _strip_html(text: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<(script|style).*?</\1>", " ", text)))
    return re.sub(r"[ \t]+", " ", text)


def mail_date(msg) -> dt.datetime | None:
    """The sender's Date header (UTC when it names no zone), else None."""
    try:
        value = parsedate_to_datetime(str(msg.get("Date")))
    except (TypeError, ValueError, IndexError):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def body_text(msg) -> str:
    """The text a customer reads: the plain part, else the HTML part without tags."""
    part = msg.get_body(preferencelist=("plain", "html")) if msg.is_multipart() else msg
    if part is None:
        return ""
    try:
        text = part.get_content()
    except (LookupError, KeyError, AssertionError):
        payload = part.get_payload(decode=True) or b""
        text = payload.decode("utf-8", "replace")
    if not isinstance(text, str):
        return ""
    if part.get_content_type() == "text/html":
        text = _strip_html(text)
    return text.strip()


def recipients(msg) -> list[str]:
    """Every address the message was sent to, lower case (To, Cc and what the server added)."""
    values: list[str] = []
    for header in ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To"):
        values.extend(str(v) for v in msg.get_all(header, []))
    return [addr.lower() for _, addr in getaddresses(values) if addr]


def is_bounce(msg) -> bool:
    """A delivery status notification (or a mailer-daemon's report of one)."""
    if msg.get_content_type() == "multipart/report" and msg.get_param("report-type") == "delivery-status":
        return True
    sender = str(msg.get("From") or "").lower()
    return any(s in sender for s in ("mailer-daemon@", "postmaster@")) and \
        bool(re.search(r"undeliver|delivery status|failure|returned mail", str(msg.get("Subject") or ""), re.I))
