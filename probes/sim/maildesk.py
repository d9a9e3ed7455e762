"""The demo company's support mailboxes, which answer email the way real ones do.

``MailDesk`` is the mail side of "Northwind Appliances" (domain
``northwind.example``). It listens for SMTP on loopback (and takes contact-form
messages through ``receive()``), and each company address behaves in its own,
deterministic way, so a demo journey gives the same findings every time:

| address | behaviour | what a customer gets |
|---|---|---|
| ``support@northwind.example`` | healthy | an auto-acknowledgement after ``ack_delay_s`` (``Auto-Submitted: auto-replied``, greets the sender by name, case number), then a human reply from Priya after ``human_delay_s``: ``Re:`` subject, threaded, the message quoted |
| ``sales@northwind.example`` | broken template | an auto-acknowledgement reading "Dear [name]" and "%CASE_NUMBER%", then a human reply whose subject is rewritten to "Your enquiry [Case NW-C-…]" (still threaded, message quoted) |
| ``help@northwind.example`` | answered from another address | no acknowledgement; after ``human_delay_s`` a new mail (not a reply) from ``j.smith@northwind.example``, rewritten subject, no ``In-Reply-To``/``References``; only the quoted original (with its correlation token) and the recipient link it to the question |
| ``returns@northwind.example`` | never answered | accepted, then silence |
| any other ``@northwind.example`` | dead address | refused: ``550 5.1.1 <address>: mailbox unavailable`` |

Replies go to the message's ``Reply-To`` when present, else its ``From``, and
reach the customer through the ``deliver(recipient, raw)`` callback (the demo
and tests deliver them into a Dovecot Maildir). Every reply is a UTF-8
text/plain MIME message with its own ``Message-ID`` at ``northwind.example``.
Delays are measured from when the original was accepted; a scheduler thread
delivers each reply within milliseconds of its due time.
"""

from __future__ import annotations

import heapq
import html
import itertools
import logging
import re
import textwrap
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime, formataddr, getaddresses, make_msgid
from typing import NamedTuple

from probes.sim.mailserver import SmtpServer

__all__ = ["DOMAIN", "MAILBOXES", "MailDesk", "Mailbox"]

log = logging.getLogger(__name__)

COMPANY_NAME = "Northwind Appliances"
DOMAIN = "northwind.example"
FIRST_CASE_NUMBER = 1001
# Long quoted messages are cut, as many helpdesk tools do.
MAX_QUOTED_LINES = 200


class Mailbox(NamedTuple):
    """One address of the demo company and what a customer writing to it meets."""

    address: str
    behaviour: str
    description: str


SUPPORT, SALES, HELP, RETURNS = (f"{box}@{DOMAIN}" for box in ("support", "sales", "help", "returns"))

MAILBOXES: tuple[Mailbox, ...] = (
    Mailbox(SUPPORT, "healthy", "auto-acknowledgement with the customer's name and a case number, "
                                "then a threaded human reply quoting the message"),
    Mailbox(SALES, "placeholder", "auto-acknowledgement with unreplaced 'Dear [name]' and %CASE_NUMBER%, "
                                  "then a human reply under a rewritten subject"),
    Mailbox(HELP, "other address", "no acknowledgement; a human reply from j.smith@northwind.example, "
                                   "rewritten subject, not threaded (no In-Reply-To/References)"),
    Mailbox(RETURNS, "never answered", "accepted, but no reply ever comes"),
    Mailbox(f"*@{DOMAIN}", "dead address", "refused with 550 5.1.1 mailbox unavailable"),
)

_KNOWN = {SUPPORT, SALES, HELP, RETURNS}

# Who answers each mailbox: (display name in From, address, signature).
_SUPPORT_DESK = "Northwind Customer Care"
_SUPPORT_AGENT = "Priya — Northwind Customer Care"
_SALES_DESK = "Northwind Appliances Sales"
_SALES_AGENT = "Tom Becker — Northwind Sales"
_HELP_PERSON = ("Jordan Smith", f"j.smith@{DOMAIN}")


@dataclass(order=True)
class _Job:
    due: float
    seq: int
    kind: str = field(compare=False)
    mailbox: str = field(compare=False)
    original: "_Original" = field(compare=False)
    delay_s: float = field(compare=False)


@dataclass
class _Original:
    """What a reply needs to know about the customer's message."""

    message_id: str
    references: str
    subject: str
    from_header: str
    greeting_name: str
    reply_name: str
    reply_address: str
    date_header: str
    body: str
    case: str
    received_at: float


def _first_address(value: str | None) -> tuple[str, str]:
    """(display name, address) of the first address in a header value, or ("", "")."""
    for name, address in getaddresses([value or ""]):
        if "@" in address:
            return name.strip(), address.strip()
    return "", ""


def _plain_text(message: EmailMessage) -> str:
    """The message's text as a customer wrote it: text/plain, else HTML without tags."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except (LookupError, ValueError):
        return ""
    if part.get_content_subtype() == "html":
        text = re.sub(r"(?is)<(script|style).*?</\1>", "", text)
        text = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", text)
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text.strip("\n")


def _quote(text: str) -> str:
    lines = text.splitlines()[:MAX_QUOTED_LINES]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _paragraphs(*paragraphs: str) -> str:
    """Join paragraphs, each wrapped at 72 columns so the body stays plain 8-bit text."""
    return "\n\n".join(textwrap.fill(p, 72, break_long_words=False, break_on_hyphens=False)
                       if "\n" not in p else p for p in paragraphs)


def _topic(subject: str) -> str:
    """The customer's subject without reply prefixes and reference tags."""
    subject = re.sub(r"(?i)^\s*(re|fwd?)\s*:\s*", "", subject or "")
    return re.sub(r"\s*\[ref [^\]]*\]", "", subject).strip() or "your message"


def _re_subject(subject: str) -> str:
    return subject if re.match(r"(?i)^\s*re\s*:", subject) else f"Re: {subject}".rstrip()


class MailDesk:
    """The Northwind Appliances support mailboxes: an SMTP server plus scheduled replies.

    ``deliver(recipient_address, raw_reply)`` is how replies reach the
    customer. ``delays(kind, original_message_id)``, when given, overrides
    ``ack_delay_s``/``human_delay_s`` per reply (``kind`` is "ack" or "human").
    ``received`` lists every accepted message and ``log`` every delivered
    reply; both are appended under a lock.

    Another demo company's desk (probes.sim.peers) is a subclass with its own ``domain``, ``case_prefix``,
    ``refusal``, ``_plan`` (which replies a message gets) and ``_content`` (what they say).
    """

    domain = DOMAIN
    case_prefix = "NW-C-"

    def __init__(self, deliver: Callable[[str, bytes], None], *, ack_delay_s: float = 1.0,
                 human_delay_s: float = 4.0, delays: Callable[[str, str], float] | None = None,
                 clock: Callable[[], float] = time.time, host: str = "127.0.0.1", port: int = 0) -> None:
        """Prepare the desk; nothing listens and nothing is sent until ``start()``."""
        self._deliver = deliver
        self.ack_delay_s = ack_delay_s
        self.human_delay_s = human_delay_s
        self._delays = delays
        self._clock = clock
        self.received: list[dict] = []
        self.log: list[dict] = []
        self._lock = threading.Lock()  # guards received, log and the case counter
        self._next_case = FIRST_CASE_NUMBER
        self._cond = threading.Condition()  # guards the heap and the running state
        self._heap: list[_Job] = []
        self._seq = itertools.count()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._smtp = SmtpServer(self.receive, host, port, on_rcpt=self.refusal, server_name=f"mx.{self.domain}")
        self._smtp_started = False

    # -- lifecycle -------------------------------------------------------------

    def start(self) -> None:
        """Start the SMTP server on loopback and the thread that sends replies when due."""
        with self._cond:
            if self._thread is not None or self._stopping:
                raise RuntimeError("MailDesk can only be started once")
            self._thread = threading.Thread(target=self._run, name="maildesk-replies", daemon=True)
            self._thread.start()
        try:
            self._smtp.start()
        except BaseException:
            self.stop()
            raise
        self._smtp_started = True

    def stop(self) -> None:
        """Stop at once: pending replies are dropped. Safe to call more than once."""
        with self._cond:
            self._stopping = True
            self._heap.clear()
            self._cond.notify_all()
            thread, self._thread = self._thread, None
        if self._smtp_started:
            self._smtp_started = False
            self._smtp.stop()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> "MailDesk":
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def smtp_host(self) -> str:
        """Where the desk's SMTP server listens."""
        return self._smtp.host

    @property
    def smtp_port(self) -> int:
        """The desk's SMTP port (a free port chosen at ``start()``)."""
        return self._smtp.port

    def pending(self) -> int:
        """How many replies are scheduled but not yet delivered."""
        with self._cond:
            return len(self._heap)

    # -- receiving -------------------------------------------------------------

    @staticmethod
    def refusal(address: str) -> str | None:
        """The SMTP refusal for a recipient address, or None when the desk accepts mail for it."""
        address = address.strip().strip("<>").strip()
        if address.lower() in _KNOWN:
            return None
        if address.lower().endswith(f"@{DOMAIN}"):
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        return f"550 5.7.1 <{address}>: relay access denied"

    def receive(self, mail_from: str, rcpt_tos: list[str], raw: bytes) -> str | None:
        """Accept a message as the SMTP server would; return None, or the SMTP refusal.

        The website's contact form hands its messages over this way. A message
        with any unknown recipient is refused as a whole.
        """
        mailboxes = []
        for rcpt in rcpt_tos:
            refused = self.refusal(rcpt)
            if refused:
                return refused
            mailboxes.append(rcpt.strip().strip("<>").strip().lower())
        if not mailboxes:
            return "554 5.5.1 No valid recipients"
        with self._cond:
            if self._stopping:
                return "421 4.3.2 Service shutting down"
        received_at = self._clock()
        message = BytesParser(policy=policy.default).parsebytes(raw)
        message_id = str(message.get("Message-ID", "") or "").strip()
        subject = str(message.get("Subject", "") or "").strip()
        from_header = str(message.get("From", "") or "")
        with self._lock:
            self.received.append({
                "to": list(rcpt_tos),
                "from": from_header,
                "mail_from": mail_from,
                "subject": subject,
                "message_id": message_id,
                "received_at": datetime.fromtimestamp(received_at, timezone.utc).isoformat(),
            })
            cases = {}
            for mailbox in dict.fromkeys(mailboxes):
                cases[mailbox] = f"{self.case_prefix}{self._next_case}"
                self._next_case += 1

        from_name, from_address = _first_address(from_header)
        reply_name, reply_address = _first_address(str(message.get("Reply-To", "") or ""))
        if not reply_address:
            reply_name, reply_address = from_name, from_address
        # No reply without an address, and never to ourselves (a mail loop).
        if not reply_address or reply_address.lower().endswith(f"@{self.domain}"):
            return None
        # RFC 3834: never auto-acknowledge an automatic message.
        auto = str(message.get("Auto-Submitted", "no")).strip().lower() not in ("", "no")
        body = _plain_text(message)
        for mailbox, case in cases.items():
            original = _Original(
                message_id=message_id, references=str(message.get("References", "") or "").strip(),
                subject=subject, from_header=from_header, greeting_name=from_name,
                reply_name=reply_name, reply_address=reply_address,
                date_header=str(message.get("Date", "") or "").strip(), body=body, case=case,
                received_at=received_at)
            self._plan(mailbox, original, auto)
        return None

    def _plan(self, mailbox: str, original: _Original, auto: bool) -> None:
        """Schedule the replies a message to ``mailbox`` gets (``auto``: the message was automatic itself)."""
        if mailbox in (SUPPORT, SALES):
            if not auto:
                self._schedule("ack", mailbox, original)
            self._schedule("human", mailbox, original)
        elif mailbox == HELP:
            self._schedule("human", mailbox, original)
        # RETURNS: accepted and never answered.

    # -- scheduling ------------------------------------------------------------

    def _delay(self, kind: str, message_id: str) -> float:
        if self._delays is not None:
            delay = float(self._delays(kind, message_id))
        else:
            delay = self.ack_delay_s if kind == "ack" else self.human_delay_s
        return max(0.0, delay)

    def _schedule(self, kind: str, mailbox: str, original: _Original) -> None:
        delay = self._delay(kind, original.message_id)
        job = _Job(original.received_at + delay, next(self._seq), kind, mailbox, original, delay)
        with self._cond:
            heapq.heappush(self._heap, job)
            # Wake the scheduler only when this job is now the earliest.
            if self._heap[0] is job:
                self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while True:
                    if self._stopping:
                        return
                    if self._heap:
                        wait = self._heap[0].due - self._clock()
                        if wait <= 0:
                            job = heapq.heappop(self._heap)
                            break
                        # Capped so that a clock other than wall time is re-read now and then.
                        self._cond.wait(min(wait, 1.0))
                    else:
                        self._cond.wait()
            self._send(job)

    def _send(self, job: _Job) -> None:
        original = job.original
        now = self._clock()
        message = self._compose(job, now)
        try:
            self._deliver(original.reply_address, message.as_bytes(policy=policy.SMTP))
        except Exception:
            log.exception("MailDesk could not deliver a %s reply to %s", job.kind, original.reply_address)
            return
        with self._lock:
            self.log.append({
                "kind": job.kind,
                "mailbox": job.mailbox,
                "in_reply_to": original.message_id,
                "to": original.reply_address,
                "subject": str(message["Subject"]),
                "delay_s": job.delay_s,
                "received_at": original.received_at,
                "delivered_at": now,
                "message_id": str(message["Message-ID"]),
            })

    # -- composing replies -----------------------------------------------------

    def _compose(self, job: _Job, now: float) -> EmailMessage:
        original = job.original
        sender, subject, body = self._content(job)
        message = EmailMessage()
        message["From"] = formataddr(sender)
        message["To"] = formataddr((original.reply_name, original.reply_address))
        message["Subject"] = subject
        message["Date"] = format_datetime(datetime.fromtimestamp(now, timezone.utc))
        message["Message-ID"] = make_msgid(idstring=job.kind, domain=self.domain)
        if job.mailbox != HELP and original.message_id:
            message["In-Reply-To"] = original.message_id
            message["References"] = " ".join(filter(None, (original.references, original.message_id)))
        if job.kind == "ack":
            message["Auto-Submitted"] = "auto-replied"
            message["X-Autoreply"] = "yes"
        # 8-bit keeps the raw .eml evidence readable; SMTP allows it up to 998 bytes a line.
        longest = max(len(line.encode("utf-8")) for line in body.splitlines())
        message.set_content(body + "\n", charset="utf-8", cte="8bit" if longest <= 998 else "quoted-printable")
        return message

    def _content(self, job: _Job) -> tuple[tuple[str, str], str, str]:
        """A reply's (sender name and address, subject, body)."""
        original = job.original
        if job.mailbox == SUPPORT and job.kind == "ack":
            name = original.greeting_name or "Customer"
            sender = (_SUPPORT_DESK, SUPPORT)
            subject = _re_subject(original.subject)
            body = _paragraphs(
                f"Dear {name},",
                f"Thank you for contacting {COMPANY_NAME}. We have received your message and will "
                "reply within 1 business day.",
                f"Your case number is {original.case}.",
                "This is an automatic reply. Please quote your case number if you write to us again.",
                f"{COMPANY_NAME} Customer Care",
            )
        elif job.mailbox == SUPPORT:
            sender = (_SUPPORT_DESK, SUPPORT)
            subject = _re_subject(original.subject)
            body = _paragraphs(
                f"Dear {self._first_name(original)},",
                # People write about the question in front of them: no two answers read the same.
                f'You asked about "{_topic(original.subject)}".',
                "Thank you for your message, and for your patience. I have looked into your question "
                "and passed the details to our service team, who are already working on it. You do "
                "not need to do anything else for now.",
                f"If anything else comes up, simply reply to this email; your case number is "
                f"{original.case}.",
                f"Kind regards,\n{_SUPPORT_AGENT}",
                self._quoted(original),
            )
        elif job.kind == "ack":  # SALES, with the template fault
            sender = (_SALES_DESK, SALES)
            subject = _re_subject(original.subject)
            body = _paragraphs(
                "Dear [name],",
                f"Thank you for your enquiry to {COMPANY_NAME}. A member of our sales team will be "
                "in touch shortly.",
                "Your case number is %CASE_NUMBER%.",
                "This is an automatic reply.",
                _SALES_DESK,
            )
        elif job.mailbox == SALES:
            sender = (_SALES_DESK, SALES)
            subject = f"Your enquiry [Case {original.case}]"
            body = _paragraphs(
                f"Dear {self._first_name(original)},",
                f'You asked about "{_topic(original.subject)}".',
                f"Thank you for your interest in {COMPANY_NAME}. I would be glad to help: I have "
                "noted your enquiry and attached it to your case, and I am happy to answer any "
                "further questions by email or phone.",
                f"Kind regards,\n{_SALES_AGENT}",
                self._quoted(original),
            )
        else:  # HELP: a new mail from a colleague's own address
            sender = _HELP_PERSON
            subject = f"Your message to {COMPANY_NAME}"
            said = f'On {original.date_header or "an earlier date"} you wrote to {HELP}'
            if original.subject:
                said += f' ("{original.subject}")'
            body = _paragraphs(
                f"Hello {self._first_name(original)},",
                "I am following up on the message you sent to our help address. I have looked "
                "into it and I am happy to help; just reply to me directly if you need anything "
                "else.",
                f"Best wishes,\n{_HELP_PERSON[0]}\n{COMPANY_NAME} Customer Relations",
                f"{said}:\n{_quote(original.body)}",
            )
        return sender, subject, body

    @staticmethod
    def _first_name(original: _Original) -> str:
        name = original.greeting_name or original.reply_name
        return name.split()[0] if name else "Customer"

    @staticmethod
    def _quoted(original: _Original) -> str:
        who = original.from_header or original.reply_address
        when = original.date_header or "an earlier date"
        return f"On {when}, {who} wrote:\n{_quote(original.body)}"
