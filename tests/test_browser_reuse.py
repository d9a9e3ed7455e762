"""Web-form steps reuse an emptied browser context and tab: the next step must see nothing of the last.

Real Chromium against pages on loopback that leave behind everything a page can: a cookie, local and session
storage, IndexedDB, Cache Storage, a service worker, an HTTP cache entry, window.name, a pop-up, history.
"""
from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from probes.browser import BrowserSession
from probes.config import BrowserSettings
from probes.netguard import NetGuard

# What a page can see of an earlier visit; every count must be 0 (and the strings empty) in a fresh tab.
LOOK_JS = """async () => {
  const regs = navigator.serviceWorker ? await navigator.serviceWorker.getRegistrations() : [];
  return {cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,
          idb: (await indexedDB.databases()).length, caches: (await caches.keys()).length, workers: regs.length,
          name: window.name, referrer: document.referrer, history: history.length,
          controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller)};
}"""
CLEAN = {"cookie": "", "local": 0, "session": 0, "idb": 0, "caches": 0, "workers": 0, "name": "", "referrer": "",
         "controlled": False}

DIRTY_PAGE = """<!doctype html><html><body><main>
<h1>Contact us</h1><p id=state>dirtying</p>
<form method=post action=/send><label for=n>Your name</label><input id=n name=name><span id=slot></span></form>
<script src="/cached.js"></script>
<script>
const look = %s;
async function dirty() {
  document.cookie = 'visitor=jane; max-age=3600; path=/';
  localStorage.setItem('last', 'jane'); sessionStorage.setItem('draft', 'hello');
  window.name = 'jane-was-here';
  await new Promise((ok, fail) => { const q = indexedDB.open('drafts', 1);
    q.onupgradeneeded = () => q.result.createObjectStore('x'); q.onsuccess = () => { q.result.close(); ok(); };
    q.onerror = fail; });
  await (await caches.open('pages')).put('/kept', new Response('kept'));
  await navigator.serviceWorker.register('/sw.js'); await navigator.serviceWorker.ready;
  window.open('/popup', 'chat-popup');
}
(async () => {
  const seen = await look();
  await fetch('/seen?' + new URLSearchParams({state: JSON.stringify(seen)}));
  await dirty();
  document.getElementById('state').textContent = 'dirty';
  // The send button appears only once everything is left behind, so the step cannot finish earlier.
  document.getElementById('slot').innerHTML = '<button>Send</button>';
})();
</script></main></body></html>""" % LOOK_JS


class DirtySite:
    """A site whose contact page reports what it finds of an earlier visit (to /seen), then dirties everything."""

    def __init__(self) -> None:
        self.seen: list[dict] = []
        self.hits: dict[str, int] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, body: str, kind: str = "text/html", cache: str = "no-store") -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind + "; charset=utf-8")
                self.send_header("Cache-Control", cache)
                self.end_headers()
                self.wfile.write(body.encode())

            def do_GET(self):
                path = urlsplit(self.path).path
                site.hits[path] = site.hits.get(path, 0) + 1
                if path == "/seen":
                    site.seen.append(json.loads(parse_qs(urlsplit(self.path).query)["state"][0]))
                    self._send("ok", "text/plain")
                elif path == "/cached.js":   # an HTTP cache entry for an hour
                    self._send("window.cachedLoaded = 1;", "text/javascript", "max-age=3600")
                elif path == "/sw.js":
                    self._send("self.addEventListener('fetch', () => {});", "text/javascript")
                elif path == "/favicon.ico":
                    self._send("", "image/x-icon")
                elif path == "/popup":
                    self._send("<p>Chat with us</p>")
                else:
                    self._send(DIRTY_PAGE)

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self._send("<main><h1>Thank you, message received</h1></main>")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def dirty_site():
    site = DirtySite()
    yield site
    site.close()


OPTIONS = {"viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}


async def _visit(session: BrowserSession, target, url: str, clean: bool = True) -> tuple[object, dict]:
    """One step's use of a tab: open the page, let it dirty everything, give the tab back."""
    tab = await session.tab(OPTIONS)
    assert tab.context.pages == [tab.page] and tab.page.url == "about:blank"   # no pop-up of an earlier step
    guard = await NetGuard(target, "web_form").start(tab.gate)
    try:
        await guard.attach(tab.context, tab.page)
        await tab.page.goto(url)
        await tab.page.wait_for_function("document.getElementById('state').textContent === 'dirty'", timeout=60_000)
        seen = await tab.page.evaluate(LOOK_JS)
        for _ in range(600):   # the pop-up's tab reaches Playwright a moment after the page opened it
            if len(tab.context.pages) == 2:
                break
            await asyncio.sleep(0.05)
        assert len(tab.context.pages) == 2
    finally:
        await guard.close()
        await guard.detach(tab.context)
        context = tab.context
        await session.give_back(tab, clean=clean)
    return context, seen


def test_a_reused_tab_shows_the_next_step_nothing_of_the_last(config, dirty_site):
    target = config.targets["demo"]
    target.allowlist.append(dirty_site.base_url + "/")

    async def scenario():
        session = BrowserSession(BrowserSettings())
        try:
            first, seen_first = await _visit(session, target, dirty_site.base_url + "/contact")
            # The page did leave everything behind (else the test proves nothing) ...
            assert seen_first["cookie"] and seen_first["local"] and seen_first["session"] and seen_first["idb"]
            assert seen_first["caches"] and seen_first["workers"] and seen_first["name"]
            second, _ = await _visit(session, target, dirty_site.base_url + "/contact")
            return session, first, second
        finally:
            await session.close()

    session, first, second = asyncio.run(scenario())
    assert second is first and session.tabs_reused == 1 and session.tabs_opened == 1  # the context was reused
    # ... and the second visit found none of it.
    assert len(dirty_site.seen) == 2
    assert {k: dirty_site.seen[0][k] for k in CLEAN} == CLEAN
    after = dirty_site.seen[1]
    assert {k: after[k] for k in CLEAN} == CLEAN, after
    assert after["history"] == dirty_site.seen[0]["history"]   # about:blank, where each tab starts, and this page
    assert dirty_site.hits["/cached.js"] == 2   # not served from the HTTP cache the first visit filled


def test_a_tab_not_given_back_clean_is_closed_not_reused(config, dirty_site, monkeypatch):
    from probes import browser

    target = config.targets["demo"]
    target.allowlist.append(dirty_site.base_url + "/")

    async def scenario():
        session = BrowserSession(BrowserSettings())
        try:
            first, _ = await _visit(session, target, dirty_site.base_url + "/contact", clean=False)
            # A step that closed its own tab: it cannot be proven empty, so it is closed too.
            tab = await session.tab(OPTIONS)
            await tab.page.close()
            await session.give_back(tab, clean=True)
            third = await session.tab(OPTIONS)
            monkeypatch.setattr(browser, "MAX_TAB_STEPS", 1)   # a tab that has served its steps is closed too
            await session.give_back(third, clean=True)
            assert not session._idle
            return session, first, tab.context, third.context
        finally:
            await session.close()

    session, first, second, third = asyncio.run(scenario())
    assert len({id(first), id(second), id(third)}) == 3
    assert session.tabs_opened == 3 and session.tabs_reused == 0 and session.tabs_discarded == 3


def test_two_journeys_in_one_tab_each_meet_the_page_as_new(run_journeys, config, dirty_site):
    # Through the web_form channel, one journey after the other in one run: both confirm, and the page the
    # second opens finds nothing the first one left.
    config.targets["demo"].allowlist.append(dirty_site.base_url + "/")
    journey = f"""
        name: Dirty site {{n}}
        persona: {{{{name: Jane Doe}}}}
        target: demo
        steps:
          - channel: web_form
            url: {dirty_site.base_url}/contact
            fields:
              - {{{{label: Your name, value: "{{{{persona.name}}}}"}}}}
            submit: {{{{text: Send}}}}
            expect: {{{{text: message received, within: 60s}}}}
    """
    ran = run_journeys(journey.format(n=1), journey.format(n=2), concurrency=1)
    assert ran.result.exit_code == 0, (ran.rows["findings"], [s["error"] for s in ran.steps])
    assert not ran.rows["findings"]
    assert len(dirty_site.seen) == 2
    for seen in dirty_site.seen:
        assert {k: seen[k] for k in CLEAN} == CLEAN, seen
    assert dirty_site.hits["/cached.js"] == 2


class KeepAliveSite:
    """A site that keeps its connections open (HTTP/1.1) and counts what it is asked for."""

    def __init__(self, pages: dict[str, tuple[int, str]]) -> None:
        self.hits: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                site.hits.append(self.path)
                status, body = pages.get(self.path, (200, "ok"))
                self.send_response(status)
                if status == 302:
                    self.send_header("Location", body)
                    body = ""
                self.send_header("Content-Type", "text/html")
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Length", str(len(body.encode())))
                self.end_headers()
                self.wfile.write(body.encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_reused_tab_is_held_to_the_next_steps_allowlist(config):
    # The first step's target allows a partner site, the next one's does not: a connection the browser kept
    # open to the partner must not carry the next step's redirect there (the proxy cuts it between steps).
    partner = KeepAliveSite({})
    shop = KeepAliveSite({"/page": (200, f"<script>fetch('{partner.base_url}/data')</script><p>page</p>"),
                          "/go": (302, f"{partner.base_url}/after")})
    first_target = config.targets["demo"].model_copy(update={"allowlist": [shop.base_url + "/", partner.base_url + "/"]})
    second_target = config.targets["demo"].model_copy(update={"allowlist": [shop.base_url + "/"]})

    async def scenario():
        session = BrowserSession(BrowserSettings())
        try:
            tab = await session.tab(OPTIONS)
            guard = await NetGuard(first_target, "web_form").start(tab.gate)
            await guard.attach(tab.context, tab.page)
            await tab.page.goto(shop.base_url + "/page")
            for _ in range(600):
                if "/data" in partner.hits:
                    break
                await asyncio.sleep(0.05)
            await guard.close()
            await guard.detach(tab.context)
            first = tab.context
            await session.give_back(tab, clean=True)

            tab = await session.tab(OPTIONS)
            assert tab.context is first
            guard = await NetGuard(second_target, "web_form").start(tab.gate)
            await guard.attach(tab.context, tab.page)
            with pytest.raises(Exception, match="ERR_"):
                await tab.page.goto(shop.base_url + "/go")
            await guard.close()
            await guard.detach(tab.context)
            await session.give_back(tab, clean=True)
            return guard.unique_blocks()
        finally:
            await session.close()

    try:
        blocks = asyncio.run(scenario())
    finally:
        partner.close()
        shop.close()
    assert "/data" in partner.hits and "/after" not in partner.hits
    assert any(partner.base_url.removeprefix("http://") in b.url for b in blocks)
