"""Presets against REAL widgets from npm (tests/widgets/widgets.lock.json), in Chromium, on loopback.

botframework-webchat talks to a Direct Line 3.0 backend, @n8n/chat to an n8n-style webhook (both in
tests/channels/real_widgets.py), each a bot that greets, answers after a delay behind a typing
indicator, and hands over to a person. No skipping: without the bundles these tests fail with the
command that installs them.
"""
import json
import textwrap

import pytest
from .real_widgets import AGENT_NAME, GREETING, NPM_INSTALL, WIDGETS_LOCK, WidgetSite, installed_version

from probes.channels.chat import PRESETS_DIR, load_preset

REPLY_DELAY_S, AGENT_DELAY_S = 1.5, 2.0
SAID = "How long does delivery take?"
# preset -> (npm package, page on the site)
REAL = {"botframework_webchat": ("botframework-webchat", "/webchat"), "n8n_chat": ("@n8n/chat", "/n8n")}
# What the widget pages may request: the site, and what the page makes itself (Web Chat's blob: workers).
LOOPBACK = ("http://127.0.0.1:", "ws://127.0.0.1:", "blob:http://127.0.0.1:", "data:")


@pytest.fixture(scope="module")
def site():
    with WidgetSite(reply_delay_s=REPLY_DELAY_S, agent_delay_s=AGENT_DELAY_S) as running:
        yield running


@pytest.mark.parametrize("preset", sorted(REAL))
def test_the_preset_names_the_npm_version_the_tests_install(preset):
    package, _ = REAL[preset]
    pinned = {p["name"]: p for p in json.loads(WIDGETS_LOCK.read_text())["packages"]}
    locked = pinned[package]["version"]
    assert installed_version(package) == locked, f"node_modules is stale. Run: {NPM_INSTALL}"
    header = (PRESETS_DIR / f"{preset}.yaml").read_text()
    assert f"Checked against: npm {package}@{locked}" in header


@pytest.fixture(scope="module")
def demo_chat_site():
    from probes.sim import DemoCompany
    from probes.sim.chat import ChatServer

    with ChatServer(bot_delay_s=REPLY_DELAY_S, agent_delay_s=AGENT_DELAY_S) as chat, DemoCompany(chat=chat) as demo:
        yield demo


@pytest.mark.parametrize("preset", [*sorted(REAL), "northwind"])
def test_typing_indicator_shows_and_is_never_a_message(preset, request):
    """In the real DOM: while the bot is typing, the preset's typing selector is visible and the
    message selector does not count it; the reply replaces it. (northwind: the demo's own widget.)"""
    from playwright.sync_api import sync_playwright

    from probes.browser import launch_options
    from probes.config import BrowserSettings

    url = (request.getfixturevalue("demo_chat_site").base_url + "/chat" if preset == "northwind"
           else request.getfixturevalue("site").base_url + REAL[preset][1])
    sel = load_preset(preset)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(**launch_options(BrowserSettings(), pw.chromium.executable_path))
        try:
            page = browser.new_page()
            # The served bundles must be self-contained: every request the page makes is answered on
            # loopback (a chunk the install left out of the tarball would show here as a 404).
            unanswered: list[str] = []
            page.on("response", lambda r: r.status >= 400 and unanswered.append(f"{r.status} {r.url}"))
            page.on("requestfailed", lambda r: unanswered.append(f"{r.failure} {r.url}"))
            page.on("request", lambda r: r.url.startswith(LOOPBACK) or unanswered.append(f"left loopback: {r.url}"))
            page.goto(url)
            if sel.launcher:
                page.locator(sel.launcher).click(timeout=30000)
            root = page.frame_locator(sel.frame) if sel.frame else page
            box = root.locator(f"{sel.input}:not([disabled])")
            box.wait_for(timeout=30000)
            messages = root.locator(sel.message)
            messages.first.wait_for(timeout=30000)   # the greeting
            assert GREETING.split(",")[0] in messages.first.inner_text()
            box.fill(SAID)
            box.press("Enter")
            root.locator(sel.typing).first.wait_for(state="visible", timeout=30000)
            texts = messages.all_inner_texts()
            assert len(texts) == 2 and SAID in texts[1], texts   # the greeting and the customer, no bubble
            assert messages.nth(1).evaluate("(e, s) => e.matches(s)", sel.customer)
            messages.filter(has_text="working days").first.wait_for(timeout=30000)
            root.locator(sel.typing).first.wait_for(state="hidden", timeout=30000)
            assert len(messages.all_inner_texts()) == 3
        except Exception as exc:
            if unanswered:   # e.g. a missing chunk: the widget never renders; say why, not just "timeout"
                raise AssertionError(f"requests not answered: {unanswered}") from exc
            raise
        finally:
            browser.close()
        assert unanswered == []


@pytest.mark.parametrize("preset", sorted(REAL))
def test_chat_through_the_preset_with_the_real_widget(preset, site, run_journeys, reports):
    """The chat channel with only `widget: <preset>`: greeting, a turn with expect, a hand-over to a person."""
    from probes.cli import demo_config

    config = demo_config(site.base_url, reports)
    config.targets["demo"].business_hours = {}  # always open
    ran = run_journeys(textwrap.dedent(f"""
        name: Real {preset}
        persona: {{name: Jane Doe}}
        target: demo
        steps:
          - id: chat
            channel: chat
            url: "{{target.website}}{REAL[preset][1]}"
            widget: {preset}
            ready_within: 30s
            turns:
              - {{say: "{SAID}", expect: working days, within: 30s}}
            handover: {{ask: "I want to talk to an agent", within: 30s}}
        """), cfg=config)
    assert [(f["check_id"], f["snippet"]) for f in ran.rows["findings"]] == []
    assert ran.result.exit_code == 0
    step = ran.steps[0]
    # Web Chat renders markdown: "I'm" arrives as "I’m".
    said = [(m["author"], m["text"].replace("’", "'").replace("‘", "'")) for m in step["observations"]["transcript"]
            if m.get("author") in ("bot", "customer", "agent")]   # messages, not other events such as typing
    assert said[0] == ("bot", GREETING)
    assert said[1] == ("customer", SAID) and said[2][0] == "bot" and "working days" in said[2][1]
    assert said[-1][0] == "agent" and AGENT_NAME.split()[0] in said[-1][1]
    assert all(text.strip() for _, text in said)   # no empty typing bubble read as a message
    assert step["measurements"]["first_reply_s"] >= REPLY_DELAY_S - 0.3
    assert step["measurements"]["handover_s"] >= AGENT_DELAY_S - 0.3
