"""A fictional company website whose contact forms fail like real ones do.

``DemoCompany`` serves "Northwind Appliances" on loopback with the standard
library's ``ThreadingHTTPServer``. One contact form is healthy; the others
each carry a single, deliberate fault (HTTP 500, a dropped message, an
unreplaced template placeholder, an unmentioned required field, a CAPTCHA,
a request that never completes, a dead link). ``probes demo`` and the test
suite point the prober at it so every finding can be shown without touching
a real company.

Every page is self-contained (inline CSS and JavaScript, no external
resources) so it renders identically offline and in report screenshots.
"""

from __future__ import annotations

from collections.abc import Callable

import argparse
import html
import json
import socket
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import parse_qs, parse_qsl, quote, urlsplit

from probes.sim.httpserver import QuietServer

if TYPE_CHECKING:  # --- live chat: the server lives in probes.sim.chat (needs websockets)
    from probes.sim.chat import ChatServer

__all__ = ["DemoCompany", "PAGES", "SimPage", "main"]

COMPANY_NAME = "Northwind Appliances"
DEFAULT_PORT = 8780
# The live chat beside it (`probes sim web`); probes.yaml's demo target allowlists it.
DEFAULT_CHAT_PORT = 8781
# Long enough that any sensible prober gives up first.
ORDER_HELP_DELAY_S = 60.0
# A contact form never needs more; refuse bigger bodies instead of buffering them.
MAX_BODY_BYTES = 1_000_000


class SimPage(NamedTuple):
    """One page of the demo site and the fault a customer meets there."""

    path: str
    title: str
    fault: str


PAGES: tuple[SimPage, ...] = (
    SimPage("/", "Home page", "healthy: links to every contact page"),
    SimPage("/contact", "General enquiries",
            "healthy: message stored, thank-you page with a reference number"),
    SimPage("/returns", "Returns", "server error: submitting answers HTTP 500, nothing stored"),
    SimPage("/feedback", "Feedback",
            "dropped message: says thanks but stores nothing; page throws a JavaScript error"),
    SimPage("/callback", "Request a call back",
            "placeholder: confirmation shows unreplaced [name] and %PHONE%"),
    SimPage("/complaints", "Complaints",
            "hidden requirement: Phone is required but its label has no asterisk"),
    SimPage("/quote", "Get a quote", "CAPTCHA: an 'I'm not a robot' check a robot cannot pass"),
    SimPage("/order-help", "Order help",
            f"never confirms: shows 'Sending…' while the backend takes {ORDER_HELP_DELAY_S:g} s"),
    SimPage("/old-contact", "Old contact page", "dead link: HTTP 404 Page not found"),
    # --- live chat (widget pages; the chat itself is probes.sim.chat.ChatServer)
    SimPage("/chat", "Live chat", "healthy chat: the bot answers by keyword; 'agent' reaches a person"),
    SimPage("/chat/loop", "Delivery help", "bot loop: every question gets the same FAQ link, never a person"),
    SimPage("/chat/no-agent", "Returns help", "no human: the bot promises a person who never comes"),
    SimPage("/chat/offline", "After-hours help", "chat offline: a leave-a-message form that stores nothing"),
    SimPage("/chat/broken", "Product support", "widget never loads: its script answers HTTP 404"),
)

# What the home page's "Contact us" section says about each form.
_CONTACT_LINKS: tuple[tuple[str, str, str], ...] = (
    ("/contact", "General enquiries", "Questions about products, deliveries or billing."),
    ("/returns", "Returns", "Send an item back within 30 days of delivery."),
    ("/feedback", "Feedback", "Tell us how we did. We read every message."),
    ("/callback", "Request a call back", "Prefer to talk? One of our advisors will ring you."),
    ("/complaints", "Complaints", "Something went wrong? Let us put it right."),
    ("/quote", "Get a quote", "Prices for larger orders, kitchens and installation."),
    ("/order-help", "Order help", "Questions about an order you have already placed."),
)

# --- live chat: help-centre pages with the chat widget, listed after the forms on the home page.
_CHAT_LINKS: tuple[tuple[str, str, str], ...] = (
    ("/chat", "Live chat", "Chat with our assistant, or ask for one of our team."),
    ("/chat/loop", "Delivery help", "Delivery questions, answered in our live chat."),
    ("/chat/no-agent", "Returns help", "Returns and refunds: chat to a person about yours."),
    ("/chat/offline", "After-hours help", "Outside opening hours? Leave us a message in the chat."),
    ("/chat/broken", "Product support", "Manuals, troubleshooting and live chat."),
)


# --------------------------------------------------------------------------
# Form definitions


@dataclass(frozen=True)
class _Field:
    name: str
    label: str
    kind: str = "text"  # text, email, tel, textarea or select
    required: bool = False
    # Whether the label tells the customer it is required; normally the same
    # as ``required``, deliberately not for the complaints form's phone field.
    marked: bool | None = None
    placeholder: str = ""
    options: tuple[str, ...] = ()
    autocomplete: str = ""

    @property
    def shows_required(self) -> bool:
        return self.required if self.marked is None else self.marked


@dataclass(frozen=True)
class _Form:
    path: str
    heading: str
    intro: str
    fields: tuple[_Field, ...]
    button: str
    form_id: str = ""


_NAME = _Field("name", "Your name", required=True, autocomplete="name")
_EMAIL = _Field("email", "Email address", "email", required=True,
                placeholder="you@example.com", autocomplete="email")

_CONTACT_FORM = _Form(
    "/contact",
    "Contact us",
    "Questions about a product, a delivery or a bill? Send us a message and "
    "our customer care team will get back to you.",
    (
        _NAME,
        _EMAIL,
        _Field("order", "Order number (optional)", placeholder="e.g. 4471-2290"),
        _Field("topic", "Topic", "select",
               options=("General question", "Delivery", "Billing", "Technical support")),
        _Field("message", "Your message", "textarea", required=True),
    ),
    "Send message",
)

_RETURNS_FORM = _Form(
    "/returns",
    "Request a return",
    "Changed your mind or received a faulty item? You can return most products "
    "within 30 days of delivery. We will email you a free returns label.",
    (
        _NAME,
        _EMAIL,
        _Field("order", "Order number", required=True, placeholder="e.g. 4471-2290"),
        _Field("reason", "Reason", "textarea", required=True),
    ),
    "Request return",
)

_FEEDBACK_FORM = _Form(
    "/feedback",
    "Share your feedback",
    "How was your experience with Northwind? Good or bad, we would love to hear it.",
    (
        _NAME,
        _EMAIL,
        _Field("feedback", "Your feedback", "textarea", required=True),
    ),
    "Send feedback",
)

_CALLBACK_FORM = _Form(
    "/callback",
    "Request a call back",
    "Leave your number and one of our advisors will call you, usually within two hours "
    "during opening times.",
    (
        _NAME,
        _Field("phone", "Phone number", "tel", required=True,
               placeholder="e.g. 020 7946 0321", autocomplete="tel"),
        _Field("time", "Best time to call", "select", options=("Morning", "Afternoon", "Evening")),
    ),
    "Request call back",
)

_COMPLAINTS_FORM = _Form(
    "/complaints",
    "Make a complaint",
    "We are sorry something went wrong. Tell us what happened and a member of our "
    "complaints team will investigate.",
    (
        _NAME,
        _EMAIL,
        # The fault: required by the browser, but nothing tells the customer.
        _Field("phone", "Phone", "tel", required=True, marked=False, autocomplete="tel"),
        _Field("complaint", "Describe your complaint", "textarea", required=True),
    ),
    "Submit complaint",
)

_QUOTE_FORM = _Form(
    "/quote",
    "Get a quote",
    "Fitting out a kitchen or buying for a business? Tell us what you need and we "
    "will send you a tailored price.",
    (
        _NAME,
        _EMAIL,
        _Field("product", "Product", required=True, placeholder="e.g. 3 × integrated dishwasher"),
    ),
    "Get my quote",
)

_ORDER_HELP_FORM = _Form(
    "/order-help/send",
    "Order help",
    "Need help with an order you have placed? Give us your order number and your "
    "question and we will look into it.",
    (
        _NAME,
        _EMAIL,
        _Field("order", "Order number", required=True, placeholder="e.g. 4471-2290"),
        _Field("question", "Question", "textarea", required=True),
    ),
    "Send",
    form_id="order-help-form",
)


# --------------------------------------------------------------------------
# HTML rendering

_CSS = """
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
 color:#1f2933;background:#f4f6f8;line-height:1.5}
a{color:#1d5fa3}
header.site{background:#12355b;color:#fff}
header.site .inner{max-width:960px;margin:0 auto;padding:14px 24px;display:flex;flex-wrap:wrap;
 align-items:center;gap:8px 28px}
.brand{color:#fff;text-decoration:none;font-weight:700;font-size:1.2rem;white-space:nowrap}
.brand .mark{display:inline-block;width:28px;height:28px;border-radius:7px;background:#f2a541;
 color:#12355b;text-align:center;line-height:28px;margin-right:9px;font-size:.95rem}
nav.site{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.92rem}
nav.site a{color:#cfe0f3;text-decoration:none}
nav.site a:hover,nav.site a[aria-current=page]{color:#fff;text-decoration:underline}
main{max-width:960px;margin:0 auto;padding:28px 24px 40px}
.card{background:#fff;border:1px solid #dde3ea;border-radius:10px;padding:24px 28px;max-width:640px}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 8px;color:#12355b}
h2{font-size:1.2rem;margin:28px 0 12px;color:#12355b}
.lead{color:#52606d;margin-top:0}
.field{margin:0 0 16px}
label{display:block;font-weight:600;margin-bottom:4px}
input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;padding:9px 11px;
 border:1px solid #b8c4d0;border-radius:6px;font:inherit;background:#fff;color:inherit}
textarea{min-height:120px;resize:vertical}
input:focus,select:focus,textarea:focus{outline:2px solid #f2a541;outline-offset:0;border-color:#f2a541}
button{background:#12355b;color:#fff;border:0;border-radius:6px;padding:10px 22px;font:inherit;
 font-weight:600;cursor:pointer}
button:hover{background:#1d4d80}
button:disabled{opacity:.6;cursor:progress}
.note{color:#616e7c;font-size:.88rem;margin:0 0 16px}
.error{background:#fdecea;border:1px solid #f5c2bd;color:#8a1c12;border-radius:6px;padding:10px 14px;
 margin:0 0 18px}
.error p{margin:0}
.error ul{margin:4px 0 0;padding-left:20px}
.ref{font-weight:600}
.status{margin-top:16px;color:#334e68;font-weight:600}
.spinner{display:inline-block;width:15px;height:15px;border:2px solid #b8c4d0;border-top-color:#12355b;
 border-radius:50%;animation:spin .8s linear infinite;vertical-align:-2px;margin-right:8px}
@keyframes spin{to{transform:rotate(360deg)}}
.hero{background:#fff;border:1px solid #dde3ea;border-radius:10px;padding:28px}
.hero p{max-width:620px;margin:0;color:#52606d}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(270px,1fr));gap:14px;list-style:none;
 margin:0;padding:0}
.grid a{display:block;height:100%;background:#fff;border:1px solid #dde3ea;border-radius:10px;
 padding:14px 16px;text-decoration:none;color:inherit}
.grid a:hover{border-color:#1d5fa3}
.grid strong{display:block;color:#12355b}
.grid span{color:#616e7c;font-size:.92rem}
.g-recaptcha{margin:0 0 18px}
.rc-box{display:flex;align-items:center;justify-content:space-between;width:304px;height:78px;
 padding:0 12px 0 14px;border:1px solid #d3d3d3;border-radius:3px;background:#f9f9f9;
 box-shadow:0 0 4px 1px rgba(0,0,0,.08);font-family:Roboto,Helvetica,Arial,sans-serif}
.rc-box label{display:flex;align-items:center;gap:12px;margin:0;font-weight:400;font-size:.95rem;color:#000}
.rc-box input{width:26px;height:26px;margin:0}
.rc-logo{text-align:center;font-size:.6rem;color:#555;line-height:1.3}
.rc-icon{display:block;width:30px;height:30px;margin:0 auto 2px;border-radius:50%;
 border:5px solid #4a90e2;border-right-color:#b3b3b3;border-bottom-color:#1c3aa9}
footer.site{border-top:1px solid #dde3ea;color:#616e7c;font-size:.85rem}
footer.site .inner{max-width:960px;margin:0 auto;padding:18px 24px}
footer.site p{margin:0 0 4px}
"""


def _e(value: object) -> str:
    """Escape anything for use in HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


_CURRENT = ' aria-current="page"'


def _layout(title: str, body: str, *, current: str = "", script: str = "") -> str:
    """Wrap page content in the shared header, navigation and footer."""
    # The empty data: icon stops browsers fetching /favicon.ico, whose 404
    # would otherwise be a console error on every page.
    links = (("/", "Home", ""),) + _CONTACT_LINKS
    nav = "".join(
        f'<a href="{path}"{_CURRENT if path == current else ""}>{_e(label)}</a>'
        for path, label, _ in links
    )
    year = datetime.now(timezone.utc).year
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{_e(title)} – {COMPANY_NAME}</title>
<style>{_CSS}</style>
</head>
<body>
<header class="site"><div class="inner">
<a class="brand" href="/"><span class="mark" aria-hidden="true">N</span>{COMPANY_NAME}</a>
<nav class="site" aria-label="Main">{nav}</nav>
</div></header>
<main>
{body}
</main>
<footer class="site"><div class="inner">
<p>&copy; {year} {COMPANY_NAME} Ltd · 12 Harbour Road, Portsmouth · Customer care 0800 014 2290, Mon–Sat 8am–8pm</p>
<p><a href="/old-contact">Write to us</a> · <a href="/contact">Contact us</a> ·
 A fictional company: this is the Mystery Shopper demo site.</p>
</div></footer>
{script}
</body>
</html>
"""


def _label_text(field: _Field) -> str:
    return f"{field.label} *" if field.shows_required else field.label


def _render_field(field: _Field, value: str = "") -> str:
    required = " required" if field.required else ""
    extra = ""
    if field.placeholder:
        extra += f' placeholder="{_e(field.placeholder)}"'
    if field.autocomplete:
        extra += f' autocomplete="{field.autocomplete}"'
    label = f'<label for="{field.name}">{_e(_label_text(field))}</label>'
    if field.kind == "textarea":
        control = (f'<textarea id="{field.name}" name="{field.name}" rows="6"{required}{extra}>'
                   f"{_e(value)}</textarea>")
    elif field.kind == "select":
        options = "".join(
            f'<option value="{_e(option)}"{" selected" if option == value else ""}>{_e(option)}</option>'
            for option in field.options
        )
        control = f'<select id="{field.name}" name="{field.name}"{required}>{options}</select>'
    else:
        control = (f'<input type="{field.kind}" id="{field.name}" name="{field.name}" '
                   f'value="{_e(value)}"{required}{extra}>')
    return f'<div class="field">{label}{control}</div>'


_CAPTCHA_WIDGET = """<div class="g-recaptcha" data-sitekey="demo-site-key">
<div class="rc-box">
<label for="recaptcha-anchor"><input type="checkbox" id="recaptcha-anchor">I'm not a robot</label>
<div class="rc-logo"><span class="rc-icon" aria-hidden="true"></span>reCAPTCHA<br>Privacy - Terms</div>
</div>
<input type="hidden" name="g-recaptcha-response" value="">
</div>"""


def _render_form(form: _Form, values: dict[str, str] | None = None, *, alert: str = "",
                 current: str = "", captcha: bool = False, after_button: str = "",
                 script: str = "") -> str:
    """Render a contact form page, optionally refilled and with an error alert."""
    values = values or {}
    fields = "".join(_render_field(field, values.get(field.name, "")) for field in form.fields)
    form_id = f' id="{form.form_id}"' if form.form_id else ""
    body = f"""<div class="card">
<h1>{_e(form.heading)}</h1>
<p class="lead">{_e(form.intro)}</p>
{alert}<form{form_id} method="post" action="{form.path}">
{fields}
{_CAPTCHA_WIDGET if captcha else ""}
<p class="note">* required</p>
<button type="submit">{_e(form.button)}</button>
</form>
{after_button}
</div>"""
    return _layout(form.heading, body, current=current or form.path, script=script)


def _missing_alert(missing: list[_Field]) -> str:
    items = "".join(f"<li>{_e(field.label)}</li>" for field in missing)
    return (f'<div role="alert" class="error"><p>Please fill in the required fields:</p>'
            f"<ul>{items}</ul></div>\n")


def _message_page(title: str, paragraphs: list[str], *, current: str = "") -> str:
    """A simple card of already-escaped paragraphs, used for confirmations."""
    text = "\n".join(paragraphs)
    body = f'<div class="card">\n<h1>{_e(title)}</h1>\n{text}\n<p><a href="/">Back to the home page</a></p>\n</div>'
    return _layout(title, body, current=current)


def _home_page() -> str:
    links = "".join(
        f'<li><a href="{path}"><strong>{_e(label)}</strong><span>{_e(description)}</span></a></li>'
        for path, label, description in _CONTACT_LINKS + _CHAT_LINKS  # --- live chat: + _CHAT_LINKS
    )
    body = f"""<section class="hero">
<h1>Home appliances, delivered and installed.</h1>
<p>{COMPANY_NAME} has sold washing machines, fridges, ovens and dishwashers since 1987.
Free next-day delivery on orders over £300, installation by our own engineers, and a
two-year guarantee on everything we sell.</p>
</section>
<h2 id="contact-us">Contact us</h2>
<ul class="grid" aria-labelledby="contact-us">{links}</ul>"""
    return _layout("Home", body, current="/")


def _not_found_page() -> str:
    body = """<div class="card">
<h1>Page not found</h1>
<p>Sorry, we could not find the page you were looking for. It may have moved or no longer exist.</p>
<p><a href="/">Go to the home page</a> or <a href="/contact">contact us</a>.</p>
</div>"""
    return _layout("Page not found", body)


# Deliberately bare: what a crashed backend behind a proxy tends to show.
_SERVER_ERROR_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>500 Internal Server Error</title></head>
<body>
<h1>500 Internal Server Error</h1>
<p>The server encountered an internal error and was unable to complete your request.</p>
<pre>returns-service: OperationalError: could not connect to server rma-db:5432 (Connection refused)</pre>
<hr>
<address>nginx</address>
</body>
</html>
"""

# A broken analytics snippet: its loader was removed but the call stayed.
_FEEDBACK_SCRIPT = """<script>
nwAnalytics.track("feedback_form_view", {page: location.pathname});
</script>"""

_ORDER_HELP_STATUS = '<div id="send-status" class="status" role="status" aria-live="polite" hidden></div>'

_ORDER_HELP_SCRIPT = """<script>
(function () {
  var form = document.getElementById("order-help-form");
  var status = document.getElementById("send-status");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.hidden = false;
    status.innerHTML = '<span class="spinner" aria-hidden="true"></span>Sending\\u2026';
    fetch("/order-help/send", {
      method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded"},
      body: new URLSearchParams(new FormData(form))
    }).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      status.textContent = "Thank you, your question has been sent.";
    }).catch(function () {
      status.textContent = "Sorry, something went wrong. Please try again.";
      button.disabled = false;
    });
  });
})();
</script>"""


# --------------------------------------------------------------------------
# Live chat: help-centre pages carrying the chat widget (the chat server is
# probes.sim.chat.ChatServer). Everything up to "HTTP server" belongs to it.

# Where the widget points when the site has no chat server: the discard port, always closed.
_CHAT_DEAD_WS = "ws://127.0.0.1:9"
_CHAT_MODES = ("healthy", "loop", "no-agent", "offline")
_CHAT_WIDGET_PATH = "/static/chat-widget.js"


class _ChatPage(NamedTuple):
    mode: str
    heading: str
    intro: str
    faqs: tuple[tuple[str, str], ...]
    script_src: str = _CHAT_WIDGET_PATH


_CHAT_PAGES: dict[str, _ChatPage] = {
    "/chat": _ChatPage(
        "healthy", "Help centre",
        "Answers to the questions we hear most. Can't find yours? Chat with us using the button "
        "at the bottom right: our assistant answers straight away, and one of our team is a "
        "message away.",
        (("Where is my order?",
          "Track it at northwind.example/track with the order number from your confirmation email."),
         ("How long does delivery take?",
          "Standard delivery takes 3–5 working days. Large appliances are delivered and installed "
          "by our own team, who ring you 30 minutes before they arrive."),
         ("Can I return something?",
          "Most products can be returned within 30 days of delivery. Start a return at "
          "northwind.example/returns."),
         ("When are you open?", "Our customer care team is available Monday to Friday, 9:00–17:30."))),
    "/chat/loop": _ChatPage(
        "loop", "Delivery help",
        "Everything about getting your new appliance home. Questions about your delivery? "
        "Chat with us using the button at the bottom right.",
        (("When will my delivery arrive?",
          "We email you a two-hour delivery window the evening before your delivery day."),
         ("Do you take the old appliance away?",
          "Yes. Tick 'Recycle my old appliance' at checkout and our team takes it away for £15."),
         ("Can I change my delivery date?",
          "You can change it up to 48 hours before delivery from your account."))),
    "/chat/no-agent": _ChatPage(
        "no-agent", "Returns help",
        "Changed your mind, or something isn't right? Most products can be returned within 30 days. "
        "To talk to someone about your return, chat with us using the button at the bottom right.",
        (("How do I return an item?",
          "Start a return at northwind.example/returns and we email you a free returns label."),
         ("When will I get my refund?",
          "Refunds are paid to your original payment method within 5 working days of the item "
          "reaching us."),
         ("My appliance is faulty. What now?",
          "Faulty items are covered by our two-year guarantee; we repair or replace them free of charge."))),
    "/chat/offline": _ChatPage(
        "offline", "After-hours help",
        "Our customer care team is available Monday to Friday, 9:00–17:30. Outside those hours "
        "you can still leave us a message in the chat, and we will reply by email.",
        (("What are your opening hours?", "Monday to Friday, 9:00–17:30, except bank holidays."),
         ("Is there an emergency number?",
          "For a gas smell or a water leak, switch the appliance off at the mains and call your "
          "supplier's emergency line."))),
    "/chat/broken": _ChatPage(
        "healthy", "Product support",
        "Manuals, troubleshooting guides and help with your appliance. Still stuck? Chat with us "
        "using the button at the bottom right.",
        (("My washing machine won't drain.",
          "Check the filter behind the small flap at the bottom front, and that the drain hose isn't kinked."),
         ("My fridge is making a noise.",
          "A gentle hum is normal. Knocking usually means the fridge is not level; adjust its front feet."),
         ("Where can I find the manual?",
          "Every manual is on the product's page under 'Documents', or ask us in the chat.")),
        # The fault: a deploy renamed the script but the page still asks for v2, which is not there.
        "/static/chat-widget-v2.js"),
}

_CHAT_PAGE_CSS = """<style>
.faq{margin:18px 0 0;border-top:1px solid #dde3ea}
.faq details{border-bottom:1px solid #dde3ea;padding:10px 0}
.faq summary{cursor:pointer;font-weight:600;color:#12355b}
.faq details p{margin:8px 0 2px;color:#3e4c59}
.chat-hint{margin:20px 0 0;padding:12px 14px;background:#fff8ec;border:1px solid #f7d9a8;border-radius:8px;
 font-size:.93rem;color:#52606d}
</style>"""


def _chat_ws_url(chat: ChatServer | None) -> str:
    """The chat server's address for the widget, or a closed port when there is none (yet)."""
    try:
        return chat.ws_url if chat is not None else _CHAT_DEAD_WS
    except RuntimeError:  # not started
        return _CHAT_DEAD_WS


def _chat_page(page: _ChatPage, current: str, ws_url: str) -> str:
    faqs = "".join(f"<details><summary>{_e(q)}</summary><p>{_e(a)}</p></details>" for q, a in page.faqs)
    hint = ("Our team is away right now: the chat takes a message and we reply by email."
            if page.mode == "offline" else
            "Live chat: our assistant is there around the clock, our team Monday to Friday, 9:00–17:30.")
    body = f"""{_CHAT_PAGE_CSS}<div class="card">
<h1>{_e(page.heading)}</h1>
<p class="lead">{_e(page.intro)}</p>
<div class="faq">{faqs}</div>
<p class="chat-hint">{hint}</p>
</div>"""
    script = (f'<script src="{_e(page.script_src)}" data-mode="{_e(page.mode)}" '
              f'data-ws="{_e(ws_url)}" defer></script>')
    return _layout(page.heading, body, current=current, script=script)


# Served as /static/chat-widget.js: the launcher button and the chat panel's iframe.
_CHAT_WIDGET_JS = r"""(function () {
  "use strict";
  if (document.querySelector(".nw-chat-launcher")) { return; }
  var script = document.currentScript || document.querySelector("script[data-ws][src*='chat-widget']");
  var mode = (script && script.getAttribute("data-mode")) || "healthy";
  var wsUrl = (script && script.getAttribute("data-ws")) || "";

  var style = document.createElement("style");
  style.textContent =
    ".nw-chat-launcher{position:fixed;right:24px;bottom:24px;z-index:2147483000;display:flex;" +
    "align-items:center;gap:9px;padding:12px 20px 12px 16px;border:0;border-radius:999px;" +
    "background:#12355b;color:#fff;font:600 15px/1.2 system-ui,-apple-system,'Segoe UI',Roboto,Arial," +
    "sans-serif;cursor:pointer;box-shadow:0 6px 20px rgba(18,53,91,.35)}" +
    ".nw-chat-launcher:hover{background:#1d4d80}" +
    ".nw-chat-launcher:focus-visible{outline:3px solid #f2a541;outline-offset:2px}" +
    ".nw-chat-launcher svg{flex:none;color:#f2a541}" +
    "#nw-chat-frame{position:fixed;right:24px;bottom:88px;z-index:2147483000;width:360px;height:520px;" +
    "max-width:calc(100vw - 32px);max-height:calc(100vh - 112px);border:0;border-radius:14px;" +
    "background:#fff;box-shadow:0 12px 40px rgba(15,35,60,.28)}" +
    "#nw-chat-frame[hidden]{display:none}";
  document.head.appendChild(style);

  var launcher = document.createElement("button");
  launcher.type = "button";
  launcher.className = "nw-chat-launcher";
  launcher.setAttribute("aria-label", "Chat with us");
  launcher.setAttribute("aria-expanded", "false");
  launcher.innerHTML = '<svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">' +
    '<path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5' +
    'a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z"/>' +
    '</svg><span>Chat with us</span>';

  var frame = null;
  function show(open) {
    frame.hidden = !open;
    launcher.setAttribute("aria-expanded", open ? "true" : "false");
  }
  launcher.addEventListener("click", function () {
    if (frame === null) {
      frame = document.createElement("iframe");
      frame.id = "nw-chat-frame";
      frame.title = "Northwind chat";
      frame.src = "/chat/frame?mode=" + encodeURIComponent(mode) + "&ws=" + encodeURIComponent(wsUrl);
      document.body.appendChild(frame);
      show(true);
    } else {
      show(frame.hidden);
    }
  });
  window.addEventListener("message", function (event) {
    if (frame !== null && event.source === frame.contentWindow && event.data &&
        event.data.nwChat === "close") {
      show(false);
      launcher.focus();
    }
  });
  document.body.appendChild(launcher);
})();
"""

_CHAT_FRAME_CSS = """*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;
 background:#fff;line-height:1.45}
nw-chat{display:block;height:100%}
.nw-sent{padding:28px 24px;text-align:center}
.nw-sent h1{font-size:1.15rem;color:#12355b;margin:8px 0}
.nw-sent p{color:#52606d;margin:0 0 8px}
.nw-sent .nw-tick{display:inline-block;width:44px;height:44px;border-radius:50%;background:#e3f4ea;
 color:#1f7a46;font-size:1.5rem;line-height:44px}"""

# Inside <nw-chat>'s open shadow root.
_CHAT_SHADOW_CSS = r""":host{display:block;height:100%;font-size:14px}
.nw-chat{display:flex;flex-direction:column;height:100%;background:#fff}
.nw-header{display:flex;align-items:center;gap:10px;padding:12px 12px 12px 16px;background:#12355b;color:#fff}
.nw-avatar{flex:none;width:34px;height:34px;border-radius:9px;background:#f2a541;color:#12355b;font-weight:700;
 text-align:center;line-height:34px}
.nw-heading{flex:1;min-width:0}
.nw-title{margin:0;font-size:15px;font-weight:700}
.nw-status{margin:0;font-size:12px;color:#cfe0f3}
.nw-status::before{content:"";display:inline-block;width:7px;height:7px;border-radius:50%;background:#9aa5b1;
 margin-right:6px;vertical-align:1px}
:host([data-state=open]) .nw-status::before{background:#3ccf7a}
:host([data-state=closed]) .nw-status::before{background:#e4626f}
.nw-close{flex:none;width:30px;height:30px;border:0;border-radius:7px;background:transparent;color:#cfe0f3;
 font-size:20px;line-height:1;cursor:pointer}
.nw-close:hover{background:rgba(255,255,255,.12);color:#fff}
.nw-messages{flex:1;overflow-y:auto;padding:14px 14px 6px;background:#f4f6f8;display:flex;flex-direction:column;
 gap:10px}
.nw-msg{max-width:82%;display:flex;flex-direction:column;align-items:flex-start}
.nw-author{font-size:11px;font-weight:600;color:#616e7c;margin:0 4px 2px}
.nw-text{margin:0;padding:8px 12px;border-radius:14px 14px 14px 4px;background:#fff;border:1px solid #dde3ea;
 white-space:pre-wrap;overflow-wrap:anywhere}
.nw-msg--agent .nw-text{background:#fff8ec;border-color:#f7d9a8}
.nw-msg--customer{align-self:flex-end;align-items:flex-end}
.nw-msg--customer .nw-text{background:#12355b;border-color:#12355b;color:#fff;border-radius:14px 14px 4px 14px}
.nw-typing{display:flex;align-items:center;gap:8px;padding:4px 16px 6px;background:#f4f6f8;font-size:12px;
 color:#616e7c}
.nw-typing[hidden]{display:none}
.nw-dots{display:inline-flex;gap:3px}
.nw-dots i{width:6px;height:6px;border-radius:50%;background:#9aa5b1;animation:nw-blink 1.2s infinite}
.nw-dots i:nth-child(2){animation-delay:.2s}
.nw-dots i:nth-child(3){animation-delay:.4s}
@keyframes nw-blink{0%,80%,100%{opacity:.3}40%{opacity:1}}
.nw-composer{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid #dde3ea;background:#fff}
.nw-input{flex:1;height:40px;padding:9px 11px;border:1px solid #b8c4d0;border-radius:10px;
 font:inherit;color:inherit;resize:none}
.nw-input:focus{outline:2px solid #f2a541;outline-offset:0;border-color:#f2a541}
.nw-input:disabled{background:#f4f6f8;cursor:not-allowed}
.nw-send{flex:none;height:40px;padding:0 16px;border:0;border-radius:10px;background:#12355b;color:#fff;
 font:inherit;font-weight:600;cursor:pointer}
.nw-send:hover{background:#1d4d80}
.nw-send:disabled{opacity:.5;cursor:not-allowed}
.nw-offline{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:12px}
.nw-offline p{margin:0;color:#3e4c59}
.nw-offline label{display:flex;flex-direction:column;gap:4px;font-weight:600;font-size:13px}
.nw-offline input,.nw-offline textarea{padding:8px 10px;border:1px solid #b8c4d0;border-radius:8px;font:inherit;
 font-weight:400;color:inherit}
.nw-offline textarea{min-height:96px;resize:vertical}
.nw-offline input:focus,.nw-offline textarea:focus{outline:2px solid #f2a541;border-color:#f2a541}
.nw-offline button{align-self:flex-start;padding:9px 18px;border:0;border-radius:8px;background:#12355b;color:#fff;
 font:inherit;font-weight:600;cursor:pointer}"""

# Defines <nw-chat>: the chat UI in an open shadow root, talking to the chat server.
_CHAT_FRAME_SCRIPT = r"""<script>
(function () {
  "use strict";
  var NAMES = {customer: "You", bot: "Northwind assistant", agent: "Sam (Customer Care)"};
  var HEADER = '<header class="nw-header"><span class="nw-avatar" aria-hidden="true">N</span>' +
    '<div class="nw-heading"><h2 class="nw-title">Northwind chat</h2>' +
    '<p class="nw-status" role="status"></p></div>' +
    '<button type="button" class="nw-close" aria-label="Close chat">\u00d7</button></header>';

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  class NwChat extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) { return; }
      var root = this.attachShadow({mode: "open"});
      root.appendChild(document.getElementById("nw-chat-template").content.cloneNode(true));
      var panel = make("section", "nw-chat");
      panel.setAttribute("aria-label", "Northwind chat");
      panel.innerHTML = HEADER;
      root.appendChild(panel);
      this.panel = panel;
      this.status = panel.querySelector(".nw-status");
      panel.querySelector(".nw-close").addEventListener("click", function () {
        window.parent.postMessage({nwChat: "close"}, "*");
      });
      if (this.getAttribute("mode") === "offline") {
        this.offline();
      } else {
        this.live();
      }
    }

    setState(state, text) {
      this.setAttribute("data-state", state);
      this.status.textContent = text;
    }

    offline() {
      this.setState("offline", "Offline \u00b7 we reply by email");
      var form = make("form", "nw-offline");
      form.method = "post";
      form.action = "/chat/frame";
      form.innerHTML =
        "<p>We're offline right now. Leave us a message and we'll reply by email.</p>" +
        '<label>Name <input type="text" name="name" autocomplete="name" required></label>' +
        '<label>Email <input type="email" name="email" autocomplete="email" required></label>' +
        '<label>Message <textarea name="message" required></textarea></label>' +
        '<button type="submit">Send message</button>';
      this.panel.appendChild(form);
    }

    live() {
      var self = this;
      this.messages = make("div", "nw-messages");
      this.messages.setAttribute("role", "log");
      this.messages.setAttribute("aria-live", "polite");
      this.typing = make("div", "nw-typing");
      this.typing.hidden = true;
      this.typing.innerHTML = '<span class="nw-dots" aria-hidden="true"><i></i><i></i><i></i></span>';
      this.typingText = make("span", "nw-typing-text");
      this.typing.appendChild(this.typingText);
      var composer = make("div", "nw-composer");
      this.input = make("textarea", "nw-input");
      this.input.rows = 1;
      this.input.placeholder = "Type your message\u2026";
      this.input.setAttribute("aria-label", "Your message");
      this.input.disabled = true;
      this.send = make("button", "nw-send", "Send");
      this.send.type = "button";
      this.send.disabled = true;
      composer.appendChild(this.input);
      composer.appendChild(this.send);
      this.panel.appendChild(this.messages);
      this.panel.appendChild(this.typing);
      this.panel.appendChild(composer);

      this.send.addEventListener("click", function () { self.submit(); });
      this.input.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          self.submit();
        }
      });

      var session = "s" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
      this.setAttribute("data-session", session);
      this.setState("connecting", "Connecting\u2026");
      var url = this.getAttribute("ws") + "/chat?mode=" + encodeURIComponent(this.getAttribute("mode")) +
        "&session=" + encodeURIComponent(session);
      var opened = false;
      try {
        this.socket = new WebSocket(url);
      } catch (error) {
        this.setState("closed", "Chat is unavailable right now");
        return;
      }
      this.socket.addEventListener("open", function () {
        opened = true;
        self.setState("open", "Online \u00b7 we typically reply in minutes");
        self.input.disabled = false;
        self.send.disabled = false;
        self.input.focus();
      });
      this.socket.addEventListener("message", function (event) { self.receive(event.data); });
      this.socket.addEventListener("close", function () {
        self.input.disabled = true;
        self.send.disabled = true;
        self.showTyping(null);
        self.setState("closed", opened ? "Chat ended" : "Chat is unavailable right now");
      });
    }

    receive(data) {
      var frame;
      try { frame = JSON.parse(data); } catch (error) { return; }
      if (frame.type === "typing") {
        this.showTyping(frame.author);
      } else if (frame.type === "message") {
        this.showTyping(null);
        this.add(frame.author === "agent" ? "agent" : "bot", frame.name, frame.text);
      }
    }

    showTyping(author) {
      var self = this;
      clearTimeout(this.typingTimer);
      if (author === null) {
        this.typing.hidden = true;
        return;
      }
      this.typingText.textContent = (NAMES[author] || NAMES.bot) + " is typing\u2026";
      this.typing.hidden = false;
      this.typingTimer = setTimeout(function () { self.typing.hidden = true; }, 30000);
    }

    add(author, name, text) {
      var message = make("div", "nw-msg nw-msg--" + author);
      message.setAttribute("data-author", author);
      message.appendChild(make("span", "nw-author", author === "customer" ? NAMES.customer : (name || NAMES[author])));
      message.appendChild(make("p", "nw-text", String(text)));
      this.messages.appendChild(message);
      this.messages.scrollTop = this.messages.scrollHeight;
    }

    submit() {
      var text = this.input.value.trim();
      if (!text || this.input.disabled || this.socket.readyState !== WebSocket.OPEN) { return; }
      this.socket.send(JSON.stringify({type: "message", text: text}));
      this.add("customer", "", text);
      this.input.value = "";
      this.input.focus();
    }
  }

  customElements.define("nw-chat", NwChat);
})();
</script>"""


def _chat_frame_page(mode: str, ws_url: str) -> str:
    """The page inside the widget's iframe: <nw-chat> and the script that defines it."""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Northwind chat</title>
<style>{_CHAT_FRAME_CSS}</style>
<template id="nw-chat-template"><style>{_CHAT_SHADOW_CSS}</style></template>
</head>
<body>
<nw-chat mode="{_e(mode)}" ws="{_e(ws_url)}"></nw-chat>
{_CHAT_FRAME_SCRIPT}
</body>
</html>
"""


_CHAT_FRAME_SENT = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>Northwind chat</title>
<style>{_CHAT_FRAME_CSS}</style>
</head>
<body>
<div class="nw-sent" role="status">
<span class="nw-tick" aria-hidden="true">&#10003;</span>
<h1>Thank you, we've got your message.</h1>
<p>We'll reply by email on the next working day.</p>
</div>
</body>
</html>
"""


# --------------------------------------------------------------------------
# HTTP server


class _Server(QuietServer):
    company: "DemoCompany"


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "NorthwindWeb/1.0"
    sys_version = ""
    # Idle connections (e.g. Chromium's speculative pre-connects) must not pin a thread forever.
    timeout = 120

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Stay quiet; the demo prints its own summary instead of an access log."""

    # -- dispatch ----------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        """Serve pages."""
        self._dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        """Serve page headers only."""
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        """Receive form submissions."""
        self._dispatch()

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/"
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        company = self.server.company

        def chat_page(chat_path: str) -> Callable[[], None]:
            return lambda: self._html(200, _chat_page(_CHAT_PAGES[chat_path], chat_path, _chat_ws_url(company.chat)))

        get_routes: dict[str, Callable[[], None]] = {
            "/": lambda: self._html(200, _home_page()),
            "/contact": lambda: self._html(200, _render_form(_CONTACT_FORM)),
            "/contact/thanks": lambda: self._thanks(query, "/contact"),
            "/returns": lambda: self._html(200, _render_form(_RETURNS_FORM)),
            "/feedback": lambda: self._html(200, _render_form(_FEEDBACK_FORM, script=_FEEDBACK_SCRIPT)),
            "/callback": lambda: self._html(200, _render_form(_CALLBACK_FORM)),
            "/callback/thanks": lambda: self._callback_thanks(query),
            "/complaints": lambda: self._html(200, _render_form(_COMPLAINTS_FORM)),
            "/complaints/thanks": lambda: self._thanks(query, "/complaints"),
            "/quote": lambda: self._html(200, _render_form(_QUOTE_FORM, captcha=True)),
            "/quote/thanks": lambda: self._thanks(query, "/quote"),
            "/order-help": lambda: self._html(200, _render_form(
                _ORDER_HELP_FORM, current="/order-help",
                after_button=_ORDER_HELP_STATUS, script=_ORDER_HELP_SCRIPT)),
            "/old-contact": lambda: self._html(404, _not_found_page()),
            "/_sim/inbox": lambda: self._json(200, company.inbox_snapshot()),
            # --- live chat
            **{chat_path: chat_page(chat_path) for chat_path in _CHAT_PAGES},
            "/chat/frame": lambda: self._chat_frame(query),
            _CHAT_WIDGET_PATH: lambda: self._send(200, _CHAT_WIDGET_JS.encode("utf-8"),
                                                  "application/javascript; charset=utf-8"),
        }
        post_routes = {
            "/contact": self._post_contact,
            "/returns": self._post_returns,
            "/feedback": self._post_feedback,
            "/callback": self._post_callback,
            "/complaints": self._post_complaints,
            "/quote": self._post_quote,
            "/order-help/send": self._post_order_help,
            "/chat/frame": self._post_chat_offline,  # --- live chat
        }

        if self.command == "POST":
            # Read the body first even for errors: closing with unread data
            # makes the kernel reset the connection and the client never sees
            # our status line.
            fields = self._read_form()
            if fields is None:
                return
            handler = post_routes.get(path)
            if handler is not None:
                handler(fields)
            elif path in get_routes:
                self._method_not_allowed("GET, HEAD")
            else:
                self._html(404, _not_found_page())
            return

        route = get_routes.get(path)
        if route is not None:
            route()
        elif path in post_routes:
            self._method_not_allowed("POST")
        else:
            self._html(404, _not_found_page())

    # -- helpers -----------------------------------------------------------

    def _send(self, status: int, data: bytes, content_type: str,
              headers: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _html(self, status: int, page: str, headers: tuple[tuple[str, str], ...] = ()) -> None:
        if self.server.company.company_name != COMPANY_NAME:
            name = self.server.company.company_name
            page = page.replace(COMPANY_NAME, name).replace('aria-hidden="true">N</span>',
                                                            f'aria-hidden="true">{name[:1]}</span>')
        self._send(status, page.encode("utf-8"), "text/html; charset=utf-8", headers)

    def _json(self, status: int, payload: object) -> None:
        data = json.dumps(payload, indent=2, ensure_ascii=False).encode("utf-8")
        self._send(status, data, "application/json; charset=utf-8")

    def _redirect(self, location: str) -> None:
        page = f'<!doctype html><html lang="en"><title>See other</title><a href="{_e(location)}">Continue</a></html>'
        self._html(303, page, (("Location", location),))

    def _method_not_allowed(self, allow: str) -> None:
        page = _message_page("Method not allowed", ["<p>This address does not accept that kind of request.</p>"])
        self._html(405, page, (("Allow", allow),))

    def _read_form(self) -> dict[str, str] | None:
        """Parse an urlencoded body; answer the error and return None if unusable."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._html(400, _message_page("Bad request", ["<p>Invalid Content-Length.</p>"]))
            return None
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            self._html(413, _message_page("Too large", ["<p>That message is too large.</p>"]))
            return None
        raw = self.rfile.read(length) if length else b""
        content_type = self.headers.get_content_type() if "Content-Type" in self.headers else ""
        if content_type not in ("", "application/x-www-form-urlencoded", "text/plain"):
            self._html(415, _message_page("Unsupported form", ["<p>Please submit the form from our website.</p>"]))
            return None
        fields: dict[str, str] = {}
        for name, value in parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True):
            fields.setdefault(name, value)  # first value wins, like most form backends
        return fields

    @staticmethod
    def _missing(form: _Form, fields: dict[str, str]) -> list[_Field]:
        return [f for f in form.fields if f.required and not fields.get(f.name, "").strip()]

    def _accept(self, form: _Form, fields: dict[str, str]) -> str | None:
        """Validate required fields and store the message; return its reference.

        On missing fields the form is re-rendered with an alert and None is returned.
        """
        missing = self._missing(form, fields)
        if missing:
            self._html(400, _render_form(form, fields, alert=_missing_alert(missing)))
            return None
        return self.server.company._store(form.path, fields)

    def _thanks(self, query: dict[str, str], current: str) -> None:
        name = query.get("name", "").strip()
        ref = query.get("ref", "").strip()
        paragraphs = [
            f"<p>Thank you, {_e(name)}. We have received your message.</p>" if name
            else "<p>Thank you. We have received your message.</p>"
        ]
        if ref:
            paragraphs.append(f'<p class="ref">Your reference is {_e(ref)}.</p>')
        paragraphs.append("<p>We aim to reply within 1 business day.</p>")
        self._html(200, _message_page("Message received", paragraphs, current=current))

    def _callback_thanks(self, query: dict[str, str]) -> None:
        ref = query.get("ref", "").strip()
        # The fault: a template whose placeholders were never filled in.
        paragraphs = ["<p>Dear [name], thank you for your request. One of our advisors will call "
                      "you on %PHONE% within 2 hours.</p>"]
        if ref:
            paragraphs.append(f'<p class="ref">Your reference is {_e(ref)}.</p>')
        self._html(200, _message_page("Call back requested", paragraphs, current="/callback"))

    # -- form handlers -----------------------------------------------------

    def _post_contact(self, fields: dict[str, str]) -> None:
        ref = self._accept(_CONTACT_FORM, fields)
        if ref:
            self._redirect(f"/contact/thanks?ref={quote(ref)}&name={quote(fields['name'].strip())}")

    def _post_returns(self, fields: dict[str, str]) -> None:
        self._html(500, _SERVER_ERROR_PAGE)

    def _post_feedback(self, fields: dict[str, str]) -> None:
        # The fault: a friendly confirmation, but the message goes nowhere.
        self._html(200, _message_page("Thanks!", ["<p>Thanks! We'll be in touch.</p>"], current="/feedback"))

    def _post_callback(self, fields: dict[str, str]) -> None:
        ref = self._accept(_CALLBACK_FORM, fields)
        if ref:
            self._redirect(f"/callback/thanks?ref={quote(ref)}")

    def _post_complaints(self, fields: dict[str, str]) -> None:
        ref = self._accept(_COMPLAINTS_FORM, fields)
        if ref:
            self._redirect(f"/complaints/thanks?ref={quote(ref)}&name={quote(fields['name'].strip())}")

    def _post_quote(self, fields: dict[str, str]) -> None:
        if not fields.get("g-recaptcha-response", "").strip():
            alert = '<div role="alert" class="error">Please confirm you are not a robot.</div>\n'
            self._html(200, _render_form(_QUOTE_FORM, fields, alert=alert, captcha=True))
            return
        ref = self._accept(_QUOTE_FORM, fields)
        if ref:
            self._redirect(f"/quote/thanks?ref={quote(ref)}&name={quote(fields['name'].strip())}")

    # -- live chat -----------------------------------------------------------

    def _chat_frame(self, query: dict[str, str]) -> None:
        mode = query.get("mode", "healthy")
        mode = mode if mode in _CHAT_MODES else "healthy"
        ws_url = query.get("ws", "")
        if not ws_url.startswith(("ws://", "wss://")):
            ws_url = _CHAT_DEAD_WS
        self._html(200, _chat_frame_page(mode, ws_url))

    def _post_chat_offline(self, fields: dict[str, str]) -> None:
        # The offline chat's leave-a-message form: thanks the customer, keeps nothing.
        self._html(200, _CHAT_FRAME_SENT)

    def _post_order_help(self, fields: dict[str, str]) -> None:
        company = self.server.company
        # Waiting on the stop event (not time.sleep) lets stop() release us at once.
        if company._stopping.wait(company.order_help_delay):
            self.close_connection = True
            return
        # Even when it finally answers, nothing reaches the inbox.
        self._json(200, {"status": "queued"})


class DemoCompany:
    """The Northwind Appliances demo website, served on loopback.

    Use ``start()``/``stop()`` or a ``with`` block. Messages the company really
    received are appended to ``inbox`` (and served as JSON at ``/_sim/inbox``).
    """

    #: Seconds ``/order-help/send`` stalls before answering.
    order_help_delay: float = ORDER_HELP_DELAY_S

    def __init__(self, host: str = "127.0.0.1", port: int = 0,
                 on_message: Callable[[dict], None] | None = None,
                 chat: ChatServer | None = None, company_name: str = COMPANY_NAME) -> None:
        """Prepare the site; nothing listens until ``start()``. Port 0 picks a free port.

        ``company_name``: the name its pages show (the demo's other companies, probes.sim.peers, are this
        site under another name).

        ``on_message(message)`` is called with every message the company keeps (the demo
        hands contact-form messages to its mail desk this way, so they get answered by email).

        ``chat`` is the live chat the ``/chat`` pages' widget connects to; the caller starts
        and stops it. Without one (or before it is started) the widget points at a closed
        port and never becomes ready.
        """
        self.host = host
        self.port = port
        self.on_message = on_message
        self.chat = chat  # --- live chat
        self.company_name = company_name
        self.inbox: list[dict] = []
        self._lock = threading.Lock()
        self._next_reference = 1001
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._base_url: str | None = None
        self._state_lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------

    def start(self) -> str:
        """Start serving in a daemon thread and return the base URL (no trailing slash)."""
        with self._state_lock:
            if self._server is not None or self._stopping.is_set():
                raise RuntimeError("DemoCompany can only be started once")
            server_class = _Server6 if ":" in self.host else _Server
            server = server_class((self.host, self.port), _Handler)
            server.company = self
            host, port = server.server_address[:2]
            assert isinstance(host, str)  # an AF_INET/AF_INET6 server's address is (str, int, ...)
            shown_host = f"[{host}]" if ":" in host else host
            self._base_url = f"http://{shown_host}:{port}"
            self._server = server
            self._thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.1},
                name=f"demo-company-{port}", daemon=True)
            self._thread.start()
            return self._base_url

    def stop(self) -> None:
        """Stop serving and close the socket. Safe to call more than once."""
        with self._state_lock:
            self._stopping.set()  # releases any request parked in /order-help/send
            server, self._server = self._server, None
            thread, self._thread = self._thread, None
            if server is None:
                return
            server.shutdown()
            server.server_close()
            if thread is not None:
                thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        """The root URL, e.g. ``http://127.0.0.1:54321``; valid after ``start()``."""
        if self._base_url is None:
            raise RuntimeError("DemoCompany has not been started")
        return self._base_url

    def __enter__(self) -> "DemoCompany":
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- inbox -------------------------------------------------------------

    def inbox_snapshot(self) -> list[dict]:
        """A copy of the inbox taken under the lock."""
        with self._lock:
            return [dict(message, fields=dict(message["fields"])) for message in self.inbox]

    def _store(self, form: str, fields: dict[str, str]) -> str:
        """Append a received message and return its new sequential reference."""
        with self._lock:
            reference = f"NW-{self._next_reference}"
            self._next_reference += 1
            message = {
                "form": form,
                "fields": dict(fields),
                "received_at": datetime.now(timezone.utc).isoformat(),
                "reference": reference,
            }
            self.inbox.append(message)
        if self.on_message is not None:
            self.on_message(dict(message, fields=dict(fields)))
        return reference


def main(argv: list[str] | None = None) -> int:
    """Serve the demo site and the live chat its /chat pages use until Ctrl-C, after listing both."""
    parser = argparse.ArgumentParser(
        prog="probes sim web",
        description=f"Serve the {COMPANY_NAME} demo website, whose contact forms fail on purpose, "
                    "and the live chat its widget talks to.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help="port to listen on, 0 for any free port (default: %(default)s)")
    parser.add_argument("--chat-port", type=int, default=DEFAULT_CHAT_PORT,
                        help="port of the live chat's WebSocket server, 0 for any free port (default: %(default)s)")
    args = parser.parse_args(argv)

    from probes.sim.chat import ChatServer  # needs websockets, like the demo

    # The same chat as `probes demo`: without it every /chat page's widget points at a closed port.
    chat = ChatServer(args.host, args.chat_port, bot_delay_s=1.0, agent_delay_s=4.0)
    try:
        chat.start()
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.chat_port} (the live chat): {exc.strerror or exc}",
              file=sys.stderr)
        return 1
    company = DemoCompany(args.host, args.port, chat=chat)
    try:
        base_url = company.start()
    except OSError as exc:
        chat.stop()
        print(f"error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    import signal

    # Stopped by a service manager (SIGTERM) as by Ctrl-C: the chat server is stopped with us.
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        print(f"{COMPANY_NAME} demo site running at {base_url}")
        width = max(len(base_url + page.path) for page in PAGES)
        for page in PAGES:
            print(f"  {base_url + page.path:<{width}}  {page.title} - {page.fault}")
        print(f"Its live chat (the /chat pages' widget) is at {chat.ws_url}/chat; a target's allowlist "
              f"needs {'http://' + urlsplit(chat.ws_url).netloc + '/'} for it.")
        print("Press Ctrl-C to stop.", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("\nStopping.", flush=True)
    finally:
        company.stop()
        chat.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
