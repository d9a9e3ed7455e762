"""The report, end to end: a real ledger, real screenshots, the HTML opened in real Chromium."""
from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from probes import ledger as ledger_module
from probes.ledger import Ledger
from probes.report import build_results, render_latest, write_json, write_report
from probes.results import Finding

from .conftest import open_report

CONTACT_URL = "http://127.0.0.1:8080/contact"

FORM_PAGE = """<html><body style="font-family:sans-serif;padding:24px;background:#fafafa">
<h2 style="margin:0 0 12px">Contact Northwind Appliances</h2>
<label>Name<br><input value="Alex Morgan" style="width:260px"></label><br><br>
<label>Message<br><textarea style="width:260px;height:60px">Where is my order 1042?</textarea></label><br><br>
<button style="padding:6px 16px">Send</button></body></html>"""
THANKS_PAGE = """<html><body style="font-family:sans-serif;padding:24px;background:#eef7ee">
<h2 style="margin:0 0 12px">Thank you, Alex!</h2><p>We received your message. Reference NW-20413.</p></body></html>"""


class FakeClock:
    """Stands in for the ledger's utcnow so the run has realistic, known timings."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 2, 9, 15, 0, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def screenshot(chromium, html: str, path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    page = chromium.new_page(viewport={"width": 480, "height": 300})
    page.set_content(html)
    page.screenshot(path=str(path))
    page.close()
    return path.stat().st_size


@pytest.fixture(scope="module")
def recorded(chromium, tmp_path_factory):
    """A ledger holding one run: a passed, a failed and an errored journey."""
    base = tmp_path_factory.mktemp("report")
    evidence_root = base / "evidence"
    clock = FakeClock()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ledger_module, "utcnow", clock)
        led = Ledger(f"sqlite:///{base / 'ledger.db'}")
        run_id = led.start_run("demo", evidence_root=evidence_root)

        # 1. Passed: the form confirms quickly; one info finding without a snippet.
        clock.advance(0.5)
        j1 = led.start_journey(run_id, name="Ask where my order is", file="scenarios/order-status.yaml",
                               target="northwind", target_name="Northwind Appliances",
                               persona={"name": "Alex Morgan", "email": "alex@example.test", "language": "en",
                                        "situation": "general"},
                               tags=["web_form", "orders"], description="A customer asks about a late delivery.")
        clock.advance(0.2)
        s1 = led.start_step(j1, 1, "contact-form", "web_form", "Fill in the contact form")
        c1 = led.plan_contact(run_id=run_id, journey_id=j1, step_id=s1, channel="web_form", destination=CONTACT_URL,
                              token="k7q9mwx2ab", idempotency_key=f"{run_id}/1/contact-form")
        clock.advance(2.4)
        led.mark_contact(c1, "sent", sent_at=clock())
        for name, html, label in (("before.png", FORM_PAGE, "Filled form before sending"),
                                  ("after.png", THANKS_PAGE, "After sending")):
            rel = f"j{j1}/contact-form/{name}"
            led.add_evidence(run_id, j1, s1, "screenshot", label, rel, screenshot(chromium, html, evidence_root / rel))
        trace = evidence_root / f"j{j1}/contact-form/trace.zip"
        with zipfile.ZipFile(trace, "w") as z:
            z.writestr("trace.trace", "{}")
        led.add_evidence(run_id, j1, s1, "trace", "Playwright trace", f"j{j1}/contact-form/trace.zip",
                         trace.stat().st_size)
        led.add_finding(run_id, j1, s1, Finding("web_form.captcha", "info",
                                                "The form has a CAPTCHA, but it let the customer through"))
        clock.advance(0.6)
        led.finish_step(s1, "passed", measurements={"page_load_s": 0.42, "submit_to_confirmation_s": 1.2},
                        observations={"url": CONTACT_URL, "http_status": 200, "result": "confirmed",
                                      "final_url": CONTACT_URL + "/thanks", "reachable": True})
        led.finish_journey(j1, "passed")

        # 2. Failed: a placeholder in the confirmation, then the returns form answers HTTP 500.
        j2 = led.start_journey(run_id, name="Complain about a broken fridge", file="scenarios/complaint.yaml",
                               target="northwind", target_name="Northwind Appliances",
                               persona={"name": "Priya Shah", "language": "en", "situation": "complaint"},
                               tags=["complaint"], description="An angry customer whose fridge stopped working.")
        clock.advance(0.1)
        s2 = led.start_step(j2, 1, "complaint-form", "web_form")
        clock.advance(3.0)
        led.add_finding(run_id, j2, s2, Finding("placeholder", "major", "The reply still contains a placeholder",
                                                "The customer was greeted with a template field instead of "
                                                "their name.", "Dear [name], thank you"))
        led.finish_step(s2, "failed", measurements={"page_load_s": 0.61, "submit_to_confirmation_s": 2.1},
                        observations={"url": "http://127.0.0.1:8080/complaints", "http_status": 200,
                                      "result": "confirmed", "reachable": True})
        clock.advance(0.2)
        s3 = led.start_step(j2, 2, "returns-form", "web_form")
        clock.advance(1.8)
        led.add_finding(run_id, j2, s3, Finding("web_form.http_error", "critical",
                                                "Sending the form failed with HTTP 500",
                                                "The customer pressed send and got an error page.",
                                                "HTTP 500 POST http://127.0.0.1:8080/returns"))
        led.finish_step(s3, "failed", measurements={"page_load_s": 0.38},
                        observations={"url": "http://127.0.0.1:8080/returns", "http_status": 200,
                                      "result": "http_error", "reachable": False})
        led.finish_journey(j2, "failed")

        # 3. Prober error: the browser would not start.
        j3 = led.start_journey(run_id, name="Ask for a call-back", file="scenarios/callback.yaml",
                               target="northwind", target_name="Northwind Appliances",
                               persona={"name": "Sam Lee", "language": "de", "situation": "urgent"}, tags=[])
        s4 = led.start_step(j3, 1, "callback-form", "web_form")
        clock.advance(0.3)
        led.finish_step(s4, "error", error="could not start Chromium")
        led.finish_journey(j3, "error", error="could not start Chromium")
        clock.advance(0.1)
        led.finish_run(run_id, "failed")
    yield {"ledger": led, "run_id": run_id, "base": base}
    led.close()


@pytest.fixture(scope="module")
def results(recorded):
    return build_results(recorded["ledger"], recorded["run_id"])


# --- the results document -----------------------------------------------------------

def test_counts_and_reachability(results):
    s = results["summary"]
    assert results["format"] == "mystery-shopper-results" and results["format_version"] == 2
    assert s["journeys"] == {"total": 3, "passed": 1, "failed": 1, "error": 1, "not_started": 0, "pending": 0,
                             "unfinished": 0, "skipped": 0, "flaky": 0}
    assert s["findings"] == {"critical": 1, "major": 1, "minor": 0, "info": 1}
    assert s["errors"] == 1
    # The errored step says nothing about reachability: it is counted apart, as "could not tell".
    assert s["reachability"] == [{"channel": "web_form", "reached": 2, "total": 3, "could_not_tell": 1,
                                  "rate": 0.6667}]
    assert s["targets"] == ["Northwind Appliances"]
    assert results["run"]["duration_s"] == pytest.approx(9.2, abs=0.01)
    assert results["run"]["started_at"] == "2026-03-02T09:15:00.000Z"


def test_steps_carry_timings_contact_and_evidence(results):
    j1, j2, j3 = results["journeys"]
    step = j1["steps"][0]
    assert step["id"] == "contact-form" and step["channel"] == "web_form" and step["reachable"] is True
    assert step["offset_s"] == pytest.approx(0.2) and step["duration_s"] == pytest.approx(3.0)
    assert step["measurements"] == {"page_load_s": 0.42, "submit_to_confirmation_s": 1.2}
    assert step["contact"]["token"] == "k7q9mwx2ab" and step["contact"]["status"] == "sent"
    assert [e["kind"] for e in step["evidence"]] == ["screenshot", "screenshot", "trace"]
    assert all(Path(e["abs_path"]).is_file() and Path(e["abs_path"]).is_absolute() for e in step["evidence"])
    assert j2["steps"][1]["offset_s"] == pytest.approx(3.3)
    assert j3["steps"][0]["reachable"] is None and j3["steps"][0]["evidence"] == []


def test_findings_most_severe_first_and_errors_apart(results):
    assert [(f["severity"], f["check"]) for f in results["findings"]] == [
        ("critical", "web_form.http_error"), ("major", "placeholder"), ("info", "web_form.captcha")]
    first = results["findings"][0]
    assert first["journey"] == "Complain about a broken fridge" and first["step"] == "returns-form"
    # The journey repeats its step's error; it is listed once, and never as a finding.
    assert results["errors"] == [{"journey": "Ask for a call-back", "journey_id": results["journeys"][2]["id"],
                                  "step": "callback-form", "message": "could not start Chromium"}]
    assert all("Chromium" not in f["title"] + f["detail"] for f in results["findings"])


def test_json_round_trip_with_relative_evidence_paths(results, recorded):
    json.dumps(results)
    out = write_json(results, recorded["base"] / "exports" / "results.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    evidence = [e for j in doc["journeys"] for s in j["steps"] for e in s["evidence"]]
    assert len(evidence) == 3
    for e in evidence:
        assert "abs_path" not in e and not Path(e["path"]).is_absolute()
        assert (out.parent / e["path"]).is_file()
    assert doc["summary"] == results["summary"]


def test_unknown_run_and_empty_ledger(tmp_path):
    led = Ledger(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(LookupError, match="no runs yet"):
        render_latest(led, tmp_path / "out")
    with pytest.raises(LookupError):
        build_results(led, "nope")
    led.close()


# --- the HTML report in a real browser ------------------------------------------------

def test_report_in_chromium(chromium, results, recorded):
    out_dir = recorded["base"] / "report"
    path = write_report(results, out_dir, title="Northwind Appliances – demo")
    assert path == out_dir / "index.html"
    html = path.read_text(encoding="utf-8").lower()
    assert "<script" not in html and "<link" not in html and "url(" not in html and "@import" not in html
    page, requests, url = open_report(chromium, path)
    try:
        # The page itself and the screenshots' thumbnails (files beside them), nothing else.
        assert requests and all(r == url or r.endswith(".thumb.jpg") for r in requests), requests
        text = page.inner_text("body")
        assert "1 of 3 journeys met every expectation." in text
        assert "Sending the form failed with HTTP 500" in text
        assert "The reply still contains a placeholder" in text
        assert "Dear [name], thank you" in text
        assert "Priya Shah" in text and "Alex Morgan" in text
        assert "Web form" in text and "2 of 3 reached · 1 could not tell" in text
        assert "page load 420 ms" in text and "confirmation after 1.2 s" in text
        assert "Prober errors (not the company's fault)" in text
        assert "could not start Chromium" in text
        assert page.title() == "Northwind Appliances – demo"
        # Most severe finding first in "What customers ran into".
        titles = page.locator("#findings-h + ul.legend + ul.findings .title").all_inner_texts()
        assert titles[0] == "Sending the form failed with HTTP 500"

        images = page.locator("a.thumb img")
        assert images.count() == 2
        for i in range(2):
            img = images.nth(i)
            src = img.get_attribute("src")
            assert src.endswith(".thumb.jpg") and not src.startswith(("/", "file:"))
            assert img.evaluate("e => e.complete && e.naturalWidth") > 0
            assert img.get_attribute("alt")
            href = img.evaluate("e => e.parentElement.getAttribute('href')")
            assert not href.startswith(("/", "file:")) and (out_dir / unquote(href)).resolve().is_file()
        trace_link = page.get_by_role("link", name="Playwright trace")
        assert (out_dir / unquote(trace_link.get_attribute("href"))).resolve().is_file()
        assert "open with: playwright show-trace ../evidence/" in text

        page.screenshot(path="/tmp/report-check.png", full_page=True)
        page.emulate_media(media="print")
        page.screenshot(path="/tmp/report-check-print.png", full_page=True)
        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
        Path("/tmp/report-check.pdf").write_bytes(pdf)
    finally:
        page.context.close()


def test_edge_cases_render_and_escape(chromium, tmp_path):
    """Journey errored before any step, a step with no evidence, a finding with no snippet, hostile text."""
    led = Ledger(f"sqlite:///{tmp_path / 'ledger.db'}")
    run_id = led.start_run("run", evidence_root=tmp_path / "evidence")
    hostile = "<script>alert(1)</script> refund"
    j1 = led.start_journey(run_id, name=hostile, file="x.yaml", target="acme", target_name="Acme <b>Ltd</b>",
                           persona={"name": "<img src=x onerror=alert(2)>"}, tags=["<i>t</i>"])
    led.finish_journey(j1, "error", error="scenario target 'acme' has no website")
    j2 = led.start_journey(run_id, name="Plain", file="y.yaml", target="acme", target_name="Acme",
                           persona={"name": "Kim"}, tags=[])
    s = led.start_step(j2, 1, "form", "carrier_pigeon")
    led.add_finding(run_id, j2, s, Finding("web_form.validation", "major", "The form would not send"))
    led.add_evidence(run_id, j2, s, "screenshot", "After sending", "gone/after.png", 10)
    led.finish_step(s, "failed", observations={"reachable": True, "note": "</pre><b>x</b>"})
    led.finish_journey(j2, "failed")
    led.finish_run(run_id, "failed")

    path = render_latest(led, tmp_path / "report")
    assert (tmp_path / "report" / "results.json").is_file()
    page, requests, url = open_report(chromium, path)
    try:
        assert all(r == url or r.startswith("data:") for r in requests), requests
        assert page.locator("script").count() == 0 and page.locator("img").count() == 0
        assert page.locator("b, i").count() == 0
        text = page.inner_text("body")
        assert hostile in text and "Acme <b>Ltd</b>" in text and "<img src=x onerror=alert(2)>" in text
        assert "scenario target 'acme' has no website" in text
        assert "screenshot missing" in text
        assert "Carrier Pigeon" in text and "1 of 1 reached" in text
        assert "0 of 2 journeys met every expectation." in text
    finally:
        page.context.close()

    # A run with no journeys at all.
    empty = led.start_run("run", evidence_root=tmp_path / "evidence")
    led.finish_run(empty, "passed")
    page, requests, url = open_report(chromium, render_latest(led, tmp_path / "empty", run_id=empty))
    try:
        assert "No journeys were run." in page.inner_text("body")
    finally:
        page.context.close()
    led.close()


def test_compiled_templates_are_kept_for_the_next_process_and_a_cache_that_fails_is_only_slower(tmp_path,
                                                                                                 monkeypatch):
    from jinja2.bccache import bc_magic

    from probes.report import render

    def compiled_afresh():
        render._environment.cache_clear()   # as a new process would
        return render._environment()

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    try:
        compiled_afresh().get_template("report.html.j2")
        kept = sorted((tmp_path / "cache" / "mystery-shopper" / "templates").glob("report-*.cache"))
        assert kept   # the page and what it includes
        # A damaged file is compiled again, and kept anew.
        for path in kept:
            path.write_bytes(bc_magic + b"not a pickle")
        compiled_afresh().get_template("report.html.j2")
        assert all(path.read_bytes() != bc_magic + b"not a pickle" for path in kept)
        # Where no cache folder can be made, templates are compiled, as before there was a cache.
        (tmp_path / "a-file").write_text("")
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a-file"))
        env = compiled_afresh()
        assert env.bytecode_cache is None and env.get_template("report.html.j2")
    finally:
        render._environment.cache_clear()
