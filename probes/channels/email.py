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
"""
from __future__ import annotations

import asyncio
import smtplib
import socket
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Literal

from pydantic import Field

from ..awaits import ReplyDeadlines
from ..results import Finding, Outcome, ProberError, utcnow
from ..steps import MustMention, StepBase

USES_MAILBOX = True


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


async def run(step: "EmailStep", ctx) -> Outcome:
    """Send the message; an SMTP refusal or an unreachable server is a finding."""
    if ctx.email_identity is None:
        raise ProberError("the email channel needs an identity with an email mailbox in probes.yaml")
    msg = build_message(step, ctx)
    out = Outcome()
    out.observations.update(to=msg["To"], subject=msg["Subject"], message_id=ctx.message_id,
                            reply_address=ctx.reply_address)
    try:
        answer = await asyncio.to_thread(_send, ctx.email_identity, msg)
    except smtplib.SMTPRecipientsRefused as exc:
        words = "; ".join(f"{rcpt}: {code} {_text(resp)}" for rcpt, (code, resp) in exc.recipients.items())
        out.findings.append(Finding("email.refused", "critical", "The company's mail server refused the address",
                                    f"The address {msg['To']} does not accept mail: a customer writing to it "
                                    "gets a bounce.", words))
        out.observations["server_answer"] = words
        return out
    except smtplib.SMTPResponseException as exc:
        words = f"{exc.smtp_code} {_text(exc.smtp_error)}"
        out.findings.append(Finding("email.refused", "critical", "The mail server refused the message",
                                    "The message was not accepted for delivery.", words))
        out.observations["server_answer"] = words
        return out
    except (OSError, smtplib.SMTPException) as exc:
        words = f"{type(exc).__name__}: {exc}"
        out.findings.append(Finding("email.unreachable", "critical", "The mail could not be sent",
                                    f"No SMTP connection to {ctx.email_identity.smtp.host} could be made; "
                                    "nothing was sent.", words))
        out.observations["server_answer"] = words
        return out
    out.contacted = True
    out.sent_at = utcnow()
    out.observations["server_answer"] = answer
    return out


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _send(identity, msg: EmailMessage) -> str:
    """One SMTP transaction; returns the server's answer to the message data."""
    server = identity.smtp
    port = server.port_for("smtp")
    context = server.tls_context()
    if server.tls == "implicit":
        conn = smtplib.SMTP_SSL(server.host, port, timeout=server.timeout_s, context=context)
    else:
        conn = smtplib.SMTP(server.host, port, timeout=server.timeout_s)
    try:
        conn.ehlo_or_helo_if_needed()
        if server.tls == "starttls":
            conn.starttls(context=context)
            conn.ehlo()
        if server.username:
            conn.login(server.username, server.secret() or "")
        recipients = [msg["To"]] + ([identity.address] if identity.copy_to_self else [])
        code, resp = conn.mail(identity.address)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, resp, identity.address)
        refused = {}
        for rcpt in recipients:
            code, resp = conn.rcpt(_bare(rcpt))
            if code not in (250, 251):
                refused[rcpt] = (code, resp)
        if msg["To"] in refused:
            conn.rset()
            raise smtplib.SMTPRecipientsRefused(refused)
        code, resp = conn.data(msg.as_bytes())
        if code != 250:
            raise smtplib.SMTPDataError(code, resp)
        return f"{code} {_text(resp)}"
    finally:
        try:
            conn.quit()
        except (smtplib.SMTPException, OSError, socket.timeout):
            conn.close()


def _bare(address: str) -> str:
    from email.utils import parseaddr

    return parseaddr(address)[1] or address
