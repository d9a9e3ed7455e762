"""The prober's own webhook server: what Twilio calls back during an interactive call.

An interactive phone step serves the TwiML for its own leg of the call and
hears each IVR prompt as a ``<Gather>`` result posted here; Twilio also posts
call-status changes and SMS status here. Every request must carry a valid
``X-Twilio-Signature`` (HMAC-SHA1 of the public URL and the sorted form
parameters, keyed with the account's auth token): anything else gets 403 and
is counted, so a forged callback can never steer a call or fake a result.

A signature proves who made a request, not that it is new: an exact copy of a
request already accepted (a *replay*) also gets 403 and is counted apart.
Legitimate requests never repeat exactly: status callbacks carry a sequence
number and a timestamp, texts a message SID, and the phone step gives every
TwiML document its own URLs (``url(..., once=True)``). Only *accepted*
requests are remembered, so Twilio's own retry of a request that failed (no
answer, an error) is let in. Memory is bounded: a signature is forgotten
``REPLAY_MEMORY_S`` after it was accepted (Twilio's longest call), and beyond
``REPLAY_MEMORY_MAX`` entries the oldest go first.

One server per Twilio identity, started on first use and shared by every step
of the run. Handlers are registered per contact under a random key, so
callbacks for a finished or foreign call get a polite hang-up, not a crash.

Texts: with the number's messaging webhook set to ``<public_url>/twilio/inbox/sms``,
``run --wait`` hears of an answer the moment it arrives (it is then read, like
every text, from Twilio's message list) instead of at the next look. The
answer to that webhook is an empty ``<Response/>``: the prober never replies.
"""
from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from aiohttp import web
from twilio.request_validator import RequestValidator

from .config import Webhooks

log = logging.getLogger("probes.webhooks")

INBOX = "inbox"   # the key of the messaging webhook: <public_url>/twilio/inbox/sms
HANG_UP = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>'
EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
REPLAY_MEMORY_S = 4 * 3600.0     # Twilio ends every call within 4 hours
REPLAY_MEMORY_MAX = 100_000      # signatures remembered at most (about 10 MB)

# handler(kind, params, received_monotonic) -> TwiML text, or None for an empty answer
Handler = Callable[[str, dict[str, str], float], "str | None"]


class WebhookServer:
    """aiohttp server on the run's event loop; see the module docstring."""

    def __init__(self, settings: Webhooks, auth_token: str):
        self.settings = settings
        self._validator = RequestValidator(auth_token)
        self._handlers: dict[str, Handler] = {}
        self._runner: web.AppRunner | None = None
        self.forged = 0           # requests refused for a missing or wrong signature
        self.replayed = 0         # requests refused as exact copies of one already accepted
        self._accepted: OrderedDict[str, float] = OrderedDict()   # signature -> when accepted (monotonic)
        self.port: int | None = None
        self._starting = asyncio.Lock()

    async def start(self) -> "WebhookServer":
        async with self._starting:  # several calls of a run start at once; one server binds
            if self._runner is None:
                await self._start()
        return self

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_post("/twilio/{key}/{kind}", self._handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        host, port = self.settings.host_port()
        site = web.TCPSite(runner, host, port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise OSError(f"the webhook server cannot listen on {self.settings.listen}: {exc.strerror or exc}") \
                from None
        self._runner = runner
        self.port = runner.addresses[0][1]  # the real port when listen asks for :0

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def register(self, handler: Handler, key: str | None = None) -> str:
        key = key or secrets.token_hex(8)
        self._handlers[key] = handler
        return key

    def unregister(self, key: str) -> None:
        self._handlers.pop(key, None)

    def url(self, key: str, kind: str, once: bool = False) -> str:
        """The public URL Twilio is given for this contact's callbacks of one kind.

        once: a URL of its own (a nonce in the query), for a TwiML document whose answer could otherwise
        repeat an earlier one word for word (the same empty Gather result twice) and be taken for a replay.
        """
        return f"{self.public_base()}/twilio/{key}/{kind}" + (f"?n={secrets.token_hex(6)}" if once else "")

    def refused(self) -> dict[str, int]:
        """Webhooks refused so far: ``{"forged": n, "replayed": m}``."""
        return {"forged": self.forged, "replayed": self.replayed}

    def _first_time(self, signature: str, now: float) -> bool:
        """Remember an accepted request's signature; False if it was accepted before (a replay)."""
        while self._accepted and (len(self._accepted) >= REPLAY_MEMORY_MAX
                                  or next(iter(self._accepted.values())) < now - REPLAY_MEMORY_S):
            self._accepted.popitem(last=False)
        if signature in self._accepted:
            return False
        self._accepted[signature] = now
        return True

    def public_base(self) -> str:
        base = self.settings.public_url
        if self.port and base.endswith(":0"):  # loopback tests bind port 0 and learn the port here
            base = base[:-2] + f":{self.port}"
        return base

    async def _handle(self, request: web.Request) -> web.Response:
        received = time.monotonic()
        form = await request.post()
        params: dict[str, Any] = {k: v for k, v in form.items()}
        url = self.public_base() + request.path_qs
        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature or not self._validator.validate(url, params, signature):
            self.forged += 1
            log.warning("refused a webhook to %s with a %s signature", request.path,
                        "wrong" if signature else "missing")
            return web.Response(status=403, text="invalid signature")
        if not self._first_time(signature, received):
            self.replayed += 1
            log.warning("refused a replayed webhook to %s (the same signed request was accepted before)",
                        request.path)
            return web.Response(status=403, text="replayed request")
        handler = self._handlers.get(request.match_info["key"])
        kind = request.match_info["kind"]
        if handler is None:
            # A call we no longer follow (finished step, earlier run): end it rather than leave it hanging.
            return web.Response(text=HANG_UP if kind == "voice" else EMPTY, content_type="text/xml")
        try:
            twiml = handler(kind, params, received)
        except Exception:  # noqa: BLE001 - a bug here must not leave Twilio waiting
            log.exception("webhook handler for %s failed", kind)
            twiml = HANG_UP
        return web.Response(text=twiml or EMPTY, content_type="text/xml")
