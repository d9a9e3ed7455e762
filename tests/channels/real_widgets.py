"""Real chat widgets from npm, served on loopback with backends that speak their own protocols.

The bundles come from tests/widgets/node_modules: the two packages' tarballs only, pinned with their
integrity in tests/widgets/widgets.lock.json (tests/widgets/install.py; noxfile.py's tests session runs it):
- botframework-webchat (Microsoft Bot Framework Web Chat), talking to a Direct Line 3.0 service:
  POST /v3/directline/conversations, POST …/conversations/{id}/activities, the activity stream over a
  WebSocket (streamUrl), GET …/activities?watermark= (polling), GET …/conversations/{id} (reconnect),
  POST /v3/directline/tokens/refresh. Written from what botframework-directlinejs (lib/directLine.js)
  does, not from Microsoft's service.
- @n8n/chat, talking JSON to an n8n "Chat Trigger" webhook: POST {action: 'loadPreviousSession' |
  'sendMessage', sessionId, chatInput} answered with {data: [...]} / {output: "..."}.

Both backends are the same bot (probes.sim.chat's healthy keyword bot): a greeting, keyword answers
after `reply_delay_s` (Direct Line shows a `typing` activity meanwhile; n8n shows its own typing
bubble while the request is open), and asking for a person ("agent") brings Sam, who speaks from a
different account (Direct Line: another `from` id and name) after `agent_delay_s`.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from aiohttp import WSMsgType, web

from probes.sim.chat import AGENT_GREETING, AGENT_NAME, BOT_NAME, GREETING, HANDOVER, _ASKS_FOR_PERSON, bot_answer

WIDGETS_DIR = Path(__file__).resolve().parents[1] / "widgets"
NODE_MODULES = WIDGETS_DIR / "node_modules"
WIDGETS_LOCK = WIDGETS_DIR / "widgets.lock.json"
NPM_INSTALL = (f"python3 {WIDGETS_DIR / 'install.py'}   (it needs Node.js and npm: "
               "apt-get install -y nodejs npm; `python3 noxfile.py -s tests` does both)")
WEBCHAT_JS = NODE_MODULES / "botframework-webchat" / "dist" / "webchat.js"
N8N_DIST = NODE_MODULES / "@n8n" / "chat" / "dist"

BOT = {"id": "northwind-bot", "name": BOT_NAME, "role": "bot"}
AGENT = {"id": "agent-sam", "name": AGENT_NAME, "role": "bot"}  # Direct Line has only user and bot roles


def installed_version(package: str) -> str:
    """The version of an npm package in tests/widgets/node_modules; fails with the install command."""
    manifest = NODE_MODULES / package / "package.json"
    if not manifest.exists():
        raise RuntimeError(f"{package} is not installed for the widget tests. Run: {NPM_INSTALL}")
    return json.loads(manifest.read_text())["version"]


WEBCHAT_PAGE = """<!doctype html><html><head><meta charset=utf-8><title>Help</title>
<style>html,body{{height:100%;margin:0}} #webchat{{height:600px;width:420px}}</style></head>
<body><h1>Northwind help</h1><div id=webchat role=main></div>
<script src="/static/webchat.js"></script>
<script>
  window.WebChat.renderWebChat({{
    directLine: window.WebChat.createDirectLine({{token: "{token}", domain: "{base}/v3/directline"}}),
    userID: "customer-1", username: "Jane Doe", locale: "en-US"
  }}, document.getElementById("webchat"));
</script></body></html>"""

N8N_PAGE = """<!doctype html><html><head><meta charset=utf-8><title>Help</title>
<link href="/static/n8n/style.css" rel="stylesheet"></head>
<body><h1>Northwind help</h1>
<script type="module">
  import {{ createChat }} from "/static/n8n/chat.bundle.es.js";
  createChat({{webhookUrl: "{base}/webhook/chat", mode: "window", loadPreviousSession: true,
               initialMessages: {initial}, i18n: {{en: {{title: "Northwind", subtitle: "",
               footer: "", getStarted: "New Conversation", inputPlaceholder: "Type your question.."}}}}}});
</script></body></html>"""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


class _Conversation:
    def __init__(self, cid: str) -> None:
        self.id = cid
        self.activities: list[dict] = []   # everything in order; the watermark is an index into it
        self.sockets: set[web.WebSocketResponse] = set()
        self.changed = asyncio.Event()
        self.handed_over = False
        self.listening = asyncio.Event()   # the widget opened the stream or polled once


class WidgetSite:
    """The pages with the real widgets, their bundles, and the two backends, on 127.0.0.1 (a thread).

    `greeting_delay_s`: the bot's greeting comes that long after the chat connects, behind typing
    (Direct Line only; n8n's greeting is its `initialMessages`, shown at once).
    `log`: every message the bots sent, with the epoch second it was sent.
    """

    def __init__(self, *, reply_delay_s: float = 1.0, agent_delay_s: float = 2.0,
                 greeting_delay_s: float = 0.0) -> None:
        for path in (WEBCHAT_JS, N8N_DIST / "chat.bundle.es.js"):
            if not path.exists():
                raise RuntimeError(f"{path} is missing: the real widgets are not installed. Run: {NPM_INSTALL}")
        self.reply_delay_s, self.agent_delay_s, self.greeting_delay_s = reply_delay_s, agent_delay_s, greeting_delay_s
        self.conversations: dict[str, _Conversation] = {}
        self.n8n_sessions: dict[str, dict] = {}
        self.log: list[dict] = []
        self.base_url = ""
        self._ids = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------

    def __enter__(self) -> "WidgetSite":
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            try:
                self._loop.run_until_complete(self._start())
            except BaseException as exc:  # noqa: BLE001 - handed to the starting thread
                failure.append(exc)
                ready.set()
                return
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="real-widgets", daemon=True)
        self._thread.start()
        ready.wait(30)
        if failure:
            raise failure[0]
        return self

    def __exit__(self, *exc_info: object) -> None:
        async def stop() -> None:
            for conv in self.conversations.values():
                for ws in list(conv.sockets):
                    await ws.close()
            if self._runner:
                await self._runner.cleanup()

        if self._loop:
            asyncio.run_coroutine_threadsafe(stop(), self._loop).result(15)
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread:
            self._thread.join(15)

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_get("/webchat", self._webchat_page)
        app.router.add_get("/n8n", self._n8n_page)
        app.router.add_get("/static/webchat.js", self._webchat_js)
        app.router.add_static("/static/n8n/", N8N_DIST)
        dl = "/v3/directline"
        app.router.add_post(f"{dl}/conversations", self._dl_start)
        app.router.add_get(f"{dl}/conversations/{{cid}}", self._dl_reconnect)
        app.router.add_post(f"{dl}/conversations/{{cid}}/activities", self._dl_post)
        app.router.add_get(f"{dl}/conversations/{{cid}}/activities", self._dl_poll)
        app.router.add_get(f"{dl}/conversations/{{cid}}/stream", self._dl_stream)
        app.router.add_post(f"{dl}/tokens/refresh", self._dl_refresh)
        app.router.add_post("/webhook/chat", self._n8n_webhook)
        app.router.add_get("/favicon.ico", self._favicon)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"

    # -- pages ---------------------------------------------------------------

    async def _webchat_js(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(WEBCHAT_JS)

    async def _favicon(self, request: web.Request) -> web.Response:
        return web.Response(status=204)  # no 404 in the console

    async def _webchat_page(self, request: web.Request) -> web.Response:
        # ?poll: Direct Line without the WebSocket (the client polls GET …/activities?watermark=).
        page = WEBCHAT_PAGE.format(token=uuid.uuid4().hex, base=self.base_url)
        if "poll" in request.query:
            page = page.replace('domain: "', 'webSocket: false, pollingInterval: 300, domain: "')
        return web.Response(text=page, content_type="text/html")

    async def _n8n_page(self, request: web.Request) -> web.Response:
        return web.Response(text=N8N_PAGE.format(base=self.base_url, initial=json.dumps([GREETING])),
                            content_type="text/html")

    # -- the bot ---------------------------------------------------------------

    def _record(self, who: str, text: str) -> None:
        self.log.append({"author": who, "text": text, "sent_at": time.time()})

    def _answer(self, text: str, handed_over: bool) -> tuple[str, str]:
        """(who, what) the chat says to the customer's text."""
        if handed_over:
            return "agent", f"Thanks. About '{text[:40]}': I'll sort that out for you now."
        if _ASKS_FOR_PERSON.search(text):
            return "bot", HANDOVER
        return "bot", bot_answer(text)

    # -- Direct Line 3.0 -------------------------------------------------------

    def _authorised(self, request: web.Request) -> None:
        if not request.headers.get("Authorization", "").startswith("Bearer "):
            raise web.HTTPForbidden(text='{"error": {"code": "BadArgument", "message": "Missing token"}}')

    def _conversation(self, request: web.Request) -> _Conversation:
        self._authorised(request)
        conv = self.conversations.get(request.match_info["cid"])
        if conv is None:
            raise web.HTTPNotFound(text='{"error": {"code": "BadArgument", "message": "Conversation not found"}}')
        return conv

    def _stream_url(self, conv: _Conversation) -> str:
        return f"ws://127.0.0.1:{self.base_url.rsplit(':', 1)[1]}/v3/directline/conversations/{conv.id}/stream"

    async def _dl_start(self, request: web.Request) -> web.Response:
        self._authorised(request)
        conv = _Conversation(uuid.uuid4().hex[:20])
        self.conversations[conv.id] = conv
        if self.greeting_delay_s:
            asyncio.get_running_loop().create_task(self._greet(conv))
        else:  # at once, as a bot answering the service's conversationUpdate: the stream's first frame has it
            await self._publish(conv, {"type": "message", "from": BOT, "text": GREETING})
            self._record("bot", GREETING)
        return web.json_response({"conversationId": conv.id, "token": request.headers["Authorization"][7:],
                                  "expires_in": 3600, "streamUrl": self._stream_url(conv)}, status=201)

    async def _dl_reconnect(self, request: web.Request) -> web.Response:
        conv = self._conversation(request)
        return web.json_response({"conversationId": conv.id, "token": request.headers["Authorization"][7:],
                                  "expires_in": 3600, "streamUrl": self._stream_url(conv)})

    async def _dl_refresh(self, request: web.Request) -> web.Response:
        self._authorised(request)
        return web.json_response({"token": request.headers["Authorization"][7:], "expires_in": 3600})

    async def _publish(self, conv: _Conversation, activity: dict) -> str:
        """Add an activity to the conversation and push it to every open stream."""
        activity = {"channelId": "directline", "conversation": {"id": conv.id}, "timestamp": _now(),
                    "id": f"{conv.id}|{len(conv.activities):07d}", **activity}
        conv.activities.append(activity)
        frame = json.dumps({"activities": [activity], "watermark": str(len(conv.activities))})
        for ws in list(conv.sockets):
            try:
                await ws.send_str(frame)
            except ConnectionError:
                conv.sockets.discard(ws)
        conv.changed.set()
        conv.changed = asyncio.Event()
        return activity["id"]

    async def _bot_says(self, conv: _Conversation, who: str, text: str, delay_s: float, reply_to: str = "") -> None:
        sender = AGENT if who == "agent" else BOT
        # Typing first (Web Chat shows it until the message, or 5 s), then the message after the delay.
        await self._publish(conv, {"type": "typing", "from": sender})
        await asyncio.sleep(delay_s)
        extra = {"replyToId": reply_to} if reply_to else {}
        await self._publish(conv, {"type": "message", "from": sender, "text": text, **extra})
        self._record(who, text)

    async def _greet(self, conv: _Conversation) -> None:
        # The service starts the conversation at once; the bot greets once the widget listens.
        try:
            await asyncio.wait_for(conv.listening.wait(), 30)
        except asyncio.TimeoutError:
            return  # nobody came to listen
        await self._bot_says(conv, "bot", GREETING, self.greeting_delay_s)

    async def _dl_post(self, request: web.Request) -> web.Response:
        conv = self._conversation(request)
        activity = await request.json()
        if not isinstance(activity, dict) or "type" not in activity:
            return web.json_response({"error": {"code": "BadArgument", "message": "No activity"}}, status=400)
        # The service echoes the customer's activity (with its id) so the widget marks it sent.
        activity_id = await self._publish(conv, {k: v for k, v in activity.items() if k not in ("id", "timestamp")})
        if activity.get("type") == "message" and (text := (activity.get("text") or "").strip()):
            who, answer = self._answer(text, conv.handed_over)
            loop = asyncio.get_running_loop()
            loop.create_task(self._bot_says(conv, who, answer, self.reply_delay_s, activity_id))
            if answer == HANDOVER:
                conv.handed_over = True
                loop.create_task(self._agent_joins(conv))
        return web.json_response({"id": activity_id})

    async def _agent_joins(self, conv: _Conversation) -> None:
        await asyncio.sleep(max(0.0, self.agent_delay_s - 1.0))
        await self._bot_says(conv, "agent", AGENT_GREETING, min(1.0, self.agent_delay_s))

    async def _dl_poll(self, request: web.Request) -> web.Response:
        conv = self._conversation(request)
        conv.listening.set()
        start = int(request.query.get("watermark") or 0)
        return web.json_response({"activities": conv.activities[start:], "watermark": str(len(conv.activities))})

    async def _dl_stream(self, request: web.Request) -> web.WebSocketResponse:
        conv = self.conversations.get(request.match_info["cid"])
        if conv is None:
            raise web.HTTPNotFound()
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        # What came before this socket opened (e.g. on a reconnect) arrives first.
        if conv.activities:
            await ws.send_str(json.dumps({"activities": conv.activities, "watermark": str(len(conv.activities))}))
        conv.sockets.add(ws)
        conv.listening.set()
        try:
            async for msg in ws:   # the client pings with empty text frames; nothing else comes up this way
                if msg.type == WSMsgType.ERROR:
                    break
        finally:
            conv.sockets.discard(ws)
        return ws

    # -- n8n Chat Trigger webhook ------------------------------------------------

    async def _n8n_webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        session = self.n8n_sessions.setdefault(str(body.get("sessionId")), {"handed_over": False, "data": []})
        if body.get("action") == "loadPreviousSession":
            return web.json_response({"data": session["data"]})
        if body.get("action") != "sendMessage":
            return web.json_response({"message": "Unknown action"}, status=400)
        text = str(body.get("chatInput") or "").strip()
        who, answer = self._answer(text, session["handed_over"])
        delay_s = self.reply_delay_s
        if answer == HANDOVER:
            # A webhook answers each message once and cannot push: the flow waits for a person, who
            # answers this message (n8n's human-in-the-loop hand-over).
            session["handed_over"] = True
            who, answer, delay_s = "agent", AGENT_GREETING, self.agent_delay_s
        # The widget shows its typing bubble while this request is open.
        await asyncio.sleep(delay_s)
        self._record(who, answer)
        return web.json_response({"output": answer})
