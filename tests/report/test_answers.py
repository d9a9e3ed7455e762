"""Answers that come later, in the report: a real ledger of email contacts, awaits and responses.

Northwind gets four awaited emails (answered at known times, one bounced), Acme one still
waiting; unmatched mail arrives before and during the run. Everything is read back through
build_results, written as JSON and HTML, and the HTML is opened in real Chromium.
"""
from __future__ import annotations

import datetime as dt
import json
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import unquote

import pytest

from probes import ledger as ledger_module
from probes.awaits import verdict
from probes.ledger import Ledger
from probes.report import build_results, write_json, write_report
from probes.report.build import nearest_rank
from probes.report.render import after_text

from .conftest import open_report

T0 = dt.datetime(2026, 3, 2, 9, 0, 0, tzinfo=dt.timezone.utc)   # a Monday, 09:00 UTC
SUPPORT = "support@northwind.test"
MAILBOX = "shopper:jane@prober.test/INBOX"


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def eml_file(root: Path, rel: str, sender: str, subject: str, body: str) -> str:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "jane@prober.test", subject
    msg.set_content(body)
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(msg.as_bytes())
    return rel


class Recorder:
    """Writes journeys the way the runner and harvest do, through the Ledger API."""

    def __init__(self, led: Ledger, run_id: str, root: Path, clock: Clock):
        self.led, self.run_id, self.root, self.clock = led, run_id, root, clock
        self.uid = 0

    def email_journey(self, name: str, target: str, target_name: str, token: str, *,
                      await_step: bool = True) -> dict:
        led, run_id = self.led, self.run_id
        jid = led.start_journey(run_id, name=name, file=f"scenarios/{token}.yaml", target=target,
                                target_name=target_name, persona={"name": "Jane Doe", "email": "jane@prober.test"},
                                tags=["email"])
        sid = led.start_step(jid, 0, "enquiry", "email", "Write to customer service")
        reply = f"jane+{token}@prober.test"
        cid = led.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="email", destination=SUPPORT,
                               token=token, idempotency_key=f"{run_id}/{token}", message_id=f"<{token}@prober.test>",
                               reply_address=reply, identity="shopper")
        led.mark_contact(cid, "sent", at(5), server_answer="250 2.0.0 Ok: queued as 4F2A1")
        led.finish_step(sid, "passed", observations={
            "to": SUPPORT, "subject": f"Where is my washing machine? [ref {token}]",
            "message_id": f"<{token}@prober.test>", "reply_address": reply,
            "server_answer": "250 2.0.0 Ok: queued as 4F2A1"})
        wait_sid = None
        if await_step:
            wait_sid = led.start_step(jid, 1, "wait-reply", "await", "Wait for the answer")
            led.finish_step(wait_sid, "pending", observations={"awaiting": "enquiry", "channel": "email"})
        return {"journey": jid, "step": sid, "await_step": wait_sid or sid, "contact": cid, "token": token}

    def response(self, j: dict | None, kind: str | None, after_s: float, subject: str, *,
                 sender: str = SUPPORT, matched_by: str | None = "reply_address", observed: dt.datetime | None = None,
                 reason: str | None = None) -> int:
        self.uid += 1
        arrived = at(5 + after_s)
        rel = None
        if kind != "own_copy":
            folder = f"evidence/{self.run_id}/replies/{j['token']}" if j else "evidence/unmatched/shopper"
            rel = eml_file(self.root, f"{folder}-1-{self.uid}.eml", sender, subject, "Thank you for your message.")
        rid = self.led.add_response(
            channel="email", mailbox=MAILBOX, uidvalidity=1, uid=self.uid, contact_id=j["contact"] if j else None,
            matched_by=matched_by if j else None, kind=kind, kind_reason=reason, message_id=f"<m{self.uid}@x>",
            from_addr=sender, to_addr="jane@prober.test", subject=subject,
            internal_date=arrived.replace(microsecond=0), date_header=arrived.replace(microsecond=0),
            observed_at=observed or arrived, arrived_at=arrived, body_text="Thank you for your message.",
            evidence_path=rel, evidence_root=str(self.root) if rel else None)
        if j and rel:  # harvest keeps the .eml as evidence of the step too
            self.led.add_evidence(self.run_id, j["journey"], j["step"], "email", f"Reply: {subject}", rel,
                                  (self.root / rel).stat().st_size)
        return rid

    def awaits(self, j: dict, **settled) -> None:
        """settled: kind -> (status, response id, elapsed_s, business_s) or ("pending", due_at)."""
        for kind, (deadline, outcome) in settled.items():
            due = outcome[1] if outcome[0] == "pending" else at(5 + (900 if kind == "ack" else 86400))
            aid = self.led.add_await(run_id=self.run_id, journey_id=j["journey"], step_id=j["await_step"],
                                     contact_id=j["contact"], channel="email", kind=kind, deadline_text=deadline,
                                     due_at=due)
            if outcome[0] != "pending":
                status, rid, elapsed, business = outcome
                self.led.settle_await(aid, status, response_id=rid, elapsed_s=elapsed, business_s=business)
                if finding := verdict(kind, deadline, status, elapsed):
                    self.led.add_finding(self.run_id, j["journey"], j["await_step"], finding, j["contact"])


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    base = tmp_path_factory.mktemp("answers")
    root = base / "reports"
    clock = Clock()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ledger_module, "utcnow", clock)
        led = Ledger(f"sqlite:///{base / 'ledger.db'}")
        # An earlier run, and mail that matched nothing before this run started.
        clock.now = T0 - dt.timedelta(days=1)
        old = led.start_run("nightly", evidence_root=root)
        led.finish_run(old, "passed")
        clock.now = T0
        run_id = led.start_run("run", evidence_root=root)
        rec = Recorder(led, run_id, root, clock)
        rec.response(None, None, -3600, "Old newsletter", sender="news@shop.test", observed=T0 - dt.timedelta(hours=1))

        # 1. Acknowledged after 1 min 12 s; a person replied that evening (10 h 5 min; 8 h 30 min in hours).
        j1 = rec.email_journey("Ask about a delivery by email", "northwind", "Northwind Appliances", "k7q9mwx2ab")
        rec.response(j1, "own_copy", 1, "Where is my washing machine? [ref k7q9mwx2ab]", sender="jane@prober.test",
                     matched_by="message_id")
        a1 = rec.response(j1, "auto", 72, "We have received your message", reason="Auto-Submitted: auto-replied")
        h1 = rec.response(j1, "human", 36300, "Re: Where is my washing machine?", sender="Tom <tom@northwind.test>",
                          matched_by="token", reason="no sign of automation")
        rec.awaits(j1, ack=("15m", ("met", a1, 72.0, 72.0)), human=("1 business day", ("met", h1, 36300.0, 30600.0)))
        led.update_row("steps", j1["await_step"], status="passed")
        led.finish_journey(j1["journey"], "passed")

        # 2. Deadlines on the email step itself: acknowledged after 3 min, the person's answer still due.
        j2 = rec.email_journey("Ask for a repair visit", "northwind", "Northwind Appliances", "p3r8vnq4cd",
                               await_step=False)
        a2 = rec.response(j2, "auto", 180, "Ticket #5521 opened", reason="X-Autoreply header")
        rec.awaits(j2, ack=("15m", ("met", a2, 180.0, 180.0)),
                   human=("1 business day", ("pending", dt.datetime(2026, 3, 3, 17, 30, tzinfo=dt.timezone.utc))))
        led.update_row("steps", j2["step"], status="pending")
        led.finish_journey(j2["journey"], "pending")

        # 3. Acknowledged 20 min after sending (5 min late); a person replied after 2 h.
        j3 = rec.email_journey("Complain about a noisy fridge", "northwind", "Northwind Appliances", "w4x6yzab2c")
        a3 = rec.response(j3, "auto", 1200, "Automatic reply: complaints", reason="Precedence: auto_reply")
        h3 = rec.response(j3, "human", 7200, "Your complaint", sender="Ana <ana@northwind.test>",
                          reason="no sign of automation")
        rec.awaits(j3, ack=("15m", ("late", a3, 1200.0, 1200.0)), human=("1 business day", ("met", h3, 7200.0, 7200.0)))
        led.update_row("steps", j3["await_step"], status="failed")
        led.finish_journey(j3["journey"], "failed")

        # 4. Bounced, and nobody answered.
        j4 = rec.email_journey("Cancel an order", "northwind", "Northwind Appliances", "m5n6p7q8rs")
        rec.response(j4, "bounce", 30, "Undelivered Mail Returned to Sender", sender="MAILER-DAEMON@northwind.test",
                     matched_by="thread")
        rec.awaits(j4, ack=("15m", ("no_response", None, None, None)),
                   human=("1 business day", ("no_response", None, None, None)))
        led.update_row("steps", j4["await_step"], status="failed")
        led.finish_journey(j4["journey"], "failed")

        # 5. Another company, still waiting for its acknowledgement.
        j5 = rec.email_journey("Ask Acme about a warranty", "acme", "Acme Ltd", "t9u8v7w6xy")
        rec.awaits(j5, ack=("4 business hours", ("pending", dt.datetime(2026, 3, 2, 13, 0, tzinfo=dt.timezone.utc))))
        led.finish_journey(j5["journey"], "pending")
        # 6. Closed as unanswered at its deadline; the automatic reply came 45 min after that.
        j6 = rec.email_journey("Ask Acme for an invoice", "acme", "Acme Ltd", "b2c3d4e5f6")
        rec.awaits(j6, ack=("15m", ("no_response", None, None, None)))
        rec.response(j6, "auto", 3600, "Out of office", reason="Auto-Submitted: auto-replied")
        led.update_row("steps", j6["await_step"], status="failed")
        led.finish_journey(j6["journey"], "failed")

        # Mail that matched nothing, seen during this run.
        rec.response(None, None, 600, "Question about invoice 7781", sender="billing@elsewhere.test")
        clock.now = at(60)
        led.finish_run(run_id, "failed")
    yield {"ledger": led, "run_id": run_id, "base": base, "root": root, "j": [j1, j2, j3, j4, j5]}
    led.close()


@pytest.fixture(scope="module")
def results(recorded):
    return build_results(recorded["ledger"], recorded["run_id"])


def steps_of(results, name):
    return next(j for j in results["journeys"] if j["name"] == name)["steps"]


# --- the results document -----------------------------------------------------------------

def test_nearest_rank():
    assert nearest_rank([], 50) is None
    assert nearest_rank([3.0], 90) == 3.0
    assert nearest_rank([1200.0, 72.0, 180.0], 50) == 180.0 and nearest_rank([72.0, 180.0, 1200.0], 90) == 1200.0
    assert nearest_rank([7200.0, 36300.0], 50) == 7200.0 and nearest_rank([7200.0, 36300.0], 90) == 36300.0
    assert nearest_rank(list(range(1, 11)), 90) == 9 and nearest_rank(list(range(1, 101)), 90) == 90


def test_times_in_plain_words():
    assert after_text(72.0) == "after 1 min 12 s"
    assert after_text(36300.0, 30600.0) == "after 10 h 5 min (8 h 30 min in business hours)"
    assert after_text(180.0, 180.0) == "after 3 min"                        # the same: said once
    assert after_text(2.3, 0.0) == "after 2.3 s (outside business hours)"
    assert after_text(3 * 86400 + 7200.0) == "after 3 d 2 h"
    assert after_text(None) == ""


def test_figures_per_target(results):
    assert results["format_version"] == 2
    northwind, acme = results["targets_figures"]
    assert northwind == {
        "target": "northwind", "target_name": "Northwind Appliances", "contacts_awaited": 4,
        "responded": 3, "response_rate": 0.75, "acknowledged": 3, "ack_rate": 0.75,
        "human_replied": 2, "human_rate": 0.5,
        "ack_median_s": 180.0, "ack_p90_s": 1200.0,          # nearest rank: 2nd and 3rd of 3
        "human_median_s": 7200.0, "human_p90_s": 36300.0}     # 1st and 2nd of 2
    # Answers count even when they came after the deadline was closed.
    assert acme == {"target": "acme", "target_name": "Acme Ltd", "contacts_awaited": 2, "responded": 1,
                    "response_rate": 0.5, "acknowledged": 1, "ack_rate": 0.5, "human_replied": 0, "human_rate": 0.0,
                    "ack_median_s": 3600.0, "ack_p90_s": 3600.0, "human_median_s": None, "human_p90_s": None}


def test_summary_counts_awaits_and_pending_journeys(results):
    s = results["summary"]
    assert s["journeys"] == {"total": 6, "passed": 1, "failed": 3, "error": 0, "not_started": 0, "pending": 2,
                             "unfinished": 0, "skipped": 0, "flaky": 0}
    assert s["awaits"] == {"pending": 2, "met": 4, "late": 1, "no_response": 3}
    assert {f["check"] for f in results["findings"]} == {"reply.late_ack", "reply.no_ack", "reply.no_human"}


def test_steps_carry_contact_responses_and_awaits(results, recorded):
    enquiry, wait = steps_of(results, "Ask about a delivery by email")
    c = enquiry["contact"]
    assert (c["message_id"], c["reply_address"], c["server_answer"]) == (
        "<k7q9mwx2ab@prober.test>", "jane+k7q9mwx2ab@prober.test", "250 2.0.0 Ok: queued as 4F2A1")
    # Our own copy of the sent mail is no answer.
    assert [r["kind"] for r in enquiry["responses"]] == ["auto", "human"]
    auto, human = enquiry["responses"]
    assert auto["after_s"] == pytest.approx(72.0) and human["after_s"] == pytest.approx(36300.0)
    assert auto["matched_by"] == "reply_address" and auto["kind_reason"] == "Auto-Submitted: auto-replied"
    assert human["from"] == "Tom <tom@northwind.test>" and human["arrived_at"] == "2026-03-02T19:05:05.000Z"
    assert human["internal_date"] == "2026-03-02T19:05:05.000Z" and human["date_header"] == human["internal_date"]
    assert Path(auto["eml"]).is_absolute() and Path(auto["eml"]).is_file()
    # Awaits belong to the step that waits; the email step made the contact.
    assert enquiry["awaits"] == [] and wait["responses"] == [] and wait["contact"] is None
    assert wait["awaits"] == [
        {"kind": "ack", "channel": "email", "deadline": "15m", "due_at": "2026-03-02T09:15:05.000Z", "status": "met", "elapsed_s": 72.0,
         "business_s": 72.0, "settled_at": "2026-03-02T09:00:00.000Z", "response_id": auto["id"],
         "held_open": None},
        {"kind": "human", "channel": "email", "deadline": "1 business day", "due_at": "2026-03-03T09:00:05.000Z", "status": "met",
         "elapsed_s": 36300.0, "business_s": 30600.0, "settled_at": "2026-03-02T09:00:00.000Z",
         "response_id": human["id"], "held_open": None}]
    (repair,) = steps_of(results, "Ask for a repair visit")
    assert repair["status"] == "pending" and [a["status"] for a in repair["awaits"]] == ["met", "pending"]
    assert repair["awaits"][1]["settled_at"] is None and repair["awaits"][1]["elapsed_s"] is None


def test_unmatched_mail_only_from_this_run(results, recorded):
    assert [(u["from"], u["subject"], u["mailbox"], u["kind"]) for u in results["unmatched_mail"]] == [
        ("billing@elsewhere.test", "Question about invoice 7781", MAILBOX, None)]
    assert results["unmatched_mail"][0]["arrived_at"] == "2026-03-02T09:10:05.000Z"
    assert Path(results["unmatched_mail"][0]["eml"]).is_file()
    # The earlier run started before both messages were seen, so it lists both.
    old = recorded["ledger"].list_runs()[-1]["id"]
    assert [u["subject"] for u in build_results(recorded["ledger"], old)["unmatched_mail"]] == [
        "Old newsletter", "Question about invoice 7781"]


def test_json_round_trip(results, recorded):
    out = write_json(results, recorded["base"] / "exports" / "results.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format_version"] == 2
    assert doc["summary"] == results["summary"] and doc["targets_figures"] == results["targets_figures"]
    emls = [r["eml"] for j in doc["journeys"] for s in j["steps"] for r in s["responses"]]
    emls += [u["eml"] for u in doc["unmatched_mail"]]
    assert len(emls) == 8
    for path in emls:
        assert not Path(path).is_absolute() and (out.parent / path).is_file()
    stripped = json.loads(json.dumps(results))
    for d in (stripped, doc):
        for j in d["journeys"]:
            for s in j["steps"]:
                for e in s["evidence"]:
                    e.pop("path", None), e.pop("abs_path", None)
                for r in s["responses"]:
                    r.pop("eml")
        for u in d["unmatched_mail"]:
            u.pop("eml")
    assert doc == stripped


# --- the HTML report in a real browser ----------------------------------------------------

def test_answers_in_chromium(chromium, results, recorded):
    out_dir = recorded["base"] / "site"
    path = write_report(results, out_dir)
    page, requests, url = open_report(chromium, path)
    try:
        assert requests and all(r == url or r.startswith("data:") for r in requests), requests
        text = page.inner_text("body")
        # The summary card, with the public benchmark for context.
        card = page.locator(".card", has_text="Answers")
        row = card.locator("tbody tr", has_text="Northwind Appliances").inner_text()
        assert "3 (75%)" in row and "2 (50%)" in row and "3 min · 20 min" in row and "2 h · 10 h 5 min" in row
        acme = card.locator("tbody tr", has_text="Acme Ltd").inner_text()
        assert "1 (50%)" in acme and "1 h · 1 h" in acme and "no reply yet" in acme
        assert "In a 2018 benchmark of 1,000 companies, 62% never replied and the average reply took 12 h 10 min." \
            in card.inner_text()
        assert "4 met" in card.inner_text() and "3 never answered" in card.inner_text()
        assert "2 still waiting" in card.inner_text()

        # Journey 1: the contact's story, with wall-clock and business-hours times.
        step = page.locator("li.step", has_text="Step 1: enquiry").first
        story = step.inner_text()
        for words in ("Sent to", SUPPORT, "Subject", "Where is my washing machine? [ref k7q9mwx2ab]", "Server said",
                      "accepted (250 2.0.0 Ok: queued as 4F2A1)", "Reply address", "jane+k7q9mwx2ab@prober.test",
                      "Acknowledged", "after 1 min 12 s", "by an automatic reply", "due within 15m: met",
                      "First reply from a person", "after 10 h 5 min (8 h 30 min in business hours)",
                      "from Tom <tom@northwind.test>", "matched by its reply address", "matched by the reference token",
                      "why automatic: Auto-Submitted: auto-replied"):
            assert words in story, words
        assert [b.inner_text() for b in step.locator(".response .badge").all()] == ["automatic", "person"]
        assert "ref k7q9mwx2ab]" not in step.locator(".responses").inner_text()   # own copy left out
        assert step.locator(".files a[href$='.eml']").count() == 0                # each .eml linked once
        # Every .eml link resolves to the raw message on disk.
        links = page.locator("a[href$='.eml']")
        assert links.count() == 8
        for i in range(links.count()):
            assert (out_dir / unquote(links.nth(i).get_attribute("href"))).resolve().is_file()

        # Pending is visibly pending, in blue, never red.
        repair = page.locator("section.journey", has_text="Ask for a repair visit")
        assert "Waiting for an answer" in repair.locator(".titleline").inner_text()
        pending = repair.locator(".deadline.dl-wait")
        assert pending.inner_text().strip() == "◷due within 1 business day: pending until Tue 3 Mar 17:30 UTC"
        blue = "rgb(29, 95, 168)"
        assert pending.evaluate("e => getComputedStyle(e).color") == blue
        assert repair.locator(".titleline .badge").evaluate("e => getComputedStyle(e).color") == blue
        assert repair.locator(".ms-pending .ms-when").inner_text() == "not yet: still waiting"
        assert "is waiting" in text or "are waiting" in text

        # Late, missed and bounced.
        fridge = page.locator("section.journey", has_text="Complain about a noisy fridge").inner_text()
        assert "due within 15m: late by 5 min" in fridge and "Acknowledgement due within 15m" in fridge
        cancel = page.locator("section.journey", has_text="Cancel an order").inner_text()
        assert "no answer (it was due Mon 2 Mar 09:15 UTC)" in cancel and "none by the deadline" in cancel
        assert "but it came back undelivered after 30.0 s" in cancel
        assert "bounce" in cancel and "Undelivered Mail Returned to Sender" in cancel
        invoice = page.locator("section.journey", has_text="Ask Acme for an invoice").inner_text()
        assert "due within 15m: no answer in time; one came 45 min late" in invoice
        assert "No answer has arrived yet." in page.locator("section.journey", has_text="Ask Acme about a warranty") \
            .inner_text()

        # Unmatched mail from this run only.
        unmatched = page.locator("section[aria-labelledby=unmatched-h]").inner_text()
        assert "Question about invoice 7781" in unmatched and "billing@elsewhere.test" in unmatched
        assert "Old newsletter" not in text

        page.locator(".card", has_text="Answers").screenshot(path="/tmp/answers-card.png")
        page.locator("section.journey", has_text="Ask about a delivery by email").screenshot(
            path="/tmp/answers-journey.png")
        repair.screenshot(path="/tmp/answers-pending.png")
        page.locator("section.journey", has_text="Complain about a noisy fridge").screenshot(path="/tmp/answers-late.png")
        page.locator("section.journey", has_text="Cancel an order").screenshot(path="/tmp/answers-missed.png")
        page.locator("header").screenshot(path="/tmp/answers-header.png")
        page.locator("section[aria-labelledby=unmatched-h]").screenshot(path="/tmp/answers-unmatched.png")
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF")
        Path("/tmp/answers.pdf").write_bytes(pdf)
    finally:
        page.context.close()


def test_report_without_answers_has_no_answer_parts(chromium, tmp_path):
    led = Ledger(f"sqlite:///{tmp_path / 'l.db'}")
    run_id = led.start_run("run", evidence_root=tmp_path)
    jid = led.start_journey(run_id, name="Form only", file="f.yaml", target="x", target_name="X", persona={}, tags=[])
    sid = led.start_step(jid, 0, "form", "web_form")
    led.finish_step(sid, "passed", observations={"reachable": True})
    led.finish_journey(jid, "passed")
    led.finish_run(run_id, "passed")
    results = build_results(led, run_id)
    assert results["targets_figures"] == [] and results["unmatched_mail"] == []
    assert results["summary"]["awaits"] == {"pending": 0, "met": 0, "late": 0, "no_response": 0}
    page, _, _ = open_report(chromium, write_report(results, tmp_path / "out"))
    try:
        text = page.inner_text("body")
        assert "Mail that matched no contact" not in text and "Answers by email" not in text
        assert page.locator(".card h3", has_text="Answers").count() == 0
    finally:
        page.context.close()
    led.close()
