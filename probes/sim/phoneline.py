"""The demo company's phone lines and SMS number: a TwiML application with deliberate faults.

``DemoPhoneLine`` is the telephone side of "Northwind Appliances". It serves
Twilio webhooks on loopback with the standard library's ``ThreadingHTTPServer``
and answers them with standard TwiML built by the official ``twilio`` SDK, so
the same application would run behind a real Twilio number. Every webhook must
carry a valid ``X-Twilio-Signature`` made with the company account's auth token
(the signed URL is ``public_url`` + path + query, i.e. the URL the webhook was
configured with); a forged or unsigned request gets HTTP 403. ``GET /hold.wav``
(the hold music, media rather than a webhook) is the only unsigned route.

What a customer meets (``LINES`` lists the same for the README and the demo):

Main line ``MAIN_LINE`` (+18005550100), ``POST /voice/main``
    The greeting "Thank you for calling Northwind Appliances." and the main
    menu (``MAIN_MENU``), answered by key or by speech:
    1 / "billing" → billing menu; 2 / "support" → technical support menu;
    3 / "order" → order status; 4 / "returns" → returns; 9 / "repeat" → the menu again.
    No answer, or one the menu does not know ("Sorry, I didn't understand
    that."), repeats the menu at most twice; then ``NO_CHOICE`` ("Sorry, we did
    not receive your choice.", after silence) or "Sorry, I didn't understand
    that.", ``GOODBYE`` ("Thank you for calling Northwind Appliances. Goodbye.")
    and hang up.
    Sub-menus behave the same way.

    - 1 Billing (``BILLING_MENU``): 1 / "invoice" → ``INVOICE_INFO``, then hang
      up (healthy: the answer is given); 2 / "agent" → "Please hold while we
      connect you to our billing team." and queue ``billing``.
    - 2 Technical support (``SUPPORT_MENU``): 1 / "washing machine" or 2 / "fridge"
      → "Please hold while we connect you to our technical support team." and queue ``support``.
    - 3 Order status: **dead end** — ``ORDER_STATUS`` ("please visit our
      website…") and the line hangs up; there is no way through to a person.
    - 4 Returns: **loop** — ``RETURNS_INFO``, then ``<Redirect>`` straight back
      to the main menu (without the greeting); the customer never gets further.

Queues ``billing`` and ``support``
    ``<Enqueue>`` with a ``waitUrl`` that says ``HOLD_MESSAGE`` ("Your call is
    important to us…") and plays ``/hold.wav`` (``HOLD_MUSIC_S`` seconds of
    tones), again and again. ``hold_s`` seconds after the caller's first
    waitUrl request (the moment they joined the queue) the application calls
    the queue's agent through the REST API (``calls.create`` from
    ``MAIN_LINE`` with ``<Dial><Queue>``), which dequeues the caller. The agent
    is a simulated person who answers after ``AGENT_ANSWER_AFTER_S`` and, a
    breath after being connected (the simulator's ``greet_after``, 1.5 s), says
    their greeting: a caller waits ``hold_s`` + ``AGENT_ANSWER_AFTER_S`` in the
    queue, then hears silence, then the person. Billing: Anna
    (``BILLING_AGENT``); support: Ben (``SUPPORT_AGENT``). Each step is in ``log``.

Sales line ``SALES_LINE`` (+18005550101), ``POST /voice/sales``
    Open Monday to Friday 09:00–17:00 America/New_York: ``SALES_WELCOME`` and
    ``<Dial>`` to Carlos (``SALES_AGENT``). Out of hours: **busy** —
    ``<Reject reason="busy"/>``. The line reads the time from ``now()``; the
    default is ``demo_clock``, a fixed Sunday afternoon, so in the demo the
    busy fault always shows. Pass ``now=`` to choose otherwise.

SMS number ``SMS_NUMBER`` (+18005550150), ``POST /sms``
    An immediate automatic reply in the webhook's answer (``<Message>``,
    "Thanks for your message … we'll text you back within 2 hours"), then,
    ``sms_human_delay_s`` later, a reply from Sam sent through the REST API
    (``messages.create``) that greets the customer and answers by topic. Both
    quote the customer's reference when the message has one: ``ref X`` /
    ``reference: X``, or a word shaped like ``probes.ledger.new_token()``
    (ten of ``a-k m n p-z 2-9``, with at least one digit).

``demo_numbers()`` gives the numbers file the Twilio simulator needs for all
of this: both accounts, the lines with their webhook URLs, and the agents as
``person`` numbers.
"""

from __future__ import annotations

import array
import functools
import io
import itertools
import logging
import math
import re
import socket
import sys
import threading
import wave
from collections.abc import Callable
from datetime import datetime, time, timezone
from http.server import BaseHTTPRequestHandler
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlencode, urlsplit
from zoneinfo import ZoneInfo

from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse
from twilio.twiml.voice_response import VoiceResponse

from probes.sim.httpserver import QuietServer

__all__ = [
    "AGENTS",
    "BILLING_AGENT",
    "COMPANY_ACCOUNT_SID",
    "COMPANY_AUTH_TOKEN",
    "LINES",
    "MAIN_LINE",
    "SALES_AGENT",
    "SALES_LINE",
    "SMS_NUMBER",
    "SUPPORT_AGENT",
    "Agent",
    "DemoPhoneLine",
    "PhoneLine",
    "auto_reply",
    "demo_clock",
    "demo_numbers",
    "find_reference",
    "hold_music_wav",
    "human_reply",
    "sales_open",
]

log = logging.getLogger(__name__)

COMPANY_NAME = "Northwind Appliances"

# --- numbers (Twilio's 555-01xx range is fictional) ---
MAIN_LINE = "+18005550100"
SALES_LINE = "+18005550101"
SMS_NUMBER = "+18005550150"
BILLING_AGENT = "+18005550190"  # Anna
SUPPORT_AGENT = "+18005550191"  # Ben
SALES_AGENT = "+18005550192"  # Carlos

# The company's (demo) Twilio account; the simulator signs its webhooks with this token.
COMPANY_ACCOUNT_SID = "AC0000000000000000000000000000a002"
COMPANY_AUTH_TOKEN = "northwind-demo-company-auth-token"

# --- timings ---
DEFAULT_HOLD_S = 6.0
DEFAULT_SMS_HUMAN_DELAY_S = 4.0
AGENT_ANSWER_AFTER_S = 1.0
# Long enough for any conversation a probe has; the person also hangs up when the caller does.
AGENT_HANGUP_AFTER_S = 120.0
HOLD_MUSIC_S = 4.0
GATHER_TIMEOUT_S = 5
# How often a menu is repeated after no (or an unknown) answer before the line gives up.
MAX_REPEATS = 2
# Webhook bodies are a few hundred bytes; refuse anything absurd instead of buffering it.
MAX_BODY_BYTES = 100_000

# --- sales opening hours ---
SALES_TIMEZONE = "America/New_York"
SALES_OPENS = time(9, 0)
SALES_CLOSES = time(17, 0)
# Sunday 22 November 2026, 13:00 in New York: out of hours, so the demo's sales line is always busy.
DEMO_NOW = datetime(2026, 11, 22, 18, 0, tzinfo=timezone.utc)

# --- what the lines say ---
GREETING = f"Thank you for calling {COMPANY_NAME}."
MAIN_MENU = ("For billing, press 1 or say billing. For technical support, press 2 or say support. "
             "For order status, press 3 or say order. For returns, press 4 or say returns. "
             "To hear these options again, press 9.")
BILLING_MENU = ("Billing. For a copy of an invoice, press 1 or say invoice. "
                "To speak to someone in our billing team, press 2 or say agent.")
SUPPORT_MENU = ("Technical support. For washing machines and dishwashers, press 1 or say washing machine. "
                "For fridges and freezers, press 2 or say fridge.")
NOT_UNDERSTOOD = "Sorry, I didn't understand that."
NO_CHOICE = "Sorry, we did not receive your choice."
GOODBYE = f"Thank you for calling {COMPANY_NAME}. Goodbye."
INVOICE_INFO = ("You can download copies of all your invoices from your account on our website, "
                f"under My orders. Thank you for calling {COMPANY_NAME}. Goodbye.")
ORDER_STATUS = ("To check the status of your order, please visit our website at northwind dot example "
                "slash orders. Goodbye.")
RETURNS_INFO = ("You can return most products within 30 days of delivery. To start a return, visit our "
                "website and we will email you a free returns label.")
HOLD_MESSAGE = ("Your call is important to us. Please stay on the line and the next available "
                "member of our team will be with you shortly.")
QUEUE_GIVE_UP = "Sorry, no one is available to take your call right now. Please try again later. Goodbye."
SALES_WELCOME = f"Thank you for calling {COMPANY_NAME} sales. Putting you through to an advisor."


class Agent(NamedTuple):
    """A simulated person who answers one of the company's queues or lines."""

    number: str
    name: str
    greeting: str


AGENTS: dict[str, Agent] = {
    "billing": Agent(BILLING_AGENT, "Anna",
                     "Hello, you're through to Northwind billing, my name is Anna. How can I help?"),
    "support": Agent(SUPPORT_AGENT, "Ben",
                     "Hello, you're through to Northwind technical support, my name is Ben. How can I help?"),
    "sales": Agent(SALES_AGENT, "Carlos",
                   "Hello, Northwind sales, this is Carlos speaking. How can I help?"),
}

_QUEUE_INTRO = {
    "billing": "Please hold while we connect you to our billing team.",
    "support": "Please hold while we connect you to our technical support team.",
}


class PhoneLine(NamedTuple):
    """One number (or menu branch) of the demo company and what a customer meets there."""

    number: str
    title: str
    fault: str


LINES: tuple[PhoneLine, ...] = (
    PhoneLine(MAIN_LINE, "Main line",
              "healthy menu: greeting, then 1 billing, 2 support, 3 order status, 4 returns, 9 repeat "
              "(keys or speech); no answer repeats the menu twice, then 'Goodbye' and hang up"),
    PhoneLine(MAIN_LINE, "1 Billing",
              "healthy: 1 invoice copy tells you where to find it and hangs up; 2 queues you, "
              "Anna answers after the hold"),
    PhoneLine(MAIN_LINE, "2 Technical support",
              "healthy: 1 washing machines or 2 fridges queues you, Ben answers after the hold"),
    PhoneLine(MAIN_LINE, "3 Order status", "dead end: 'please visit our website', then the line hangs up"),
    PhoneLine(MAIN_LINE, "4 Returns", "loop: returns information, then straight back to the main menu"),
    PhoneLine(SALES_LINE, "Sales line",
              "busy out of hours (Mon-Fri 09:00-17:00 New York; always, with the demo clock); "
              "in hours Carlos answers"),
    PhoneLine(SMS_NUMBER, "Text us",
              "healthy: instant automatic reply quoting your reference, then a reply from Sam"),
    PhoneLine(BILLING_AGENT, "Anna, billing", "simulated person: answers the billing queue"),
    PhoneLine(SUPPORT_AGENT, "Ben, technical support", "simulated person: answers the support queue"),
    PhoneLine(SALES_AGENT, "Carlos, sales", "simulated person: answers the sales line in hours"),
)


# --------------------------------------------------------------------------
# Menus


class _Menu(NamedTuple):
    prompt: str
    # (digit, words that choose it when spoken), checked in this order.
    options: tuple[tuple[str, tuple[str, ...]], ...]


_MENUS: dict[str, _Menu] = {
    "main": _Menu(MAIN_MENU, (
        ("1", ("billing", "bill", "bills", "invoice", "payment", "one")),
        ("2", ("support", "technical", "repair", "broken", "two")),
        ("3", ("order", "orders", "order status", "delivery", "three")),
        ("4", ("returns", "return", "refund", "four")),
        ("9", ("repeat", "again", "options", "menu", "nine")),
    )),
    "billing": _Menu(BILLING_MENU, (
        ("1", ("invoice", "invoices", "copy", "one")),
        ("2", ("agent", "someone", "person", "speak", "human", "representative", "advisor", "two")),
    )),
    "support": _Menu(SUPPORT_MENU, (
        ("1", ("washing machine", "washing", "washer", "dishwasher", "dishwashers", "laundry", "one")),
        ("2", ("fridge", "fridges", "freezer", "freezers", "refrigerator", "two")),
    )),
}

_HINTS = {name: ", ".join(dict.fromkeys(word for _, words in menu.options for word in words
                                        if word not in ("one", "two", "three", "four", "nine")))
          for name, menu in _MENUS.items()}


def _choice(menu: _Menu, params: dict[str, str]) -> str | None:
    """The option a caller chose by key (``Digits``) or by voice (``SpeechResult``), or None."""
    digits = (params.get("Digits") or "").strip()
    if digits:
        return digits[0] if any(digits[0] == digit for digit, _ in menu.options) else None
    speech = re.sub(r"[^a-z0-9 ]+", " ", (params.get("SpeechResult") or "").lower())
    speech = f" {' '.join(speech.split())} "
    for digit, words in menu.options:
        if any(f" {word} " in speech for word in (*words, digit)):
            return digit
    return None


# --------------------------------------------------------------------------
# Sales hours, references, hold music


def demo_clock() -> datetime:
    """The demo's fixed time (``DEMO_NOW``, a Sunday afternoon): the sales line is always closed."""
    return DEMO_NOW


def sales_open(at: datetime) -> bool:
    """Whether the sales line is open at ``at`` (Mon-Fri 09:00-17:00 New York; naive means UTC)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    local = at.astimezone(ZoneInfo(SALES_TIMEZONE))
    return local.weekday() < 5 and SALES_OPENS <= local.time() < SALES_CLOSES


_REF_WORD = re.compile(r"(?i)\b(?:ref|reference)\b\s*(?:no\.?|number)?\s*[:#]?\s*([A-Za-z0-9][A-Za-z0-9-]{2,39})")
# The shape of probes.ledger.new_token(); a digit is required so ordinary ten-letter words are not taken.
_TOKEN_WORD = re.compile(r"\b(?=[a-km-np-z2-9]{0,9}[2-9])[a-km-np-z2-9]{10}\b")


def find_reference(text: str) -> str | None:
    """The customer's reference in a message: ``ref X`` / ``reference: X``, else a token-shaped word."""
    if match := _REF_WORD.search(text or ""):
        return match.group(1)
    if match := _TOKEN_WORD.search(text or ""):
        return match.group(0)
    return None


@functools.cache
def hold_music_wav() -> bytes:
    """``HOLD_MUSIC_S`` seconds of a gentle arpeggio: 8 kHz, 16-bit mono WAV."""
    rate, note_s = 8000, 0.25
    # C major, F major, G major, C major: four notes each, up and down.
    notes = (523.3, 659.3, 784.0, 659.3, 698.5, 880.0, 1046.5, 880.0,
             784.0, 987.8, 1174.7, 987.8, 523.3, 659.3, 784.0, 1046.5)
    per_note = int(rate * note_s)
    fade = int(rate * 0.02)  # short fades so the notes do not click
    samples = array.array("h")
    total = int(rate * HOLD_MUSIC_S)
    while len(samples) < total:
        for freq in notes:
            for i in range(per_note):
                envelope = min(1.0, i / fade, (per_note - i) / fade)
                samples.append(int(9000 * envelope * math.sin(2 * math.pi * freq * i / rate)))
    del samples[total:]
    if sys.byteorder == "big":
        samples.byteswap()
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())
    return out.getvalue()


# --------------------------------------------------------------------------
# The numbers file for the simulator


def _seconds(value: float) -> str:
    return f"{value:g}s"


def demo_numbers(phoneline_base_url: str, prober_number: str, prober_account_sid: str, prober_token: str,
                 *, company_sid: str = COMPANY_ACCOUNT_SID, company_token: str = COMPANY_AUTH_TOKEN) -> dict:
    """The Twilio simulator's numbers dict for the demo: both accounts, every line, the agents.

    ``phoneline_base_url`` is where the ``DemoPhoneLine`` listens (its ``public_url``);
    ``prober_number`` is owned by the prober's account and has no application.
    """
    base = phoneline_base_url.rstrip("/")
    numbers: dict[str, Any] = {
        prober_number: {"account": "prober"},
        MAIN_LINE: {"account": "company", "voice": {"url": f"{base}/voice/main"}},
        SALES_LINE: {"account": "company", "voice": {"url": f"{base}/voice/sales"}},
        SMS_NUMBER: {"account": "company", "sms": {"url": f"{base}/sms"}},
    }
    for agent in AGENTS.values():
        numbers[agent.number] = {"person": {
            "name": agent.name, "answer_after": _seconds(AGENT_ANSWER_AFTER_S), "greeting": agent.greeting,
            "hangup_after": _seconds(AGENT_HANGUP_AFTER_S)}}
    return {
        "accounts": {
            "prober": {"sid": prober_account_sid, "auth_token": prober_token},
            "company": {"sid": company_sid, "auth_token": company_token},
        },
        "numbers": numbers,
    }


# --------------------------------------------------------------------------
# HTTP server


class _Params(dict):
    """Webhook parameters: first value per name, with ``getall`` for RequestValidator."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        super().__init__()
        self._pairs = pairs
        for name, value in pairs:
            self.setdefault(name, value)

    def getall(self, name: str) -> list[str]:
        return [value for key, value in self._pairs if key == name]


class _Server(QuietServer):
    phone: "DemoPhoneLine"


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "NorthwindPhone/1.0"
    sys_version = ""
    timeout = 60

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Stay quiet; ``DemoPhoneLine.log`` records what happened."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        """Serve the hold music, or a webhook configured with method GET."""
        self._dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        """Headers of the hold music."""
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        """Answer a webhook."""
        self._dispatch()

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        phone = self.server.phone
        if self.command == "POST":
            # Read the body first even for errors, so the client sees our status line.
            pairs = self._read_form()
            if pairs is None:
                return
        else:
            pairs = []
        if parts.path == "/hold.wav":
            if self.command == "POST":
                self._send(405, b"Method not allowed\n", "text/plain; charset=utf-8", (("Allow", "GET, HEAD"),))
            else:
                self._send(200, hold_music_wav(), "audio/wav")
            return
        if not phone.knows(parts.path):
            self._send(404, b"Not found\n", "text/plain; charset=utf-8")
            return
        if self.command == "HEAD":
            self._send(405, b"", "text/plain; charset=utf-8", (("Allow", "GET, POST"),))
            return
        query = parse_qsl(parts.query, keep_blank_values=True)
        signed = _Params(pairs)
        signature = self.headers.get("X-Twilio-Signature", "")
        url = phone.public_url + self.path
        if not signature or not phone.validator.validate(url, signed, signature):
            phone.record("forged", path=self.path)
            self._send(403, b"Invalid or missing X-Twilio-Signature\n", "text/plain; charset=utf-8")
            return
        # GET webhooks carry their parameters in the query; POST ones in the body.
        params = _Params(pairs or query)
        try:
            twiml = phone.answer(parts.path, {k: v for k, v in reversed(query)}, params)
        except Exception as exc:  # Twilio then tells the caller "An application error has occurred"
            log.exception("DemoPhoneLine failed to answer %s", self.path)
            phone.record("error", action="webhook", path=self.path, error=str(exc))
            self._send(500, b"Application error\n", "text/plain; charset=utf-8")
            return
        self._send(200, twiml.encode("utf-8"), "text/xml; charset=utf-8")

    def _read_form(self) -> list[tuple[str, str]] | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            self.close_connection = True
            self._send(413 if length > 0 else 400, b"Bad request body\n", "text/plain; charset=utf-8")
            return None
        raw = self.rfile.read(length) if length else b""
        return parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True)

    def _send(self, status: int, data: bytes, content_type: str,
              headers: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


# --------------------------------------------------------------------------
# The application


_ENDED = {"completed", "canceled", "failed", "busy", "no-answer"}


class DemoPhoneLine:
    """The Northwind Appliances TwiML application, served on loopback.

    ``api_base`` is the Twilio REST API the application uses to call agents and
    send the human SMS reply (the simulator's ``base_url``); it may be set after
    construction, as long as it is set before the first call or message arrives.
    ``client`` replaces the REST client built from ``api_base``, ``account_sid``
    and ``auth_token`` (anything with ``.calls`` and ``.messages`` will do).
    ``auth_token`` also validates every webhook's signature.

    ``log`` lists what happened (dicts with ``at``, an aware UTC datetime, and
    ``kind``: call, choice, enqueued, agent_call, queue_result, sales, sms_in,
    sms_auto_reply, sms_human_reply, forged, error), appended under a lock.
    """

    def __init__(self, api_base: str | None = None, account_sid: str = COMPANY_ACCOUNT_SID,
                 auth_token: str = COMPANY_AUTH_TOKEN, *, host: str = "127.0.0.1", port: int = 0,
                 public_url: str | None = None, hold_s: float = DEFAULT_HOLD_S,
                 sms_human_delay_s: float = DEFAULT_SMS_HUMAN_DELAY_S,
                 now: Callable[[], datetime] = demo_clock, client: Any = None) -> None:
        """Prepare the line; nothing listens until ``start()``. Port 0 picks a free port.

        ``public_url`` is the base URL Twilio uses to reach the line (default: ``base_url``);
        signatures are checked against it and TwiML links point at it.
        ``now()`` decides whether the sales line is open (default ``demo_clock``: closed).
        """
        self.api_base = api_base
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.validator = RequestValidator(auth_token)
        self.host = host
        self.port = port
        self._public_url = public_url.rstrip("/") if public_url else None
        self.hold_s = hold_s
        self.sms_human_delay_s = sms_human_delay_s
        self.now = now
        self._client = client
        self.log: list[dict] = []
        self._lock = threading.Lock()  # guards log, _timers, _waiting and _client
        self._timers: dict[str, threading.Timer] = {}
        self._waiting: dict[str, dict] = {}  # CallSid → its queue entry, while queued
        self._seq = itertools.count()
        self._stopping = False
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._base_url: str | None = None

    # -- lifecycle ---------------------------------------------------------

    def start(self) -> "DemoPhoneLine":
        """Start serving in a daemon thread; returns self (``base_url`` is then known)."""
        with self._lock:
            if self._server is not None or self._stopping:
                raise RuntimeError("DemoPhoneLine can only be started once")
            server = (_Server6 if ":" in self.host else _Server)((self.host, self.port), _Handler)
            server.phone = self
            host, port = server.server_address[:2]
            assert isinstance(host, str)  # an AF_INET/AF_INET6 server's address is (str, int, ...)
            self._base_url = f"http://{f'[{host}]' if ':' in host else host}:{port}"
            self._server = server
            self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                            name=f"demo-phoneline-{port}", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; pending agent calls and SMS replies are dropped. Safe to call twice."""
        with self._lock:
            self._stopping = True
            timers, self._timers = list(self._timers.values()), {}
            server, self._server = self._server, None
            thread, self._thread = self._thread, None
        for timer in timers:
            timer.cancel()
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> "DemoPhoneLine":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """Where the line listens, e.g. ``http://127.0.0.1:54321``; valid after ``start()``."""
        if self._base_url is None:
            raise RuntimeError("DemoPhoneLine has not been started")
        return self._base_url

    @property
    def public_url(self) -> str:
        """The base URL Twilio is configured with (``public_url``, else ``base_url``)."""
        return self._public_url or self.base_url

    def url(self, path: str, **query: object) -> str:
        """An absolute URL of the application (TwiML fetched from a ``twiml=`` call needs them)."""
        return self.public_url + path + (f"?{urlencode(query)}" if query else "")

    def record(self, kind: str, **detail: object) -> None:
        """Append an entry to ``log``."""
        with self._lock:
            self.log.append({"at": datetime.now(timezone.utc), "kind": kind, **detail})

    def log_snapshot(self) -> list[dict]:
        """A copy of ``log`` taken under the lock."""
        with self._lock:
            return [dict(entry) for entry in self.log]

    # -- webhooks ----------------------------------------------------------

    _ROUTES = ("/voice/main", "/voice/menu", "/voice/choice", "/voice/hold", "/voice/queue-result",
               "/voice/sales", "/sms")

    def knows(self, path: str) -> bool:
        """Whether ``path`` is one of the application's webhooks."""
        return path in self._ROUTES

    def answer(self, path: str, query: dict[str, str], params: dict[str, str]) -> str:
        """The TwiML for a (validated) webhook request."""
        if path == "/voice/main":
            self.record("call", line=MAIN_LINE, call_sid=params.get("CallSid"), caller=params.get("From"))
            return str(self._menu("main", 0, (GREETING,)))
        if path == "/voice/menu":
            return str(self._menu(query.get("menu", "main"), _attempt(query)))
        if path == "/voice/choice":
            return str(self._choose(query.get("menu", "main"), _attempt(query), params))
        if path == "/voice/hold":
            return str(self._hold(query.get("queue", "billing"), params))
        if path == "/voice/queue-result":
            return str(self._queue_result(query.get("queue", ""), params))
        if path == "/voice/sales":
            return str(self._sales(params))
        return str(self._sms(params))

    def _menu(self, name: str, attempt: int, before: tuple[str, ...] = ()) -> VoiceResponse:
        """A menu: its prompt in a Gather (keys or speech); no answer repeats it, then goodbye."""
        menu = _MENUS.get(name, _MENUS["main"])
        response = VoiceResponse()
        gather = response.gather(input="dtmf speech", num_digits=1, timeout=GATHER_TIMEOUT_S,
                                 speech_timeout="auto", hints=_HINTS[name],
                                 action=self.url("/voice/choice", menu=name, attempt=attempt))
        for text in (*before, menu.prompt):
            gather.say(text)
        # Reached only when the Gather heard nothing.
        if attempt < MAX_REPEATS:
            response.redirect(self.url("/voice/menu", menu=name, attempt=attempt + 1))
        else:
            response.say(NO_CHOICE)
            response.say(GOODBYE)
            response.hangup()
        return response

    def _choose(self, name: str, attempt: int, params: dict[str, str]) -> VoiceResponse:
        menu = _MENUS.get(name, _MENUS["main"])
        choice = _choice(menu, params)
        self.record("choice", menu=name, call_sid=params.get("CallSid"), choice=choice,
                    digits=params.get("Digits"), speech=params.get("SpeechResult"))
        response = VoiceResponse()
        if choice is None:
            if attempt >= MAX_REPEATS:
                response.say(NOT_UNDERSTOOD)
                response.say(GOODBYE)
                response.hangup()
                return response
            return self._menu(name, attempt + 1, (NOT_UNDERSTOOD,))
        match name, choice:
            case "main", "1":
                return self._menu("billing", 0)
            case "main", "2":
                return self._menu("support", 0)
            case "main", "3":  # the dead end: information, then the line hangs up
                response.say(ORDER_STATUS)
                response.hangup()
            case "main", "4":  # the loop: back to the main menu, never any further
                response.say(RETURNS_INFO)
                response.redirect(self.url("/voice/menu", menu="main", attempt=0))
            case "main", "9":
                return self._menu("main", 0)
            case "billing", "1":
                response.say(INVOICE_INFO)
                response.hangup()
            case "billing", "2":
                return self._enqueue("billing")
            case "support", _:
                return self._enqueue("support")
        return response

    def _enqueue(self, queue: str) -> VoiceResponse:
        response = VoiceResponse()
        response.say(_QUEUE_INTRO[queue])
        response.enqueue(queue, wait_url=self.url("/voice/hold", queue=queue),
                         action=self.url("/voice/queue-result", queue=queue))
        return response

    def _hold(self, queue: str, params: dict[str, str]) -> VoiceResponse:
        """The waitUrl: hold message and music; the first request starts the caller's hold clock."""
        call_sid = params.get("CallSid") or ""
        if queue in AGENTS and call_sid:
            with self._lock:
                first = call_sid not in self._waiting and not self._stopping
                if first:
                    self._waiting[call_sid] = {"queue": queue, "enqueued_at": datetime.now(timezone.utc)}
                    timer = threading.Timer(self.hold_s, self._call_agent, (queue, call_sid))
                    timer.daemon = True
                    self._timers[f"agent:{call_sid}"] = timer
                    timer.start()
            if first:
                self.record("enqueued", queue=queue, call_sid=call_sid, hold_s=self.hold_s)
        response = VoiceResponse()
        response.say(HOLD_MESSAGE)
        response.play(self.url("/hold.wav"))
        return response

    def _call_agent(self, queue: str, caller_sid: str) -> None:
        """Dequeue the caller: call the queue's agent with ``<Dial><Queue>``."""
        with self._lock:
            self._timers.pop(f"agent:{caller_sid}", None)
            entry = self._waiting.get(caller_sid)
            if self._stopping or entry is None:
                return
        agent = AGENTS[queue]
        try:
            client = self._rest()
            # A caller who hung up while on hold needs no agent.
            try:
                status = client.calls(caller_sid).fetch().status
            except Exception:  # the caller's call may not be visible; call the agent anyway
                status = None
            if status in _ENDED:
                self.record("agent_call", queue=queue, call_sid=caller_sid, skipped=f"caller {status}")
                return
            twiml = VoiceResponse()
            twiml.dial().queue(queue)
            call = client.calls.create(to=agent.number, from_=MAIN_LINE, twiml=str(twiml))
        except Exception as exc:
            log.exception("DemoPhoneLine could not call %s for queue %s", agent.number, queue)
            self.record("error", action="agent_call", queue=queue, call_sid=caller_sid, error=str(exc))
            return
        held_s = (datetime.now(timezone.utc) - entry["enqueued_at"]).total_seconds()
        self.record("agent_call", queue=queue, call_sid=caller_sid, agent=agent.name, agent_number=agent.number,
                    agent_call_sid=getattr(call, "sid", None), held_s=round(held_s, 3))

    def _queue_result(self, queue: str, params: dict[str, str]) -> VoiceResponse:
        """The Enqueue action: the caller left the queue (bridged, hung up, …)."""
        call_sid = params.get("CallSid") or ""
        result = params.get("QueueResult", "")
        with self._lock:
            self._waiting.pop(call_sid, None)
            timer = self._timers.pop(f"agent:{call_sid}", None)
        if timer is not None:
            timer.cancel()
        self.record("queue_result", queue=queue, call_sid=call_sid, result=result,
                    queue_time_s=params.get("QueueTime"))
        response = VoiceResponse()
        if result not in ("bridged", "hangup"):
            response.say(QUEUE_GIVE_UP)
        response.hangup()
        return response

    def _sales(self, params: dict[str, str]) -> VoiceResponse:
        at = self.now()
        is_open = sales_open(at)
        self.record("sales", call_sid=params.get("CallSid"), caller=params.get("From"),
                    open=is_open, clock=at.isoformat())
        response = VoiceResponse()
        if not is_open:  # the fault: no message, no voicemail, just busy
            response.reject(reason="busy")
            return response
        response.say(SALES_WELCOME)
        dial = response.dial(caller_id=SALES_LINE, timeout=20)
        dial.number(SALES_AGENT)
        return response

    # -- SMS ---------------------------------------------------------------

    def _sms(self, params: dict[str, str]) -> MessagingResponse:
        customer = params.get("From") or ""
        ours = params.get("To") or SMS_NUMBER
        body = params.get("Body") or ""
        reference = find_reference(body)
        self.record("sms_in", message_sid=params.get("MessageSid"), customer=customer, body=body,
                    reference=reference)
        response = MessagingResponse()
        # Never answer ourselves: two auto-repliers would text each other for ever.
        if not customer or customer.removeprefix("whatsapp:") in {line.number for line in LINES}:
            return response
        response.message(auto_reply(reference))
        self.record("sms_auto_reply", customer=customer, reference=reference)
        with self._lock:
            if self._stopping:
                return response
            key = f"sms:{next(self._seq)}"
            timer = threading.Timer(self.sms_human_delay_s, self._send_human_reply,
                                    (key, ours, customer, body, reference))
            timer.daemon = True
            self._timers[key] = timer
            timer.start()
        return response

    def _send_human_reply(self, key: str, ours: str, customer: str, body: str, reference: str | None) -> None:
        with self._lock:
            self._timers.pop(key, None)
            if self._stopping:
                return
        text = human_reply(body, reference)
        try:
            message = self._rest().messages.create(from_=ours, to=customer, body=text)
        except Exception as exc:
            log.exception("DemoPhoneLine could not text %s", customer)
            self.record("error", action="sms_human_reply", customer=customer, error=str(exc))
            return
        self.record("sms_human_reply", customer=customer, reference=reference,
                    message_sid=getattr(message, "sid", None), body=text)

    def _rest(self) -> Any:
        with self._lock:
            if self._client is None:
                if not self.api_base:
                    raise RuntimeError("DemoPhoneLine.api_base is not set: no Twilio API to call")
                from probes.twilio_http import twilio_client

                self._client = twilio_client(self.account_sid, self.auth_token, self.api_base)
            return self._client


def _attempt(query: dict[str, str]) -> int:
    try:
        return max(0, int(query.get("attempt", "0")))
    except ValueError:
        return 0


# --------------------------------------------------------------------------
# SMS texts


def auto_reply(reference: str | None) -> str:
    """The immediate automatic SMS reply."""
    ref = f" (ref {reference})" if reference else ""
    return (f"Thanks for your message to {COMPANY_NAME}{ref}. This is an automatic reply: "
            "we'll text you back within 2 hours.")


_TOPICS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("order", "deliver", "delivery", "arrive", "arrived", "tracking", "parcel"),
     "I've checked your order: it is on its way and should be with you within 3 working days."),
    (("return", "returns", "refund"),
     "you can return most products within 30 days of delivery, and I've emailed you a free returns label."),
    (("bill", "billing", "invoice", "payment", "charge", "charged"),
     "I've checked your account and emailed you a copy of your latest invoice."),
    (("broken", "repair", "fault", "faulty", "leak", "leaking", "engineer", "working"),
     "I've booked an engineer visit for you; we'll text you the date and time."),
)


def human_reply(body: str, reference: str | None) -> str:
    """Sam's reply: a greeting, the customer's reference, and an answer by topic."""
    words = set(re.findall(r"[a-z]+", (body or "").lower()))
    answer = next((text for keys, text in _TOPICS if words & set(keys)),
                  "I've looked into your question and passed the details to our service team, "
                  "who are already on it.")
    about = f"About your message (ref {reference}): " if reference else "About your message: "
    return (f"Hi, this is Sam from {COMPANY_NAME} customer care. {about}{answer[0].upper()}{answer[1:]} "
            "Just reply to this text if you need anything else.")
