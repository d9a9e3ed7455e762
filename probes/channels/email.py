"""email: the customer writes to the company's support address.

Sends one message through the prober's own mailbox (an identity in
probes.yaml) and records what the SMTP server answered. The answers come
later and are read by `probes harvest` (see probes/harvest.py), matched to
this contact by its reply address, its token and its Message-ID.

Each message carries the contact's correlation token in the subject and the
body (added when the scenario's text does not use {token}), a Reply-To of
``local+<token>@domain`` where the mailbox supports sub-addressing, and a
Message-ID chosen before sending and written to the ledger first: after a
crash, that Message-ID is how the runner finds out whether it was sent.

The clock: a contact's time (``sent_at``) is the start of the SMTP transaction that delivered it (just
before connecting), the moment a customer presses send; every answer time counts from it. The server's
``250`` after the message is kept apart (``accepted_at``, and ``acceptance_s`` among the step's
measurements): a gateway that scans the message first can answer seconds later, after the company's
acknowledgement has already arrived. That server is the prober's own (the identity's ``smtp``), so a slow
acceptance is the prober's slowness: noted on the step, never a finding.

``copy_to_self``: the prober's own address is an extra recipient, so that after a crash its copy proves the
message went. A server that refuses that recipient while accepting the company's address gets no copy: the
prober warns once per run and puts the sent message into the identity's ``sent_folder`` (else its inbox)
over IMAP APPEND instead, where the crash recovery looks for it. An APPEND that fails is a warning.

Who is at fault: only a permanent (5xx) refusal of the company's address or
of the message is a finding. Temporary answers (4xx, greylisting) are retried
for the relay's `retry_for_s`; they, and the relay's own trouble (unreachable,
TLS, login, sender refused), end as a prober error naming the setting to fix.
A connection lost after the message was sent may have delivered it: that
contact stays 'planned' for the runner's never-twice recovery.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import smtplib
import ssl
import time
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Literal

from pydantic import Field

from ..awaits import ReplyDeadlines
from ..results import Finding, Outcome, ProberError, utcnow
from ..steps import MustMention, StepBase

USES_MAILBOX = True

log = logging.getLogger("probes.channels.email")


class ReplyExpectation(ReplyDeadlines):
    """Deadlines for the company's answers to this email (awaited by email)."""


class EmailStep(StepBase):
    destination_field = "to"

    channel: Literal["email"]
    to: str = Field("{target.support_email}", description="the company's address; default the target's "
                                                          "support_email endpoint")
    subject: str
    body: str
    expect: ReplyExpectation | None = Field(None, description="deadlines for the answers (awaited by email)")
    must_mention: MustMention = Field(default_factory=list, description="what a real answer mentions: words, "
                                      "a /regex/, or a list of those meaning any of them; checked on every answer "
                                      "from a person")

    def template_fields(self) -> dict[tuple, str]:
        return {("to",): self.to, ("subject",): self.subject, ("body",): self.body}

    def destination(self) -> str:
        return self.to


Params = EmailStep  # the name every channel module exports


def build_message(step: "EmailStep", ctx) -> EmailMessage:
    """The message exactly as it will be sent (the token is in the subject and the body)."""
    subject, body = ctx.render(step.subject), ctx.render(step.body)
    if ctx.token not in subject:
        subject = f"{subject} [ref {ctx.token}]"
    if ctx.token not in body:
        body = f"{body.rstrip()}\n\nReference: {ctx.token}\n"
    identity = ctx.email_identity
    msg = EmailMessage()
    msg["From"] = formataddr((ctx.persona_name, identity.address))
    msg["To"] = ctx.render(step.to)
    if ctx.reply_address != identity.address:
        msg["Reply-To"] = formataddr((ctx.persona_name, ctx.reply_address))
    msg["Subject"] = subject
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = ctx.message_id
    msg.set_content(body)
    return msg


# Pauses between attempts after a temporary refusal: 1 s, 2 s, 4 s … at most this long.
FIRST_PAUSE_S = 1.0
LONGEST_PAUSE_S = 60.0
# An acceptance (the 250 after the message) slower than this gets a note on the step.
SLOW_ACCEPTANCE_S = 2.0
# SMTP stages that concern the prober's own relay and account, not the company.
RELAY_STAGES = ("connect", "greeting", "tls", "auth", "mail")
STAGE_NAMES = {"connect": "connecting", "greeting": "the greeting", "tls": "TLS", "auth": "login (AUTH)",
               "mail": "MAIL FROM", "rcpt": "RCPT TO", "data": "DATA", "message": "the end of the message"}


class SmtpFailure(Exception):
    """One SMTP attempt failed at `stage`: with the server's reply (`code`), or with no reply (lost)."""

    def __init__(self, stage: str, words: str, code: int | None = None):
        super().__init__(words)
        self.stage, self.words, self.code = stage, words, code

    @property
    def said(self) -> str:
        """The server's reply as it said it, or what happened instead."""
        return f"{self.code} {self.words}" if self.code is not None else self.words

    @property
    def temporary(self) -> bool:
        """Worth trying again: a 4xx answer, or a connection lost before any of the message was sent."""
        if self.code is not None:
            return 400 <= self.code < 500
        return self.stage not in ("connect", "tls", "message")


@dataclass
class Sent:
    """One SMTP transaction that delivered the message."""

    answer: str                      # the server's reply to the message, e.g. "250 2.0.0 Ok: queued"
    started_at: dt.datetime          # just before connecting: the customer's "send"
    accepted_at: dt.datetime         # when that reply came
    copy_refused: str | None = None  # the server's reply refusing the copy_to_self recipient, if it did

    @property
    def acceptance_s(self) -> float:
        """How long the server took, from the start of the transaction to its 250."""
        return (self.accepted_at - self.started_at).total_seconds()


# (what, run, identity address) already warned about: the prober's own trouble is told once per run,
# and noted on every step it touched.
_warned: set[tuple[str, str, str]] = set()


def _warn_once(ctx, what: str, text: str, *args) -> None:
    # The evidence folder is <reports>/evidence/<run id>/<journey>: its parent names the run.
    key = (what, str(ctx.evidence_dir.parent), ctx.email_identity.address)
    if key not in _warned:
        _warned.add(key)
        log.warning(text, *args)


def budget_s(step: "EmailStep", ctx) -> float:
    """The step's hard ceiling: the retry window plus a few slow attempts."""
    identity = ctx.email_identity
    if identity is None:
        return 60.0
    return identity.smtp.retry_for_s + 10 * identity.smtp.timeout_s + 60.0


async def run(step: "EmailStep", ctx) -> Outcome:
    """Send the message; the company's refusal is a finding, the relay's trouble a prober error.

    Temporary refusals (4xx, greylisting) are retried for the relay's `retry_for_s`.
    """
    if ctx.email_identity is None:
        raise ProberError("the email channel needs an identity with an email mailbox in probes.yaml")
    msg = build_message(step, ctx)
    out = Outcome()
    out.observations.update(to=msg["To"], subject=msg["Subject"], message_id=ctx.message_id,
                            reply_address=ctx.reply_address)
    relay = ctx.email_identity.smtp
    started = time.monotonic()
    pause_s, attempts, temporary = FIRST_PAUSE_S, 0, []
    while True:
        attempts += 1
        try:
            sent = await asyncio.to_thread(_send, ctx.email_identity, msg)
            break
        except SmtpFailure as failure:
            left_s = relay.retry_for_s - (time.monotonic() - started)
            if not failure.temporary or left_s <= 0:
                return _failed(failure, msg, out, ctx, attempts, time.monotonic() - started)
            temporary.append(f"{STAGE_NAMES[failure.stage]}: {failure.said}")
            wait_s = min(pause_s, left_s)
            log.warning("email %s: temporary failure at %s (%s); attempt %d, trying again in %.0f s",
                        ctx.message_id, STAGE_NAMES[failure.stage], failure.said, attempts, wait_s)
            await asyncio.sleep(wait_s)
            pause_s = min(pause_s * 2, LONGEST_PAUSE_S)
    out.contacted = True
    # The customer's clock: from the start of the transaction that delivered it (retries before it were
    # the relay's trouble, noted below), not from the server's 250 (see the module docstring).
    out.sent_at, out.accepted_at = sent.started_at, sent.accepted_at
    out.measurements["acceptance_s"] = sent.acceptance_s
    out.observations["server_answer"] = sent.answer
    if sent.acceptance_s >= SLOW_ACCEPTANCE_S:
        out.observations["slow_acceptance"] = (
            f"the prober's SMTP server ({_relay_name(ctx)}) took {sent.acceptance_s:.1f} s to accept the "
            f"message; answer times count from the start of sending and may include up to that much of "
            f"the prober's own sending time (not the company's)")
        _warn_once(ctx, "slow", "email %s: %s (further slow acceptances in this run are noted on their steps)",
                   ctx.message_id, out.observations["slow_acceptance"])
    if temporary:
        # The retry is part of what happened: a greylisting relay delays every first contact.
        out.observations.update(smtp_attempts=attempts, temporary_answers=temporary)
    if sent.copy_refused:
        await _copy_instead(msg, sent, out, ctx)
    return out


def _relay_name(ctx) -> str:
    relay = ctx.email_identity.smtp
    return f"identity '{ctx.identity_name or '?'}', {relay.host}:{relay.port_for('smtp')}"


async def _copy_instead(msg: EmailMessage, sent: Sent, out: Outcome, ctx) -> None:
    """The server refused the copy_to_self recipient: warn once per run, and APPEND the copy over IMAP."""
    identity = ctx.email_identity
    folder = identity.sent_folder or identity.inbox
    _warn_once(ctx, "copy", "the SMTP server (%s) refused the copy to %s (%s): copy_to_self gets no copy; each "
               "sent message is put into the folder '%s' over IMAP instead, where crash recovery looks for it "
               "(a provider that keeps sent mail itself: set sent_folder, and copy_to_self: false)",
               _relay_name(ctx), identity.address, sent.copy_refused, folder)
    out.observations["copy_to_self"] = f"refused by the prober's SMTP server: {sent.copy_refused}"
    try:
        await asyncio.to_thread(append_copy, identity, msg, folder, sent.accepted_at)
    except Exception as exc:  # noqa: BLE001 - imaplib/socket/ssl errors alike; the message went all the same
        out.observations["copy_to_self"] += (f"; putting the copy into '{folder}' over IMAP failed too "
                                             f"({type(exc).__name__}: {exc}): after a crash, no copy proves it "
                                             "was sent")
        log.warning("email %s: could not put the sent copy into '%s' of %s: %s: %s", ctx.message_id, folder,
                    identity.address, type(exc).__name__, exc)
        return
    out.observations["copy_to_self"] += f"; the sent message was put into '{folder}' over IMAP instead"


def append_copy(identity, msg: EmailMessage, folder: str, when: dt.datetime) -> None:
    """Store the sent message in `folder` of the identity's mailbox (IMAP APPEND), marked read.

    Its INTERNALDATE is `when` (the server's acceptance), as a delivered copy's would be."""
    from imapclient import IMAPClient

    server = identity.imap
    context = server.tls_context()
    client = IMAPClient(server.host, port=server.port_for("imap"), ssl=server.tls == "implicit",
                        ssl_context=context, timeout=server.timeout_s)
    try:
        if server.tls == "starttls":
            client.starttls(context)
        client.login(server.username or identity.address, server.secret() or "")
        client.append(folder, msg.as_bytes(), flags=(b"\\Seen",), msg_time=when)
    finally:
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - a dropped connection cannot say goodbye
            client.shutdown()


def _failed(failure: SmtpFailure, msg: EmailMessage, out: Outcome, ctx, attempts: int, spent_s: float) -> Outcome:
    """A finding when the company refused for good; otherwise raise the prober error that says what to fix."""
    where = STAGE_NAMES[failure.stage]
    said = failure.said
    if failure.code and failure.code >= 500 and failure.stage in ("rcpt", "data", "message"):
        out.observations["server_answer"] = said
        if failure.stage == "rcpt":
            out.findings.append(Finding("email.refused", "critical", "The company's mail server refused the address",
                                        f"The address {msg['To']} does not accept mail: a customer writing to it "
                                        "gets a bounce.", said))
        else:
            out.findings.append(Finding("email.refused", "critical", "The mail server refused the message",
                                        "The message was not accepted for delivery.", said))
        return out
    relay = ctx.email_identity.smtp
    name = ctx.identity_name or "<name>"
    setting = f"identities.{name}.email"
    who = f"the SMTP relay of identity '{name}' ({relay.host}:{relay.port_for('smtp')})"
    tried = f" ({attempts} attempts over {spent_s:.0f} s)" if attempts > 1 else ""
    resume = "nothing was sent; `probes run --run-id ID` sends it"
    if failure.code is None and failure.stage == "message":
        # The message went out and the answer never came: the server may have accepted it. Not
        # retried (never twice); the contact stays planned, so a resume looks for its copy first.
        raise ProberError(f"connection lost during sending: the message may or may not have been delivered "
                          f"({failure.words}); `probes run --run-id ID` looks for its Message-ID in the "
                          f"mailbox before sending it again")
    if failure.code is not None and 400 <= failure.code < 500 and failure.stage not in RELAY_STAGES:
        raise ProberError(f"temporary failure, not a verdict: the mail server answered \"{said}\" at {where}"
                          f"{tried}; {resume}", nothing_sent=True)
    if failure.stage == "connect":
        fix = f"{setting}.smtp.host and .port"
        trouble = f"{who} could not be reached ({said})"
    elif failure.stage == "tls" or (failure.stage == "mail" and "starttls" in failure.words.lower()):
        fix = f"{setting}.smtp.tls and .ca_file"
        trouble = f"TLS with {who} failed: {said}"
    elif failure.stage == "auth" or (failure.stage == "mail" and failure.code in (530, 534, 535)):
        fix = f"{setting}.smtp.password (and .username)"
        trouble = f"{who} refused the login: \"{said}\""
    elif failure.stage == "mail" and not failure.temporary:
        fix = f"{setting}.address (the relay must let this mailbox send as it)"
        trouble = f"{who} refused the sender at MAIL FROM: \"{said}\""
    elif failure.code is None:
        fix = f"{setting}.smtp"
        trouble = f"the connection to {who} was lost at {where} ({said})"
    else:
        fix = f"{setting}.smtp"
        trouble = f"{who} answered \"{said}\" at {where}"
    if failure.temporary:
        trouble = f"temporary failure, not a verdict: {trouble}"
    raise ProberError(f"{trouble}{tried}; check {fix}; {resume}", nothing_sent=True)


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _send(identity, msg: EmailMessage) -> Sent:
    """One SMTP transaction; returns what the server answered and when, or raises SmtpFailure."""
    stage = ["connect"]   # how far the transaction got, for the failure
    try:
        return _transaction(identity, msg, stage)
    except smtplib.SMTPConnectError as exc:
        raise SmtpFailure("greeting", _text(exc.smtp_error), exc.smtp_code) from None
    except smtplib.SMTPResponseException as exc:
        raise SmtpFailure(stage[0], _text(exc.smtp_error), exc.smtp_code) from None
    except (ssl.SSLError, ssl.CertificateError) as exc:
        # A TLS error while setting up is a TLS problem; later it is a lost connection like any other.
        where = "tls" if stage[0] in ("connect", "greeting", "tls") else stage[0]
        raise SmtpFailure(where, f"{type(exc).__name__}: {exc}") from None
    except (OSError, smtplib.SMTPException) as exc:
        raise SmtpFailure(stage[0], f"{type(exc).__name__}: {exc}") from None


def _transaction(identity, msg: EmailMessage, stage: list[str]) -> Sent:
    server = identity.smtp
    started_at = utcnow()   # before connecting: the customer presses send
    port = server.port_for("smtp")
    context = server.tls_context()
    conn: smtplib.SMTP
    if server.tls == "implicit":
        conn = smtplib.SMTP_SSL(server.host, port, timeout=server.timeout_s, context=context)
    else:
        conn = smtplib.SMTP(server.host, port, timeout=server.timeout_s)
    try:
        stage[0] = "greeting"
        conn.ehlo_or_helo_if_needed()
        if server.tls == "starttls":
            stage[0] = "tls"
            conn.starttls(context=context)
            conn.ehlo()
        if server.username:
            stage[0] = "auth"
            conn.login(server.username, server.secret() or "")
        recipients = [msg["To"]] + ([identity.address] if identity.copy_to_self else [])
        stage[0] = "mail"
        code, resp = conn.mail(identity.address)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, resp, identity.address)
        stage[0] = "rcpt"
        refused = {}
        for rcpt in recipients:
            code, resp = conn.rcpt(_bare(rcpt))
            if code not in (250, 251):
                refused[rcpt] = (code, resp)
        if msg["To"] in refused:
            try:
                conn.rset()
            except (smtplib.SMTPException, OSError):
                pass   # a server that said 421 has closed the connection; its answer is what counts
            raise smtplib.SMTPResponseException(*refused[msg["To"]])
        stage[0] = "data"
        code, resp = conn.docmd("DATA")
        if code != 354:
            raise smtplib.SMTPDataError(code, resp)
        # From here the server may accept the message at any moment: a lost connection is not "nothing sent".
        stage[0] = "message"
        conn.send(_data_lines(msg.as_bytes()))
        code, resp = conn.getreply()
        accepted_at = utcnow()
        if code != 250:
            raise smtplib.SMTPDataError(code, resp)
        copy = refused.get(identity.address) if identity.copy_to_self else None
        return Sent(f"{code} {_text(resp)}", started_at, accepted_at,
                    f"{copy[0]} {_text(copy[1])}" if copy else None)
    finally:
        try:
            conn.quit()
        except OSError:   # smtplib.SMTPException and timeouts are OSErrors too
            conn.close()


def _data_lines(raw: bytes) -> bytes:
    """The message as SMTP DATA: CRLF line ends, leading dots doubled, ended by a lone dot (RFC 5321 4.5.2)."""
    data = re.sub(rb"\r\n|\n|\r", b"\r\n", raw)
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def _bare(address: str) -> str:
    from email.utils import parseaddr

    return parseaddr(address)[1] or address
