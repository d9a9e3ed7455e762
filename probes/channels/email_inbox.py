"""The email channel's inbound source: the identity's mailbox, read over IMAP.

It reads what arrived since the last read (by UID), and hands each message to the answers pipeline
as an ``Inbound``: its text, the headers that classify it, the addresses and Message-IDs that match
it to a contact, and whether it is a bounce. Nothing is ever deleted or flagged on the server.

Arrival time: IMAP's INTERNALDATE has one-second resolution (see ``answers.inbound.arrival``).
"""
from __future__ import annotations

import codecs
import datetime as dt
import email
import email.policy
import functools
import html
import imaplib
import logging
import re
import ssl
import time
from collections.abc import Iterator
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from ..answers.inbound import Inbound, MailboxError
from ..answers.match import TOKEN_WORD, token_words
from ..config import Config, EmailIdentity
from ..results import utcnow

FETCH_BATCH = 200   # messages per FETCH: a few MB at most in memory, and one ledger transaction each
SEVERAL_BOXES_LOOK_S = 1.0   # several mailboxes and no answer due soon in any: how often run --wait reads them all
NO_IDLE_POLL_S = 5.0   # a server without IDLE: how often wait_for_mail asks (NOOP) once answers are not due soon

log = logging.getLogger("probes.harvest")


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
        # wait_for_mail: asks with NOOP every identity.poll_s until then (time.monotonic()); None: not waiting yet.
        self.poll_until: float | None = None
        # Why this mailbox is no longer asked with NOOP while waiting (the server refused NOOP, or dropped the
        # connection while being asked): it waits in IDLE instead. None: it may be.
        self.polling_stopped: str | None = None
        self._refused = False   # the server refused NOOP: not asked that way again
        self.idle_supported = True   # the server offers IDLE (read at connect())
        # The message count the server had announced when the last read listed the new messages (None: no
        # read on this connection yet). Announced later and higher: mail the read did not list (see _unlisted).
        self._listed_count: int | None = None
        # Every message that landed before this instant has been listed, or the server said there was none
        # (a read's start, an empty NOOP while waiting): what a later read finds landed after it.
        self.unseen_at: dt.datetime | None = None
        self._listed_after: dt.datetime | None = None   # unseen_at before the read under way

    @property
    def key(self) -> str:
        return f"{self.name}:{self.identity.address}/{self.identity.inbox}"

    def connect(self) -> "Mailbox":
        from imapclient import IMAPClient

        server = self.identity.imap
        try:
            # Loading the system's certificates costs more CPU than a harvest with nothing new.
            context = server.tls_context() if server.tls != "none" else None
            self.client = IMAPClient(server.host, port=server.port_for("imap"), ssl=server.tls == "implicit",
                                     ssl_context=context, timeout=server.timeout_s)
            self.client.normalise_times = False  # keep INTERNALDATE's zone
            if not logging.getLogger("imapclient.imaplib").isEnabledFor(logging.DEBUG):
                # imapclient turns imaplib's debugging on (for its log): imaplib then formats every
                # message it reads (a repr of each, and of each whole FETCH answer) for a log nobody reads.
                self.client._imap.debug = 0
            if server.tls == "starttls":
                self.client.starttls(context)
            self.client.login(server.username or self.identity.address, server.secret() or "")
            info = self.client.select_folder(self.identity.inbox, readonly=True)
            self.idle_supported = bool(self.client.has_capability("IDLE"))   # (may ask the server: here, not mid-wait)
        except Exception as exc:  # noqa: BLE001 - imaplib/socket/ssl errors alike
            self.close()
            raise MailboxError(f"cannot read the mailbox {self.identity.address} at {server.host}:"
                               f"{server.port_for('imap')}: {exc}", transient=_transient(exc)) from exc
        self.uidvalidity = int(info[b"UIDVALIDITY"])
        self._listed_count = None
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
        asked = utcnow()   # before the server looks: whatever landed before this is in the answer
        try:
            self.client.noop()  # let the server tell us about new mail before searching
            counted = self._announced()   # the search lists at least these
            uids = sorted(u for u in self.client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)
        except Exception as exc:  # noqa: BLE001 - imaplib/socket/ssl errors alike
            raise self._lost(exc) from exc
        if uids:
            self.expect_mail()   # one message is often followed by another (an acknowledgement, then a person)
        # The messages listed now landed after the last look that found nothing (kept for inbound()).
        self._listed_after = self.unseen_at
        for i in range(0, len(uids), size):
            wanted = uids[i:i + size]
            try:
                got = self._fetch_raw(wanted)
                missing = [u for u in wanted if u not in got]
                if missing:   # an answer not shaped as _fetch_raw reads it: imapclient's own parser
                    for uid, item in self.client.fetch(missing, ["BODY.PEEK[]", "INTERNALDATE"]).items():
                        if b"BODY[]" in item:
                            got[uid] = (item[b"BODY[]"], item.get(b"INTERNALDATE"))
            except Exception as exc:  # noqa: BLE001 - imaplib/socket/ssl errors alike
                raise self._lost(exc) from exc
            batch = []
            for uid in sorted(set(got) & set(wanted)):
                raw, internal = got[uid]
                if isinstance(internal, dt.datetime):
                    # Stored in UTC: the ledger (SQLite) keeps no zone, and the server may be in any.
                    internal = (internal.replace(tzinfo=dt.timezone.utc) if internal.tzinfo is None
                                else internal.astimezone(dt.timezone.utc))
                batch.append((uid, raw, internal))
            yield batch
        self.unseen_at = asked   # all listed and handed over (a read that failed half-way leaves it as it was)
        self._listed_count = counted

    def _fetch_raw(self, uids: list[int]) -> dict[int, tuple[bytes, dt.datetime | None]]:
        """uid -> (raw message, INTERNALDATE) for the messages whose answer has the usual shape.

        imapclient's FETCH parser reads every byte of the answer through its lexer (a third of a
        big harvest's time); here the messages come as imaplib's literals and only each message's
        short first line is read (``UID n INTERNALDATE "…" BODY[] {size}``). A message answered in
        another shape is left out, for imapclient to fetch."""
        from imapclient.datetime_util import parse_to_datetime

        imap = self.client._imap   # imapclient's own imaplib connection (its fetch() uses it too)
        typ, data = imap.uid("FETCH", _uid_set(uids), "(INTERNALDATE BODY.PEEK[])")
        if typ != "OK":
            raise imaplib.IMAP4.error(f"UID FETCH failed: {data!r}")
        got: dict[int, tuple[bytes, dt.datetime | None]] = {}
        for n, item in enumerate(data):
            if not (isinstance(item, tuple) and len(item) == 2 and item[0].endswith(b"}")
                    and item[0].rsplit(b" ", 1)[0].endswith(b"BODY[]")):
                continue   # the rest of a message's answer (")"), or an unsolicited FETCH (flags)
            tail = data[n + 1] if n + 1 < len(data) and isinstance(data[n + 1], bytes) else b""
            head = item[0] + b" " + tail   # UID and INTERNALDATE may come before or after the message
            uid = _FETCH_UID.search(head)
            when = _FETCH_INTERNALDATE.search(head)
            if uid is None:
                continue
            try:
                internal = parse_to_datetime(when.group(1), normalise=False) if when else None
            except ValueError:
                internal = None
            got[int(uid.group(1))] = (item[1], internal)
        return got

    def expect_mail(self) -> None:
        """Answers are expected soon (waiting starts, a message arrived, one of ours was sent): for the
        identity's poll_for_s from now, wait_for_mail asks with NOOP every poll_s."""
        self.poll_until = time.monotonic() + self.identity.poll_for_s

    def wait_for_mail(self, timeout_s: float) -> bool:
        """Wait up to timeout_s for new mail; True when the server said some arrived.

        While answers are expected soon (``expect_mail``: for poll_for_s after waiting starts and after
        each new message) it asks with NOOP every poll_s: IDLE's notice comes late (Dovecot sends it
        half a second after the mail lands, a fixed delay; big providers later still). Otherwise it
        waits in IDLE, which costs the server nothing, after asking once: IDLE announces only mail that
        lands once it has begun, not what came since the last look. A server that refuses NOOP, or
        drops the connection while being asked, is not asked every poll_s again by this Mailbox: it
        waits in IDLE. A server without IDLE is asked every NO_IDLE_POLL_S instead.

        Raises MailboxError (transient) when the connection breaks or is not open."""
        if self.client is None:
            raise MailboxError(f"the mailbox {self.identity.address} is not connected")
        if self.poll_until is None:
            self.expect_mail()   # waiting starts: the answers to what was just sent may come any moment
        if self._unlisted():
            return True
        deadline = time.monotonic() + max(0.0, timeout_s)
        while True:
            now = time.monotonic()
            if self.asking_now(now):
                pause = self.identity.poll_s
            elif self.idle_supported:
                return self._ask() or self.idle(deadline - time.monotonic())
            else:
                pause = max(self.identity.poll_s, NO_IDLE_POLL_S)
            if now >= deadline:
                return False
            time.sleep(min(pause, deadline - now))
            if self._ask():
                return True
            if self._refused and not self.idle_supported:
                raise MailboxError(f"the mailbox {self.identity.address} at {self.identity.imap.host} offers "
                                   f"no IDLE and {self.polling_stopped}", transient=False)

    def asking_now(self, now: float) -> bool:
        """Answers are expected soon here, and the server may be asked for them (NOOP every poll_s)."""
        return (self.identity.poll_s > 0 and self.polling_stopped is None
                and self.poll_until is not None and now < self.poll_until)

    def _ask(self) -> bool:
        """Ask the server (NOOP) whether mail arrived; True when it did. A server that refuses NOOP (NO or
        BAD: it objects to being asked, or this often) is not asked again; one that drops the connection
        is not asked every poll_s again (servers that object may hang up), and MailboxError is raised."""
        if self._refused:
            return False
        try:
            return self._noop()
        except imaplib.IMAP4.error as exc:   # the connection is fine (a lost one raised MailboxError)
            self._refused = True
            self.polling_stopped = f"the server refused NOOP ({exc})"
            log.warning("the mailbox %s: %s; waiting with IDLE instead", self.identity.address, self.polling_stopped)
            return False

    def _noop(self) -> bool:
        """Ask the server (NOOP) whether mail arrived; True when it did. A dropped connection stops the
        asking for this Mailbox (servers that object to being asked may hang up) and raises MailboxError."""
        asked = utcnow()
        try:
            _, responses = self.client.noop()
        except imaplib.IMAP4.abort as exc:
            self._stop_polling(exc)
            raise self._lost(exc) from exc
        except imaplib.IMAP4.error:
            raise
        except Exception as exc:  # noqa: BLE001 - socket/ssl errors alike
            self._stop_polling(exc)
            raise self._lost(exc) from exc
        if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses) or self._unlisted():
            self.expect_mail()
            return True
        if self.unseen_at is not None:   # (after a first read: mail before it may not be listed yet)
            self.unseen_at = asked
        return False

    def _announced(self) -> int | None:
        """The message count the server announced last (EXISTS), in the answer to any command; None if none."""
        counts = self.client._imap.untagged_responses.get("EXISTS") or []   # imaplib keeps every one it read
        try:
            return int(counts[-1])
        except (IndexError, ValueError, TypeError):
            return None

    def _unlisted(self) -> bool:
        """The server announced more messages than the last read listed: mail landed while that read (or a
        command after it) was answered. A server tells of new mail once: NOOP and IDLE will not again."""
        announced = self._announced()
        return announced is not None and self._listed_count is not None and announced > self._listed_count

    def _stop_polling(self, exc: BaseException) -> None:
        self.polling_stopped = f"the server dropped the connection while asked for new mail ({type(exc).__name__})"
        log.warning("the mailbox %s: %s; waiting with IDLE instead", self.identity.address, self.polling_stopped)

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
        if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
            self.expect_mail()
            return True
        return False

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
        item = to_inbound(raw, source=self.key, uidvalidity=self.uidvalidity, uid=uid, internal=internal,
                          observed=observed or utcnow(), subaddress=self.identity.subaddress,
                          own_address=self.identity.address)
        item.unseen_at = self._listed_after
        return item


_FETCH_UID = re.compile(rb"\bUID (\d+)")
_FETCH_INTERNALDATE = re.compile(rb'\bINTERNALDATE "([^"]+)"')


def _uid_set(uids: list[int]) -> str:
    """An IMAP UID set, runs of consecutive UIDs as ranges: "5:204,210"."""
    runs: list[list[int]] = []
    for uid in sorted(uids):
        if runs and uid == runs[-1][1] + 1:
            runs[-1][1] = uid
        else:
            runs.append([uid, uid])
    return ",".join(f"{a}:{b}" if a != b else str(a) for a, b in runs)


def mailboxes_of(config: Config) -> list[Mailbox]:
    return [Mailbox(name, ident.email) for name, ident in config.identities.items() if ident.email]


class _Policy(email.policy.EmailPolicy):
    """email.policy.default, except that a header is parsed once: the default parses it again every
    time it is read (a matched answer's headers are read some twenty times: a third of reading it)."""

    def header_fetch_parse(self, name, value):
        if hasattr(value, "name"):
            return value
        return _parsed_header(self, name, value)


@functools.lru_cache(maxsize=512)
def _parsed_header(policy: _Policy, name: str, value: str):
    return email.policy.EmailPolicy.header_fetch_parse(policy, name, value)


_POLICY = _Policy()


def parse(raw: bytes):
    """The raw message, parsed (email.message.EmailMessage, as with email.policy.default)."""
    return email.message_from_bytes(raw, policy=_POLICY)


def to_inbound(raw: bytes, *, source: str, uidvalidity: int, uid: int, internal: dt.datetime | None,
               observed: dt.datetime, subaddress: bool, own_address: str) -> Inbound:
    """A raw message read from a mailbox, as the answers pipeline takes it.

    Read quickly first (most of a big mailbox is newsletters that match nothing): the headers that
    match it to a contact, and every word shaped like a token anywhere a complete reading could find
    one (``skim``); its text is read, and it is matched again on what a customer reads, only once it
    matches (Inbound.exact). Until then its ``body`` is empty: the ledger keeps no text of mail that
    answers nothing. subaddress: the identity gives each contact its own reply address
    (``shopper+<token>@…``); then the message's recipients other than own_address may name the
    contact it answers."""
    where: dict[str, Any] = dict(source=source, uidvalidity=uidvalidity, uid=uid, internal=internal,
                                 observed=observed, subaddress=subaddress, own_address=own_address)
    if (item := skim(raw, **where)) is not None:
        return item
    # Encoded text (base64, quoted-printable), a charset whose bytes hide ASCII, or maybe a bounce:
    # parsed, its text parts decoded.
    quick = email.message_from_bytes(raw)   # compat32: nothing decoded until asked
    if is_bounce(quick):
        return _exact(raw, **where)
    body, more = _quick_text(quick)
    item = _inbound(quick, raw, "", bounce=False, full=lambda: _exact(raw, **where), **where)
    item.token_words = token_words(f"{item.subject}\n{body}\n{more}")
    return item


_HEADER_END = re.compile(rb"\r?\n\r?\n")
_FIELD = re.compile(r"^([!-9;-~]+)[ \t]*:[ \t]*(.*(?:\n[ \t].*)*)", re.M)
_CTE = re.compile(rb"content-transfer-encoding[ \t]*:[ \t]*\"?([^\s\";(]*)")
_CHARSET = re.compile(rb"charset(\*?)[ \t]*=[ \t]*\"?([^\s\";]*)")
_ASCII_TOKEN = re.compile(TOKEN_WORD.pattern.encode())   # on bytes, so ASCII word boundaries
_ASCII_TOKEN_TEXT = re.compile(TOKEN_WORD.pattern, re.ASCII)
_UNENCODED = (b"7bit", b"8bit", b"binary")
_RECIPIENT_HEADERS = ("to", "cc", "delivered-to", "x-original-to", "envelope-to")
_ADDRESS = re.compile(r"[^\s<>()\[\],;:\"@]+@[^\s<>()\[\],;:\"@]+")
# Multi-byte charsets whose every byte of a non-ASCII character is >= 0x80 (UTF-8, the EUC family).
_MULTIBYTE_ASCII_SAFE = {"utf-8", "euc_jp", "euc_kr", "gb2312", "euc_jis_2004", "euc_jisx0213"}


def skim(raw: bytes, *, source: str, uidvalidity: int, uid: int, internal: dt.datetime | None,
         observed: dt.datetime, subaddress: bool, own_address: str) -> Inbound | None:
    """The message read from its bytes, without a MIME parser; None when it needs one.

    Its token-shaped words are those of the raw bytes (headers, every part, markup and all): where no
    part is base64 or quoted-printable encoded and every charset keeps ASCII letters as ASCII bytes
    (and other characters as bytes >= 0x80), a token in the text a customer reads is in the raw bytes
    too, with word boundaries around it; numeric HTML character references are read as well. So a
    message that could match on a complete reading is always a candidate here (the reverse is
    harmless: it is read completely and matched again). A possible bounce, an encoded part or another
    charset: None."""
    lower = raw.lower()
    if any(cte not in _UNENCODED for cte in _CTE.findall(lower)):
        return None
    if any(star or not _ascii_transparent(name.decode("ascii", "replace"))
           for star, name in _CHARSET.findall(lower)):
        return None
    end = _HEADER_END.search(raw)
    head = raw[:end.start()] if end else raw
    head_lower = lower[:len(head)]
    if b"mailer-daemon@" in head_lower or b"postmaster@" in head_lower or b"multipart/report" in head_lower:
        return None   # maybe a bounce: is_bounce decides, on a parsed message
    fields: dict[str, list[str]] = {}
    for name, value in _FIELD.findall(head.decode("utf-8", "replace").replace("\r\n", "\n")):
        fields.setdefault(name.lower(), []).append(value)

    def first(name: str) -> str:   # as email.message.Message.get: the first one
        values = fields.get(name)
        return values[0] if values else ""

    subject = _unfolded(first("subject"))
    words = [w.decode("ascii") for w in dict.fromkeys(_ASCII_TOKEN.findall(raw))]
    if b"&#" in raw or b"&fjlig;" in raw:   # HTML character references may spell a token out
        words += [w for w in dict.fromkeys(_ASCII_TOKEN_TEXT.findall(html.unescape(raw.decode("latin-1"))))
                  if w not in words]
    if "=?" in first("subject"):   # an encoded subject: its words once decoded
        words += [w for w in token_words(subject) if w not in words]
    own = own_address.lower()
    # Address-shaped words of the recipient headers (recipients() parses them exactly once the message
    # matches; a reply address holds its contact's token, a candidate already by its words).
    addresses = _ADDRESS.findall(" ".join(v for h in _RECIPIENT_HEADERS for v in fields.get(h, ())).lower()) \
        if subaddress else []
    return Inbound(
        channel="email", source=source, uidvalidity=uidvalidity, uid=uid,
        message_id=_unfolded(first("message-id")).strip(), from_addr=_unfolded(first("from")),
        to_addr=_unfolded(first("to")), subject=subject, internal=internal, observed=observed, body="",
        raw=raw, date_header=_date(first("date") or None),
        reply_addresses=[a for a in addresses if a != own],
        thread_ids=re.findall(r"<[^<>\s]+>", f"{first('in-reply-to')} {first('references')}"),
        full=lambda: _exact(raw, source=source, uidvalidity=uidvalidity, uid=uid, internal=internal,
                            observed=observed, subaddress=subaddress, own_address=own_address),
        token_words=words)


@functools.lru_cache(maxsize=64)
def _ascii_transparent(charset: str) -> bool:
    """Whether text in this charset has ASCII letters as the same bytes and every other character as
    bytes >= 0x80 (so a token and the word boundaries around it show in the raw bytes)."""
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return True   # read as UTF-8 (body_text does the same)
    if name in _MULTIBYTE_ASCII_SAFE:
        return True
    try:
        low = bytes(range(128)).decode(name, "replace")
        high = bytes(range(128, 256)).decode(name, "replace")
    except Exception:  # noqa: BLE001 - a codec that cannot decode byte by byte (utf-16…)
        return False
    # A single-byte charset with ASCII below 0x80 (ISO 8859, windows-125x, KOI8…).
    return low == bytes(range(128)).decode("ascii") and len(high) == 128 and all(ord(c) >= 128 for c in high)


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
        return _unfolded(value)
    return str(value)


def _unfolded(value: str) -> str:
    """A header's value as written, its encoded words decoded and its lines unfolded."""
    if "=?" in value:
        try:
            value = str(make_header(decode_header(value)))
        except (ValueError, LookupError, UnicodeError):
            pass
    return re.sub(r"\r?\n[ \t]+", " ", value) if "\n" in value else value


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
    """The sender's Date header as a UTC instant (taken as UTC when it names no zone), else None."""
    value = msg.get("Date")
    return _date(None if value is None else str(value))


def _date(value: str | None) -> dt.datetime | None:
    try:
        when = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    # In UTC: SQLite keeps a datetime's wall clock and drops its zone, so "10:00 +0100" would read back as 10:00 UTC.
    return when.astimezone(dt.timezone.utc) if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


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
    for header in _RECIPIENT_HEADERS:
        values.extend(str(v) for v in msg.get_all(header, []))
    return [addr.lower() for _, addr in getaddresses(values) if addr]


def is_bounce(msg) -> bool:
    """A delivery status notification (or a mailer-daemon's report of one)."""
    if msg.get_content_type() == "multipart/report" and msg.get_param("report-type") == "delivery-status":
        return True
    sender = str(msg.get("From") or "").lower()
    return any(s in sender for s in ("mailer-daemon@", "postmaster@")) and \
        bool(re.search(r"undeliver|delivery status|failure|returned mail", str(msg.get("Subject") or ""), re.I))


def wait_for_any(boxes: list[Mailbox], timeout_s: float) -> bool:
    """Wait up to timeout_s for new mail in any of several mailboxes; True when a server said some arrived.

    IDLE watches one folder per connection, so several boxes are never waited for in IDLE: while answers
    are expected soon in some of them (``expect_mail``), each of those is asked (NOOP) every poll_s in turn,
    as one box is by wait_for_mail; otherwise this returns after SEVERAL_BOXES_LOOK_S at most, and the
    harvest that follows looks into every box. Raises MailboxError (transient) when a connection breaks."""
    deadline = time.monotonic() + max(0.0, timeout_s)
    open_boxes = [b for b in boxes if b.client is not None]
    for box in open_boxes:
        if box.poll_until is None:
            box.expect_mail()   # waiting starts: the answers to what was just sent may come any moment
        if box._unlisted():
            return True
    while True:
        now = time.monotonic()
        asking = [b for b in open_boxes if b.asking_now(now)]
        left = deadline - now
        if not asking:
            time.sleep(max(0.0, min(SEVERAL_BOXES_LOOK_S, left)))
            return False
        if left <= 0:
            return False
        time.sleep(min(min(b.identity.poll_s for b in asking), left))
        for box in asking:
            if box._ask():
                return True
