"""Pages that try to reach a host off the allowlist, and a listener that counts who got through.

Shared by tests/channels/test_allowlist.py and tests/benchmarks/faults/allowlist.py. Every page but
the chat ones carries the same small contact form (it posts to /send, which answers "message
received"), so a step can confirm while something else on the page is blocked.
"""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class OffList:
    """A TCP listener on a port no allowlist names: counts every connection it accepts."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.accepted = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


FORM = """<form method=post action="{action}"><label for=n>Name</label><input id=n name=name>
<button>Send</button></form>"""


def routes(off: str) -> dict[str, str]:
    """Page path -> the HTML that reaches out to ``off`` (the off-list listener's http://host:port) one way."""
    ws = off.replace("http://", "ws://")
    form = FORM.format(action="/send")
    return {
        "/redirect-302": "",  # answered by the server: 302 to the off-list host
        "/form-307": FORM.format(action="/send-307"),  # the POST is answered 307 to the off-list host
        "/form-off-list": FORM.format(action=f"{off}/collect"),
        "/fetch": form + f'<script>fetch("{off}/track?email=jane%40example.com").catch(() => {{}})</script>',
        "/img": form + f'<img src="{off}/pixel.gif?name=Jane" alt="">',
        "/script-css": f'<link rel=stylesheet href="{off}/site.css"><script src="{off}/app.js"></script>' + form,
        "/beacon": form + f'<script>navigator.sendBeacon("{off}/beacon", "name=Jane")</script>',
        "/websocket": form + f'<script>try {{ new WebSocket("{ws}/live"); }} catch (e) {{}}</script>',
        "/preconnect": (f'<link rel=preconnect href="{off}"><link rel=dns-prefetch href="{off}">'
                        f'<link rel=prefetch href="{off}/next.html">' + form),
        "/iframe": form + f'<iframe src="{off}/widget"></iframe>',
        "/chat-off-list": (
            "<div id=log></div><textarea class=box></textarea>"
            f'<script>const s = new WebSocket("{ws}/chat"); s.onmessage = e => {{'
            " const m = document.createElement('div'); m.className = 'msg'; m.textContent = e.data;"
            " document.getElementById('log').append(m); };</script>"),
    }


class Site:
    """The company's site on loopback (on the allowlist): serves ``routes(off)`` and records form posts."""

    def __init__(self, off: str) -> None:
        self.pages = routes(off)
        self.posts: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _page(self, status: int, body: str, location: str | None = None) -> None:
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body.encode())))
                self.end_headers()
                self.wfile.write(body.encode())

            def do_GET(self):
                path = self.path.split("?")[0]
                if path == "/redirect-302":
                    return self._page(302, "", f"{off}/landing")
                body = outer.pages.get(path)
                if path == "/favicon.ico":
                    return self._page(200, "")
                self._page(200 if body is not None else 404,
                           f"<!doctype html><html><body><main>{body or 'not found'}</main></body></html>")

            def do_POST(self):
                outer.posts.append(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
                if self.path == "/send-307":
                    return self._page(307, "", f"{off}/collect")
                self._page(200, "<!doctype html><html><body><main><h1>Thank you, message received</h1>"
                                "</main></body></html>")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def form_journey(url: str, within: str = "5s") -> str:
    return f"""
name: Allowlist route
persona: {{name: Jane}}
target: demo
steps:
  - channel: web_form
    url: {url}
    fields: [{{label: Name, value: Jane}}]
    expect: {{text: received, within: {within}}}
"""


def chat_journey(url: str) -> str:
    return f"""
name: Chat through an off-list WebSocket
persona: {{name: Jane}}
target: demo
steps:
  - channel: chat
    url: {url}
    selectors: {{input: textarea.box, message: .msg}}
    ready_within: 5s
    turns:
      - {{say: "Hello?", within: 3s}}
"""
