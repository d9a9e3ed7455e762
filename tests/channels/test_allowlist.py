"""The allowlist inside the browser, end to end: real Chromium, pages on loopback, and a listener on a
port off the allowlist that must never see a single connection, whatever the page tries."""
import asyncio
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .allowlist_pages import OffList, Site, chat_journey, form_journey


@pytest.fixture
def off_list():
    listener = OffList()
    yield listener
    listener.close()


@pytest.fixture
def site(off_list, config):
    s = Site(off_list.url)
    config.targets["demo"].allowlist.append(s.base_url + "/")
    yield s
    s.close()


# Pages that reach out while their form still works: each block is noted (info), the form is judged.
NOTED = {
    "/fetch": ("fetch", "/track?email=jane%40example.com"),
    "/img": ("image", "/pixel.gif?name=Jane"),
    "/script-css": ("script", "/app.js"),
    "/beacon": ("beacon", "/beacon"),
    "/websocket": ("WebSocket", "/live"),
    "/preconnect": ("prefetch", "/next.html"),
    "/iframe": ("iframe", "/widget"),
}


@pytest.mark.parametrize("path", sorted(NOTED))
def test_a_page_reaching_off_the_allowlist_is_stopped_and_noted(path, run_journeys, site, off_list):
    ran = run_journeys(form_journey(site.base_url + path))
    assert off_list.accepted == 0  # not one connection reached the off-list host
    assert ran.result.exit_code == 0, ran.rows["findings"]
    (step,) = ran.steps
    assert step["status"] == "passed"
    assert site.posts == ["name=Jane"]  # the form itself was sent and confirmed
    blocked = ran.findings("web_form.blocked")
    assert blocked and all(f["severity"] == "info" for f in blocked)
    wanted = f"127.0.0.1:{off_list.port}{NOTED[path][1]}"
    assert any(wanted in f["snippet"] for f in blocked), blocked
    assert "allowlist" in blocked[0]["detail"]
    # The browser's own log of each block is not the company's JavaScript failing.
    assert "web_form.console_error" not in ran.checks()


def test_stylesheet_is_stopped_as_well_as_the_script(run_journeys, site, off_list):
    ran = run_journeys(form_journey(site.base_url + "/script-css"))
    snippets = " ".join(f["snippet"] for f in ran.findings("web_form.blocked"))
    assert f"{off_list.url}/site.css" in snippets and f"{off_list.url}/app.js" in snippets
    assert off_list.accepted == 0


@pytest.mark.parametrize("path, sent_to, method", [
    ("/redirect-302", "/landing", "GET"),     # the page itself redirects off the allowlist
    ("/form-307", "/collect", "POST"),        # the form's POST is redirected, body and all
    ("/form-off-list", "/collect", "POST"),   # the form posts straight to a third party
])
def test_a_step_that_needs_an_off_list_host_is_a_prober_error_not_a_finding(path, sent_to, method, run_journeys,
                                                                            site, off_list):
    ran = run_journeys(form_journey(site.base_url + path, within="3s"))
    assert off_list.accepted == 0
    assert ran.result.exit_code == 3
    (step,) = ran.steps
    assert step["status"] == "error"
    assert f"{off_list.url}{sent_to}" in step["error"] and "allowlist" in step["error"]
    # The company is not blamed for the prober's own safety rule.
    assert ran.rows["findings"] == []


def test_a_chat_whose_websocket_is_off_the_allowlist_is_a_prober_error(run_journeys, config, site, off_list):
    config.targets["demo"].business_hours = {}
    ran = run_journeys(chat_journey(site.base_url + "/chat-off-list"))
    assert off_list.accepted == 0
    assert ran.result.exit_code == 3
    (step,) = ran.steps
    assert step["status"] == "error" and f"ws://127.0.0.1:{off_list.port}/chat" in step["error"]
    assert ran.rows["findings"] == []


def test_an_unreachable_allowed_site_still_says_why(run_journeys, config):
    """Through the guard's proxy the browser only sees 'SOCKS failed': the report keeps the real reason."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config.targets["demo"].allowlist.append(f"http://127.0.0.1:{port}/")
    ran = run_journeys(form_journey(f"http://127.0.0.1:{port}/contact"))
    (f,) = ran.findings("web_form.unreachable")
    assert "ERR_CONNECTION_REFUSED" in f["snippet"] and "SOCKS" not in f["snippet"]


@pytest.fixture
def https_site(tmp_path, off_list):
    """An HTTPS page on loopback (self-signed) that also fetches from the off-list host over HTTPS."""
    crt, key = tmp_path / "site.crt", tmp_path / "site.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(crt)],
                   check=True, capture_output=True)
    off_https = f"https://127.0.0.1:{off_list.port}"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            body = (f"<!doctype html><html><body><h1>Secure hello</h1>"
                    f"<script>fetch('{off_https}/x?q=1').catch(() => {{}})</script></body></html>").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(crt, key)
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}", off_https
    server.shutdown()
    server.server_close()


def test_https_to_an_allowed_host_is_tunnelled_and_off_list_https_is_refused(https_site, off_list):
    from playwright.async_api import async_playwright

    from probes.browser import launch_options
    from probes.config import BrowserSettings, Target
    from probes.netguard import NetGuard

    base, off_https = https_site

    async def visit():
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(**launch_options(BrowserSettings(), pw.chromium.executable_path))
            guard = await NetGuard(Target(name="t", allowlist=[base + "/"]), "web_form").start()
            context = await browser.new_context(proxy=guard.proxy, ignore_https_errors=True)  # self-signed
            await guard.attach(context)
            page = await context.new_page()
            response = await page.goto(base + "/", wait_until="load")
            for _ in range(200):  # the page's fetch is routed a moment after load
                if guard.blocks:
                    break
                await asyncio.sleep(0.1)
            text = await page.inner_text("h1")
            await context.close()
            await guard.close()
            await browser.close()
            return response.status, text, guard.unique_blocks()

    status, text, blocks = asyncio.run(visit())
    assert (status, text) == (200, "Secure hello")
    assert [b.url for b in blocks] == [f"{off_https}/x?q=1"]
    assert off_list.accepted == 0


def test_path_prefixes_hold_pages_and_posts_but_not_the_sites_own_styles(run_journeys, config, page_server):
    """Allowlisted: /contact only. The page's stylesheet from /static loads; its form posting to /crm is stopped."""
    site = page_server({
        "/contact/form": """<!doctype html><html><head><link rel=stylesheet href=/static/site.css></head><body>
            <form method=post action=/crm/collect><label for=n>Name</label><input id=n name=name>
            <button>Send</button></form></body></html>""",
        "/static/site.css": "label { color: rgb(1, 2, 3); }",
    })
    config.targets["demo"].allowlist.append(site.base_url + "/contact")
    ran = run_journeys(form_journey(site.base_url + "/contact/form", within="3s"))
    (step,) = ran.steps
    assert step["status"] == "error" and f"{site.base_url}/crm/collect" in step["error"]
    assert site.posts == []
    assert "site.css" not in step["error"]  # a blocked stylesheet would be named beside the post


def test_only_urls_the_allowlist_does_not_plainly_allow_go_through_the_python_route():
    # The route's Python round trip costs CPU on every request; URLs under a URL entry skip it, and
    # nothing else may: each of those is one the route would have let through unchecked anyway.
    from probes.cli import demo_config
    from probes.netguard import NetGuard

    from pathlib import Path

    target = demo_config("http://127.0.0.1:5555", Path("/nonexistent")).targets["demo"]
    target.allowlist += ["https://Forms.Example.com/support", "https://x.example:8443/a/", "http://[::1]:8080/",
                         "https://y.example/caf%C3%A9/"]
    pattern = NetGuard(target, "web_form").needs_check()
    urls = ["http://127.0.0.1:5555/contact", "http://127.0.0.1:5555", "http://127.0.0.1:5556/x",
            "https://forms.example.com/support?x=1", "https://forms.example.com/supportive",
            "https://forms.example.com:443/support/a", "https://forms.example.com.evil/support",
            "https://x.example:8443/a", "https://x.example/a", "http://[::1]:8080/x", "https://y.example/café/",
            "http://127.0.0.1:5555@evil.example/", "data:text/html,hi", "https://evil.example/"]
    skipped = [u for u in urls if not pattern.search(u)]
    assert all(target.allows(u) for u in skipped)
    assert skipped == ["http://127.0.0.1:5555/contact", "http://127.0.0.1:5555", "https://forms.example.com/support?x=1",
                       "https://forms.example.com:443/support/a", "https://x.example:8443/a"]


def test_the_real_network_error_replaces_what_chromium_says_only_for_the_origin_that_failed():
    # Chromium says SOCKS failed, or only ERR_FAILED when a CORS preflight went first; the proxy knows why.
    from pathlib import Path

    from probes.cli import demo_config
    from probes.netguard import NetGuard
    from probes.results import Finding, Outcome

    guard = NetGuard(demo_config("http://127.0.0.1:5555", Path("/nonexistent")).targets["demo"], "web_form")
    guard.upstream_errors[("127.0.0.1", 5556)] = "ERR_CONNECTION_REFUSED"
    out = Outcome(findings=[Finding("web_form.http_error", "critical", "t", "d",
                                    "net::ERR_FAILED at http://127.0.0.1:5556/messages\n"
                                    "net::ERR_SOCKS_CONNECTION_FAILED at http://127.0.0.1:5556/x\n"
                                    "net::ERR_FAILED at http://127.0.0.1:5555/api")])
    guard._explain(out)
    assert out.findings[0].snippet.splitlines() == [
        "net::ERR_CONNECTION_REFUSED at http://127.0.0.1:5556/messages",
        "net::ERR_CONNECTION_REFUSED at http://127.0.0.1:5556/x",
        "net::ERR_FAILED at http://127.0.0.1:5555/api"]  # that origin's connection opened: its failure is its own
