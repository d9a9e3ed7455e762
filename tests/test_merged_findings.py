"""One finding per check per message: a confirmation page that cheers eleven times at a bereaved customer
gives one tone finding that says "11 places", keeps every snippet, and the report highlights each of them.

A real run (real Chromium, a form served on loopback), the real ledger, the HTML report opened in Chromium.
"""
import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sqlalchemy as sa

CHEERFUL = [
    "Woohoo, your message is in!!",
    "Great news: a real person reads every message!!",
    "We are so excited to hear from you!",
    "Awesome, thanks for choosing Northwind!",
    "Follow us on Instagram for tips!",
    "Shop now in our spring sale!",
    "Use code SPRING20 for 20% off your next order!",
    "Don't miss out on our exclusive offers!",
    "Subscribe to our newsletter for more!",
    "Congratulations on your new appliance 🎉",
    "Have a great day!",
]
FORM = """<!doctype html><html lang="en"><head><title>Contact</title></head><body><main>
<form method="post" action="/contact">
  <label for="name">Your name</label> <input id="name" name="name" required>
  <label for="message">Your message</label> <textarea id="message" name="message" required></textarea>
  <button type="submit">Send message</button>
</form></main></body></html>"""
THANKS = ("<!doctype html><html lang='en'><head><title>Thanks</title></head><body><main><h1>Message received</h1>"
          + "".join(f"<p>{line}</p>" for line in CHEERFUL) + "</main></body></html>")


@pytest.fixture
def cheerful_site():
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, body: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body.encode())

        def do_GET(self):
            self._send(FORM)

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self._send(THANKS)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


JOURNEY = """
    name: Condolence message through the form
    persona: {name: Margaret Okafor, email: margaret@example.com, situation: bereavement}
    target: demo
    steps:
      - id: form
        channel: web_form
        url: "{target.website}/contact"
        fields:
          - {label: Your name, value: "{persona.name}"}
          - {label: Your message, value: "My husband died; please close his account."}
        expect: {text: Message received}
"""


async def _report_marks(path):
    """Every highlight in the report, and the findings listed for the step, as Chromium shows them."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            page = await browser.new_page()
            await page.goto(path.as_uri(), wait_until="load")
            step = page.locator("li.step", has_text="Step 1: form")
            marks = step.locator("mark.finding-mark")
            texts = await marks.all_inner_texts()
            titles = [await marks.nth(i).get_attribute("title") for i in range(await marks.count())]
            listed = await step.locator("li.finding", has_text="Cheerful tone").all_inner_texts()
            return texts, titles, listed
        finally:
            await browser.close()


def test_a_reply_cheering_eleven_times_is_one_finding_with_every_place_highlighted(run_journeys, cheerful_site,
                                                                                 reports, tmp_path):
    from probes.cli import demo_config
    from probes.report import build_results, write_json, write_report

    ran = run_journeys(JOURNEY, cfg=demo_config(cheerful_site, reports))
    (tone,) = ran.findings("tone")
    assert tone["severity"] == "major"
    assert tone["title"] == "Cheerful tone in a reply to a bereaved customer (11 places)"
    assert tone["snippets"] == CHEERFUL and tone["snippet"] == CHEERFUL[0]
    assert "Seen here:" in tone["detail"] and tone["detail"].count("Someone writing about a death") == 1

    results = build_results(ran.ledger, ran.result.run_id)
    (listed,) = [f for f in results["findings"] if f["check"] == "tone"]
    assert listed["count"] == 11 and listed["snippets"] == CHEERFUL
    data = json.loads(write_json(results, tmp_path / "results.json").read_text(encoding="utf-8"))
    assert [f["count"] for f in data["findings"] if f["check"] == "tone"] == [11]

    texts, titles, shown = asyncio.run(_report_marks(write_report(results, tmp_path / "site")))
    assert texts == CHEERFUL   # each place marked where the customer read it
    assert set(titles) == {"tone: Cheerful tone in a reply to a bereaved customer (11 places)"}
    assert len(shown) == 1 and "(11 places)" in shown[0]


def test_a_ledger_from_before_merged_findings_upgrades_and_reads_as_before(tmp_path):
    from probes.ledger import Ledger, upgrade
    from probes.report import build_results

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = sa.create_engine(url)
    upgrade(engine, "0004")
    with engine.begin() as conn:
        conn.execute(sa.text("insert into runs (id, kind, status, started_at) values "
                             "('20250101T000000Z-aaaa', 'run', 'failed', '2025-01-01 00:00:00')"))
        conn.execute(sa.text("insert into findings (run_id, check_id, severity, title, detail, snippet, created_at) "
                             "values ('20250101T000000Z-aaaa', 'placeholder', 'major', 'Unreplaced placeholder "
                             "[name]', '', 'Dear [name]', '2025-01-01 00:00:01')"))
    engine.dispose()
    ledger = Ledger(url)
    (f,) = build_results(ledger, "20250101T000000Z-aaaa")["findings"]
    assert (f["snippet"], f["snippets"], f["count"]) == ("Dear [name]", ["Dear [name]"], 1)
