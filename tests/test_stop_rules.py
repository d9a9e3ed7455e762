"""When a journey stops: only when its contact did not get through, the prober could not run a step, or a
step's stop_on says so. A cosmetic finding fails the step, and the answers to its contact are still judged.

Real Chromium, a real mail desk, Dovecot and relay on loopback; the form's site is served here.
"""
import asyncio
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

FORM_PAGE = """<!doctype html><html lang="en"><head><title>Contact</title></head><body><main>
<h1>Contact us</h1>
<form method="post" action="{action}">
  <label for="name">Your name</label> <input id="name" name="name" required>
  <label for="email">Email address</label> <input id="email" name="email" type="email" required>
  <label for="message">Your message</label> <textarea id="message" name="message" required></textarea>
  <button type="submit">Send message</button>
</form></main></body></html>"""

# A confirmation whose template was never filled in: the message still reached the company.
CONFIRMATION = """<!doctype html><html lang="en"><head><title>Thanks</title></head><body><main>
<h1>Message received</h1><p>Dear [name], we have received your message. Your reference is {ref}.</p>
</main></body></html>"""


class Site:
    """A contact form whose confirmation shows "Dear [name]" (messages go on to the mail desk), and one that
    answers HTTP 500 (nothing reaches anybody)."""

    def __init__(self, mail):
        self.posts: list[tuple[str, dict]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, body: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body.encode())

            def do_GET(self):
                if self.path in ("/contact", "/broken"):
                    self._send(200, FORM_PAGE.format(action=self.path))
                else:
                    self._send(404, "not found")

            def do_POST(self):
                data = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                fields = {k: v[0] for k, v in parse_qs(data).items()}
                outer.posts.append((self.path, fields))
                if self.path == "/broken":
                    self._send(500, "<html><body><h1>Internal Server Error</h1></body></html>")
                    return
                ref = f"NW-{900 + len(outer.posts)}"
                # The website's mailer hands the message to the support desk, which answers by email.
                mail.forward_form({"form": "/contact", "fields": fields, "reference": ref})
                self._send(200, CONFIRMATION.format(ref=ref))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site(mail):
    s = Site(mail)
    yield s
    s.close()


@pytest.fixture
def site_config(site, reports, mail):
    from probes.cli import demo_config

    return demo_config(site.base_url, reports, mail)


JOURNEY = """
    name: {name}
    persona: {{name: Helen Brooks, email: helen@example.com}}
    target: demo
    steps:
      - id: form
        channel: web_form
        url: "{{target.website}}/{page}"
        fields:
          - {{label: Your name, value: "{{persona.name}}"}}
          - {{label: Email address, value: "{{reply_to}}"}}
          - {{label: Your message, value: "Error E21 on my dryer?"}}
        expect: {{text: we have received your message, within: 10s}}{stop_on}
      - id: answer
        await: form
        ack_within: 60s
        human_within: 90s
"""


def journey(name: str, page: str = "contact", stop_on: str | None = None) -> str:
    return JOURNEY.format(name=name, page=page, stop_on=f"\n        stop_on: {stop_on}" if stop_on else "")


def by_journey(ran) -> dict[str, dict]:
    """{journey name: {"journey": row, "steps": [rows], "awaits": [rows]}}"""
    out = {}
    for j in ran.rows["journeys"]:
        out[j["name"]] = {"journey": j, "steps": [s for s in ran.steps if s["journey_id"] == j["id"]],
                          "awaits": [a for a in ran.rows["awaits"] if a["journey_id"] == j["id"]]}
    return out


def test_cosmetic_finding_lets_the_journey_go_on_and_a_contact_not_reached_stops_it(run_journeys, site_config,
                                                                                      site):
    ran = run_journeys(journey("Goes on"), journey("Not reached", page="broken"), cfg=site_config, wait_s=120.0)
    got = by_journey(ran)

    # The placeholder fails the form step, but the customer got through: the answer is awaited and judged.
    form, answer = got["Goes on"]["steps"]
    assert form["status"] == "failed" and form["observations"]["reachable"] is True
    assert any(f["check_id"] == "placeholder" and f["step_id"] == form["id"] for f in ran.rows["findings"])
    assert answer["status"] == "passed", (got["Goes on"]["awaits"], ran.rows["findings"])
    statuses = {a["kind"]: a["status"] for a in got["Goes on"]["awaits"]}
    assert statuses["ack"] == statuses["human"] == "met"
    assert got["Goes on"]["journey"]["status"] == "failed"   # the report still shows the form's failure

    # A form that answers HTTP 500: the contact did not get through, so there is no answer to wait for.
    form, answer = got["Not reached"]["steps"]
    assert form["status"] == "failed" and form["observations"]["reachable"] is False
    assert answer["status"] == "skipped" and "did not get through" in answer["error"]
    assert got["Not reached"]["awaits"] == [] and [p for p, _ in site.posts].count("/broken") == 1
    assert ran.result.exit_code == 1


def test_stop_on_major_stops_and_a_resumed_run_keeps_it_stopped_without_sending_again(run_journeys, site_config,
                                                                                      site, reports):
    from probes.ledger import Ledger
    from probes.runner import Runner
    from probes.scenario import load_journey

    ran = run_journeys(journey("Goes on"), journey("Stops on major", stop_on="major"), cfg=site_config)
    got = by_journey(ran)
    form, answer = got["Stops on major"]["steps"]
    assert form["status"] == "failed"
    assert answer["status"] == "skipped" and "failed with a major finding (stop_on: major)" in answer["error"]
    assert got["Stops on major"]["awaits"] == []
    assert [s["status"] for s in got["Goes on"]["steps"]] == ["failed", "pending"]
    assert len(site.posts) == 2
    before = [(s["journey_id"], s["step_key"], s["status"], s["error"]) for s in ran.steps]

    # Resumed: finished steps keep their results, the skipped step stays skipped, nothing is sent again.
    ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
    journeys = [load_journey(p, site_config) for p in sorted(reports.parent.glob("j*.yaml"))]
    result = asyncio.run(Runner(site_config, ledger, reports).run(journeys, run_id=ran.result.run_id))
    again = ledger.run_rows(result.run_id)
    assert len(site.posts) == 2 and len(again["contacts"]) == 2
    assert [(s["journey_id"], s["step_key"], s["status"], s["error"]) for s in again["steps"]] == before
    assert len(again["awaits"]) == 2   # the journey that went on has its awaits once, not twice


def test_stop_on_is_validated_with_the_allowed_values(tmp_path, site_config):
    from probes.scenario import load_journey
    from probes.yamlsource import InputError

    path = tmp_path / "bad.yaml"
    path.write_text(textwrap.dedent(journey("Bad", stop_on="sometimes")).lstrip())
    with pytest.raises(InputError) as err:
        load_journey(path, site_config)
    text = "\n".join(map(str, err.value.problems))
    # Where, and what may be written instead.
    assert "bad.yaml:13" in text and "stop_on" in text and "'major'" in text and "'never'" in text
