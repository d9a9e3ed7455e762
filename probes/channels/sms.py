"""sms: the customer texts the company (or writes on WhatsApp, with a ``whatsapp:`` number).

The message goes out through the official `twilio` SDK from the prober's
Twilio number, with the contact's correlation token in the text. The answers
come later: `probes harvest` (and `run --wait`) list the messages sent to the
prober's number and match them to this contact (see probes/harvest.py).

Twilio accepts a message before it is delivered; the step follows the
message's status for a few seconds, so a number that cannot receive texts is
a finding now rather than a silent "no answer" hours later.
"""
from __future__ import annotations

import asyncio
import time
from typing import Literal

import requests
from pydantic import Field
from twilio.base.exceptions import TwilioException, TwilioRestException

from ..awaits import ReplyDeadlines
from ..durations import Duration
from ..results import Finding, Outcome, ProberError, utcnow
from ..steps import MustMention, StepBase
from ..twilio_http import send_with_retry
from ..twilio_http import step_budget_s as budget_s  # noqa: F401 - the runner asks each channel for its ceiling
from .phone import PROBER_CODES

USES_TWILIO = True
REPLY_CHANNEL = "sms"
UNDELIVERED = ("undelivered", "failed")
# Twilio codes for a destination that cannot take the message at all.
BAD_NUMBER = {21211: "not a valid phone number", 21614: "not a mobile number", 21610: "has opted out (STOP)",
              21408: "is in a region this account may not text", 63003: "is not on WhatsApp"}


class ReplyExpectation(ReplyDeadlines):
    """Deadlines for the company's answers to this message (awaited by SMS)."""


class SmsStep(StepBase):
    destination_field = "to"

    channel: Literal["sms"]
    to: str = Field("{target.sms}", description="the company's number, +E.164, or whatsapp:+E.164; "
                                                "default the target's sms endpoint")
    body: str
    expect: ReplyExpectation | None = Field(None, description="deadlines for the answers (awaited by SMS)")
    must_mention: MustMention = Field(default_factory=list, description="what a real answer mentions: words, "
                                      "a /regex/, or a list of those meaning any of them; checked on every answer "
                                      "from a person")
    delivery_within: Duration = Field(15.0, description="how long to follow the message's delivery status")

    def template_fields(self) -> dict[tuple, str]:
        return {("to",): self.to, ("body",): self.body}

    def destination(self) -> str:
        return self.to


Params = SmsStep


def message_text(step: SmsStep, ctx) -> str:
    body = ctx.render(step.body)
    return body if ctx.token in body else f"{body.rstrip()} (ref {ctx.token})"


async def run(step: SmsStep, ctx) -> Outcome:
    identity = getattr(ctx, "phone_identity", None)
    if identity is None:
        raise ProberError("the sms channel needs an identity with a phone section in probes.yaml")
    to = ctx.render(step.to)
    body = message_text(step, ctx)
    client = identity.client()
    out = Outcome()
    out.observations.update(to=to, body=body)
    since = utcnow()
    notes: list[str] = []
    try:
        # Twilio's temporary trouble is waited out (retry_for_s); after a 5xx the text is looked for by its
        # token before it is sent again: never twice.
        message = await send_with_retry(
            lambda: client.messages.create(to=to, from_=identity.sender_for(to), body=body),
            what=f"sending the text to {to}", retry_for_s=identity.retry_for_s, notes=notes,
            find_created=lambda: _find_message(client, identity.sender_for(to), to, ctx.token, since))
    except TwilioRestException as exc:
        if exc.code in PROBER_CODES:
            raise ProberError(f"Twilio refused the prober's own account or number: {exc.code} {exc.msg}") from None
        what = BAD_NUMBER.get(exc.code)
        out.findings.append(Finding(
            "sms.refused", "critical", f"The number {what}" if what else "Twilio refused the message",
            f"A text to {to} cannot be sent: a customer texting this number reaches nobody.",
            f"{exc.code}: {exc.msg}"))
        out.observations["server_answer"] = f"{exc.code}: {exc.msg}"
        return out
    except (TwilioException, requests.RequestException) as exc:
        raise ProberError(f"Twilio could not be reached: {exc}") from None
    finally:
        if notes:
            out.observations["twilio_retries"] = notes
    out.contacted, out.sent_at = True, utcnow()
    out.observations.update(message_sid=message.sid, server_answer=f"message {message.sid} {message.status}")
    status, error = await _follow(client, message.sid, message.status, step.delivery_within)
    out.observations["delivery_status"] = status
    if status in UNDELIVERED:
        out.findings.append(Finding("sms.undelivered", "critical", "The text was not delivered",
                                    f"Twilio reports the message to {to} as {status}.",
                                    f"error {error}" if error else status))
        out.observations["reachable"] = False
    return out


async def _follow(client, sid: str, status: str, within_s: float) -> tuple[str, int | None]:
    """Poll the message until it is delivered, failed, or time is up."""
    deadline = time.monotonic() + within_s
    error = None
    while status not in ("delivered", "read", *UNDELIVERED) and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        try:
            fetched = await asyncio.to_thread(client.messages(sid).fetch)
        except (TwilioException, requests.RequestException):
            continue  # the status is a courtesy; the message is out either way
        status, error = fetched.status, fetched.error_code
    return status, error


async def _find_message(client, sender: str, to: str, token: str, since):
    """The message from ``sender`` to ``to`` with ``token`` in its text, created since ``since``, or None."""
    # Not filtered by DateSent: a message still queued has none yet.
    messages = await asyncio.to_thread(client.messages.list, to=to, from_=sender, limit=200)
    since = since.replace(microsecond=0)   # Twilio's dates have whole seconds
    return next((m for m in messages if token in (m.body or "") and m.date_created is not None
                 and m.date_created >= since), None)


async def find_sent(contact: dict, ctx) -> bool:
    """After a crash mid-send: did Twilio take this contact's message? (Its token is in the text.)"""
    identity = ctx.phone_identity
    to = contact["destination"]
    return await _find_message(identity.client(), identity.sender_for(to), to, contact["token"],
                               contact["planned_at"]) is not None
