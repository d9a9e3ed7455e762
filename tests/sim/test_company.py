"""Tests for the Northwind Appliances demo site, over plain HTTP (no browser)."""

from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import pytest

from probes.sim import DemoCompany
from probes.sim.company import ORDER_HELP_DELAY_S

CONTACT_PAGES = ["/contact", "/returns", "/feedback", "/callback", "/complaints", "/quote", "/order-help"]


# --------------------------------------------------------------------------
# helpers


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # surface the 303 itself as an HTTPError


_no_redirect = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, data: dict | None = None, *, follow: bool = True, timeout: float = 5):
    """GET (or POST a form) and return (status, final_url, headers, body) even for HTTP errors."""
    body = urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body)
    opener = urllib.request.build_opener() if follow else _no_redirect
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.url, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.url, error.headers, error.read().decode("utf-8")


class Page(HTMLParser):
    """Collects the parts of a page the tests look at: labels, controls, alerts, text."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.labels: dict[str, str] = {}  # for= -> label text
        self.controls: dict[str, tuple[str, dict]] = {}  # id -> (tag, attrs)
        self.forms: list[dict] = []
        self.alerts: list[str] = []
        self.buttons: list[str] = []
        self.links: list[str] = []
        self.scripts: list[str] = []
        self.title = ""
        self.text_parts: list[str] = []
        self._stack: list[tuple[str, dict, list[str]]] = []
        self.feed(markup)
        self.close()

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "select", "textarea") and "id" in attrs:
            self.controls[attrs["id"]] = (tag, attrs)
        if tag == "form":
            self.forms.append(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in ("label", "button", "div", "title", "script", "p"):
            self._stack.append((tag, attrs, []))

    def handle_endtag(self, tag):
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                _, attrs, parts = self._stack.pop(index)
                text = " ".join("".join(parts).split())
                if tag == "label":
                    self.labels[attrs.get("for", "")] = text
                elif tag == "button":
                    self.buttons.append(text)
                elif tag == "div" and attrs.get("role") == "alert":
                    self.alerts.append(text)
                elif tag == "title":
                    self.title = text
                elif tag == "script":
                    self.scripts.append("".join(parts))
                # Nested elements' text also belongs to their ancestors.
                if self._stack:
                    self._stack[-1][2].append(" " + "".join(parts) + " ")
                break

    def handle_data(self, data):
        if self._stack:
            self._stack[-1][2].append(data)
        if not (self._stack and self._stack[-1][0] in ("script", "title")):
            self.text_parts.append(data)


@pytest.fixture(scope="module")
def site():
    company = DemoCompany()
    company.start()
    yield company
    company.stop()


def inbox_len(site: DemoCompany) -> int:
    return len(site.inbox)


# --------------------------------------------------------------------------
# every page


@pytest.mark.parametrize(
    "path, status",
    [("/", 200)] + [(p, 200) for p in CONTACT_PAGES] + [
        ("/contact/thanks?ref=NW-1&name=A", 200),
        ("/old-contact", 404),
        ("/no-such-page", 404),
        ("/contact/nope", 404),
    ],
)
def test_pages_answer_with_expected_status_and_honest_html(site, path, status):
    code, _, headers, body = fetch(site.base_url + path)
    assert code == status
    assert headers.get_content_type() == "text/html"
    assert headers.get_content_charset() == "utf-8"
    assert body.startswith("<!doctype html>")
    assert '<html lang="en">' in body
    assert Page(body).title
    # Without an inline icon the browser's /favicon.ico 404 is a console error everywhere.
    assert '<link rel="icon" href="data:,">' in body
    # Pages are screenshotted offline: nothing may load from elsewhere.
    assert "http://" not in body and "https://" not in body and "//" not in body.replace("://", "")


def test_old_contact_is_a_not_found_page(site):
    code, _, _, body = fetch(site.base_url + "/old-contact")
    assert code == 404
    assert "Page not found" in Page(body).text


def test_home_page_links_every_contact_page_with_a_description(site):
    _, _, _, body = fetch(site.base_url + "/")
    page = Page(body)
    assert "Northwind Appliances" in page.title
    for path in CONTACT_PAGES:
        assert path in page.links
    for purpose in ["General enquiries", "Returns", "Feedback", "Request a call back",
                    "Complaints", "Get a quote", "Order help"]:
        assert purpose in page.text


@pytest.mark.parametrize("path", CONTACT_PAGES)
def test_every_form_label_points_at_a_named_control(site, path):
    page = Page(fetch(site.base_url + path)[3])
    assert page.labels, "form has no labels"
    for target, text in page.labels.items():
        assert target in page.controls, f"label {text!r} points at missing id {target!r}"
        tag, attrs = page.controls[target]
        if attrs.get("type") != "checkbox":  # the CAPTCHA box is not a form field
            assert attrs.get("name"), f"control for {text!r} has no name"
    assert "* required" in page.text
    # Nav and company name are shared by every page.
    assert "Northwind Appliances" in page.text
    assert set(CONTACT_PAGES) <= set(page.links)


def test_unknown_method_combinations(site):
    assert fetch(site.base_url + "/", {"a": "b"})[0] == 405
    assert fetch(site.base_url + "/order-help/send")[0] == 405
    assert fetch(site.base_url + "/nowhere", {"a": "b"})[0] == 404


# --------------------------------------------------------------------------
# /contact: healthy


def test_contact_form_fields_match_the_spec(site):
    page = Page(fetch(site.base_url + "/contact")[3])
    assert page.labels == {
        "name": "Your name *",
        "email": "Email address *",
        "order": "Order number (optional)",
        "topic": "Topic",
        "message": "Your message *",
    }
    assert page.controls["email"][1]["type"] == "email"
    assert page.controls["email"][1]["placeholder"] == "you@example.com"
    assert page.controls["topic"][0] == "select"
    assert page.controls["message"][0] == "textarea"
    required = {cid for cid, (_, attrs) in page.controls.items() if "required" in attrs}
    assert required == {"name", "email", "message"}
    assert page.forms == [{"method": "post", "action": "/contact"}]
    assert page.buttons == ["Send message"]
    assert "General question" in fetch(site.base_url + "/contact")[3]


def test_contact_post_stores_message_and_redirects_to_thanks(site):
    before = inbox_len(site)
    fields = {"name": "Ada <b>&</b> \"Lovelace\"", "email": "ada@example.com", "order": "",
              "topic": "Billing", "message": "Where is my invoice?"}
    start = datetime.now(timezone.utc)
    code, _, headers, _ = fetch(site.base_url + "/contact", fields, follow=False)
    assert code == 303
    location = headers["Location"]
    assert urlsplit(location).path == "/contact/thanks"
    query = parse_qs(urlsplit(location).query)
    assert query["name"] == [fields["name"]]

    assert inbox_len(site) == before + 1
    message = site.inbox[-1]
    assert message["form"] == "/contact"
    assert message["fields"] == fields
    assert query["ref"] == [message["reference"]]
    assert message["reference"].startswith("NW-")
    received = datetime.fromisoformat(message["received_at"])
    assert received.utcoffset() == timedelta(0)
    assert start - timedelta(seconds=1) <= received <= datetime.now(timezone.utc)

    code, _, _, body = fetch(urljoin(site.base_url, location))
    assert code == 200
    assert "Ada &lt;b&gt;&amp;&lt;/b&gt; &quot;Lovelace&quot;" in body
    assert "<b>" not in body
    text = Page(body).text
    assert f'Thank you, {fields["name"]}. We have received your message.' in text
    assert f"Your reference is {message['reference']}." in text
    assert "We aim to reply within 1 business day." in text


def test_contact_references_are_sequential(site):
    fields = {"name": "Bo", "email": "bo@example.com", "topic": "Delivery", "message": "Hi"}
    first = fetch(site.base_url + "/contact", fields)
    second = fetch(site.base_url + "/contact", fields)
    refs = [parse_qs(urlsplit(result[1]).query)["ref"][0] for result in (first, second)]
    numbers = [int(ref.removeprefix("NW-")) for ref in refs]
    assert numbers[1] == numbers[0] + 1
    assert [m["reference"] for m in site.inbox[-2:]] == refs


def test_first_reference_is_nw_1001():
    with DemoCompany() as fresh:
        _, url, _, _ = fetch(fresh.base_url + "/contact",
                             {"name": "A", "email": "a@example.com", "message": "x"})
        assert parse_qs(urlsplit(url).query)["ref"] == ["NW-1001"]
        assert [m["reference"] for m in fresh.inbox] == ["NW-1001"]


def test_contact_missing_required_fields_rerenders_with_alert(site):
    before = inbox_len(site)
    code, _, _, body = fetch(site.base_url + "/contact",
                             {"name": "Cy <i>", "email": " ", "message": ""}, follow=False)
    assert code == 400
    page = Page(body)
    assert len(page.alerts) == 1
    assert "Email address" in page.alerts[0] and "Your message" in page.alerts[0]
    assert "Your name" not in page.alerts[0]
    assert page.controls["name"][1]["value"] == "Cy <i>"  # refilled, and escaped in markup
    assert "Cy <i>" not in body
    assert inbox_len(site) == before


# --------------------------------------------------------------------------
# faulty forms


def test_returns_post_is_a_server_error_and_stores_nothing(site):
    page = Page(fetch(site.base_url + "/returns")[3])
    assert page.labels == {"name": "Your name *", "email": "Email address *",
                           "order": "Order number *", "reason": "Reason *"}
    assert page.buttons == ["Request return"]
    before = inbox_len(site)
    code, _, _, body = fetch(site.base_url + "/returns",
                             {"name": "Di", "email": "di@example.com", "order": "1", "reason": "Broken"})
    assert code == 500
    assert "500 Internal Server Error" in body
    assert inbox_len(site) == before


def test_feedback_says_thanks_but_stores_nothing(site):
    before = inbox_len(site)
    code, _, _, body = fetch(site.base_url + "/feedback",
                             {"name": "Ed", "email": "ed@example.com", "feedback": "Great"})
    assert code == 200
    text = Page(body).text
    assert "Thanks! We'll be in touch." in text
    assert "NW-" not in text
    assert inbox_len(site) == before


def test_feedback_page_has_a_script_that_fails_on_load(site):
    page = Page(fetch(site.base_url + "/feedback")[3])
    assert page.buttons == ["Send feedback"]
    assert page.labels["feedback"] == "Your feedback *"
    broken = [s for s in page.scripts if "nwAnalytics.track(" in s]
    assert broken, "expected the broken analytics snippet"
    # The called object must not be defined anywhere on the page, or nothing throws.
    assert not any("nwAnalytics =" in s or "var nwAnalytics" in s for s in page.scripts)


def test_callback_thanks_page_shows_unreplaced_placeholders(site):
    page = Page(fetch(site.base_url + "/callback")[3])
    assert page.controls["phone"][1]["type"] == "tel"
    assert page.labels["phone"] == "Phone number *"
    assert page.labels["time"] == "Best time to call"
    assert page.buttons == ["Request call back"]

    before = inbox_len(site)
    fields = {"name": "Flo", "phone": "0123 456789", "time": "Evening"}
    code, url, _, body = fetch(site.base_url + "/callback", fields)
    assert code == 200
    assert urlsplit(url).path == "/callback/thanks"
    assert inbox_len(site) == before + 1
    assert site.inbox[-1]["fields"] == fields
    assert site.inbox[-1]["reference"] == parse_qs(urlsplit(url).query)["ref"][0]
    text = Page(body).text
    assert "Dear [name], thank you for your request." in text
    assert "call you on %PHONE% within 2 hours" in text
    assert "Flo" not in text and "0123 456789" not in text


def test_complaints_phone_is_required_but_not_marked(site):
    page = Page(fetch(site.base_url + "/complaints")[3])
    tag, phone = page.controls["phone"]
    assert tag == "input" and phone["type"] == "tel" and phone["name"] == "phone"
    assert "required" in phone
    assert page.labels["phone"] == "Phone"
    assert "*" not in page.labels["phone"]
    assert page.labels["name"] == "Your name *"
    assert page.labels["complaint"] == "Describe your complaint *"
    assert page.buttons == ["Submit complaint"]


def test_complaints_post_with_phone_is_stored(site):
    before = inbox_len(site)
    fields = {"name": "Gil", "email": "gil@example.com", "phone": "01", "complaint": "Late"}
    code, url, _, body = fetch(site.base_url + "/complaints", fields)
    assert code == 200 and urlsplit(url).path == "/complaints/thanks"
    assert inbox_len(site) == before + 1
    assert f"Your reference is {site.inbox[-1]['reference']}." in Page(body).text


def test_quote_without_captcha_is_refused_and_stores_nothing(site):
    page = Page(fetch(site.base_url + "/quote")[3])
    assert 'class="g-recaptcha" data-sitekey="demo-site-key"' in fetch(site.base_url + "/quote")[3]
    assert "I'm not a robot" in page.text
    assert page.buttons == ["Get my quote"]

    before = inbox_len(site)
    fields = {"name": "Hal", "email": "hal@example.com", "product": "Fridge", "g-recaptcha-response": ""}
    code, _, _, body = fetch(site.base_url + "/quote", fields, follow=False)
    assert code == 200
    assert Page(body).alerts == ["Please confirm you are not a robot."]
    assert '<div role="alert" class="error">Please confirm you are not a robot.</div>' in body
    assert inbox_len(site) == before
    # Leaving the field out altogether is refused the same way.
    del fields["g-recaptcha-response"]
    assert Page(fetch(site.base_url + "/quote", fields)[3]).alerts == ["Please confirm you are not a robot."]
    assert inbox_len(site) == before


def test_quote_form_has_an_empty_hidden_captcha_response(site):
    body = fetch(site.base_url + "/quote")[3]
    assert '<input type="hidden" name="g-recaptcha-response" value="">' in body


def test_order_help_page_submits_by_script(site):
    page = Page(fetch(site.base_url + "/order-help")[3])
    assert page.buttons == ["Send"]
    assert page.labels["question"] == "Question *"
    script = "".join(page.scripts)
    assert 'fetch("/order-help/send"' in script
    assert "preventDefault" in script
    assert "Sending\\u2026" in script


def test_order_help_send_hangs_and_stop_does_not_wait_for_it():
    company = DemoCompany()
    company.start()
    host, port = urlsplit(company.base_url).hostname, urlsplit(company.base_url).port
    body = b"name=Ivy&email=ivy%40example.com&order=1&question=Where"
    request = (b"POST /order-help/send HTTP/1.1\r\nHost: x\r\n"
               b"Content-Type: application/x-www-form-urlencoded\r\n"
               b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.sendall(request)
        sock.settimeout(1)
        with pytest.raises(TimeoutError):
            sock.recv(1)
        started = time.monotonic()
        company.stop()
        # It did not wait for the hanging answer (due after ORDER_HELP_DELAY_S, 60 s).
        assert time.monotonic() - started < ORDER_HELP_DELAY_S / 2
        # The pending request is dropped without an answer, not left hanging.
        sock.settimeout(30)
        assert sock.recv(1024) == b""
    assert company.inbox == []
    company.stop()  # idempotent
    with pytest.raises(OSError):
        socket.create_connection((host, port), timeout=1).close()


def test_stop_does_not_wait_for_idle_connections():
    # Browsers open speculative connections that never send a request.
    company = DemoCompany()
    company.start()
    address = (urlsplit(company.base_url).hostname, urlsplit(company.base_url).port)
    with socket.create_connection(address, timeout=5):
        time.sleep(0.2)  # let the server accept it and park a handler thread on it
        started = time.monotonic()
        company.stop()
        # It did not wait for the idle connection to time out (120 s).
        assert time.monotonic() - started < 60


def test_order_help_send_eventually_answers_but_stores_nothing():
    company = DemoCompany()
    company.order_help_delay = 0.3
    with company:
        started = time.monotonic()
        code, _, _, body = fetch(company.base_url + "/order-help/send",
                                 {"name": "Jo", "email": "jo@example.com", "order": "1", "question": "?"})
        assert code == 200 and time.monotonic() - started >= 0.3
        assert json.loads(body) == {"status": "queued"}
        assert company.inbox == []


# --------------------------------------------------------------------------
# infrastructure


def test_inbox_endpoint_returns_the_inbox_as_json(site):
    fetch(site.base_url + "/contact", {"name": "Kim", "email": "k@example.com", "message": "Hello"})
    code, _, headers, body = fetch(site.base_url + "/_sim/inbox")
    assert code == 200 and headers.get_content_type() == "application/json"
    assert json.loads(body) == site.inbox


def test_two_companies_run_side_by_side():
    with DemoCompany() as one, DemoCompany() as two:
        assert one.base_url != two.base_url
        fetch(one.base_url + "/contact", {"name": "L", "email": "l@example.com", "message": "m"})
        assert fetch(two.base_url + "/")[0] == 200
        assert len(one.inbox) == 1 and two.inbox == []
        assert json.loads(fetch(two.base_url + "/_sim/inbox")[3]) == []


def test_base_url_shape_and_lifecycle():
    company = DemoCompany()
    with pytest.raises(RuntimeError):
        _ = company.base_url
    url = company.start()
    try:
        assert url == company.base_url
        assert url.startswith("http://127.0.0.1:") and not url.endswith("/")
        assert urlsplit(url).port > 0
    finally:
        company.stop()
    company.stop()
