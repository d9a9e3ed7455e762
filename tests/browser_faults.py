"""Faults for the browser tests and the fault-matrix benchmark: a Chromium killed by its PID, pages that are slow.

Chromium is found the way an operator (or the OOM killer) would see it: in /proc, as a descendant of this
process whose command line is Chromium's and is not one of its helper processes (``--type=renderer`` …).
"""
from __future__ import annotations

import os
import signal
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the name in (…) may hold spaces
        out.setdefault(ppid, []).append(int(d.name))
    return out


def descendants(root: int) -> list[int]:
    children, out, todo = _children(), [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def chromium_pids(root: int | None = None) -> list[int]:
    """PIDs of the main Chromium processes started (through Playwright) under root, default this process."""
    found = []
    for pid in descendants(root or os.getpid()):
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        name = os.path.basename(argv[0].decode(errors="replace")) if argv and argv[0] else ""
        if "chrom" in name and not any(a.startswith(b"--type=") for a in argv):
            found.append(pid)
    return found


def kill_chromium(root: int | None = None, wait_s: float = 30.0) -> list[int]:
    """SIGKILL every main Chromium under root and wait until they are gone. Returns their PIDs."""
    pids = chromium_pids(root)
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.05)
    return pids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie is dead, only not yet reaped by Playwright


FORM = """<!doctype html><html><head><title>Contact</title></head><body><main>
<form method=post action=/send>
<label for=n>Your name</label><input id=n name=name>
<label for=m>Your message</label><textarea id=m name=message></textarea>
<button>Send message</button></form></main></body></html>"""
THANKS = b"<!doctype html><html><body><main><h1>Thank you, message received</h1></main></body></html>"


class FaultSite:
    """A contact form on loopback that can hurt the browser looking at it.

    kill_on: "get" kills Chromium when the form page is asked for (before anything is sent), "post" when
    the form arrives (the company has it, the prober never sees the answer); once only, then it is an
    ordinary form. pages: more paths -> HTML. "/hang" never answers (a page that never finishes loading);
    "/slow?s=N" answers after N seconds.
    """

    def __init__(self, kill_on: str | None = None, pages: dict[str, str] | None = None):
        self.kill_on = kill_on
        self.pages = {"/form": FORM, **(pages or {})}
        self.posts: list[dict] = []
        self.killed: list[int] = []
        self._released = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the browser gave up on it (or died): nobody is listening any more

            def do_GET(self):
                path, _, query = self.path.partition("?")
                if path == "/hang":
                    outer._released.wait(600)
                    return
                if path == "/slow":
                    time.sleep(float(parse_qs(query).get("s", ["1"])[0]))
                    self._send(200, b"ok")
                    return
                if path == "/form" and outer.kill_on == "get":
                    outer.kill_on = None
                    outer.killed += kill_chromium()
                body = outer.pages.get(path)
                self._send(200 if body is not None else 404, (body or "not found").encode())

            def do_POST(self):
                data = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                outer.posts.append({k: v[0] for k, v in parse_qs(data).items()})
                if outer.kill_on == "post":
                    outer.kill_on = None
                    outer.killed += kill_chromium()
                self._send(200, THANKS)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._released.set()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> "FaultSite":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
