"""settings.reruns: a journey that failed on a prober error or a transient finding is re-run once, as a new
contact recorded as attempt 2; it passes as "flaky"; a content finding is never retried; a crash between the
attempts never makes a contact twice nor a third attempt."""
from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import write_scenario

FORM_PAGE = ('<html><body><form method="post" action="/contact"><textarea name="message"></textarea>'
             '<button type="submit">Send</button></form></body></html>')

JOURNEY = """
name: Contact form
persona: {name: Jane Doe}
target: shop
steps:
  - id: form
    channel: web_form
    url: "SITE/contact"
    fields:
      - {name: message, value: "Hello {token}"}
    expect: {text: Thank you}
"""


class FormSite:
    """A contact form on loopback; the answers to its posts are given in order (the last one repeats)."""

    def __init__(self, answers: list[tuple[int, str]]):
        self.answers = answers
        self.posts: list[str] = []
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
                self._send(200, FORM_PAGE)

            def do_POST(self):
                outer.posts.append(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
                status, text = outer.answers[min(len(outer.posts), len(outer.answers)) - 1]
                self._send(status, f"<html><body><main><h1>{text}</h1></main></body></html>")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    made = []

    def make(*answers: tuple[int, str]) -> FormSite:
        made.append(FormSite(list(answers)))
        return made[-1]

    yield make
    for s in made:
        s.close()


def write_config(folder: Path, site: FormSite, settings: str = "reruns: 1\n  rerun_pause_s: 0.01",
                 target_extra: str = "") -> Path:
    path = folder / "probes.yaml"
    path.write_text(f"""\
settings:
  {settings}
targets:
  shop:
    name: Northwind
    timezone: Europe/London
    allowlist: ["{site.base_url}/"]
{target_extra}""", encoding="utf-8")
    return path


def run(config_path: Path, scenario: Path, reports: Path, *, run_id: str | None = None, reporter=None,
        kind: str = "run"):
    from probes.config import load_config
    from probes.ledger import Ledger
    from probes.runner import Runner
    from probes.scenario import load_journey

    cfg = load_config(config_path)
    ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
    runner = Runner(cfg, ledger, reports, reporter=reporter, kind=kind)
    return asyncio.run(runner.run([load_journey(scenario, cfg)], run_id=run_id)), ledger


def test_a_form_that_fails_once_passes_on_the_retry_as_flaky(cli, site, tmp_path):
    shop = site((503, "Service Unavailable"), (200, "Thank you, message received"))
    config = write_config(tmp_path, shop)
    scenario = write_scenario(tmp_path, "form.yaml", JOURNEY.replace("SITE", shop.base_url))
    ran = cli("run", str(scenario), "--config", str(config), "--report", str(tmp_path / "reports"),
              "--json", str(tmp_path / "results.json"), cwd=tmp_path)
    assert ran.returncode == 0, ran.stderr   # the exit code follows the last attempt
    assert "retrying Contact form in 0.01 s (attempt 1: Sending the form failed with HTTP 503)" in ran.stderr
    assert "1 passed (1 flaky: passed on a retry)" in ran.stdout
    assert len(shop.posts) == 2   # a deliberate second contact, made once

    doc = json.loads((tmp_path / "results.json").read_text())
    assert doc["summary"]["journeys"]["flaky"] == 1 and doc["summary"]["journeys"]["failed"] == 0
    (journey,) = doc["journeys"]
    assert journey["status"] == "passed" and journey["flaky"] and journey["attempt"] == 2
    (first,) = journey["retried"]
    assert journey["retried_from"] == first["id"] and first["attempt"] == 1 and first["status"] == "failed"
    assert [f["check"] for s in first["steps"] for f in s["findings"]] == ["web_form.http_error"]
    assert doc["findings"] == [] and doc["errors"] == []   # attempt 1's are shown under "retried" only

    from probes.ledger import Ledger

    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    rows = ledger.run_rows(doc["run"]["id"])
    assert [(j["attempt"], j["status"]) for j in rows["journeys"]] == [(1, "failed"), (2, "passed")]
    keys = [c["idempotency_key"] for c in rows["contacts"]]
    assert len(set(keys)) == 2 and keys[1].endswith("form.yaml#2/form")
    assert len({c["token"] for c in rows["contacts"]}) == 2
    page = (tmp_path / "reports" / "runs" / doc["run"]["id"] / "index.html").read_text()
    assert "Retried: this is attempt 2; attempt 1: Sending the form failed with HTTP 503" in page
    assert "Flaky" in page


def test_a_content_finding_is_not_retried(site, tmp_path):
    shop = site((200, "Thank you [FIRST_NAME], message received"))
    config = write_config(tmp_path, shop)
    scenario = write_scenario(tmp_path, "form.yaml", JOURNEY.replace("SITE", shop.base_url))
    result, ledger = run(config, scenario, tmp_path / "reports")
    assert result.exit_code == 1
    rows = ledger.run_rows(result.run_id)
    assert [f["check_id"] for f in rows["findings"]] == ["placeholder"]
    assert len(rows["journeys"]) == 1 and len(shop.posts) == 1


class Crash(Exception):
    pass


class CrashWhenRetrying:
    """A reporter that stops the run as it announces the retry (as a kill during the pause would)."""

    def journey_started(self, name, steps): pass
    def step_finished(self, name, step_key, status, findings): pass
    def journey_finished(self, name, status): pass

    def note(self, text: str) -> None:
        if text.startswith("retrying"):
            raise Crash(text)


def test_a_crash_between_the_attempts_resumes_attempt_2_once_and_never_a_third(site, tmp_path):
    shop = site((503, "Service Unavailable"), (503, "Service Unavailable"))
    config = write_config(tmp_path, shop)
    scenario = write_scenario(tmp_path, "form.yaml", JOURNEY.replace("SITE", shop.base_url))
    reports = tmp_path / "reports"
    with pytest.raises(Crash):
        run(config, scenario, reports, run_id="r1", reporter=CrashWhenRetrying())
    assert len(shop.posts) == 1
    # Resumed: attempt 1 is not sent again; attempt 2 (planned before the pause) is made once.
    result, ledger = run(config, scenario, reports, run_id="r1")
    assert len(shop.posts) == 2 and result.exit_code == 1   # failed again: the last attempt decides
    # Resumed once more: nothing is sent, and there is no attempt 3.
    result, ledger = run(config, scenario, reports, run_id="r1")
    assert len(shop.posts) == 2
    rows = ledger.run_rows("r1")
    assert [(j["attempt"], j["status"]) for j in rows["journeys"]] == [(1, "failed"), (2, "failed")]
    assert len(rows["contacts"]) == 2


def test_retries_default_to_one_for_nightly_and_zero_for_run_and_the_journey_wins(tmp_path):
    from probes.config import load_config
    from probes.ledger import Ledger
    from probes.runner import Runner
    from probes.scenario import load_journey

    shop = type("Site", (), {"base_url": "http://127.0.0.1:9"})
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")

    def retries(settings: str, target: str = "", journey: str = "", kind: str = "run") -> int:
        cfg = load_config(write_config(tmp_path, shop, settings=settings, target_extra=target))
        scenario = write_scenario(tmp_path, "form.yaml", JOURNEY.replace("SITE", shop.base_url) + journey)
        return Runner(cfg, ledger, tmp_path, kind=kind).reruns_for(load_journey(scenario, cfg))

    assert retries("concurrency: 1") == 0
    assert retries("concurrency: 1", kind="demo") == 0
    assert retries("concurrency: 1", kind="nightly") == 1
    assert retries("reruns: 0", kind="nightly") == 0
    assert retries("reruns: 2") == 2
    assert retries("reruns: 2", target="    reruns: 1\n") == 1
    assert retries("reruns: 2", target="    reruns: 1\n", journey="reruns: 0\n") == 0


def test_which_findings_are_transient():
    from probes.runner import is_transient

    assert is_transient("web_form.unreachable", "The contact page could not be opened", "timeout")
    assert is_transient("phone.no_answer", "Nobody answered within 30 s", "")
    assert is_transient("web_form.http_error", "Sending the form failed with HTTP 503", "HTTP 503 POST http://x/")
    assert is_transient("web_form.http_error", "Sending the form failed: its request failed on the network",
                        "POST http://x/\nnet::ERR_CONNECTION_RESET at http://x/")
    # A dead link, a refused form, what the company wrote: verdicts, never retried.
    assert not is_transient("web_form.http_error", "The contact page answered HTTP 404", "HTTP 404 http://x/")
    assert not is_transient("web_form.http_error", "Sending the form failed with HTTP 500 and 404",
                            "HTTP 500 POST http://x/\nHTTP 404 POST http://x/")
    assert not is_transient("chat.widget_missing", "The chat widget did not load", "TypeError: x is undefined")
    for check in ("placeholder", "wrong_recipient", "promises", "email.refused", "web_form.no_confirmation"):
        assert not is_transient(check, "anything", "HTTP 503")


def test_a_journey_still_awaiting_answers_is_never_retried(tmp_path):
    from probes.config import Config
    from probes.ledger import Ledger
    from probes.runner import Runner

    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    run_id = ledger.start_run("nightly", tmp_path)
    jid = ledger.start_journey(run_id, name="J", file="j.yaml", target="shop", target_name="Shop",
                               persona={}, tags=[])
    step = ledger.start_step(jid, 0, "mail", "email")
    ledger.finish_step(step, "error", error="the relay refused the login")
    runner = Runner(Config.model_validate({"targets": {"shop": {"name": "Shop", "allowlist": ["@x.example"]}}}),
                    ledger, tmp_path)
    runner.run_id = run_id
    assert runner.retry_reason(jid, "error") == "prober error: the relay refused the login"
    contact = ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=step, channel="email",
                                  destination="a@x.example", token="t1", idempotency_key="k1")
    import datetime as dt

    ledger.add_await(run_id=run_id, journey_id=jid, step_id=step, contact_id=contact, channel="email", kind="ack",
                     deadline_text="1h", due_at=dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1))
    assert runner.retry_reason(jid, "error") is None
