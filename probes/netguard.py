"""The allowlist inside the browser: every request and every connection a browser step makes.

Two layers, because neither alone sees everything:

* A tiny SOCKS5 proxy per browser context (asyncio, on 127.0.0.1, a free port). The context
  sends *every* connection through it, loopback included (Chromium would bypass the proxy for
  loopback unless told ``<-loopback>``): page loads, each redirect hop, subresources,
  fetch/XHR, beacons, WebSockets, preconnects and prefetches. The proxy opens a connection
  only to a host and port that a URL entry of the target's allowlist names, and refuses any
  other before a single byte goes there. SOCKS (not an HTTP proxy) because it tunnels plain
  HTTP, HTTPS and WebSockets alike, and the browser sends the host name to the proxy, so
  nothing is looked up or opened on the browser's side.
* A Playwright route on the context that checks each request before the browser sends it, and
  names what it stopped: a page or frame to open, and anything that sends data (not a GET),
  must match an entry's path prefix; the page's own GETs (images, scripts, styles, reads) may
  come from anywhere on a site the allowlist names (``Target.covers``). Playwright does not
  consult routes for redirect hops or WebSockets: those are held by the proxy, by host and port.
  URLs plainly under a URL entry never reach Python (``NetGuard.needs_check``): the route would
  let them through anyway, and each round trip costs CPU.

A block is the prober keeping the user's safety setting, never the company failing: see
``NetGuard.settle`` for how blocks show in a step's outcome.
"""
from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import re
import socket
import struct
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .results import Finding, Outcome, ProberError

if TYPE_CHECKING:
    from .config import Target

# Requests whose loss cannot change what the customer can do with a form or a chat: a block of
# one of these is only noted. Anything else blocked (a script, a frame, a fetch, a WebSocket …)
# may be why a step went wrong, so a failed step with such a block cannot be judged.
HARMLESS_TYPES = frozenset({"image", "media", "font", "ping", "beacon", "manifest", "texttrack", "csp_report"})
MAX_FINDINGS = 10  # one finding per blocked address; the rest are counted in the last one
_CONNECT_TIMEOUT_S = 30.0


def _origin_of(entry: str) -> tuple[str, int] | None:
    parts = urlsplit(entry)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower(), parts.port or (443 if parts.scheme == "https" else 80)


def http_form(url: str) -> str:
    """A WebSocket URL as the allowlist spells it: ws:// is checked as http://, wss:// as https://."""
    if url.startswith("ws://"):
        return "http://" + url[5:]
    if url.startswith("wss://"):
        return "https://" + url[6:]
    return url


@dataclass
class Block:
    """One request or connection the guard stopped."""

    url: str            # the request's URL, or host:port for a bare connection
    kind: str           # the request's resource type, "websocket", or "connection"
    method: str = ""
    at_s: float = field(default_factory=time.perf_counter)  # when it was stopped


@dataclass
class NetGuard:
    """The allowlist of one browser step (see the module docstring). ``start`` it before the context.

    The SOCKS proxy is a ``SocksGate``: the guard's own (closed with it), or one a reused browser context
    keeps from step to step (``start(gate)``), which then lets through only what this guard allows.
    """

    target: Target
    channel: str        # "web_form" or "chat": the prefix of the findings
    blocks: list[Block] = field(default_factory=list)
    proxy: dict = field(default_factory=dict)  # new_context(proxy=...) once started
    upstream_errors: dict = field(default_factory=dict)  # (host, port) -> Chromium's name for why it failed
    gate: SocksGate | None = None
    _own_gate: bool = False
    _origins: frozenset = frozenset()
    _attached: list = field(default_factory=list)  # (emitter, event, handler) to take off again in detach()
    _pattern: re.Pattern | None = None

    async def start(self, gate: SocksGate | None = None) -> NetGuard:
        self._origins = frozenset(o for e in self.target.allowlist if (o := _origin_of(e)))
        self._own_gate = gate is None
        self.gate = gate if gate is not None else await SocksGate().start()
        self.gate.guard = self
        self.proxy = self.gate.proxy
        return self

    async def attach(self, context, page=None) -> None:
        """Check every request of the context by its full URL, and note WebSockets off the allowlist.
        ``page``: a tab that is already open (a reused context's), whose WebSockets are watched too."""
        # Only what the allowlist's URL entries do not plainly allow comes to Python: the route permits
        # those anyway, and each round trip costs (measured ~3 ms of CPU a request, 0.3 CPU-s for a page of 100).
        self._pattern = self.needs_check()
        await context.route(self._pattern, self._route)
        self._hold(context, "requestfailed", self._failed)
        self._hold(context, "page", self._watch_page)
        for open_page in {*context.pages, *([page] if page is not None else [])}:
            self._watch_page(open_page)

    def _hold(self, emitter, event: str, handler) -> None:
        emitter.on(event, handler)
        self._attached.append((emitter, event, handler))

    async def detach(self, context) -> None:
        """Take the route and the listeners off the context again (a reused context outlives its steps)."""
        for emitter, event, handler in reversed(self._attached):
            with contextlib.suppress(Exception):
                emitter.remove_listener(event, handler)
        self._attached.clear()
        if self._pattern is not None:
            pattern, self._pattern = self._pattern, None
            await context.unroute(pattern, self._route)

    async def close(self) -> None:
        """Stop letting anything through for this step: the guard's own proxy closes; a shared one refuses
        every connection until the next step's guard, and the connections it opened for this step are cut."""
        gate, self.gate = self.gate, None
        if gate is None:
            return
        if self._own_gate:
            await gate.close()
        else:
            if gate.guard is self:
                gate.guard = None
            await gate.cut()

    def _note(self, block: Block) -> None:
        self.blocks.append(block)

    # --- the route: full URLs -------------------------------------------------------------------
    def needs_check(self) -> re.Pattern:
        """The URLs the route must see: every URL but those that plainly fall under a URL entry of the
        allowlist (``Target.allows`` is true for those, so ``permits`` would let them through unchecked).
        Conservative: an entry it cannot spell exactly as Chromium writes URLs (an IPv6 host, an encoded
        path) excludes nothing, so its URLs are still checked one by one."""
        plain = []
        for entry in self.target.allowlist:
            parts = urlsplit(entry)
            if parts.scheme not in ("http", "https") or not parts.hostname or ":" in parts.hostname \
                    or parts.username or parts.password:
                continue
            host, port = parts.hostname.lower(), parts.port
            default = 443 if parts.scheme == "https" else 80
            if not re.fullmatch(r"[a-z0-9.-]+", host):
                continue
            prefix = (parts.path or "/").rstrip("/")
            if not re.fullmatch(r"[A-Za-z0-9/._~-]*", prefix):
                continue
            # Chromium drops a default port; a URL of the entry's origin may show it or not.
            port_re = "(?::%d)?" % default if port in (None, default) else ":%d" % port
            # A prefix of /support allows /support and /support/…, not /supportive.
            plain.append(f"{parts.scheme}://{re.escape(host)}{port_re}{re.escape(prefix)}(?:[/?#]|$)")
        return re.compile("^(?!" + "|".join(plain) + ")") if plain else re.compile("")

    def permits(self, request) -> bool:
        """May the browser send this request? Pages to open and anything that sends data (not a GET) must
        match an entry's path prefix; the page's own images, scripts, styles and reads may come from
        anywhere on a site the allowlist names."""
        url = http_form(request.url)
        if url.startswith(("data:", "blob:", "about:")) or self.target.allows(url):
            return True
        return request.method == "GET" and not request.is_navigation_request() and self.target.covers(url)

    def named(self, url: str) -> bool:
        """Is the URL's host and port one the allowlist names (the proxy lets it through)?"""
        return _origin_of(http_form(url)) in self._origins

    async def _route(self, route, request) -> None:
        if self.permits(request):
            await route.continue_()
            return
        kind = "navigation" if request.is_navigation_request() else request.resource_type
        self._note(Block(request.url, kind, request.method))
        await route.abort("blockedbyclient")

    def _failed(self, request) -> None:
        # A redirect hop off the allowlist: the route never saw it, the proxy refused its connection;
        # this names its URL and method (a 307 keeps the POST).
        url = request.url
        if _origin_of(http_form(url)) and not self.named(url) and not any(b.url == url for b in self.blocks):
            kind = "navigation" if request.is_navigation_request() else request.resource_type
            self._note(Block(request.url, kind, request.method))

    def _watch_page(self, page) -> None:
        def on_ws(ws):
            # The proxy refuses the connection; this names the WebSocket's URL for the report.
            if not self.named(ws.url):
                self._note(Block(ws.url, "websocket", "GET"))
        self._hold(page, "websocket", on_ws)

    # --- what the step reports ------------------------------------------------------------------
    def unique_blocks(self) -> list[Block]:
        """Each blocked address once; a bare connection only when no request names its host and port."""
        seen: dict[str, Block] = {}
        for b in self.blocks:
            seen.setdefault(b.url, b)
        named = {_origin_of(http_form(b.url)) for b in seen.values() if b.kind != "connection"}
        return [b for b in seen.values() if b.kind != "connection" or _host_port(b.url) not in named]

    def settle(self, out: Outcome, passed: bool, sent_at_s: float | None = None) -> None:
        """Put the blocks into the step's outcome, or raise ProberError when the step cannot be judged.

        ``passed``: the step reached what it was checking (a form confirmed, a chat answered);
        ``sent_at_s``: time.perf_counter() when the customer sent, if they did (blocks after it may
        have been the sending itself).
        Passed: each blocked address is an ``info`` finding. Not passed, and something was blocked
        that the page may have needed (anything but images, fonts, media, beacons and bare
        connections such as a preconnect): the prober cannot tell whether the company failed or
        the block broke the page, so the step is a prober error naming the address to allowlist.
        """
        self._explain(out)
        blocks = self.unique_blocks()
        if not blocks:
            return
        self._drop_echoes(out, blocks)
        out.observations["blocked_requests"] = [f"{b.method} {b.url}".strip() for b in blocks]
        needed = [b for b in blocks if b.kind not in HARMLESS_TYPES and b.kind != "connection"]
        if not passed and needed:
            after = [b for b in needed if sent_at_s is not None and b.at_s >= sent_at_s]
            first = (after or needed)[0]
            what = "sending needed" if after else "the page needed"
            rest = [b.url for b in needed if b is not first]
            others = f" (and {len(rest)} more: {', '.join(rest[:3])})" if rest else ""
            raise ProberError(f"{what} {first.url}, which is not on the target's allowlist; the prober blocked it{others}, "
                              "so this step cannot be judged. Add the address to the target's allowlist if it belongs "
                              "to the company (or a service it uses).")
        for b in blocks[:MAX_FINDINGS]:
            out.findings.append(Finding(
                f"{self.channel}.blocked", "info", "The prober blocked a request to an address not on the allowlist",
                f"The page asked for this ({_describe(b.kind)}); the allowlist does not cover it, so nothing was "
                "sent there. Add it to the target's allowlist if the page needs it.",
                f"{b.method} {b.url}".strip()))
        if len(blocks) > MAX_FINDINGS:
            out.findings[-1].detail += f" {len(blocks) - MAX_FINDINGS} more blocked addresses are in the step's observations."

    def _explain(self, out: Outcome) -> None:
        """Put the real network error (refused, timed out, unknown name) where the browser saw a SOCKS failure."""
        if not self.upstream_errors:
            return

        def fix(text: str) -> str:
            for m in reversed(list(_SOCKS_FAILED.finditer(text))):
                if reason := self.upstream_errors.get(_origin_of(m.group(1))):
                    text = text[:m.start()] + f"net::{reason} at {m.group(1)}" + text[m.end():]
            return text

        for f in out.findings:
            f.snippet, f.detail = fix(f.snippet), fix(f.detail)
        if "load_attempts" in out.observations:
            out.observations["load_attempts"] = [fix(a) for a in out.observations["load_attempts"]]

    def _drop_echoes(self, out: Outcome, blocks: list[Block]) -> None:
        """Console errors that only echo a block (the browser logs each one) are not the page's fault."""
        marks = ["ERR_BLOCKED_BY_CLIENT", "ERR_SOCKS_CONNECTION_FAILED", *(b.url for b in blocks)]
        if any(b.kind in ("fetch", "xhr") for b in blocks):
            marks.append("Failed to fetch")
        for f in [f for f in out.findings if f.check == f"{self.channel}.console_error"]:
            lines = out.observations.get("console_errors") or f.snippet.splitlines()
            kept = [line for line in lines if not any(m in line for m in marks)]
            if not kept:
                out.findings.remove(f)
                out.observations.pop("console_errors", None)
            elif len(kept) < len(lines):
                f.snippet = "\n".join(kept[:5])
                f.detail = f"{len(kept)} error(s) in the browser console; parts of the page may not work for every customer."
                if "console_errors" in out.observations:
                    out.observations["console_errors"] = kept


class SocksGate:
    """The tiny SOCKS5 proxy of one browser context (asyncio, 127.0.0.1, a free port): it opens a connection
    only to a host and port that its current guard's allowlist names, and none while no guard holds it."""

    def __init__(self) -> None:
        self.guard: NetGuard | None = None
        self.proxy: dict = {}
        self._server: asyncio.AbstractServer | None = None
        self._tasks: set = set()

    async def start(self) -> SocksGate:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        port = self._server.sockets[0].getsockname()[1]
        # No bypass: loopback goes through the proxy too (Chromium exempts it unless told otherwise).
        self.proxy = {"server": f"socks5://127.0.0.1:{port}", "bypass": "<-loopback>"}
        return self

    @property
    def open_connections(self) -> int:
        return len(self._tasks)

    async def cut(self) -> None:
        """Close every connection opened so far: one kept alive by the browser must not carry a later step's
        requests to a host that step's allowlist does not name."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self.cut()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)
            self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        self._tasks.add(task)
        upstream = None
        try:
            head = await reader.readexactly(2)
            if head[0] != 5:
                return
            await reader.readexactly(head[1])
            writer.write(b"\x05\x00")  # version 5, no authentication
            _, cmd, _, atyp = await reader.readexactly(4)
            if atyp == 1:
                host = str(ipaddress.IPv4Address(await reader.readexactly(4)))
            elif atyp == 4:
                host = str(ipaddress.IPv6Address(await reader.readexactly(16)))
            elif atyp == 3:
                host = (await reader.readexactly((await reader.readexactly(1))[0])).decode("ascii", "replace")  # punycode already
            else:
                return
            (port,) = struct.unpack("!H", await reader.readexactly(2))
            if cmd != 1:
                writer.write(_reply(7))  # only CONNECT
                return
            guard = self.guard
            if guard is None or (host.lower(), port) not in guard._origins:
                # Between two steps of a reused context nothing may go anywhere.
                if guard is not None:
                    guard._note(Block(f"{host}:{port}" if ":" not in host else f"[{host}]:{port}", "connection"))
                writer.write(_reply(2))  # not allowed by ruleset: nothing was opened
                return
            try:
                up_reader, upstream = await asyncio.wait_for(asyncio.open_connection(host, port), _CONNECT_TIMEOUT_S)
            except (OSError, TimeoutError) as exc:
                # The browser only learns "the SOCKS connection failed": keep the real reason for the report.
                guard.upstream_errors[(host.lower(), port)] = _net_error(exc)
                writer.write(_reply(5))
                return
            guard.upstream_errors.pop((host.lower(), port), None)  # it answers now: an older failure explains nothing
            writer.write(_reply(0))
            await asyncio.gather(_pipe(reader, upstream), _pipe(up_reader, writer))
        except (asyncio.IncompleteReadError, ConnectionError, OSError, asyncio.CancelledError, ValueError):
            pass  # the browser hung up or spoke nonsense: nothing was opened for it
        finally:
            self._tasks.discard(task)
            for w in (upstream, writer):
                if w is not None:
                    w.close()


def _host_port(text: str) -> tuple[str, int] | None:
    host, _, port = text.rpartition(":")
    return (host.strip("[]").lower(), int(port)) if port.isdigit() else None


def _describe(kind: str) -> str:
    return {"connection": "a connection opened ahead of use, such as a preconnect or prefetch",
            "navigation": "a page or frame to open", "websocket": "a WebSocket"}.get(kind, f"a {kind} request")


# Chromium names a connection its proxy could not open ERR_SOCKS_CONNECTION_FAILED, or, when the request
# needed a CORS preflight first, only the generic ERR_FAILED; either is replaced only where the proxy
# itself saw that origin's connection fail.
_SOCKS_FAILED = re.compile(r"net::ERR_(?:SOCKS_CONNECTION_)?FAILED at (\S+)")


def _net_error(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "ERR_CONNECTION_REFUSED"
    if isinstance(exc, socket.gaierror):
        return "ERR_NAME_NOT_RESOLVED"
    if isinstance(exc, TimeoutError):
        return "ERR_CONNECTION_TIMED_OUT"
    if isinstance(exc, ConnectionResetError):
        return "ERR_CONNECTION_RESET"
    if getattr(exc, "errno", None) in (errno.EHOSTUNREACH, errno.ENETUNREACH):
        return "ERR_ADDRESS_UNREACHABLE"
    return "ERR_CONNECTION_FAILED"


def _reply(code: int) -> bytes:
    return bytes([5, code, 0, 1, 0, 0, 0, 0, 0, 0])


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.write_eof()
