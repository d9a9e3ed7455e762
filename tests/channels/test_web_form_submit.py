"""web_form from the click on, with real Chromium against pages written here and served on loopback.

False success (a request of the submit fails, or never completes, behind a cheerful page) and slow but working
forms. The journeys of each group run together in one run (one browser), so the module stays quick; each test
reads its own journey's results.
"""
from __future__ import annotations

import asyncio
import re
import socket
import textwrap
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

MESSAGE = "When will my washing machine arrive? It's order NW-1234 (ref {token})"

# A contact form whose script decides what happens on submit; {script} gets `form`, `data` and `toast`.
FORM_PAGE = """<!doctype html><html><head><title>Contact</title></head><body><main>
<form id=f method=post action=/send>
<label for=n>Your name</label><input id=n name=name>
<label for=m>Your message</label><textarea id=m name=message></textarea>
<button>Send message</button></form></main>
<script>
const form = document.getElementById('f');
const data = () => Object.fromEntries(new FormData(form));
function toast(text) {
  const t = document.createElement('div'); t.className = 'toast toast-success'; t.setAttribute('role', 'status');
  t.textContent = text; document.body.append(t); form.reset();
}
form.addEventListener('submit', event => { %s });
</script></body></html>"""


def form_page(script: str) -> str:
    return FORM_PAGE % script


THANKS = "<!doctype html><html><body><main><h1>Message sent!</h1><p>Thank you.</p></main></body></html>"


class Site:
    """Pages (GET path -> HTML) and endpoints (path -> (status, content type, body, delay_s), or "hang")."""

    def __init__(self, pages: dict[str, str] | None = None, endpoints: dict | None = None):
        self.pages = pages or {}
        self.endpoints = endpoints or {}
        self.hits: list[tuple[str, str, str]] = []   # method, path, body
        self._released = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, method: str) -> None:
                path = self.path.split("?")[0]
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8", "replace")
                outer.hits.append((method, path, body))
                if (endpoint := outer.endpoints.get(path)) is not None:
                    if endpoint == "hang":
                        outer._released.wait(600)
                        return
                    status, kind, text, delay_s = endpoint
                    time.sleep(delay_s)
                elif method == "GET" and path in outer.pages:
                    status, kind, text = 200, "text/html; charset=utf-8", outer.pages[path]
                else:
                    status, kind, text = 404, "text/plain", "not found"
                raw = text.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Access-Control-Allow-Origin", "*")   # a form service others' pages post to
                    self.send_header("Content-Length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the browser gave up on it

            def do_GET(self):
                self._answer("GET")

            def do_POST(self):
                self._answer("POST")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def posts(self, path: str) -> list[str]:
        return [body for method, p, body in self.hits if method == "POST" and p == path]

    def close(self) -> None:
        self._released.set()
        self.server.shutdown()
        self.server.server_close()


def dead_port() -> int:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scenario(name: str, url: str, expect: str = "{text: Message sent}") -> str:
    return f"""
        name: {name}
        persona: {{name: Jane Doe, email: jane@example.com}}
        target: demo
        steps:
          - id: form
            channel: web_form
            url: "{url}"
            fields:
              - {{label: Your name, value: "{{persona.name}}"}}
              - {{label: Your message, value: "{MESSAGE}"}}
            submit: {{text: Send message}}
            expect: {expect}
        """


class Journeys:
    """One run's results, journey by journey."""

    def __init__(self, result, ledger):
        self.result = result
        rows = ledger.run_rows(result.run_id)
        self.rows = rows
        self.ids = {j["name"]: j["id"] for j in rows["journeys"]}

    def step(self, name: str) -> dict:
        (step,) = [s for s in self.rows["steps"] if s["journey_id"] == self.ids[name]]
        return step

    def contact(self, name: str) -> dict:
        (contact,) = [c for c in self.rows["contacts"] if c["journey_id"] == self.ids[name]]
        return contact

    def findings(self, name: str, check: str = "") -> list[dict]:
        return [f for f in self.rows["findings"] if f["journey_id"] == self.ids[name] and f["check_id"].startswith(check)]

    def checks(self, name: str) -> set[str]:
        return {f["check_id"] for f in self.findings(name)}


def run_together(company, folder, sites: list[Site], scenarios: dict[str, str], **browser) -> Journeys:
    """Run the scenarios in one run (one Chromium), with the sites on the demo target's allowlist."""
    from probes.cli import demo_config
    from probes.ledger import Ledger
    from probes.runner import Runner
    from probes.scenario import load_journey

    reports = folder / "reports"
    config = demo_config(company.base_url, reports)
    config.targets["demo"].allowlist.extend(f"{site}/" for site in sites)
    for key, value in browser.items():
        setattr(config.settings.browser, key, value)
    journeys = []
    for i, text in enumerate(scenarios.values()):
        path = folder / f"j{i}.yaml"
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        journeys.append(load_journey(path, config))
    ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
    result = asyncio.run(Runner(config, ledger, reports, concurrency=4).run(journeys))
    return Journeys(result, ledger)


# --- false success: the page says "sent", the request says otherwise ---------------------------------------

@pytest.fixture(scope="module")
def false_success(company, tmp_path_factory):
    third = Site(endpoints={"/collect": (500, "text/plain", "analytics backend down", 0),
                            "/forms/submit": (500, "application/json", '{"error": "form quota exceeded"}', 0)})
    dead = f"http://127.0.0.1:{dead_port()}"          # allowlisted, nobody listens: the company's API is down
    elsewhere = f"http://127.0.0.1:{dead_port()}"     # not on the allowlist
    json_post = "fetch('%s', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(data())})"
    site = Site(pages={
        "/toast-500": form_page("event.preventDefault(); fetch('/api/500', {method: 'POST', body: new FormData(form)})"
                                ".finally(() => toast('Message sent!'));"),
        "/xhr-json-failed": form_page("""event.preventDefault();
            const x = new XMLHttpRequest(); x.open('POST', '/api/json-failed');
            x.setRequestHeader('Content-Type', 'application/json');
            x.onload = () => toast('Message sent!'); x.send(JSON.stringify(data()));"""),
        "/json-ok": form_page("event.preventDefault(); " + json_post % "/api/json-ok"
                              + ".then(r => r.json()).then(() => toast('Message sent!'));"),
        "/never-completes": form_page("event.preventDefault(); " + json_post % "/api/hang" + "; toast('Message sent!');"),
        "/aborted": form_page("event.preventDefault(); " + json_post % "/api/hang"
                              + "; setTimeout(() => { location.href = '/thanks'; }, 300);"),
        "/analytics": form_page(f"""event.preventDefault();
            fetch('{third.base_url}/collect', {{method: 'POST', body: 'event=contact_submit', keepalive: true}});
            navigator.sendBeacon('{dead}/beacon', 'event=contact_submit');
            {json_post % "/api/ok"}.then(() => setTimeout(() => toast('Message sent!'), 1500));"""),
        "/partner-500": form_page(f"""event.preventDefault();
            fetch('{third.base_url}/forms/submit', {{method: 'POST', body: JSON.stringify(data())}})
                .finally(() => toast('Message sent!'));"""),
        "/slow-toast": form_page("event.preventDefault(); " + json_post % "/api/ok"
                                 + ".then(() => setTimeout(() => toast('Message sent!'), 4000));"),
        "/silent": form_page("event.preventDefault(); " + json_post % "/api/ok" + ";"),
        "/api-down": form_page("event.preventDefault(); " + json_post % f"{dead}/messages"
                               + ".catch(() => null).then(() => toast('Message sent!'));"),
        "/off-allowlist": form_page("event.preventDefault(); " + json_post % f"{elsewhere}/messages"
                                    + ".catch(() => null).then(() => toast('Message sent!'));"),
        "/thanks": THANKS,
    }, endpoints={
        "/api/500": (500, "application/json", '{"error": "database unavailable"}', 0),
        "/api/json-failed": (200, "application/json", '{"success": false, "error": "Mailbox full"}', 0),
        "/api/json-ok": (200, "application/json", '{"error": null, "success": true}', 0),
        "/api/ok": (200, "application/json", '{"error": "", "errors": []}', 0),
        "/api/hang": "hang",
    })
    base = site.base_url
    # The journeys that wait first (they run in this order, four at a time), so that the others fill their time.
    scenarios = {
        # (its request hangs: it is waited for until the step's end, at least web_form.CONFIRM_GRACE_S, 5 s)
        "never completes": scenario("never completes", f"{base}/never-completes", "{text: Message sent, within: 5s}"),
        "silent": scenario("silent", f"{base}/silent", "{text: Message sent, within: 5s}"),
        "slow toast": scenario("slow toast", f"{base}/slow-toast", "{text: Message sent, slow_after: 2s}"),
        "toast on 500": scenario("toast on 500", f"{base}/toast-500"),
        "json failed": scenario("json failed", f"{base}/xhr-json-failed"),
        "json ok": scenario("json ok", f"{base}/json-ok"),
        "aborted": scenario("aborted", f"{base}/aborted", "{text: Message sent, within: 10s}"),
        "analytics": scenario("analytics", f"{base}/analytics"),
        "partner 500": scenario("partner 500", f"{base}/partner-500"),
        "api down": scenario("api down", f"{base}/api-down"),
        "off allowlist": scenario("off allowlist", f"{base}/off-allowlist"),
    }
    try:
        ran = run_together(company, tmp_path_factory.mktemp("false-success"), [base, third.base_url, dead], scenarios)
        ran.site, ran.third = site, third
        yield ran
    finally:
        site.close()
        third.close()


def test_a_toast_shown_on_http_500_is_a_critical_http_error(false_success):
    ran, name = false_success, "toast on 500"
    (f,) = ran.findings(name, "web_form.http_error")
    assert f["severity"] == "critical" and "500" in f["title"]
    # The evidence: method, URL, status, and what the server answered.
    assert f["snippet"].startswith(f"HTTP 500 POST {ran.site.base_url}/api/500")
    assert "database unavailable" in f["snippet"]
    assert "showed its confirmation ('Message sent') all the same" in f["detail"]
    step = ran.step(name)
    assert step["status"] == "failed" and step["observations"]["reachable"] is False
    assert "submit_to_confirmation_s" not in step["measurements"]
    # The click went through: the contact was made (never 'not_sent').
    assert ran.contact(name)["status"] == "sent"


def test_a_200_whose_json_says_it_failed_is_an_http_error(false_success):
    ran, name = false_success, "json failed"
    (f,) = ran.findings(name, "web_form.http_error")
    assert f["severity"] == "critical" and "HTTP 200" in f["title"] and "did not work" in f["title"]
    assert '"success": false' in f["detail"]
    assert f"HTTP 200 POST {ran.site.base_url}/api/json-failed" in f["snippet"] and "Mailbox full" in f["snippet"]
    assert ran.step(name)["status"] == "failed"


def test_a_200_whose_json_error_is_null_is_fine(false_success):
    ran, name = false_success, "json ok"
    assert ran.findings(name) == []
    step = ran.step(name)
    assert step["status"] == "passed" and step["observations"]["reachable"] is True
    assert any("/api/json-ok -> HTTP 200" in r for r in step["observations"]["submit_requests"])


@pytest.mark.parametrize("name, why", [("never completes", "still under way"),
                                       ("aborted", "cancelled by the page (net::ERR_ABORTED)")])
def test_a_confirmation_while_the_forms_request_never_completed(false_success, name, why):
    ran = false_success
    (f,) = ran.findings(name, "web_form.false_confirmation")
    assert f["severity"] == "critical" and "never completed" in f["title"]
    assert why in f["detail"]
    assert f"POST {ran.site.base_url}/api/hang" in f["snippet"]
    step = ran.step(name)
    assert step["status"] == "failed" and step["observations"]["reachable"] is False
    assert ran.contact(name)["status"] == "sent"


def test_a_form_whose_api_is_down_is_an_http_error_with_the_network_error(false_success):
    ran, name = false_success, "api down"
    (f,) = ran.findings(name, "web_form.http_error")
    assert "failed on the network" in f["title"]
    # The browser only saw its proxy fail; the finding names the real reason.
    assert "net::ERR_CONNECTION_REFUSED at http://127.0.0.1:" in f["snippet"] and "/messages" in f["snippet"]
    assert "SOCKS" not in f["snippet"] + f["detail"]


def test_a_message_the_allowlist_stopped_is_a_prober_error_though_the_page_confirmed(false_success):
    ran, name = false_success, "off allowlist"
    step = ran.step(name)
    assert step["status"] == "error" and "not on the target's allowlist" in step["error"] and "/messages" in step["error"]
    assert ran.findings(name) == []
    # Pressed send: never 'not_sent' (a resumed run does not send it blindly again).
    assert ran.contact(name)["status"] == "planned"


def test_a_failing_third_party_beacon_is_not_the_form_failing(false_success):
    ran, name = false_success, "analytics"
    # The analytics endpoint answered 500 and the beacon's host refused the connection: neither is the form's.
    assert ran.third.posts("/collect") == ["event=contact_submit"]
    assert ran.findings(name, "web_form.http_error") == [] and ran.findings(name, "web_form.false_confirmation") == []
    assert ran.step(name)["status"] == "passed"
    assert ran.step(name)["observations"]["reachable"] is True


def test_a_third_party_request_carrying_the_message_is_the_form(false_success):
    ran, name = false_success, "partner 500"
    (f,) = ran.findings(name, "web_form.http_error")
    assert f["snippet"].startswith(f"HTTP 500 POST {ran.third.base_url}/forms/submit")
    assert "form quota exceeded" in f["snippet"]
    token = ran.contact(name)["token"]
    assert token in ran.third.posts("/forms/submit")[0]


def test_a_slow_confirmation_passes_with_a_minor_finding(false_success):
    ran, name = false_success, "slow toast"
    step = ran.step(name)
    assert step["status"] == "passed" and ran.contact(name)["status"] == "sent"
    (f,) = ran.findings(name)
    assert f["check_id"] == "web_form.slow_confirmation" and f["severity"] == "minor"
    took = float(re.fullmatch(r"The confirmation took (\d+\.\d) s", f["title"]).group(1))
    assert took >= 3.9 and "slow_after is 2 s" in f["detail"]   # the page waits 4 s before it confirms
    assert step["measurements"]["submit_to_confirmation_s"] == pytest.approx(took, abs=0.06)


def test_no_confirmation_after_an_answered_request_is_sent_not_lost(false_success):
    ran, name = false_success, "silent"
    (f,) = ran.findings(name, "web_form.no_confirmation")
    assert "was answered" in f["detail"] and "/api/ok -> HTTP 200" in f["detail"]
    assert ran.contact(name)["status"] == "sent"


# --- slow but working: the click itself is slow ------------------------------------------------------------

@pytest.fixture(scope="module")
def slow_clicks(company, tmp_path_factory):
    busy = """const t = Date.now(); while (Date.now() - t < 4000) {}"""   # a heavy script on submit
    site = Site(pages={"/slow-post": form_page("").replace("action=/send", "action=/send-slow"),
                       "/busy": form_page(busy)},
                endpoints={"/send-slow": (200, "text/html", THANKS, 6), "/send": (200, "text/html", THANKS, 0)})
    base = site.base_url
    scenarios = {"slow post": scenario("slow post", f"{base}/slow-post"),
                 "busy script": scenario("busy script", f"{base}/busy")}
    try:
        # The click's own time limit is shorter than the page takes: the outcome still waits up to `within`.
        ran = run_together(company, tmp_path_factory.mktemp("slow-clicks"), [base], scenarios, action_timeout_s=2)
        ran.site = site
        yield ran
    finally:
        site.close()


@pytest.mark.parametrize("name, path", [("slow post", "/send-slow"), ("busy script", "/send")])
def test_a_form_slow_to_take_the_click_is_sent_and_confirmed(slow_clicks, name, path):
    ran = slow_clicks
    step = ran.step(name)
    assert step["status"] == "passed", (step["error"], ran.findings(name))
    assert ran.findings(name) == []
    assert ran.contact(name)["status"] == "sent"
    assert step["measurements"]["submit_to_confirmation_s"] > 2   # the server sleeps 6 s / the script runs 4 s
    (posted,) = ran.site.posts(path)
    assert ran.contact(name)["token"] in posted


def test_slow_after_must_be_shorter_than_within(tmp_path, config):
    from probes.scenario import load_journey
    from probes.yamlsource import InputError

    path = tmp_path / "j.yaml"
    path.write_text(textwrap.dedent(scenario("x", "{target.website}/contact",
                                             "{text: ok, within: 5s, slow_after: 5s}")).lstrip())
    with pytest.raises(InputError) as err:
        load_journey(path, config)
    assert "slow_after (5 s) must be shorter than within (5 s)" in str(err.value)


def test_within_defaults_to_30_seconds():
    from probes.channels.web_form import Expect

    assert Expect(text="ok").within == 30.0 and Expect(text="ok").slow_after is None


def test_the_rule_for_json_that_says_the_sending_failed():
    from probes.channels.web_form import _json_says_failed as failed

    for says in ({"success": False}, {"ok": False}, {"status": "error"}, {"status": "FAILED"}, {"status": 500},
                 {"error": "Mailbox full"}, {"error": True}, {"errors": [{"message": "bad"}]},
                 {"error": {"code": 3}}, {"success": False, "error": None}):
        assert failed(says), says
    for fine in ({"error": None, "success": True}, {"error": None}, {"error": False}, {"error": ""}, {"error": 0},
                 {"errors": []}, {"errors": {}}, {"success": True, "error": "none"}, {"ok": True, "errors": ["x"]},
                 {"status": "ok"}, {"status": 200}, [], "error", None, {"message": "error"}):
        assert not failed(fine), fine


def test_what_the_customer_typed_in_actions_marks_the_forms_own_request():
    # A wizard written with actions: its typed values are what finds the request carrying the message.
    from probes.channels.web_form import WebFormStep, _typed_values

    class Ctx:
        @staticmethod
        def render(v):
            return v.replace("{persona.name}", "Jane Doe")

    step = WebFormStep.model_validate({
        "channel": "web_form", "url": "http://shop.test/contact", "expect": {"text": "Thanks"},
        "actions": [{"fill": {"label": "Name", "value": "{persona.name}"}},
                    {"click": "Continue"},
                    {"fill": {"label": "Message", "value": "My parcel never arrived"}},
                    {"check": {"label": "I agree"}},
                    {"click": {"text": "Send", "submit": True}}]})
    assert _typed_values(step, Ctx) == ["Jane Doe", "My parcel never arrived"]
