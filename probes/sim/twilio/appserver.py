"""A tiny TwiML application on loopback, for tests and experiments with the simulator.

``AppServer`` answers webhooks from a table of path → TwiML (a string, or a
function of the request's parameters; either may be a ``(status, body)`` pair
to answer an HTTP error, as a broken application does), rejects any request whose
``X-Twilio-Signature`` does not validate with one of the given auth tokens
(HTTP 403, as an application using the SDK's validator would), and keeps
every request it received with the time it arrived.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qsl, urlsplit

from twilio.request_validator import RequestValidator

from probes.sim.httpserver import QuietServer

__all__ = ["AppServer", "Hit"]

Reply = str | tuple[int, str]
Answer = Reply | Callable[[dict[str, str]], Reply]


@dataclass(frozen=True)
class Hit:
    """One webhook request the application received."""

    path: str
    method: str
    params: dict[str, str]
    signature_valid: bool
    at: datetime
    mono: float


class AppServer:
    """Serve TwiML by path; validate signatures; remember every request."""

    def __init__(self, auth_tokens: str | list[str], routes: dict[str, Answer] | None = None,
                 host: str = "127.0.0.1"):
        self.validators = [RequestValidator(t) for t in ([auth_tokens] if isinstance(auth_tokens, str)
                                                         else auth_tokens)]
        self.routes: dict[str, Answer] = dict(routes or {})
        self.hits: list[Hit] = []
        self._cond = threading.Condition()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else ""
                form = dict(parse_qsl(body, keep_blank_values=True))
                url = f"http://{self.headers.get('Host')}{self.path}"
                signature = self.headers.get("X-Twilio-Signature", "")
                valid = any(v.validate(url, form if self.command == "POST" else {}, signature)
                            for v in server.validators)
                params = dict(parse_qsl(parts.query, keep_blank_values=True)) | form
                server._record(Hit(parts.path, self.command, params, valid, datetime.now(timezone.utc),
                                   time.monotonic()))
                answer = server.routes.get(parts.path)
                if not valid:
                    self._send(403, "text/plain", "invalid signature")
                elif answer is None:
                    self._send(404, "text/plain", "no such page")
                else:
                    reply = answer(params) if callable(answer) else answer
                    status, text = reply if isinstance(reply, tuple) else (200, reply)
                    self._send(status, "text/xml" if status < 400 else "text/plain", text)

            def _send(self, status: int, ctype: str, text: str) -> None:
                data = text.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _handle

        self._httpd = QuietServer((host, 0), Handler)
        self.base_url = f"http://{host}:{self._httpd.server_address[1]}"
        self._thread: threading.Thread | None = None

    def url(self, path: str) -> str:
        return self.base_url + path

    def _record(self, hit: Hit) -> None:
        with self._cond:
            self.hits.append(hit)
            self._cond.notify_all()

    def requests(self, path: str) -> list[Hit]:
        with self._cond:
            return [h for h in self.hits if h.path == path]

    def wait_for(self, path: str, count: int = 1, timeout_s: float = 60.0) -> list[Hit]:
        """The first ``count`` requests to ``path``; raises TimeoutError if they do not come in time."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while True:
                hits = [h for h in self.hits if h.path == path]
                if len(hits) >= count:
                    return hits[:count]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(hits)} of {count} requests to {path} within {timeout_s} s")
                self._cond.wait(left)

    def start(self) -> AppServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="twiml-app", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> AppServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
