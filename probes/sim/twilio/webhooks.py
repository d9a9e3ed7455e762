"""Signed webhook requests, the way Twilio sends them.

Every request carries ``X-Twilio-Signature``: HMAC-SHA1, keyed with the
owning account's auth token, of the full URL followed by the sorted
parameters (computed with the SDK's own ``RequestValidator``, so an
application that validates with the SDK accepts exactly what Twilio would
send). GET requests carry the parameters in the query string and sign the
resulting URL alone, as Twilio does.
"""
from __future__ import annotations

import asyncio
import io
import wave
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin, urlsplit

import aiohttp
from twilio.request_validator import RequestValidator

__all__ = ["WebhookResult", "Webhooks", "resolve_url"]

# Twilio gives an application 15 s to answer a webhook (real seconds: the application is real).
TIMEOUT_S = 15.0
USER_AGENT = "TwilioProxy/1.1"
# Audio whose length cannot be read (MP3 and friends) plays this long.
DEFAULT_AUDIO_S = 10.0


@dataclass
class WebhookResult:
    """What the application answered; ``error`` is set when there was no usable answer."""

    url: str
    status: int | None
    body: str
    content_type: str
    elapsed_s: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def resolve_url(url: str, base: str | None) -> str | None:
    """An absolute URL for ``url`` seen in a document fetched from ``base`` (None if it cannot be)."""
    if urlsplit(url).scheme in ("http", "https"):
        return url
    if base is None:
        return None
    return urljoin(base, url)


class Webhooks:
    """One aiohttp session (in the simulator's loop) for every request to applications."""

    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TIMEOUT_S))
        return self._session

    async def audio_length_s(self, url: str) -> float | None:
        """Seconds of audio at ``url``: from the WAV header, DEFAULT_AUDIO_S for other audio, None on failure."""
        try:
            async with self._client().get(url, headers={"User-Agent": USER_AGENT}) as response:
                if not 200 <= response.status < 300:
                    return None
                body = await response.read()
        except (asyncio.TimeoutError, aiohttp.ClientError, OSError, ValueError):
            return None
        try:
            with wave.open(io.BytesIO(body), "rb") as w:
                return w.getnframes() / float(w.getframerate())
        except (wave.Error, EOFError, ZeroDivisionError):
            return DEFAULT_AUDIO_S

    async def request(self, url: str, params: dict[str, str], auth_token: str,
                      method: str = "POST") -> WebhookResult:
        """Send one signed request; never raises for network or HTTP errors (they go into the result)."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        method = method.upper() if method and method.upper() in ("GET", "POST") else "POST"
        validator = RequestValidator(auth_token)
        headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
        if method == "GET":
            sep = "&" if urlsplit(url).query else "?"
            full = url + (sep + urlencode(params) if params else "")
            headers["X-Twilio-Signature"] = validator.compute_signature(full, {})
            call = self._client().get(full, headers=headers, allow_redirects=True)
        else:
            full = url
            headers["X-Twilio-Signature"] = validator.compute_signature(url, params)
            call = self._client().post(url, data=params, headers=headers, allow_redirects=True)
        try:
            async with call as response:
                body = await response.text(errors="replace")
                ctype = response.headers.get("Content-Type", "")
                error = None if 200 <= response.status < 300 else f"HTTP {response.status}"
                return WebhookResult(full, response.status, body, ctype, loop.time() - started, error)
        except asyncio.TimeoutError:
            return WebhookResult(full, None, "", "", loop.time() - started, f"no answer within {TIMEOUT_S:g} s")
        except (aiohttp.ClientError, OSError, ValueError) as exc:
            return WebhookResult(full, None, "", "", loop.time() - started, f"{type(exc).__name__}: {exc}")
