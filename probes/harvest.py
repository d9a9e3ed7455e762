"""Harvest: read the prober's mailboxes, match answers to contacts, settle awaits.

For every identity with a mailbox: read the messages that arrived since the
last harvest (by IMAP UID), and for each one

1. recognise our own copy of a sent message (``copy_to_self``): it proves the
   SMTP server accepted that contact, which matters after a crash;
2. recognise bounces (delivery status notifications) and record them as
   reachability findings;
3. match it to a contact, in this order of trust: the reply address it was
   sent to (``shopper+<token>@…``), a contact's token in the subject or body,
   then ``In-Reply-To``/``References`` threading;
4. classify it: an automatic acknowledgement (``Auto-Submitted``,
   ``X-Autoreply``, ``X-Autorespond``, ``Precedence: auto_reply|bulk|junk``,
   an arrival within seconds, or a body template already sent to other
   contacts) or an answer from a person;
5. keep the raw message as an ``.eml`` evidence file and run the checks on it;
6. settle the contact's pending awaits (met, or late).

For every identity with a Twilio number, the same for text messages: list
the messages sent to the number (SMS and WhatsApp) since the last harvest,
match each by a contact's token in the text, else by the number it came from
(the latest text the prober sent there), classify it (arrival within
seconds, a text already sent to other contacts, or words such as "automated
message" mean automatic), keep it as a ``.txt`` evidence file, run the checks
and settle awaits. Twilio's ``date_sent`` has one-second resolution, like
INTERNALDATE, and is handled the same way.

Each source (a mailbox, a number's message list) is read on its own: one that
cannot be read (server down, connection dropped) is tried again with backoff
and, failing that, left for the next harvest, while the others are read.
A complete read moves the source's *read watermark* (in the ledger) to the
instant that read started: every message that had arrived by then was seen.

Then awaits whose deadline has passed are closed as *no response*, but only
when every source that could carry the answer has been read past the
deadline; otherwise the await stays pending and says why (``held_open``), and
a later harvest closes it, or meets it with an answer that came in time. Nothing is
ever deleted or flagged on the server; messages that match nothing are
recorded and listed. Every message is recorded once (by mailbox, UIDVALIDITY
and UID), so harvesting twice records nothing new the second time.

Arrival time: IMAP's INTERNALDATE has one-second resolution. The message
landed within [INTERNALDATE, INTERNALDATE + 1 s), not after the prober saw it
(IDLE sees it within about half a second) and not before the contact was
made; the arrival is the middle of that interval, so it is off by at most
half a second, usually much less.
"""
from __future__ import annotations

import datetime as dt
import email
import email.policy
import hashlib
import html
import imaplib
import logging
import re
import ssl
import time
from dataclasses import dataclass, field
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Any

from .answers.classify import classify, classify_text
from .business_time import BusinessCalendar
from .checks import CheckContext, _retuned, canned, links, run_checks
from .config import HARVEST_CHECKS, Config, EmailIdentity, PhoneIdentity, Target
from .ledger import Ledger
from .results import Finding, utcnow

log = logging.getLogger("probes.harvest")

TOKEN_WORD = re.compile(r"\b[a-km-z2-9]{10}\b")  # shape of ledger.new_token()
DEFAULT_AUTO_WITHIN_S = 10.0
BACKOFF_FIRST_S = 1.0      # the first wait before reading a source again after a failure; doubled each time
BACKOFF_MAX_S = 60.0


@dataclass
class HarvestResult:
    read: int = 0
    matched: int = 0
    own_copies: int = 0
    bounces: int = 0
    settled: int = 0
    closed: int = 0
    held_open: int = 0        # awaits past their deadline not closed: a source not read past it
    unmatched: list[dict] = field(default_factory=list)
    journeys: set[int] = field(default_factory=set)   # journeys whose answers changed
    failures: dict[str, MailboxError] = field(default_factory=dict)   # source key -> why it was not read

    def add(self, other: HarvestResult) -> None:
        for name in ("read", "matched", "own_copies", "bounces", "settled", "closed", "held_open"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.unmatched.extend(other.unmatched)
        self.journeys |= other.journeys
        self.failures.update(other.failures)


class MailboxError(Exception):
    """The prober's own mailbox (or number) could not be read (a prober failure, not the company's).

    transient: worth trying again (connection refused or dropped, a timeout); not for a refused login
    or a certificate that does not verify. result: what a harvest that raised it did all the same.
    """

    def __init__(self, message: str, *, transient: bool = True, lost: bool = False,
                 result: HarvestResult | None = None):
        super().__init__(message)
        self.transient = transient
        self.lost = lost          # a connection that worked broke (servers drop idle ones)
        self.result = result


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
        if self.client is None:
            self.connect()
        try:
            return self._fetch_since(last_uid)
        except MailboxError:
            raise
        except Exception as exc:  # noqa: BLE001 - imaplib/socket/ssl errors alike
            raise self._lost(exc) from exc

    def _fetch_since(self, last_uid: int) -> list[tuple[int, bytes, dt.datetime | None]]:
        self.client.noop()  # let the server tell us about new mail before searching
        uids = [u for u in self.client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid]
        out = []
        for i in range(0, len(uids), 200):
            data = self.client.fetch(uids[i:i + 200], ["BODY.PEEK[]", "INTERNALDATE"])
            for uid in sorted(data):
                item = data[uid]
                internal = item.get(b"INTERNALDATE")
                if isinstance(internal, dt.datetime):
                    # Stored in UTC: the ledger (SQLite) keeps no zone, and the server may be in any.
                    internal = (internal.replace(tzinfo=dt.timezone.utc) if internal.tzinfo is None
                                else internal.astimezone(dt.timezone.utc))
                out.append((uid, item[b"BODY[]"], internal))
        return out

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


def mailboxes_of(config: Config) -> list[Mailbox]:
    return [Mailbox(name, ident.email) for name, ident in config.identities.items() if ident.email]


def harvest(ledger: Ledger, config: Config, reports_dir: Path, *, open_boxes: list[Mailbox] | None = None,
            now: dt.datetime | None = None, retry_s: float | None = None) -> HarvestResult:
    """Read every mailbox and number once and settle what can be settled. See the module docstring.

    open_boxes: mailboxes the caller keeps (and closes); one not connected, or whose connection
    dropped, is connected again. retry_s: how long to keep trying a source that cannot be read
    (default: the identity's reconnect_within_s; 0: one attempt, and one reconnect after a drop).
    now: the current time (tests move it forward). Raises MailboxError, after doing all it could
    with the other sources, when a source could not be read.
    """
    total = HarvestResult()
    # Deadlines are judged by when the mailboxes were read, not by when this harvest ends: an answer
    # that lands while it works (or waits for the ledger's lock) must not be called "no response".
    now = now or utcnow()
    link_cache: dict = {}   # url -> what fetching it found, once per harvest (see checks.links)
    boxes = open_boxes if open_boxes is not None else mailboxes_of(config)
    try:
        for box in boxes:
            within_s = box.identity.reconnect_within_s if retry_s is None else retry_s
            _read_source(ledger, box.key, total, now, within_s,
                         read=lambda part, b=box: _harvest_box(ledger, config, reports_dir, b, link_cache, part))
        for phone in phones_of(config):
            _read_source(ledger, TextBox(phone).key, total, now, 0.0 if retry_s is None else retry_s,
                         read=lambda part, p=phone: _harvest_texts(ledger, config, reports_dir, p, link_cache, part))
    finally:
        if open_boxes is None:
            for b in boxes:
                b.close()
    closed, closed_journeys, held = close_overdue(ledger, config, now)
    total.closed += closed
    total.held_open += held
    refresh_statuses(ledger, total.journeys | closed_journeys)
    if total.failures:
        raise MailboxError("; ".join(str(e) for e in total.failures.values()),
                           transient=all(e.transient for e in total.failures.values()), result=total)
    return total


def _read_source(ledger: Ledger, key: str, total: HarvestResult, now: dt.datetime | None, within_s: float,
                 read) -> None:
    """Read one source completely, trying again with backoff for within_s when it fails; a complete
    read moves its watermark to when that read started, a failed one is noted in the ledger.

    A connection that worked and then broke (servers drop idle ones) is made again at once, once."""
    give_up = time.monotonic() + within_s
    pause = BACKOFF_FIRST_S
    reconnects = True
    while True:
        started = now or utcnow()   # taken before the server is asked: anything that arrived by then is seen
        part = HarvestResult()
        try:
            read(part)
        except MailboxError as exc:
            total.add(part)   # what was recorded before the failure stays recorded
            if exc.lost and reconnects:
                log.warning("%s; connecting again", exc)
                reconnects = False
                continue
            if not exc.transient or time.monotonic() + pause > give_up:
                total.failures[key] = exc
                ledger.note_read_failure(key, str(exc))
                return
            log.warning("%s; trying again in %.0f s", exc, pause)
            time.sleep(pause)
            pause = min(pause * 2, BACKOFF_MAX_S)
            continue
        total.add(part)
        ledger.set_read_watermark(key, started)
        return


def _harvest_box(ledger: Ledger, config: Config, reports_dir: Path, box: Mailbox,
                 link_cache: dict | None = None, result: HarvestResult | None = None) -> HarvestResult:
    result = result if result is not None else HarvestResult()
    if box.client is None:
        box.connect()   # first: the UIDVALIDITY says whether the recorded position still holds
    position = ledger.mailbox_position(box.key)
    last_uid = position[1] if position and position[0] == box.uidvalidity else 0
    for uid, raw, internal in box.fetch_since(last_uid):
        observed = utcnow()
        result.read += 1
        last_uid = max(last_uid, uid)
        # One message, one transaction: recorded, judged and its awaits settled all together, or not at all
        # (a process stopped half-way must not leave an answer recorded but never settled).
        with ledger.transaction():
            _record(ledger, config, reports_dir, box, uid, raw, internal, observed, result, link_cache)
            ledger.set_mailbox_position(box.key, box.uidvalidity, last_uid)
    return result


def arrival(internal: dt.datetime | None, observed: dt.datetime,
            not_before: dt.datetime | None = None) -> dt.datetime:
    """Best estimate of when the message landed (see the module docstring).

    It landed in [INTERNALDATE, INTERNALDATE + 1 s), not after we saw it and, for an
    answer, not before the contact was made: the middle of what is left.
    """
    if internal is None:
        return observed
    lower = internal.astimezone(dt.timezone.utc)
    upper = min(lower + dt.timedelta(seconds=1), observed)
    if not_before is not None and lower < not_before < upper:
        lower = not_before
    if not_before is not None and upper <= not_before:
        return not_before   # never before the contact (the server's clock runs behind this machine's)
    if upper <= lower:
        return lower
    return lower + (upper - lower) / 2


def _record(ledger, config, reports_dir, box, uid, raw, internal, observed, result, link_cache=None) -> None:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    message_id = (msg.get("Message-ID") or "").strip()
    arrived = arrival(internal, observed)
    base = dict(channel="email", mailbox=box.key, uidvalidity=box.uidvalidity, uid=uid, message_id=message_id,
                from_addr=str(msg.get("From") or ""), to_addr=str(msg.get("To") or ""),
                subject=str(msg.get("Subject") or ""), internal_date=internal, date_header=_date(msg),
                observed_at=observed, arrived_at=arrived)

    # 1. Our own copy of something we sent.
    if message_id and (own := ledger.contacts_where(message_id=message_id)):
        contact = own[0]
        if ledger.add_response(**base, contact_id=contact["id"], kind="own_copy", matched_by="message_id") \
                and contact["status"] == "planned":
            # Proof of acceptance for a send that crashed before it was recorded.
            ledger.mark_contact(contact["id"], "sent", contact["planned_at"], accepted_at=internal or arrived)
        result.own_copies += 1
        return

    body = body_text(msg)
    # 2. Bounces.
    if _is_bounce(msg):
        # The original's Message-ID and the failure's words are in the report parts, not the text part.
        body = raw.decode("utf-8", "replace")
        contact, how = _match(ledger, box, msg, body, bounce=True)
        eml = _save_eml(reports_dir, ledger, contact, box, uid, raw)
        rid = ledger.add_response(**base, contact_id=contact["id"] if contact else None, kind="bounce",
                                  matched_by=how, body_text=body, evidence_path=eml[0], evidence_root=eml[1])
        if rid and contact:
            result.bounces += 1
            result.journeys.add(contact["journey_id"])
            diagnostic = "\n".join(line for line in body.splitlines()
                                   if re.match(r"\s*(Status|Diagnostic-Code|Action|Final-Recipient):", line, re.I))
            ledger.add_finding(contact["run_id"], contact["journey_id"], contact["step_id"], Finding(
                "email.bounced", "critical", "The company's address bounced",
                f"The mail to {contact['destination']} came back undelivered: a customer writing there "
                "reaches nobody.", diagnostic or body[:400]), contact["id"])
            _evidence_row(ledger, contact, eml, "Bounce: " + base["subject"])
        elif rid:
            result.unmatched.append(_unmatched(base))
        return

    # 3. Match it.
    contact, how = _match(ledger, box, msg, body)
    eml = _save_eml(reports_dir, ledger, contact, box, uid, raw)
    if contact is None:
        if ledger.add_response(**base, kind=None, body_text=body, evidence_path=eml[0], evidence_root=eml[1]):
            result.unmatched.append(_unmatched(base))
        return
    # 4. Classify it.
    # A contact still being sent (a slow 250) has no sent_at yet: it began after it was planned.
    arrived = arrival(internal, observed, contact.get("sent_at") or contact.get("planned_at"))
    base["arrived_at"] = arrived
    template = template_hash(body, contact)
    journey = ledger.get_journey(contact["journey_id"]) or {}
    target = config.targets.get(journey.get("target", ""))  # None when probes.yaml no longer has it
    auto_within_s = target.auto_reply_within_s if target else DEFAULT_AUTO_WITHIN_S
    kind, reason = classify(msg, arrived, contact, template, ledger, auto_within_s,
                            replies=target.replies if target else None, body=body)
    rid = ledger.add_response(**base, contact_id=contact["id"], matched_by=how, kind=kind, kind_reason=reason,
                              body_text=body, template_hash=template, evidence_path=eml[0], evidence_root=eml[1])
    if not rid:
        return  # recorded by an earlier harvest
    result.matched += 1
    result.journeys.add(contact["journey_id"])
    _evidence_row(ledger, contact, eml, f"{'Automatic reply' if kind == 'auto' else 'Reply'} from "
                                        f"{base['from_addr']}: {base['subject']}")
    # 5. Checks on what the customer reads; 6. settle awaits.
    _judge(ledger, contact, journey, target, "email", body, kind, rid, arrived, result, link_cache)


def _judge(ledger: Ledger, contact: dict, journey: dict, target, channel: str, body: str, kind: str, rid: int,
           arrived: dt.datetime, result: HarvestResult, link_cache: dict | None) -> None:
    """What every matched answer goes through, email or text: the checks, the awaits it settles, the
    promises it makes."""
    ctx = check_context(ledger, contact, journey.get("persona") or {}, channel, reply_kind=kind)
    step_id = _answer_step(ledger, contact)
    for f in run_checks(body, ctx) + harvest_checks(ledger, contact, body, ctx, target, rid, link_cache):
        ledger.add_finding(contact["run_id"], contact["journey_id"], step_id, f, contact["id"])
    calendar = BusinessCalendar.for_target(target) if target else BusinessCalendar("UTC", {})
    result.settled += settle(ledger, calendar, contact, rid, kind, arrived)
    _add_promises(ledger, contact, body, journey, calendar, arrived, channel)


# --- text messages (SMS, WhatsApp) -----------------------------------------------------------------

@dataclass
class TextBox:
    """A Twilio number read like a mailbox: the key names it in the ledger, uidvalidity is always 0."""

    phone: PhoneIdentity
    uidvalidity: int = 0

    @property
    def key(self) -> str:
        return f"sms:{self.phone.number}"


def phones_of(config: Config) -> list[PhoneIdentity]:
    return [ident.phone for ident in config.identities.values() if ident.phone]


def _harvest_texts(ledger: Ledger, config: Config, reports_dir: Path, phone: PhoneIdentity,
                   link_cache: dict | None = None, result: HarvestResult | None = None) -> HarvestResult:
    import requests
    from twilio.base.exceptions import TwilioException

    result = result if result is not None else HarvestResult()
    box = TextBox(phone)
    position = ledger.mailbox_position(box.key)
    last = position[1] if position else 0
    # DateSent filters by whole seconds; a minute's overlap costs nothing (each message is recorded once).
    since = dt.datetime.fromtimestamp(last - 60, dt.timezone.utc) if last else None
    client = phone.client()
    try:
        messages = [m for to in (phone.number, f"whatsapp:{phone.number}")
                    for m in client.messages.list(to=to, date_sent_after=since, page_size=200)]
    except (TwilioException, requests.RequestException) as exc:
        raise MailboxError(f"messages to {phone.number}: {exc}") from None
    for m in sorted(messages, key=lambda m: (m.date_sent or m.date_created, m.sid)):
        if not (m.direction or "").startswith("inbound"):
            continue
        result.read += 1
        with ledger.transaction():   # as for email: all of one message, or nothing
            _record_text(ledger, config, reports_dir, box, m, result, link_cache)
        sent = m.date_sent or m.date_created
        last = max(last, int(sent.timestamp()) if sent else last)
    ledger.set_mailbox_position(box.key, 0, last)
    return result


def _record_text(ledger, config, reports_dir, box: TextBox, m, result: HarvestResult,
                 link_cache: dict | None = None) -> None:
    observed = utcnow()
    internal = m.date_sent or m.date_created
    body = m.body or ""
    uid = int(m.sid[-15:], 16)   # SIDs are 32 hex digits; 60 bits of one fit the ledger's UID column
    base = dict(channel="sms", mailbox=box.key, uidvalidity=0, uid=uid, message_id=m.sid, from_addr=m.from_,
                to_addr=m.to, subject="", internal_date=internal, date_header=None, observed_at=observed,
                arrived_at=arrival(internal, observed))
    contact, how = _match_text(ledger, config, body, m.from_, base["arrived_at"])
    raw = (f"From: {m.from_}\nTo: {m.to}\nDate sent: {internal.isoformat() if internal else '?'}\n"
           f"Message SID: {m.sid}\n\n{body}\n").encode()
    saved = _save_eml(reports_dir, ledger, contact, box, uid, raw, suffix=".txt")
    if contact is None:
        if ledger.add_response(**base, kind=None, body_text=body, evidence_path=saved[0], evidence_root=saved[1]):
            result.unmatched.append(_unmatched(base))
        return
    arrived = arrival(internal, observed, contact.get("sent_at"))
    base["arrived_at"] = arrived
    template = template_hash(body, contact)
    journey = ledger.get_journey(contact["journey_id"]) or {}
    target = config.targets.get(journey.get("target", ""))
    auto_within_s = target.auto_reply_within_s if target else DEFAULT_AUTO_WITHIN_S
    kind, reason = classify_text(body, arrived, contact, template, ledger, auto_within_s,
                                 replies=target.replies if target else None)
    rid = ledger.add_response(**base, contact_id=contact["id"], matched_by=how, kind=kind, kind_reason=reason,
                              body_text=body, template_hash=template, evidence_path=saved[0],
                              evidence_root=saved[1])
    if not rid:
        return
    result.matched += 1
    result.journeys.add(contact["journey_id"])
    _evidence_row(ledger, contact, saved, f"{'Automatic text' if kind == 'auto' else 'Text'} from {m.from_}",
                  kind="text")
    _judge(ledger, contact, journey, target, "sms", body, kind, rid, arrived, result, link_cache)


def _match_text(ledger: Ledger, config: Config, body: str, sender: str, arrived: dt.datetime):
    """(contact, how): a contact's token in the text; else the latest contact texted at that number;
    else the oldest contact awaiting a text from a target whose allowlist has that number (a web form
    answered by SMS)."""
    for word in dict.fromkeys(TOKEN_WORD.findall(body)):
        if found := ledger.contacts_where(token=word):
            return found[0], "token"
    earlier = [c for c in ledger.contacts_where(destination=sender, status="sent")
               if c.get("sent_at") and c["sent_at"] <= arrived]
    if earlier:
        return max(earlier, key=lambda c: c["sent_at"]), "number"
    for a in ledger.awaits_where(channel="sms", status="pending"):
        contact = ledger.get_contact(a["contact_id"])
        if contact is None:
            continue
        journey = ledger.get_journey(contact["journey_id"]) or {}
        target = config.targets.get(journey.get("target", ""))
        if target and target.allows(sender) and contact.get("sent_at") and contact["sent_at"] <= arrived:
            return contact, "number"
    return None, None


def _add_promises(ledger: Ledger, contact: dict, body: str, journey: dict, calendar: BusinessCalendar,
                  arrived: dt.datetime, channel: str) -> None:
    """Each follow-up the answer promises ("within 24 hours", "by Friday") becomes an await: a person's
    next answer must come by then."""
    from .checks import promises

    persona = journey.get("persona") or {}
    # A promised call back is not awaited: the prober takes no calls, so it could only ever look broken.
    found = [p for p in promises.find(body, persona.get("language") or "en", arrived, calendar)
             if p.due > arrived and promises.follow_up_channel(p.sentence) != "phone"]
    if not found:
        return
    # One promise await per contact (the ledger keys awaits by step, contact and kind): the soonest one
    # promised; a sooner promise in a later answer takes its place while it is still pending.
    soonest = min(found, key=lambda p: p.due)
    text = f"promised \u201c{soonest.text}\u201d"
    earlier = ledger.awaits_where(contact_id=contact["id"], kind="promise")
    if not earlier:
        ledger.add_await(run_id=contact["run_id"], journey_id=contact["journey_id"],
                         step_id=_answer_step(ledger, contact), contact_id=contact["id"], channel=channel,
                         kind="promise", deadline_text=text, due_at=soonest.due)
    elif earlier[0]["status"] == "pending" and soonest.due < earlier[0]["due_at"]:
        ledger.update_row("awaits", earlier[0]["id"], deadline_text=text, due_at=soonest.due)


def check_context(ledger: Ledger, contact: dict, persona: dict, channel: str,
                  personas: list[dict] | None = None, reply_kind: str = "human") -> CheckContext:
    """What the checks know about an answer to this contact: its customer, who else was probed in its run
    (a reply naming another persona, or carrying another contact's token, went to the wrong person), and
    how its journey tunes the checks (journeys.tuning, written when the journey started).

    personas: every persona of the run, when the caller knows them (journeys not started yet included)."""
    rows = ledger.run_rows(contact["run_id"])
    journey = next((j for j in rows["journeys"] if j["id"] == contact["journey_id"]), {})
    if personas is None:
        personas = [j["persona"] for j in rows["journeys"] if j["id"] != contact["journey_id"] and j.get("persona")]
    others = [p for p in personas if p.get("name") != persona.get("name")]
    tokens = [c["token"] for c in rows["contacts"] if c["id"] != contact["id"] and c.get("token")]
    # What the question asked an answer to mention: on the contact's step, or on a step awaiting it.
    asking = {contact["step_id"]} | {a["step_id"] for a in ledger.awaits_where(contact_id=contact["id"])}
    points = [p for st in rows["steps"] if st["id"] in asking
              for p in ((st.get("observations") or {}).get("must_mention") or [])]
    return CheckContext(persona=persona, channel=channel, other_personas=others, other_tokens=tokens,
                        token=contact.get("token") or "", tuning=journey.get("tuning") or {},
                        must_mention=points, reply_kind=reply_kind)


def harvest_checks(ledger: Ledger, contact: dict, body: str, ctx: CheckContext, target: Target | None,
                   response_id: int, link_cache: dict | None = None) -> list[Finding]:
    """The checks that need the ledger or the network, run after the text checks, tuned the same way
    (config.HARVEST_CHECKS): canned replies (a person's answer only) and broken links (only those the
    target's allowlist covers; none when probes.yaml no longer has the target)."""
    runs = {
        "canned": lambda: canned.check(ledger, contact, body, response_id=response_id)
        if ctx.reply_kind == "human" else [],
        "link": lambda: links.check(body, target, persona=ctx.persona, token=ctx.token, cache=link_cache)
        if target is not None else [],
    }
    found: list[Finding] = []
    for check_id in HARVEST_CHECKS:
        tuned = ctx.tuning.get(check_id) or {}
        if not tuned.get("off"):
            found.extend(_retuned(f, tuned) for f in runs[check_id]())
    return found


def _answer_step(ledger: Ledger, contact: dict) -> int:
    """Where findings about an answer belong: the step awaiting it, else the step that made the contact."""
    waiting = ledger.awaits_where(contact_id=contact["id"])
    return waiting[0]["step_id"] if waiting else contact["step_id"]


def _unmatched(base: dict) -> dict:
    return {"from": base["from_addr"], "subject": base["subject"], "arrived_at": base["arrived_at"],
            "mailbox": base["mailbox"], "uid": base["uid"]}


def _date(msg) -> dt.datetime | None:
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
        text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<(script|style).*?</\1>", " ", text)))
        text = re.sub(r"[ \t]+", " ", text)
    return text.strip()


def _recipients(msg) -> list[str]:
    values: list[str] = []
    for header in ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To"):
        values.extend(str(v) for v in msg.get_all(header, []))
    return [addr.lower() for _, addr in getaddresses(values) if addr]


def _match(ledger: Ledger, box: Mailbox, msg, body: str, bounce: bool = False):
    """(contact, how) by reply address, then token, then threading; (None, None) if nothing fits."""
    if box.identity.subaddress:
        for addr in _recipients(msg):
            if addr != box.identity.address.lower() and (found := ledger.contacts_where(reply_address=addr)):
                return found[0], "reply_address"
    text = f"{msg.get('Subject') or ''}\n{body}"
    for word in dict.fromkeys(TOKEN_WORD.findall(text)):
        if found := ledger.contacts_where(token=word):
            return found[0], "token"
    ids = re.findall(r"<[^<>\s]+>", f"{msg.get('In-Reply-To') or ''} {msg.get('References') or ''}")
    if bounce:  # a DSN quotes the original's Message-ID in its attached headers
        ids += re.findall(r"Message-ID:\s*(<[^<>\s]+>)", body, re.I)
    for mid in reversed(ids):  # the nearest ancestor first
        if found := ledger.contacts_where(message_id=mid):
            return found[0], "thread"
    return None, None


def _is_bounce(msg) -> bool:
    if msg.get_content_type() == "multipart/report" and msg.get_param("report-type") == "delivery-status":
        return True
    sender = str(msg.get("From") or "").lower()
    return any(s in sender for s in ("mailer-daemon@", "postmaster@")) and \
        bool(re.search(r"undeliver|delivery status|failure|returned mail", str(msg.get("Subject") or ""), re.I))


def template_hash(body: str, contact: dict) -> str:
    """The reply's text with what differs per contact blanked: a form letter hashes the same for everyone."""
    text = body.lower()
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))  # quoted customer
    text = TOKEN_WORD.sub("#", text)
    text = re.sub(r"\S+@\S+", "@", text)
    text = re.sub(r"\d+", "0", text)
    text = re.sub(r"^(dear|hi|hello|hey)\b[^\n,]*", r"\1", text, flags=re.M)  # the greeting's name
    text = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(text.encode()).hexdigest()


def settle(ledger: Ledger, calendar: BusinessCalendar, contact: dict, response_id: int, kind: str,
           arrived: dt.datetime) -> int:
    """Settle the contact's pending awaits that this response answers. Returns how many."""
    from .awaits import verdict

    settled = 0
    sent = contact.get("sent_at")
    for a in ledger.awaits_where(contact_id=contact["id"], status="pending"):
        if a["kind"] in ("human", "promise") and kind != "human":
            continue  # an automatic reply neither answers as a person nor keeps a promise to follow up
        status = "met" if arrived <= a["due_at"] else "late"
        elapsed = max(0.0, (arrived - sent).total_seconds()) if sent else None
        business = calendar.between(sent, arrived) if sent else None
        if not ledger.settle_await(a["id"], status, response_id=response_id, elapsed_s=elapsed,
                                   business_s=business):
            continue   # another process settled it since it was read
        if finding := verdict(a["kind"], a["deadline_text"], status, elapsed):
            ledger.add_finding(a["run_id"], a["journey_id"], a["step_id"], finding, contact["id"])
        settled += 1
    return settled


def sources_of(config: Config, identity: str | None, channel: str) -> list[str]:
    """The sources that could carry an answer on channel to a contact made as identity: its mailbox
    (email) or its number's messages (sms). Every such source in probes.yaml when the identity is
    unknown there (renamed since) or has none for the channel."""
    def keys(name: str, ident) -> list[str]:
        if channel == "sms":
            return [TextBox(ident.phone).key] if ident.phone else []
        return [Mailbox(name, ident.email).key] if ident.email else []

    ident = config.identities.get(identity or "")
    if ident is not None and (found := keys(identity or "", ident)):
        return found
    return [k for name, other in config.identities.items() for k in keys(name, other)]


def source_name(key: str) -> str:
    """A source in words: "the mailbox shopper@example.com", "the texts to +15005550006"."""
    if key.startswith("sms:"):
        return f"the texts to {key[4:]}"
    address, _, folder = key.split(":", 1)[-1].partition("/")
    return f"the mailbox {address}" + (f" (folder {folder})" if folder and folder != "INBOX" else "")


def _when(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def close_overdue(ledger: Ledger, config: Config, now: dt.datetime) -> tuple[int, set[int], int]:
    """Close pending awaits whose deadline has passed as 'no_response', when every source that could
    carry the answer has been read past the deadline; say why on the others (held_open).

    Returns (how many closed, their journeys, how many held open)."""
    from .awaits import verdict, what_arrived

    closed, touched, held = 0, set(), 0
    for a in ledger.awaits_where(status="pending"):
        if a["due_at"] > now:
            continue
        contact = ledger.get_contact(a["contact_id"]) or {}
        sources = sources_of(config, contact.get("identity"), a["channel"])
        marks = ledger.watermarks(sources)
        behind = [k for k in sources if not (marks.get(k) or {}).get("read_to")
                  or marks[k]["read_to"] <= a["due_at"]]
        if sources and not behind:
            with ledger.transaction():   # the verdict and its finding together, once, by one process
                if not ledger.settle_await(a["id"], "no_response"):
                    continue
                arrived = what_arrived(ledger.responses_where(contact_id=a["contact_id"]), contact.get("sent_at"))
                ledger.add_finding(a["run_id"], a["journey_id"], a["step_id"],
                                   verdict(a["kind"], a["deadline_text"], "no_response", None, arrived),
                                   a["contact_id"])
            closed += 1
            touched.add(a["journey_id"])
            continue
        held += 1
        if not sources:
            reason = (f"not closed: probes.yaml has no {'number' if a['channel'] == 'sms' else 'mailbox'} "
                      "that receives the answer, so nobody can tell whether it came")
        else:
            parts = []
            for k in behind:
                mark = marks.get(k) or {}
                said = (f"{source_name(k)} has not been read since {_when(mark['read_to'])}" if mark.get("read_to")
                        else f"{source_name(k)} has not been read completely yet")
                if mark.get("error"):
                    said += f" (last try {_when(mark['failed_at'])}: {mark['error']})"
                parts.append(said)
            reason = (f"not closed: {'; '.join(parts)}. The deadline was {_when(a['due_at'])}: an answer may have "
                      "come in time; the next `probes harvest` that reads past the deadline settles it")
        if reason != a.get("held_open"):
            ledger.hold_open(a["id"], reason)
    return closed, touched, held


def refresh_statuses(ledger: Ledger, journey_ids: set[int] | None = None) -> None:
    """Steps, journeys and runs take the verdict of their awaits and findings.

    journey_ids: only these journeys (and their runs); default every journey with awaits.
    """
    import sqlalchemy as sa

    from .ledger import awaits, journeys, runs, steps
    from .ledger import findings
    from .results import FAILING

    with ledger.engine.begin() as conn:
        touched_journeys = journey_ids if journey_ids is not None else {
            r[0] for r in conn.execute(sa.select(awaits.c.journey_id).distinct())}
        for jid in touched_journeys:
            for sid, current in conn.execute(sa.select(steps.c.id, steps.c.status).where(steps.c.journey_id == jid)):
                if current in ("error", "skipped", "running"):
                    continue
                states = {r[0] for r in conn.execute(sa.select(awaits.c.status).where(awaits.c.step_id == sid))}
                failing = conn.execute(sa.select(sa.func.count()).select_from(findings).where(
                    findings.c.step_id == sid, findings.c.severity.in_(sorted(FAILING)))).scalar()
                if failing or states & {"late", "no_response"}:
                    status = "failed"
                elif "pending" in states:
                    status = "pending"
                else:
                    status = "passed"
                if status != current:
                    conn.execute(steps.update().where(steps.c.id == sid).values(status=status))
        touched_runs = set()
        for jid in touched_journeys:
            states = {r[0] for r in conn.execute(sa.select(steps.c.status).where(steps.c.journey_id == jid))}
            status = ("error" if "error" in states else "failed" if "failed" in states
                      else "pending" if "pending" in states else "passed")
            jrow = conn.execute(sa.select(journeys.c.status, journeys.c.run_id).where(journeys.c.id == jid)).one()
            if jrow.status not in ("running", "not_started", status):
                conn.execute(journeys.update().where(journeys.c.id == jid).values(status=status))
            touched_runs.add(jrow.run_id)
        for rid in touched_runs:
            status_now = conn.execute(sa.select(runs.c.status).where(runs.c.id == rid)).scalar()
            if status_now in ("running", "interrupted"):
                continue
            states = {r[0] for r in conn.execute(sa.select(journeys.c.status).where(journeys.c.run_id == rid))}
            status = ("error" if "error" in states else "failed" if "failed" in states
                      else "pending" if "pending" in states else "passed")
            conn.execute(runs.update().where(runs.c.id == rid).values(status=status))


def _save_eml(reports_dir: Path, ledger: Ledger, contact: dict | None, box, uid: int,
              raw: bytes, suffix: str = ".eml") -> tuple[str, str]:
    """Write the raw message; returns (path relative to the evidence root, evidence root)."""
    if contact is not None:
        run = ledger.get_run(contact["run_id"]) or {}
        root = Path(run.get("evidence_root") or reports_dir)
        rel = Path("evidence") / contact["run_id"] / "replies" / f"{contact['token']}-{box.uidvalidity}-{uid}{suffix}"
    else:
        root = reports_dir
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", box.key)
        rel = Path("evidence") / "unmatched" / f"{safe}-{box.uidvalidity}-{uid}{suffix}"
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(raw)
    return str(rel), str(root)


def _evidence_row(ledger: Ledger, contact: dict, eml: tuple[str, str], label: str, kind: str = "email") -> None:
    rel, root = eml
    size = (Path(root) / rel).stat().st_size
    ledger.add_evidence(contact["run_id"], contact["journey_id"], contact["step_id"], kind, label, rel, size)
