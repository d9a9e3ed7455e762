"""Channels: one module per way a customer gets in touch, all with one shape.

Each module defines ``Params`` (the step's pydantic model, with a
``channel: Literal["<id>"]`` key) and ``async def run(step, ctx) -> Outcome``.
A channel does I/O and reports what it saw; the runner decides pass or fail.
Adding a channel is one module plus one line here.
"""
from __future__ import annotations

from . import chat, email, phone, sms, web_form

REGISTRY = {
    "web_form": web_form,
    "email": email,
    "chat": chat,
    "phone": phone,
    "sms": sms,
}
