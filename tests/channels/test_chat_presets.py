"""Chat widget presets (probes/channels/chat_widgets/*.yaml): strict, complete, valid CSS, usable by name.

Nothing here runs against a vendor's live widget (there is no network access where these tests run).
The presets of open-source widgets (Web Chat, n8n) are checked against the real npm bundles in
test_real_widgets.py. The end-to-end tests at the bottom chat with pages REBUILT from the markup the
closed-source presets' headers cite: reconstructions written for these tests, not Crisp's, Intercom's or
Zendesk's widgets. They show that the selectors fit together (launcher, frame, input, messages, authors)
as the sources describe the markup; they cannot show that the vendors still draw it that way.
"""
import asyncio
import textwrap

import pytest
import yaml
from conftest import write_scenario
from pydantic import ValidationError

from probes.channels import chat
from probes.channels.chat import PRESETS_DIR, WidgetSelectors, load_preset, presets
from probes.config import load_config
from probes.scenario import load_journey

COMMERCIAL = [p for p in presets() if p != "northwind"]
CHECKED_AGAINST_NPM = {"botframework_webchat", "n8n_chat"}  # the rest of COMMERCIAL is closed source


def selectors_of(name: str) -> dict[str, str]:
    return {k: v for k, v in load_preset(name).model_dump().items() if v is not None}


def top_level_commas(selector: str) -> int:
    """Commas that separate a selector list (not those inside (), [] or quotes)."""
    depth, quote, count = 0, "", 0
    for ch in selector:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            count += 1
    return count


def test_there_are_presets_for_commercial_widgets():
    assert {"crisp", "intercom", "zendesk_messaging", "botframework_webchat", "n8n_chat"} <= set(presets())


@pytest.mark.parametrize("name", presets())
def test_preset_loads_strictly_with_the_keys_a_chat_needs(name):
    raw = yaml.safe_load((PRESETS_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    assert set(raw) <= set(WidgetSelectors.model_fields), f"unknown keys in {name}.yaml"
    loaded = WidgetSelectors.model_validate(raw)
    assert loaded.input and loaded.message, "a chat needs at least the input and the messages"
    assert all(isinstance(v, str) and v.strip() for v in raw.values())
    # chat.py waits for f"{input}:not([disabled])": on a selector list that would guard only its last part.
    assert top_level_commas(loaded.input) == 0, "input must be one selector, not a list"


@pytest.mark.parametrize("name", presets())
def test_preset_header_says_where_its_selectors_come_from(name):
    lines = (PRESETS_DIR / f"{name}.yaml").read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines[: next(i for i, text in enumerate(lines) if not text.startswith("#"))])
    assert "Checked" in header
    if name in CHECKED_AGAINST_NPM:   # which bundle and version: see test_real_widgets.py
        assert "Checked against: npm " in header and "Not verified:" in header
    elif name in COMMERCIAL:
        assert header.startswith("# NOT CHECKED AGAINST THE REAL WIDGET")
        assert "Sources:" in header and "Not verified:" in header and "live widget" in header


def test_unknown_keys_in_a_preset_are_rejected(tmp_path, monkeypatch):
    with pytest.raises(ValidationError, match="launch_button"):
        WidgetSelectors.model_validate({**selectors_of("crisp"), "launch_button": "#x"})
    (tmp_path / "typo.yaml").write_text("input: textarea\nmessage: .m\nmesage: .m\n", encoding="utf-8")
    monkeypatch.setattr(chat, "PRESETS_DIR", tmp_path)
    with pytest.raises(ValidationError, match="mesage"):
        load_preset("typo")


async def _selector_errors(selectors: dict[str, str]) -> dict[str, str]:
    """Parse every selector on a blank page, as Chromium and as Playwright do; return the ones that fail."""
    from playwright.async_api import async_playwright

    from probes.browser import launch_options
    from probes.config import BrowserSettings

    errors = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(**launch_options(BrowserSettings(), pw.chromium.executable_path))
        page = await browser.new_page()
        await page.goto("about:blank")
        for key, sel in selectors.items():
            try:
                # A syntax error throws here (querySelectorAll and matches parse the same grammar).
                await page.evaluate("s => { document.querySelectorAll(s); document.body.matches(s); }", sel)
                await page.locator(sel).count()  # Playwright's own selector parser, which chat.py goes through
            except Exception as exc:  # noqa: BLE001 - report every bad selector, not just the first
                errors[key] = str(exc).splitlines()[0]
        await browser.close()
    return errors


@pytest.mark.parametrize("name", presets())
def test_preset_selectors_are_valid_css_in_chromium(name):
    sel = selectors_of(name)
    sel["input, as waited for"] = f"{sel['input']}:not([disabled])"
    assert asyncio.run(_selector_errors(sel)) == {}


@pytest.mark.parametrize("name", presets())
def test_a_scenario_names_the_preset(name, tmp_path):
    path = write_scenario(tmp_path, "chat.yaml", f"""
        name: Chat through the {name} preset
        persona: {{name: Jane Doe}}
        target: shop
        steps:
          - channel: chat
            url: "{{target.website}}/help"
            widget: {name}
            turns:
              - {{say: "How long does delivery take?", expect: working days}}
        """)
    step = load_journey(path, load_config("tests/data/probes.yaml")).journey.steps[0]
    assert step.widget == name and step.resolved() == load_preset(name)


def test_scenario_selectors_override_a_preset(tmp_path):
    path = write_scenario(tmp_path, "chat.yaml", """
        name: Web Chat inside the site's own iframe
        persona: {name: Jane Doe}
        target: shop
        steps:
          - channel: chat
            url: "{target.website}/help"
            widget: botframework_webchat
            selectors: {frame: "iframe#webchat", launcher: "button.open-bot"}
            turns: [{say: Hello}]
        """)
    resolved = load_journey(path, load_config("tests/data/probes.yaml")).journey.steps[0].resolved()
    assert (resolved.frame, resolved.launcher) == ("iframe#webchat", "button.open-bot")
    assert resolved.input == load_preset("botframework_webchat").input


# ---- End to end against RECONSTRUCTIONS of the cited markup (not the vendors' widgets) ----------------

SAID, ANSWER = "How long does delivery take?", "Delivery takes 3 to 5 working days."
GREETING = "Hi! How can we help?"

# The same tiny scripted "bot" behind every reconstruction: greets, echoes the customer, answers later.
BOT_JS = f"""
const answer = t => /deliver/i.test(t) ? {ANSWER!r} : 'Could you tell me more?';
function converse(box, add, before) {{
  box.addEventListener('keydown', e => {{
    if (e.key !== 'Enter' || e.shiftKey || !box.value.trim()) return;
    e.preventDefault();
    const text = box.value.trim(); box.value = '';
    add('customer', text);
    const undo = before ? before() : null;
    setTimeout(() => {{ if (undo) undo(); add('agent', answer(text)); }}, 400);
  }});
}}
"""


def launcher_iframe(attrs: str) -> str:
    """A small iframe whose whole area is a button that opens the messenger (as Intercom's and Zendesk's are)."""
    inner = ("<html style='height:100%'><body style='margin:0;height:100%'><button style='width:100%;height:100%' "
             "onclick='parent.openMessenger()'>chat</button></body></html>")
    return f'<iframe {attrs} style="position:fixed;right:20px;bottom:20px;width:60px;height:60px;border:0" srcdoc="{inner}"></iframe>'


def messenger_host(launcher: str, frame_attrs: str, frame_src: str) -> str:
    return f"""<!doctype html><html><body><h1>Shop</h1>{launcher}
      <iframe {frame_attrs} src="{frame_src}" style="display:none;position:fixed;right:20px;bottom:90px;width:380px;height:500px"></iframe>
      <script>function openMessenger() {{ document.querySelector('iframe[src="{frame_src}"]').style.display = 'block'; }}</script>
      </body></html>"""


# Crisp: in the page under #crisp-chatbox; launcher toggle with data-maximized; textarea name="message";
# messages with data-from (visitor/operator) and data-type. The nesting of data-from (a group around
# each bubble) is invented on purpose: the preset must pick the innermost element either way.
CRISP = f"""<!doctype html><html><body><h1>Shop</h1>
<div class="crisp-client"><div id="crisp-chatbox">
  <a href="#" role="button" aria-label="Open chat" data-maximized="false" id="toggle">chat</a>
  <div id="panel" style="display:none"><div id="log"></div><textarea name="message"></textarea></div>
</div></div>
<script>{BOT_JS}
const log = document.getElementById('log');
function add(who, text) {{
  const from = who === 'customer' ? 'visitor' : 'operator';
  const group = document.createElement('div'); group.dataset.from = from;
  const bubble = document.createElement('div'); bubble.dataset.from = from; bubble.dataset.type = 'text';
  bubble.textContent = text; group.append(bubble); log.append(group);
}}
toggle.addEventListener('click', e => {{
  e.preventDefault(); panel.style.display = 'block';
  toggle.dataset.maximized = 'true'; toggle.setAttribute('aria-label', 'Close chat');
  if (!log.children.length) add('agent', {GREETING!r});
}});
converse(document.querySelector('textarea[name="message"]'), add);
</script></body></html>"""

# Intercom: the launcher in iframe[name="intercom-launcher-frame"], the conversation in
# iframe[name="intercom-messenger-frame"]; parts as in Intercom's stylesheet, with the metadata
# ("Just now") inside the part, which the preset's text selector leaves out.
INTERCOM_MESSENGER = f"""<!doctype html><html><body><div class="intercom-conversation-parts" id="log">
  <div class="intercom-conversation-part intercom-conversation-part-admin"><div class="intercom-comment-container
  intercom-comment-container-admin"><div class="intercom-comment"><div class="intercom-blocks"><div class="intercom-block
  intercom-block-paragraph"><p>{GREETING}</p></div></div></div></div></div></div>
<textarea name="message" aria-label="Send a message…"></textarea>
<script>{BOT_JS}
function add(who, text) {{
  const side = who === 'customer' ? 'user' : 'admin';
  const part = document.createElement('div');
  part.className = 'intercom-conversation-part intercom-conversation-part-' + side;
  part.innerHTML = '<div class="intercom-comment-container intercom-comment-container-' + side + '">'
    + '<div class="intercom-comment"><div class="intercom-blocks"><div class="intercom-block intercom-block-paragraph">'
    + '<p></p></div></div></div></div><div class="intercom-conversation-part-metadata">Just now</div>';
  part.querySelector('p').textContent = text;
  document.getElementById('log').append(part);
}}
converse(document.querySelector('textarea'), add);
</script></body></html>"""

# Zendesk messaging: the launcher is iframe#launcher, the conversation iframe[name="Messaging window"],
# a role="log" list of bubbles carrying a "shape" attribute, the composer placeholder "Type a message".
# The typing indicator (a shaped bubble holding an SVG loader) is an ASSUMPTION, see the preset's header.
ZENDESK_MESSENGER = f"""<!doctype html><html><body>
<div role="log" aria-live="polite" id="log"></div>
<textarea placeholder="Type a message" aria-label="Type a message"></textarea>
<script>{BOT_JS}
const log = document.getElementById('log');
function bubble(shape) {{ const row = document.createElement('div'); const b = document.createElement('div');
  b.setAttribute('shape', shape); row.append(b); log.append(row); return [row, b]; }}
function add(who, text) {{ const [, b] = bubble('standalone'); b.innerHTML = '<div><span></span></div>';
  b.querySelector('span').textContent = text; }}
function typing() {{ const [row, b] = bubble('standalone');
  b.innerHTML = '<svg width="30" height="10"><circle cx="5" cy="5" r="3"/></svg>'; return () => row.remove(); }}
add('agent', {GREETING!r});
converse(document.querySelector('textarea'), add, typing);
</script></body></html>"""

RECONSTRUCTIONS = {
    "crisp": ({"/crisp": CRISP}, "/crisp", ""),
    "intercom": ({"/intercom": messenger_host(launcher_iframe('name="intercom-launcher-frame"'),
                                              'name="intercom-messenger-frame"', "/intercom/messenger"),
                  "/intercom/messenger": INTERCOM_MESSENGER}, "/intercom", ""),
    "zendesk_messaging": ({"/zendesk": messenger_host(launcher_iframe(
                               'id="launcher" title="Button to launch messaging window"'),
                               'name="Messaging window" title="Messaging window"', "/zendesk/messenger"),
                           "/zendesk/messenger": ZENDESK_MESSENGER}, "/zendesk", ""),
}


@pytest.mark.parametrize("name", sorted(RECONSTRUCTIONS))
def test_preset_chats_with_a_reconstruction_of_its_cited_markup(name, run_journeys, page_server, reports):
    """Chat end to end with a page rebuilt from the markup the preset's header cites (see RECONSTRUCTIONS).

    A reconstruction, not the vendor's widget: it shows the preset's selectors work together on markup as
    the cited sources describe it (launcher through its iframe, frame, ready check, Enter to send, reading
    messages and authors), not that the live widget still looks like this.
    """
    from probes.cli import demo_config

    pages, path, extra = RECONSTRUCTIONS[name]
    site = page_server({**pages, "/favicon.ico": ""})  # no 404 in the console
    config = demo_config(site.base_url, reports)
    config.targets["demo"].business_hours = {}  # always open
    scenario = textwrap.dedent(f"""
        name: Reconstructed {name}
        persona: {{name: Jane Doe}}
        target: demo
        steps:
          - id: chat
            channel: chat
            url: "{{target.website}}{path}"
            widget: {name}
            ready_within: 8s
            turns:
              - {{say: "{SAID}", expect: working days, within: 5s}}
        """) + extra
    ran = run_journeys(scenario, cfg=config)
    assert [(f["check_id"], f["snippet"]) for f in ran.rows["findings"]] == []
    assert ran.result.exit_code == 0
    step = ran.steps[0]
    transcript = step["observations"]["transcript"]
    assert [(m["author"], m["text"]) for m in transcript] == [
        ("bot", GREETING), ("customer", SAID), ("bot", ANSWER)]
    # Measured from the customer's own echo to the answer: the page's 0.4 s, give or take.
    assert step["measurements"]["first_reply_s"] >= 0.3   # never sooner (later on a busy machine)


HOME_SCREEN = f"""<!doctype html><html><body><h1>Shop</h1>
<button id="open">Chat with us</button>
<div id="home" style="display:none"><p>Hi there! We usually reply in a few minutes.</p>
  <button class="start">Send us a message</button></div>
<div id="chat" style="display:none"><div id="log"></div><textarea class="box"></textarea></div>
<script>{BOT_JS}
function add(who, text) {{ const m = document.createElement('div'); m.className = 'msg ' + who;
  m.textContent = text; document.getElementById('log').append(m); }}
document.getElementById('open').onclick = () => {{ home.style.display = 'block'; }};
document.querySelector('.start').onclick = () => {{ home.style.display = 'none'; chat.style.display = 'block'; }};
converse(document.querySelector('textarea'), add);
</script></body></html>"""


@pytest.mark.parametrize("start", [True, False])
def test_a_widget_that_opens_on_a_home_screen_needs_its_start_button(start, run_journeys, page_server, reports):
    from probes.cli import demo_config

    site = page_server({"/help": HOME_SCREEN, "/favicon.ico": ""})
    config = demo_config(site.base_url, reports)
    config.targets["demo"].business_hours = {}
    start_line = ', start: "button.start"' if start else ""
    ran = run_journeys(textwrap.dedent(f"""
        name: Home screen first
        persona: {{name: Jane Doe}}
        target: demo
        steps:
          - id: chat
            channel: chat
            url: "{{target.website}}/help"
            selectors: {{launcher: "#open", input: textarea.box, message: .msg, customer: .msg.customer{start_line}}}
            ready_within: 4s
            turns:
              - {{say: "{SAID}", expect: working days, within: 5s}}
        """), cfg=config)
    if start:
        assert ran.rows["findings"] == [] and ran.result.exit_code == 0
    else:  # without it, the customer never reaches a box to type in
        assert [f["check_id"] for f in ran.rows["findings"]] == ["chat.widget_missing"]
