"""web_form as real sites build forms: wizards, consent boxes, cookie banners, "Show more", uploads, forms in
same-origin and cross-origin iframes, and labels that could mean two fields.

Real Chromium against pages served on loopback. To keep the suite quick, every journey of this module runs in
ONE run (one browser), started once; each test then reads its own journey's results.
"""
from __future__ import annotations

import asyncio
import email.parser
import email.policy
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

THANKS = b"<!doctype html><html><body><main><h1>Thank you, message received</h1></main></body></html>"


def page(body: str, script: str = "") -> str:
    return f"<!doctype html><html><body>{body}<script>{script}</script></body></html>"


def embedded_form(team: str) -> str:
    return page(f"""<form method=post action=/send><input type=hidden name=team value={team}>
        <label for=n>Your name</label><input id=n name=name>
        <label for=m>Your message</label><textarea id=m name=message></textarea>
        <button>Send message</button></form>""")


PAGES = {
    # A wizard: "Continue" checks the first group of fields and shows the second.
    "/wizard": page("""<form method=post action=/send>
        <fieldset id=one><p>Step 1 of 2</p><label for=n>Your name</label><input id=n name=name required>
          <label for=e>Email address</label><input id=e name=email type=email required>
          <button type=button id=next>Continue</button></fieldset>
        <div hidden><label for=n2>Your name</label><input id=n2 name=name_copy></div>
        <fieldset id=two hidden><p>Step 2 of 2</p><label for=m>Your message</label><textarea id=m name=message></textarea>
          <button>Send message</button></fieldset></form>""", """
        document.getElementById('next').onclick = () => {
          if (!document.getElementById('n').value || !document.getElementById('e').value) return;
          setTimeout(() => { document.getElementById('one').hidden = true;
                             document.getElementById('two').hidden = false; }, 300); };"""),
    # The send button stays disabled until the consent box is ticked.
    "/consent": page("""<form method=post action=/send>
        <label for=n>Your name</label><input id=n name=name>
        <label for=t>Topic</label><select id=t name=topic><option>Delivery</option><option>Billing</option></select>
        <label><input type=checkbox name=offers value=yes checked> Send me offers</label>
        <label><input type=checkbox id=c name=consent value=yes> I agree to the privacy policy</label>
        <button id=b disabled>Send</button></form>""", """
        document.getElementById('c').onchange = e => { document.getElementById('b').disabled = !e.target.checked; };"""),
    # A cookie banner over the whole page: nothing under it can be clicked until it is accepted.
    "/cookies": page("""<form method=post action=/send>
        <h2>Send us a message</h2>
        <label for=n>Your name</label><input id=n name=name><input type=submit value=Send></form>
        <div id=banner style="position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:9">
          <div style="background:#fff;margin:30vh auto;width:300px;padding:20px">We use cookies.
          <button onclick="document.getElementById('banner').remove()">Accept all cookies</button></div></div>"""),
    # "Show more" adds the order number field; a pop-up that Escape closes covers the send button.
    "/more": page("""<form method=post action=/send>
        <label for=n>Your name</label><input id=n name=name><div id=extra></div>
        <button type=button id=more>Show more</button><div style="height:1500px"></div><button>Send</button></form>
        <div id=pop style="position:fixed;inset:0;background:#fff;z-index:9">Chat with us?</div>""", """
        document.getElementById('more').onclick = () => { document.getElementById('extra').innerHTML =
            '<label for=o>Order number</label><input id=o name=order>'; };
        document.addEventListener('keydown', e => { if (e.key === 'Escape') document.getElementById('pop').remove(); });"""),
    "/upload": page("""<form method=post action=/send enctype=multipart/form-data>
        <label for=n>Your name</label><input id=n name=name>
        <label for=f>Attach a photo</label><input id=f type=file name=photo>
        <button>Send</button></form>"""),
    "/same-frame": page("<h1>Contact us</h1><iframe src=/embed-support width=600 height=400></iframe>"),
    "/two-frames": page("""<h1>Sales or support?</h1><iframe id=sales src=/embed-sales></iframe>
        <iframe id=support src=/embed-support></iframe>"""),
    # An embedded form that says nothing itself: the page around it shows the toast.
    "/embed-toast": page("""<form id=f><label for=m>Your message</label><textarea id=m name=message></textarea>
        <button>Send message</button></form>""", """
        document.getElementById('f').onsubmit = async e => { e.preventDefault();
          await fetch('/send', {method: 'POST', body: new URLSearchParams(new FormData(e.target))});
          parent.postMessage('sent', '*'); };"""),
    # An embedded form that posts to the whole window: its frame goes away with the page.
    "/embed-top": page("""<form method=post action=/send target=_top>
        <label for=m>Your message</label><textarea id=m name=message></textarea><button>Send message</button></form>"""),
    "/embed-sales": embedded_form("sales"),
    "/embed-support": embedded_form("support"),
    # The select's label holds the word "message" too; the textarea's label is the whole word.
    "/ambiguous": page("""<form method=post action=/send>
        <label for=a>What is your message about?</label>
        <select id=a name=about><option>Delivery</option><option>Billing</option></select>
        <label for=m>Message *</label><textarea id=m name=message></textarea>
        <button>Send</button></form>"""),
    # Choosing "Other" adds a field; the short form's labels, read before filling, still mean the same fields.
    "/reveal": page("""<form method=post action=/send>
        <label for=t>Topic</label><select id=t name=topic><option>Delivery</option><option>Other</option></select>
        <div id=extra></div><label for=m>Your message</label><textarea id=m name=message></textarea>
        <button>Send</button></form>""", """
        document.getElementById('t').onchange = e => { document.getElementById('extra').innerHTML =
            '<label for=o>Other topic</label><input id=o name=other>'; };"""),
    # Choosing "Other" adds a field whose whole label is "Message": a better match than "Your message".
    "/better-match": page("""<form method=post action=/send>
        <label for=t>Topic</label><select id=t name=topic><option>Delivery</option><option>Other</option></select>
        <div id=extra></div><label for=m>Your message</label><textarea id=m name=message></textarea>
        <button>Send</button></form>""", """
        document.getElementById('t').onchange = e => { document.getElementById('extra').innerHTML =
            '<label for=o>Message</label><input id=o name=other_message>'; };"""),
    "/tie": page("""<form method=post action=/send>
        <label for=e>Email address</label><input id=e name=email>
        <label for=c>Confirm email address</label><input id=c name=email2>
        <button>Send</button></form>"""),
}


class Site:
    """PAGES on one port of 127.0.0.1 and, as another origin, on localhost at another port; posts recorded."""

    def __init__(self):
        self.posts: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                body = PAGES.get(self.path.split("?")[0])
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write((body or "not found").encode())

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                kind = self.headers.get("Content-Type", "")
                fields, files = {}, {}
                if kind.startswith("multipart/"):
                    msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                        b"Content-Type: " + kind.encode() + b"\r\n\r\n" + raw)
                    for part in msg.iter_parts():
                        name = part.get_param("name", header="content-disposition")
                        if part.get_filename():
                            files[name] = (part.get_filename(), part.get_payload(decode=True))
                        else:
                            fields[name] = part.get_content().strip()
                else:
                    fields = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                outer.posts.append({"host": self.headers.get("Host"), "path": self.path, "fields": fields,
                                    "files": files})
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(THANKS)

        self.servers = [ThreadingHTTPServer(("127.0.0.1", 0), Handler) for _ in range(2)]
        for s in self.servers:
            s.daemon_threads = True
            threading.Thread(target=s.serve_forever, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self.servers[0].server_address[1]}"
        self.other_origin = f"http://localhost:{self.servers[1].server_address[1]}"
        PAGES["/cross-frame"] = page(f"<h1>Contact us</h1><iframe src={self.other_origin}/embed-support></iframe>")
        PAGES["/toast-outside"] = page(f"""<h1>Contact us</h1><p id=toast></p>
            <iframe src={self.other_origin}/embed-toast></iframe>""", """
            addEventListener('message', () => { document.getElementById('toast').textContent =
                'Thank you, message received'; });""")
        PAGES["/posts-to-top"] = page(f"<h1>Contact us</h1><iframe src={self.other_origin}/embed-top></iframe>")

    def sent(self, marker: str) -> list[dict]:
        """The posts whose fields hold marker (each journey writes its own)."""
        return [p for p in self.posts if any(marker in v for v in p["fields"].values())]

    def close(self):
        for s in self.servers:
            s.shutdown()
            s.server_close()


def journey(name: str, path: str, body: str, within: str = "15s") -> str:
    return textwrap.dedent(f"""
        name: {name}
        persona: {{name: Jane Doe, email: jane@example.com}}
        target: demo
        steps:
          - id: form
            channel: web_form
            url: "{{target.website}}{path}"
            expect: {{text: message received, within: {within}}}
        """).lstrip() + textwrap.indent(textwrap.dedent(body).strip("\n"), "    ") + "\n"


JOURNEYS = {
    # First, so that its wait (settings.browser.action_timeout_s for the frame to appear) overlaps the others.
    "no-such-frame": ("/two-frames", """
        frame: "iframe#returns"
        fields:
          - {label: Your message, value: "no-such-frame {token}"}
        """),
    "wizard": ("/wizard", """
        actions:
          - fill: {label: Your name, value: "{persona.name}"}
          - fill: {label: Email address, value: "{persona.email}"}
          - click: {role: button, label: Continue}
          - wait_for: {text: Step 2 of 2, within: 20s}
          - fill: {label: Your message, value: "wizard {token}"}
          - click: {role: button, label: Send message, submit: true}
        """),
    "consent": ("/consent", """
        actions:
          - fill: {label: Your name, value: "consent {token}"}
          - select: {label: Topic, option: Billing}
          - uncheck: {label: Send me offers}
          - check: I agree to the privacy policy
          - click: {text: Send, submit: true}
        """),
    "never-shows": ("/consent", """
        actions:
          - fill: {label: Your name, value: "never-shows {token}"}
          - wait_for: {text: Step 2 of 2, within: 1s}
          - click: {text: Send, submit: true}
        """),
    "cookies": ("/cookies", """
        actions:
          - click: Accept all cookies
          - fill: {label: Your name, value: "cookies {token}"}
          - click: {text: Send, submit: true}   # the button's value, not the heading's words
        """),
    "more": ("/more", """
        actions:
          - press: Escape
          - fill: {label: Your name, value: "more {token}"}
          - click: {text: Show more}
          - fill: {label: Order number, value: NW-1234}
          - scroll: bottom
          - click: {selector: "form > button:not([type])", submit: true}
        """),
    "upload": ("/upload", """
        actions:
          - fill: {label: Your name, value: "upload {token}"}
          - upload: {label: Attach a photo, file: files/broken-door.txt}
        submit: {text: Send}   # clicked after the actions
        """),
    "same-frame": ("/same-frame", """
        fields:
          - {label: Your name, value: "{persona.name}"}
          - {label: Your message, value: "same-frame {token}"}
        submit: {text: Send message}
        """),
    "cross-frame": ("/cross-frame", """
        fields:
          - {label: Your name, value: "{persona.name}"}
          - {label: Your message, value: "cross-frame {token}"}
        """),
    "toast-outside": ("/toast-outside", """
        fields:
          - {label: Your message, value: "toast-outside {token}"}
        """),
    "posts-to-top": ("/posts-to-top", """
        fields:
          - {label: Your message, value: "posts-to-top {token}"}
        """),
    "frame-by-selector": ("/two-frames", """
        frame: "iframe#support"
        fields:
          - {label: Your name, value: "{persona.name}"}
          - {label: Your message, value: "frame-by-selector {token}"}
        """),
    "frame-by-url": ("/two-frames", """
        frame: embed-sales
        fields:
          - {label: Your message, value: "frame-by-url {token}"}
        """),
    "two-frames-unnamed": ("/two-frames", """
        fields:
          - {label: Your message, value: "two-frames-unnamed {token}"}
        """),
    "ambiguous": ("/ambiguous", """
        fields:
          - {label: Message, value: "ambiguous {token}"}
        """),
    "reveal": ("/reveal", """
        fields:
          - {label: Topic, value: Other}
          - {label: Your message, value: "reveal {token}"}
        """),
    "better-match": ("/better-match", """
        fields:
          - {label: Topic, value: Other}
          - {label: Message, value: "better-match {token}"}
        """),
    "better-match-actions": ("/better-match", """
        actions:
          - fill: {label: Topic, value: Other}
          - fill: {label: Message, value: "better-match-actions {token}"}
          - click: {text: Send, submit: true}
        """),
    "tie": ("/tie", """
        fields:
          - {label: Confirm email address, value: jane@example.com}
          - {label: email, value: "tie {token}"}
        """),
}


class Results:
    def __init__(self, ledger, run_id: str):
        self.ledger, self.run_id = ledger, run_id
        self.rows = ledger.run_rows(run_id)

    def of(self, name: str) -> dict:
        """One journey's step, findings and contact."""
        (j,) = [j for j in self.rows["journeys"] if j["name"] == name]
        (step,) = [s for s in self.rows["steps"] if s["journey_id"] == j["id"]]
        (contact,) = [c for c in self.rows["contacts"] if c["journey_id"] == j["id"]]
        findings = [f for f in self.rows["findings"] if f["journey_id"] == j["id"]]
        return {"step": step, "findings": findings, "contact": contact}


@pytest.fixture(scope="module")
def site():
    s = Site()
    yield s
    s.close()


@pytest.fixture(scope="module")
def ran(company, site, tmp_path_factory):
    """Every journey of this module, in one run (one Chromium)."""
    from probes.cli import demo_config
    from probes.ledger import Ledger
    from probes.runner import Runner
    from probes.scenario import load_journey

    folder = tmp_path_factory.mktemp("forms")
    reports = folder / "reports"
    config = demo_config(site.base_url, reports)
    config.targets["demo"].allowlist.append(site.other_origin + "/")
    config.settings.browser.trace = False   # not what these tests are about; saves the machine's time
    # How long no-such-frame waits for its frame to appear (default 30 s): the run's longest wait, for nothing.
    config.settings.browser.action_timeout_s = 10
    (folder / "files").mkdir()
    (folder / "files" / "broken-door.txt").write_bytes(b"a photo of the broken door\n")
    journeys = []
    for name, (path, body) in JOURNEYS.items():
        (folder / f"{name}.yaml").write_text(journey(name, path, body), encoding="utf-8")
        journeys.append(load_journey(folder / f"{name}.yaml", config))
    ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
    result = asyncio.run(Runner(config, ledger, reports).run(journeys))
    return Results(ledger, result.run_id)


def sent_one(ran, site, name: str) -> dict:
    """The journey passed, with no finding, and the company got exactly one post from it."""
    got = ran.of(name)
    assert got["step"]["status"] == "passed", (got["step"]["error"], got["findings"])
    assert got["findings"] == [] and got["contact"]["status"] == "sent"
    assert got["step"]["observations"]["result"] == "confirmed"
    (post,) = site.sent(f"{name} {got['contact']['token']}")
    return post


def test_a_two_step_wizard_is_filled_across_its_continue(ran, site):
    post = sent_one(ran, site, "wizard")
    assert post["fields"]["name"] == "Jane Doe" and post["fields"]["email"] == "jane@example.com"
    assert post["fields"].get("name_copy", "") == ""   # two labelled 'Your name': the one shown is filled
    assert ran.of("wizard")["step"]["observations"]["form_frame"] == "the page itself"


def test_a_consent_box_that_enables_the_send_button(ran, site):
    fields = sent_one(ran, site, "consent")["fields"]
    assert fields["consent"] == "yes" and fields["topic"] == "Billing" and "offers" not in fields


def test_words_a_loaded_page_never_shows_are_a_finding_and_nothing_is_sent(ran, site):
    got = ran.of("never-shows")
    (f,) = got["findings"]
    assert f["check_id"] == "web_form.field_missing" and f["title"] == "The page never showed text 'Step 2 of 2'"
    assert "had finished loading" in f["detail"]
    assert got["step"]["status"] == "failed" and got["contact"]["status"] == "not_sent"
    assert site.sent("never-shows ") == []


def test_a_cookie_banner_over_the_send_button_is_accepted_first(ran, site):
    sent_one(ran, site, "cookies")


def test_show_more_reveals_a_field_and_escape_closes_a_pop_up(ran, site):
    assert sent_one(ran, site, "more")["fields"]["order"] == "NW-1234"


def test_a_file_is_uploaded_from_beside_the_scenario(ran, site):
    post = sent_one(ran, site, "upload")
    assert post["files"]["photo"] == ("broken-door.txt", b"a photo of the broken door\n")


def test_a_form_in_a_same_origin_iframe_is_found_and_confirmed_there(ran, site):
    post = sent_one(ran, site, "same-frame")
    assert post["fields"]["name"] == "Jane Doe" and post["fields"]["team"] == "support"
    assert ran.of("same-frame")["step"]["observations"]["form_frame"] == (
        f"the frame at {site.base_url}/embed-support")


def test_a_form_in_a_cross_origin_iframe_is_found_and_confirmed_there(ran, site):
    post = sent_one(ran, site, "cross-frame")
    assert post["host"] == site.other_origin.removeprefix("http://")   # sent to the other origin
    assert ran.of("cross-frame")["step"]["observations"]["form_frame"] == (
        f"the frame at {site.other_origin}/embed-support")


def test_an_embedded_form_confirmed_by_the_page_around_it_or_on_the_whole_window(ran, site):
    sent_one(ran, site, "toast-outside")   # the frame stays silent; the page shows the toast
    sent_one(ran, site, "posts-to-top")    # the frame is gone with the page it was in


def test_the_report_says_which_frame_held_the_form(ran, site, tmp_path):
    from probes.report import build_results, render_html

    html = render_html(build_results(ran.ledger, ran.run_id), tmp_path)
    assert f"<dt>Form found in</dt><dd>the frame at {site.other_origin}/embed-support</dd>" in html


def test_frame_names_one_of_two_frames_by_selector_or_by_address(ran, site):
    assert sent_one(ran, site, "frame-by-selector")["fields"]["team"] == "support"
    assert sent_one(ran, site, "frame-by-url")["fields"]["team"] == "sales"
    # Unnamed, the two frames' fields match equally well: the scenario does not fit, nothing is blamed or sent.
    got = ran.of("two-frames-unnamed")
    assert got["step"]["status"] == "error" and got["findings"] == [] and got["contact"]["status"] == "not_sent"
    assert "name its frame with frame:" in got["step"]["error"]
    assert f"{site.base_url}/embed-sales" in got["step"]["error"]
    assert f"{site.base_url}/embed-support" in got["step"]["error"]
    # A frame: that names no frame on the loaded page: the scenario does not fit either.
    got = ran.of("no-such-frame")
    assert got["step"]["status"] == "error" and got["findings"] == [] and got["contact"]["status"] == "not_sent"
    assert got["step"]["error"] == ("the scenario does not fit the page: no frame on the page matches frame: "
                                    "'iframe#returns', where it looks for a field with label 'Your message'; "
                                    "nothing was sent")


def test_a_label_that_is_part_of_another_fields_label_fills_its_own_field(ran, site):
    # "Message" is also in the select's "What is your message about?": the whole label wins.
    post = sent_one(ran, site, "ambiguous")
    assert post["fields"]["about"] == "Delivery"   # untouched


def test_two_fields_matching_equally_well_are_a_prober_error_listing_both(ran, site):
    got = ran.of("tie")
    step = got["step"]
    assert step["status"] == "error" and got["findings"] == [], step

    assert got["contact"]["status"] == "not_sent" and site.sent("tie ") == []
    assert "the scenario does not fit the page" in step["error"] and "nothing was sent" in step["error"]
    assert "'Email address' (input[type=text])" in step["error"]
    assert "'Confirm email address' (input[type=text])" in step["error"]


@pytest.mark.parametrize("wanted, names, expected", [
    ("Message", ["Message *"], 0),
    ("your  NAME", ["Your name:"], 0),
    ("E-mail", ["E-mail (required)"], 0),
    ("Message", ["What is your message about?"], 1),
    ("mail", ["Email address"], 2),
    ("Straße", ["Ihre STRASSE"], 1),   # compared casefolded: ß is ss
    ("Nachricht", ["Ihre NachrichtEN"], 2),
])
def test_label_levels(wanted, names, expected):
    from probes.channels.web_form_find import level

    assert level(wanted, names) == expected


def test_normalise_ignores_case_spaces_and_markers():
    from probes.channels.web_form_find import normalise

    assert normalise("  Your   Message *: ") == "your message"
    assert normalise("Phone (optional)") == "phone"



def test_labels_read_before_filling_still_fill_their_own_fields_when_filling_adds_one(ran, site):
    # The short form's labels are read together before the first field is filled; a field added by filling
    # another (here by choosing "Other") does not move them.
    post = sent_one(ran, site, "reveal")
    assert post["fields"]["topic"] == "Other" and post["fields"].get("other", "") == ""


def test_a_field_that_filling_makes_a_better_match_is_a_prober_error_in_the_short_form(ran, site):
    # "Message" meant the textarea when the labels were read; choosing "Other" then added a field labelled
    # "Message" exactly. Which one the customer would fill changed under the prober: never sent half-right.
    got = ran.of("better-match")
    step = got["step"]
    assert step["status"] == "error" and got["findings"] == [], step
    assert got["contact"]["status"] == "not_sent" and site.sent("better-match ") == []
    assert step["error"].startswith("the form changed while it was being filled: label 'Message' meant 'Your "
                                    "message' (textarea) when the labels were read, but now means 'Message' "
                                    "(input[type=text])"), step["error"]
    assert "nothing was sent" in step["error"] and "actions:" in step["error"]
    # As actions, each field is looked for after the one before it is filled: the new field gets it.
    post = sent_one(ran, site, "better-match-actions")
    assert post["fields"]["other_message"].startswith("better-match-actions ")
    assert post["fields"].get("message", "") == ""
