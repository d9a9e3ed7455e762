"""The demo company's live chat: a WebSocket server with a bot and, after a hand-over, a person.

``ChatServer`` speaks a small JSON protocol over WebSocket text frames. The
chat widget on the Northwind demo website (``probes.sim.company``) connects to
``ws://host:port/chat?mode=<mode>&session=<id>``.

Server to client::

    {"type": "message", "author": "bot" | "agent", "name": "...", "text": "..."}
    {"type": "typing", "author": "bot" | "agent"}

Client to server::

    {"type": "message", "text": "..."}

On connect the bot greets at once, or, with ``greeting_delay_s``, after that
long behind its typing indicator (as many real widgets do). What happens next
depends on the mode, and is deterministic:

``healthy``
    The bot answers by keyword after the reply delay. Asking for an agent, a
    human, a person or someone hands the chat over: the bot says so, and
    ``agent_delay_s`` after the customer's request Sam from Customer Care
    joins. From then on Sam answers (after the reply delay), referring to what
    the customer wrote.
``loop``
    Every message, a request for a person included, gets the same FAQ link.
``no-agent``
    Like ``healthy``, but the promised person never comes; every later message
    gets "You are in the queue. Please wait."
``offline``
    The website shows a leave-a-message form instead of the chat, so this mode
    is never meant to connect; if something does, it behaves like ``healthy``.

Every message the server sends is appended to ``log`` with the delay it
applied and when the customer's message arrived, so tests and benchmarks can
compare what a prober measured with what really happened.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

__all__ = ["ChatServer", "MODES", "BOT_NAME", "AGENT_NAME", "GREETING"]

MODES = ("healthy", "loop", "no-agent", "offline")

BOT_NAME = "Northwind assistant"
AGENT_NAME = "Sam (Customer Care)"

GREETING = ("Hi, I'm the Northwind assistant. Ask me about orders, delivery, returns or opening hours, "
            "or type 'agent' to talk to a person.")
ANSWER_ORDER = "You can track your order at northwind.example/track with your order number."
ANSWER_DELIVERY = "Standard delivery takes 3–5 working days; large appliances are delivered by our own team."
ANSWER_RETURNS = "You can return most products within 30 days; start a return at northwind.example/returns."
ANSWER_HOURS = "Our customer care team is available Monday to Friday, 9:00–17:30."
ANSWER_UNKNOWN = "I'm not sure I understood; could you rephrase, or type 'agent' to talk to a person?"
HANDOVER = "Let me connect you to one of our team. Please wait a moment."
QUEUED = "You are in the queue. Please wait."
AGENT_GREETING = "Hi, this is Sam from Northwind Customer Care. How can I help you today?"
LOOP_ANSWER = "Have you checked our FAQ? Most questions are answered at northwind.example/faq."

# First matching topic wins.
_TOPICS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("order", re.compile(r"\b(order\w*|track\w*|parcel)\b", re.IGNORECASE), ANSWER_ORDER),
    ("delivery", re.compile(r"\b(deliver\w*|shipping|dispatch\w*)\b", re.IGNORECASE), ANSWER_DELIVERY),
    ("returns", re.compile(r"\b(return\w*|refund\w*)\b", re.IGNORECASE), ANSWER_RETURNS),
    ("hours", re.compile(r"\b(hours?|open\w*|closed?)\b", re.IGNORECASE), ANSWER_HOURS),
)
_ASKS_FOR_PERSON = re.compile(r"\b(agents?|humans?|person|someone)\b", re.IGNORECASE)

# What Sam says about each topic once the chat has been handed over.
_AGENT_ANSWERS = {
    "order": "I've found your order in our system: it left our warehouse this morning, and you'll get "
             "a tracking email before the end of the day.",
    "delivery": "our drivers deliver between 8:00 and 18:00 and ring you about 30 minutes before they "
                "arrive, so you don't have to wait in all day.",
    "returns": "I've set up a return for you; a free returns label is on its way to your email, and the "
               "refund follows within 5 working days of the item reaching us.",
    "hours": "we're here Monday to Friday, 9:00–17:30, and I'm happy to sort it out with you right now.",
    None: "I'll check that with my colleagues and make sure you get a proper answer by email today.",
}
_AGENT_OPENERS = ("Thanks for explaining.", "Okay, I see.", "Sure, happy to help with that.",
                  "Thanks for your patience.")
_AGENT_CLOSERS = ("Is there anything else I can do for you?", "Does that help?",
                  "Anything else I can help with today?", "Let me know if there's anything else.")

MAX_MESSAGE_CHARS = 4000
# How long before the agent's first message its typing indicator shows.
_AGENT_TYPING_LEAD_S = 1.0


def _topic(text: str) -> str | None:
    for name, pattern, _ in _TOPICS:
        if pattern.search(text):
            return name
    return None


def bot_answer(text: str) -> str:
    """The healthy bot's keyword answer to a customer's message."""
    topic = _topic(text)
    for name, _, answer in _TOPICS:
        if name == topic:
            return answer
    return ANSWER_UNKNOWN


def _snippet(text: str, limit: int = 48) -> str:
    words = " ".join(text.split())
    if len(words) > limit:
        words = words[:limit].rsplit(" ", 1)[0] + "…"
    return words.rstrip(" .!?,;:")


def agent_answer(text: str, index: int) -> str:
    """Sam's answer to the customer's ``index``-th message (from 0) after the hand-over."""
    opener = _AGENT_OPENERS[index % len(_AGENT_OPENERS)]
    closer = _AGENT_CLOSERS[index % len(_AGENT_CLOSERS)]
    return f'{opener} About "{_snippet(text)}": {_AGENT_ANSWERS[_topic(text)]} {closer}'


@dataclass
class _Session:
    """One WebSocket connection's conversation state."""

    session_id: str
    mode: str
    connection: ServerConnection
    handover_requested: bool = False
    agent_joined: bool = False
    agent_answers: int = 0
    tasks: set[asyncio.Task] = field(default_factory=set)


class ChatServer:
    """The demo company's live chat: a WebSocket server with a bot and (after a hand-over) a person.

    ``bot_delay_s`` is how long every reply takes (the bot's and, after the
    hand-over, the agent's); ``agent_delay_s`` is how long after the customer
    asks for a person the agent's greeting arrives. ``delays(kind, session_id)``
    overrides both per message: ``kind`` is ``"bot"`` for a reply and
    ``"agent"`` for the hand-over wait.

    ``greeting_delay_s`` is how long after connecting the greeting comes (the
    bot "typing" meanwhile): a number, or ``f(session_id)`` for one per chat.

    ``start()``/``stop()`` or a ``with`` block; ``ws_url`` is valid after start.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, bot_delay_s: float = 1.0,
                 agent_delay_s: float = 3.0, delays: Callable[[str, str], float] | None = None,
                 greeting_delay_s: float | Callable[[str], float] = 0.0) -> None:
        self.host = host
        self.port = port
        self.bot_delay_s = bot_delay_s
        self.agent_delay_s = agent_delay_s
        self.delays = delays
        self.greeting_delay_s = greeting_delay_s
        #: Every message the server sent (see the module docstring); append-only.
        self.log: list[dict] = []
        self._log_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop_event: asyncio.Event | None = None
        self._started = False
        self._stopped = False
        self._ws_url: str | None = None

    # -- lifecycle ---------------------------------------------------------

    def start(self) -> None:
        """Listen in a daemon thread; returns once the port is bound (or raises why not)."""
        with self._state_lock:
            if self._started or self._stopped:
                raise RuntimeError("ChatServer can only be started once")
            self._started = True
            ready = threading.Event()
            failure: list[BaseException] = []
            self._thread = threading.Thread(target=self._run, args=(ready, failure),
                                            name="demo-chat", daemon=True)
            self._thread.start()
            ready.wait(10)
            if failure:
                self._thread.join(timeout=5)
                self._thread = None
                raise failure[0]
            if self._ws_url is None:
                raise RuntimeError("ChatServer did not start within 10 s")

    def stop(self) -> None:
        """Close every connection and stop listening. Prompt; safe to call more than once."""
        with self._state_lock:
            self._stopped = True
            loop, thread, stop_event = self._loop, self._thread, self._stop_event
            self._thread = None
            if loop is None or thread is None or stop_event is None:
                return
            try:
                loop.call_soon_threadsafe(stop_event.set)
            except RuntimeError:  # the loop has already finished
                pass
            thread.join(timeout=5)

    @property
    def ws_url(self) -> str:
        """The server's address, e.g. ``ws://127.0.0.1:5555``; valid after ``start()``."""
        if self._ws_url is None:
            raise RuntimeError("ChatServer has not been started")
        return self._ws_url

    @property
    def running(self) -> bool:
        return self._ws_url is not None and not self._stopped

    def __enter__(self) -> "ChatServer":
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def log_snapshot(self) -> list[dict]:
        """A copy of ``log`` taken under its lock."""
        with self._log_lock:
            return [dict(entry) for entry in self.log]

    # -- the server thread -------------------------------------------------

    def _run(self, ready: threading.Event, failure: list[BaseException]) -> None:
        try:
            asyncio.run(self._serve(ready))
        except BaseException as exc:  # noqa: BLE001 - handed to start()
            if not ready.is_set():
                failure.append(exc)
                ready.set()

    async def _serve(self, ready: threading.Event) -> None:
        self._stop_event = asyncio.Event()  # before _loop: stop() takes a set _loop to mean both are there
        self._loop = asyncio.get_running_loop()
        server: Server = await serve(self._handle, self.host, self.port, process_request=self._check_path,
                                     max_size=64 * 1024, server_header="NorthwindChat/1.0")
        try:
            self.port = server.sockets[0].getsockname()[1]
            shown_host = f"[{self.host}]" if ":" in self.host else self.host
            self._ws_url = f"ws://{shown_host}:{self.port}"
            ready.set()
            await self._stop_event.wait()
        finally:
            server.close()  # closes every connection with 1001 "going away"
            try:
                await asyncio.wait_for(server.wait_closed(), timeout=3)
            except TimeoutError:
                pass

    @staticmethod
    def _check_path(connection: ServerConnection, request: Request) -> Response | None:
        if urlsplit(request.path).path.rstrip("/") != "/chat":
            return connection.respond(404, "Not found\n")
        return None

    # -- one conversation --------------------------------------------------

    async def _handle(self, connection: ServerConnection) -> None:
        assert connection.request is not None  # the handler runs only after the opening handshake
        query = {k: v[0] for k, v in parse_qs(urlsplit(connection.request.path).query).items()}
        mode = query.get("mode", "healthy")
        if mode not in MODES:
            mode = "healthy"
        session = _Session(query.get("session") or uuid.uuid4().hex[:12], mode, connection)
        try:
            greet_s = self.greeting_delay_s(session.session_id) if callable(self.greeting_delay_s) \
                else self.greeting_delay_s
            if greet_s > 0:
                # The customer may already type: their messages are read meanwhile.
                self._spawn(session, self._greet_later(session, time.time(), greet_s))
            else:
                await self._send(session, "bot", GREETING, delay_s=0.0, customer_at=None)
            async for raw in connection:
                customer_at = time.time()
                text = self._customer_text(raw)
                if text is not None:
                    self._spawn(session, self._reply(session, text, customer_at))
        except ConnectionClosed:
            pass
        finally:
            for task in list(session.tasks):
                task.cancel()

    @staticmethod
    def _customer_text(raw: str | bytes) -> str | None:
        """The text of a customer's message frame, or None for anything else."""
        if isinstance(raw, bytes):
            return None
        try:
            frame = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(frame, dict) or frame.get("type") != "message":
            return None
        text = frame.get("text")
        if not isinstance(text, str) or not text.strip():
            return None
        return text.strip()[:MAX_MESSAGE_CHARS]

    def _spawn(self, session: _Session, coroutine) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        session.tasks.add(task)
        task.add_done_callback(session.tasks.discard)

    def _delay(self, kind: str, session: _Session) -> float:
        if self.delays is not None:
            return max(0.0, float(self.delays(kind, session.session_id)))
        return self.bot_delay_s if kind == "bot" else self.agent_delay_s

    async def _reply(self, session: _Session, text: str, customer_at: float) -> None:
        delay = self._delay("bot", session)
        typing_author = "agent" if session.agent_joined and session.mode != "loop" else "bot"
        await self._send_frame(session, {"type": "typing", "author": typing_author})
        await _sleep_until(customer_at + delay)

        # What to say is decided when it is said: the agent may have joined meanwhile.
        if session.mode == "loop":
            author, answer = "bot", LOOP_ANSWER
        elif session.agent_joined:
            author, answer = "agent", agent_answer(text, session.agent_answers)
            session.agent_answers += 1
        elif session.handover_requested:
            author, answer = "bot", QUEUED
        elif _ASKS_FOR_PERSON.search(text):
            author, answer = "bot", HANDOVER
            session.handover_requested = True
            if session.mode != "no-agent":
                agent_delay = self._delay("agent", session)
                # Never before the bot has said it is handing over.
                self._spawn(session, self._agent_joins(session, customer_at, max(agent_delay, delay)))
        else:
            author, answer = "bot", bot_answer(text)
        await self._send(session, author, answer, delay_s=delay, customer_at=customer_at, question=text)

    async def _greet_later(self, session: _Session, connected_at: float, delay_s: float) -> None:
        await self._send_frame(session, {"type": "typing", "author": "bot"})
        await _sleep_until(connected_at + delay_s)
        await self._send(session, "bot", GREETING, delay_s=delay_s, customer_at=None)

    async def _agent_joins(self, session: _Session, asked_at: float, delay: float) -> None:
        greet_at = asked_at + delay
        await _sleep_until(greet_at - _AGENT_TYPING_LEAD_S)
        await self._send_frame(session, {"type": "typing", "author": "agent"})
        await _sleep_until(greet_at)
        session.agent_joined = True
        await self._send(session, "agent", AGENT_GREETING, delay_s=delay, customer_at=asked_at)

    async def _send_frame(self, session: _Session, frame: dict) -> bool:
        try:
            await session.connection.send(json.dumps(frame, ensure_ascii=False))
        except ConnectionClosed:
            return False
        return True

    async def _send(self, session: _Session, author: str, text: str, *, delay_s: float,
                    customer_at: float | None, question: str | None = None) -> None:
        name = AGENT_NAME if author == "agent" else BOT_NAME
        if not await self._send_frame(session, {"type": "message", "author": author, "name": name, "text": text}):
            return
        entry = {"session": session.session_id, "mode": session.mode, "author": author, "text": text,
                 "delay_s": delay_s, "customer_at": customer_at, "sent_at": time.time(),
                 "question": question}  # the customer's words this answers (benchmarks pair by them)
        with self._log_lock:
            self.log.append(entry)


async def _sleep_until(epoch: float) -> None:
    remaining = epoch - time.time()
    if remaining > 0:
        await asyncio.sleep(remaining)
