"""The official `twilio` SDK, pointed at Twilio or at a Twilio-compatible server, and Twilio's bad moments.

twilio-python always builds ``https://api.twilio.com/...`` URLs. To talk to
the project's simulator (``probes sim twilio``) instead, ``RoutedHttpClient``
rewrites scheme and host of every request to ``api_base`` and keeps path and
query, so paging links work too. ``environment={}`` keeps ``TWILIO_EDGE`` /
``TWILIO_REGION`` from the shell out of it: the prober talks to exactly one
place, the one in probes.yaml.

Twilio sometimes answers 5xx (an outage) or 429 with ``Retry-After`` (too many
requests). That is Twilio's trouble, never the company's: ``send_with_retry``
sends again with backoff for a bounded time, then raises a ProberError. A 429
is refused before Twilio does anything, so it is safe to send again; a 5xx, a
timeout or a dropped connection may come *after* Twilio placed the call or
queued the text, so before sending a create again it asks Twilio whether the
first one went out (never call or text a company twice).
"""
from __future__ import annotations

import asyncio
import random
import threading
import time
from collections.abc import Awaitable, Callable
from email.utils import parsedate_to_datetime
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

import requests
from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from .results import ProberError, utcnow

TWILIO_API = "https://api.twilio.com"
DEFAULT_RETRY_FOR_S = 120.0     # how long Twilio's temporary trouble is waited out (a PhoneIdentity setting)
FIRST_WAIT_S = 1.0              # backoff: 1, 2, 4 … seconds between attempts …
MAX_WAIT_S = 30.0               # … never more than this without Retry-After
MAX_RETRY_AFTER_S = 60.0        # a Retry-After longer than this is waited for this long at most
TEMPORARY_STATUSES = frozenset({429, 500, 502, 503, 504})

T = TypeVar("T")

_last = threading.local()       # Retry-After of the last response, per worker thread


class RoutedHttpClient(TwilioHttpClient):
    """A TwilioHttpClient that sends every request to ``api_base`` (None: to Twilio itself, unchanged).

    It also keeps the ``Retry-After`` of a 429/503 answer for ``send_with_retry`` (the SDK's exception
    does not carry headers).
    """

    def __init__(self, api_base: str | None = None, timeout: float = 30.0, **kwargs):
        super().__init__(timeout=timeout, **kwargs)
        self.api_base: str | None = None
        if api_base is not None:
            parts = urlsplit(api_base)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise ValueError(f"api_base must be an http(s) URL, not {api_base!r}")
            self.api_base = f"{parts.scheme}://{parts.netloc}"

    def route(self, url: str) -> str:
        if self.api_base is None:
            return url
        parts = urlsplit(url)
        base = urlsplit(self.api_base)
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, parts.fragment))

    def request(self, method, url, params=None, data=None, headers=None, auth=None, timeout=None,
                allow_redirects=False):
        _last.retry_after_s = None
        response = super().request(method, self.route(url), params=params, data=data, headers=headers, auth=auth,
                                   timeout=timeout, allow_redirects=allow_redirects)
        if response.status_code in TEMPORARY_STATUSES and response.headers:
            _last.retry_after_s = retry_after_s(response.headers.get("Retry-After"))
        return response


def twilio_client(account_sid: str, auth_token: str, api_base: str | None = None,
                  http_client: TwilioHttpClient | None = None) -> Client:
    """A twilio.rest.Client for Twilio itself (api_base None) or for a compatible server at api_base."""
    if http_client is None:
        routed = api_base and api_base.rstrip("/") != TWILIO_API
        http_client = RoutedHttpClient(api_base if routed else None)
    return Client(account_sid, auth_token, http_client=http_client, environment={})


def step_budget_s(step, ctx) -> float:
    """A Twilio step's hard ceiling: its own, plus Twilio's temporary trouble waited out inside it
    (send_with_retry's retry_for_s, plus the last requests)."""
    from .runner import step_budget_s as own_budget_s   # here, not at the top: the runner imports the channels

    phone = ctx.phone_identity
    extra = phone.retry_for_s + 2 * phone.timeout_s if phone is not None else 0.0
    return own_budget_s(step, ctx.browser_session.settings) + extra


def retry_after_s(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delay-seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - utcnow()).total_seconds())


def _status(exc: BaseException) -> int | None:
    """The HTTP status of a Twilio error (a page of a list raises a bare TwilioException with the response)."""
    status = getattr(exc, "status", None)
    if status is None and len(exc.args) > 1:
        status = getattr(exc.args[1], "status_code", None)
    return status if isinstance(status, int) else None


def temporary(exc: BaseException) -> str | None:
    """Why exc is Twilio's temporary trouble ('429', '5xx', 'timeout', 'connection'), or None if it is not."""
    status = _status(exc)
    if isinstance(exc, TwilioException) and isinstance(status, int):
        if status == 429:
            return "429"
        if status in TEMPORARY_STATUSES or status >= 500:
            return "5xx"
        return None
    if isinstance(exc, requests.Timeout):
        return "timeout"
    if isinstance(exc, requests.ConnectionError):
        return "connection"
    return None


def describe(exc: BaseException) -> str:
    """One line for the report: the HTTP status and Twilio's code and words, or the network error."""
    status = _status(exc)
    if isinstance(exc, TwilioException) and status is not None:
        code, msg = getattr(exc, "code", None), getattr(exc, "msg", None) or getattr(exc, "title", "")
        return f"HTTP {status}" + (f" ({code} {msg})" if code else "")
    return f"{type(exc).__name__}: {exc}"


def _attempt(request: Callable[[], T]) -> T:
    """Run one SDK request in this (worker) thread; a Twilio error carries the Retry-After it came with."""
    try:
        return request()
    except TwilioException as exc:
        exc.retry_after_s = getattr(_last, "retry_after_s", None)
        raise


async def send_with_retry(request: Callable[[], T], *, what: str, retry_for_s: float,
                          find_created: Callable[[], Awaitable[T | None]] | None = None,
                          notes: list[str] | None = None) -> T:
    """Send one Twilio request (a blocking SDK call), waiting out Twilio's temporary trouble.

    On 429, 5xx, a timeout or a dropped connection it waits (1, 2, 4 … s up to MAX_WAIT_S, or what
    ``Retry-After`` asks, up to MAX_RETRY_AFTER_S) and sends again, for at most ``retry_for_s``; then
    it raises ProberError: Twilio's trouble is not a verdict on the company. Other Twilio errors are
    raised as they are, for the caller to judge.

    ``find_created``: for a request that creates something (a call, a text). After an answer that may
    have come after Twilio did the work (5xx, timeout, dropped connection) it is asked before sending
    again, and what it finds is returned instead of creating a second one. When it cannot tell (Twilio
    still failing), nothing is sent again. ``notes`` collects one line per retry, for the report.
    """
    deadline = time.monotonic() + retry_for_s
    wait_s = FIRST_WAIT_S
    maybe_done = False          # an earlier attempt may have created it
    last = ""
    while True:
        try:
            if maybe_done and find_created is not None:
                found = await find_created()
                if found is not None:
                    if notes is not None:
                        notes.append(f"{what}: found the earlier attempt's result at Twilio; not sent again")
                    return found
            return await asyncio.to_thread(_attempt, request)
        except (TwilioException, requests.RequestException) as exc:
            why = temporary(exc)
            if why is None:
                raise
            last = describe(exc)
            if why != "429":
                maybe_done = True
            asked = getattr(exc, "retry_after_s", None)
            pause = min(asked, MAX_RETRY_AFTER_S) if asked is not None else wait_s * random.uniform(1.0, 1.2)
            wait_s = min(wait_s * 2, MAX_WAIT_S)
            left = deadline - time.monotonic()
            if pause > left:
                asked_note = f"; Twilio asked to wait {asked:g} s" if asked is not None and asked > left else ""
                unsure = (" It cannot be told whether it went out: a resumed run (--run-id) asks Twilio "
                          "before sending again." if maybe_done and find_created is not None else "")
                raise ProberError(f"Twilio's temporary trouble, not a verdict on the company: {what} failed "
                                  f"for {retry_for_s:g} s (retry_for_s), last with {last}{asked_note}.{unsure}") \
                    from None
            if notes is not None:
                notes.append(f"{what}: {last}; sent again after {pause:.1f} s")
            await asyncio.sleep(pause)
