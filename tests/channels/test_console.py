"""Console errors: noise the customer cannot see (a web font that fails, a CSP refusal of an image) is kept as
an observation, never a finding; a script that throws is a finding. One rule for web forms and chats.

Real Chromium against pages on loopback: the forms from a page server, the chat from the demo company with
its real widget and WebSocket bot.
"""
import pytest

from probes.channels.console import is_noise

# A web font the server does not have (404), and an image the page's own CSP refuses to load.
NOISE_HEAD = """<meta http-equiv="Content-Security-Policy" content="img-src data:">
<style>@font-face{font-family:Brand;src:url(/static/fonts/brand.woff2) format("woff2")}
body{font-family:Brand,sans-serif}</style>"""
NOISE_BODY = '<img src="/static/banner.png" alt="">'
# An analytics call whose loader was removed: an uncaught TypeError in the page's own script.
THROWS = "<script>window.nwTracking.init({page: location.pathname});</script>"


def form_page(head: str = "", body: str = "") -> str:
    return f"""<!doctype html><html lang="en"><head><title>Contact</title><link rel="icon" href="data:,">{head}
</head><body><main>{body}<form method="post" action="/send">
<label for="name">Your name</label> <input id="name" name="name">
<label for="message">Your message</label> <textarea id="message" name="message"></textarea>
<button type="submit">Send</button></form></main></body></html>"""


def form_journey(path: str) -> str:
    return f"""
    name: Form at {path}
    persona: {{name: Sam Taylor, email: sam@example.com}}
    target: demo
    steps:
      - id: form
        channel: web_form
        url: "{{target.website}}{path}"
        fields:
          - {{label: Your name, value: "{{persona.name}}"}}
          - {{label: Your message, value: "Hello"}}
        expect: {{text: message received}}
"""


def test_web_form_noise_is_an_observation_and_a_throwing_script_a_finding(run_journeys, page_server, reports):
    from probes.cli import demo_config

    site = page_server({"/noisy": form_page(NOISE_HEAD, NOISE_BODY), "/throws": form_page(body=THROWS)})
    ran = run_journeys(form_journey("/noisy"), form_journey("/throws"), cfg=demo_config(site.base_url, reports))
    noisy, throws = ran.steps
    # The customer sees a working form in a fallback font, without one banner: nothing to report.
    assert noisy["status"] == "passed"
    assert [f for f in ran.rows["findings"] if f["step_id"] == noisy["id"]] == [], [(f["check_id"], f["snippet"], f["detail"]) for f in ran.rows["findings"]]
    noise = noisy["observations"]["console_noise"]
    assert any("brand.woff2" in line or "404" in line for line in noise), noise
    assert any("Content Security Policy" in line for line in noise), noise
    # The script that threw is still a finding, quoting the error.
    (f,) = [f for f in ran.rows["findings"] if f["step_id"] == throws["id"]]
    assert f["check_id"] == "web_form.console_error" and "reading 'init'" in f["snippet"]
    assert "console_noise" not in throws["observations"]


@pytest.fixture
def noisy_chat(monkeypatch):
    """The demo's chat pages with extra markup (``extra["head"]``, ``extra["body"]``) set by the test."""
    from probes.sim import company as company_module

    real = company_module._chat_page
    extra = {"head": "", "body": ""}

    def page(chat_page, current, ws_url):
        html = real(chat_page, current, ws_url)
        return html.replace("</head>", extra["head"] + "</head>", 1).replace("<main>", "<main>" + extra["body"], 1)

    monkeypatch.setattr(company_module, "_chat_page", page)
    return extra


@pytest.fixture
def chat_config(reports):
    from probes.cli import demo_config
    from probes.sim import DemoCompany
    from probes.sim.chat import ChatServer

    with ChatServer(bot_delay_s=0.3, agent_delay_s=1.0) as chat, DemoCompany(chat=chat) as site:
        config = demo_config(site.base_url, reports, chat=chat)
        config.targets["demo"].business_hours = {}
        yield config


CHAT = """
    name: Chat
    persona: {name: Jane Doe}
    target: demo
    steps:
      - id: chat
        channel: chat
        url: "{target.website}/chat"
        widget: northwind
        ready_within: 15s
        turns:
          - say: "How long does delivery take?"
            expect: "working days"
            within: 10s
"""


def test_chat_noise_is_an_observation(run_journeys, noisy_chat, chat_config):
    noisy_chat.update(head=NOISE_HEAD, body=NOISE_BODY)
    ran = run_journeys(CHAT, cfg=chat_config)
    (step,) = ran.steps
    assert step["status"] == "passed" and ran.rows["findings"] == [], [(f["check_id"], f["snippet"], f["detail"]) for f in ran.rows["findings"]]
    noise = step["observations"]["console_noise"]
    assert any("brand.woff2" in line for line in noise) and any("Content Security Policy" in line for line in noise)


def test_chat_page_whose_script_throws_is_a_finding(run_journeys, noisy_chat, chat_config):
    noisy_chat.update(body=THROWS)
    ran = run_journeys(CHAT, cfg=chat_config)
    (f,) = ran.findings("chat.console_error")
    assert "reading 'init'" in f["snippet"]


@pytest.mark.parametrize("text, kw, noise", [
    ("Failed to load resource: the server responded with a status of 404 (Not Found)",
     {"url": "http://x/favicon.ico"}, True),
    ("Failed to load resource: the server responded with a status of 404 (Not Found)",
     {"url": "http://x/fonts/a.woff2", "resource_type": "font"}, True),
    ("Failed to load resource: the server responded with a status of 404 (Not Found)",
     {"url": "http://x/static/chat-widget-v2.js", "resource_type": "script"}, False),
    ("HTTP 404 http://x/static/chat-widget-v2.js", {"origin": "http", "url": "http://x/static/chat-widget-v2.js"},
     False),
    ("Refused to load the image 'https://t.example/p.gif' because it violates the following Content Security "
     "Policy directive: \"img-src 'self'\".", {}, True),
    ("Refused to load the script 'https://w.example/w.js' because it violates the following Content Security "
     "Policy directive: \"script-src 'self'\".", {}, False),
    ("Loading the image 'http://x/b.png' violates the following Content Security Policy directive: "
     "\"img-src data:\". The action has been blocked.", {}, True),
    ("Loading the script 'https://w.example/w.js' violates the following Content Security Policy directive: "
     "\"script-src 'self'\". The action has been blocked.", {}, False),
    ("Executing inline script violates the following Content Security Policy directive 'script-src 'self''.",
     {}, False),
    ("[Report Only] Refused to load the script 'https://w.example/w.js' because it violates the following "
     "Content Security Policy directive: \"script-src 'self'\".", {}, True),
    ("Failed to load resource: net::ERR_BLOCKED_BY_CLIENT", {"url": "https://tracker.example/t.js"}, True),
    ("TypeError: Cannot read properties of undefined (reading 'init')", {"origin": "pageerror"}, False),
    ("Widget failed to connect", {}, False),
])
def test_the_one_rule(text, kw, noise):
    assert is_noise(text, **kw) is noise
