"""A night's run written through the Ledger API, as the runner and harvest write it, for the export tests.

Two companies, seven journeys: a form that works (with an info finding), a form that crashes (a critical and
a minor finding, then a skipped step), an email answered automatically after 72 s and by a person after an
hour, a chat stopped by the prober's own error, a phone call answered after 2.5 s and a person after 40 s, a
journey stopped by a preflight failure, and an email whose answer is still awaited.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from probes import ledger as ledger_module
from probes.ledger import Ledger
from probes.results import Finding

T0 = dt.datetime(2026, 3, 2, 2, 0, 0, tzinfo=dt.timezone.utc)   # a night, 02:00 UTC
RUN_ID = "nightly-20260302"
PREFLIGHT_ERROR = "preflight: identities.shopper.phone.auth_token: Twilio refused the credentials"
CHROMIUM_GONE = "Chromium went away while the step ran"


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


class Night:
    """Writes one run's journeys, steps, contacts, answers and findings at chosen times."""

    def __init__(self, led: Ledger, clock: Clock, root: Path):
        self.led, self.clock = led, clock
        clock.now = T0
        self.run_id = led.start_run("nightly", root, run_id=RUN_ID)
        self.uid = 0

    def journey(self, name: str, target: str, target_name: str, start_s: float) -> int:
        self.clock.now = at(start_s)
        return self.led.start_journey(self.run_id, name=name, file=f"scenarios/{name.lower().replace(' ', '-')}.yaml",
                                      target=target, target_name=target_name, persona={"name": "Jane Doe"},
                                      tags=["nightly"])

    def step(self, jid: int, position: int, key: str, channel: str, start_s: float, end_s: float, status: str, *,
             reachable: bool | None = None, measurements: dict | None = None, error: str | None = None,
             contact: bool = False, findings: tuple[Finding, ...] = ()) -> dict:
        self.clock.now = at(start_s)
        sid = self.led.start_step(jid, position, key, channel)
        cid = None
        if contact:
            cid = self.led.plan_contact(run_id=self.run_id, journey_id=jid, step_id=sid, channel=channel,
                                        destination="support@company.test", token=f"tok{sid}",
                                        idempotency_key=f"{self.run_id}/{sid}")
            self.led.mark_contact(cid, "sent", at(start_s + 0.5))
        for f in findings:
            self.led.add_finding(self.run_id, jid, sid, f, cid)
        self.clock.now = at(end_s)
        observations = {} if reachable is None else {"reachable": reachable}
        self.led.finish_step(sid, status, measurements, observations, error=error)
        return {"journey": jid, "step": sid, "contact": cid}

    def answer(self, s: dict, kind: str, after_s: float, sent_s: float) -> int:
        self.uid += 1
        arrived = at(sent_s + 0.5 + after_s)
        rid = self.led.add_response(
            channel="email", mailbox="shopper/INBOX", uidvalidity=1, uid=self.uid, contact_id=s["contact"],
            matched_by="reply_address", kind=kind, kind_reason="test", message_id=f"<m{self.uid}@x>",
            from_addr="support@company.test", to_addr="jane@prober.test", subject="Re: your question",
            internal_date=arrived, date_header=arrived, observed_at=arrived, arrived_at=arrived,
            body_text="Thank you for your message.")
        assert rid is not None
        return rid

    def await_(self, s: dict, wait_step: int, kind: str, status: str, response_id: int | None = None,
               elapsed_s: float | None = None) -> None:
        aid = self.led.add_await(run_id=self.run_id, journey_id=s["journey"], step_id=wait_step,
                                 contact_id=s["contact"], channel="email", kind=kind, deadline_text="1 day",
                                 due_at=at(86400))
        if status != "pending":
            self.led.settle_await(aid, status, response_id=response_id, elapsed_s=elapsed_s, business_s=elapsed_s)


def write_night(path: Path, root: Path) -> tuple[Ledger, str]:
    """The night described in the module docstring, in a new ledger at ``path``."""
    clock = Clock()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ledger_module, "utcnow", clock)
        led = Ledger(f"sqlite:///{path}")
        n = Night(led, clock, root)
        nw, nw_name, acme, acme_name = "northwind", "Northwind Appliances", "acme", "Acme Ltd"

        j = n.journey("Contact form works", nw, nw_name, 0)
        n.step(j, 0, "enquiry", "web_form", 0, 3.5, "passed", reachable=True, contact=True,
               measurements={"page_load_s": 0.8, "submit_to_confirmation_s": 1.25},
               findings=(Finding("web_form.blocked", "info", "A tracker was blocked", "off the allowlist",
                                 "https://tracker.test/pixel"),))
        led.finish_journey(j, "passed")

        j = n.journey("Returns form crashes", nw, nw_name, 10)
        n.step(j, 0, "returns", "web_form", 10, 12.25, "failed", reachable=False, contact=True,
               measurements={"page_load_s": 0.9},
               findings=(Finding("placeholder", "minor", "Unreplaced placeholder %NAME%", "template text",
                                 "Dear %NAME%\x07,"),
                         Finding("web_form.http_error", "critical", "Sending the form failed with HTTP 500",
                                 "POST /returns answered 500", "Internal Server Error")))
        clock.now = at(12.25)
        led.skip_step(j, 1, "follow-up", "email", "not run: step 'returns' failed with a critical finding")
        led.finish_journey(j, "failed")

        j = n.journey("Email answered", acme, acme_name, 20)
        sent = n.step(j, 0, "question", "email", 20, 21, "passed", reachable=True, contact=True)
        wait = n.step(j, 1, "wait", "await", 21, 21.5, "passed")
        ack = n.answer(sent, "auto", 72.0, 20)
        human = n.answer(sent, "human", 3600.0, 20)
        n.await_(sent, wait["step"], "ack", "met", ack, 72.0)
        n.await_(sent, wait["step"], "human", "met", human, 3600.0)
        led.finish_journey(j, "passed")

        j = n.journey("Chat widget", acme, acme_name, 30)
        # A figure measured before the prober's own trouble is not the company's.
        n.step(j, 0, "chat", "chat", 30, 45, "error", error=CHROMIUM_GONE, measurements={"first_reply_s": 3.0})
        led.finish_journey(j, "error")

        j = n.journey("Phone line", nw, nw_name, 50)
        n.step(j, 0, "call", "phone", 50, 120, "passed", reachable=True, contact=True,
               measurements={"answer_s": 2.5, "time_to_person_s": 40.0, "menu_s": 12.0})
        led.finish_journey(j, "passed")

        j = n.journey("SMS order question", acme, acme_name, 130)
        led.skip_step(j, 0, "text", "sms", "not run: the preflight failed (see the journey's error)")
        led.finish_journey(j, "error", PREFLIGHT_ERROR)

        j = n.journey("Email still waiting", nw, nw_name, 140)
        sent = n.step(j, 0, "ask", "email", 140, 141, "passed", reachable=True, contact=True)
        wait = n.step(j, 1, "wait", "await", 141, 141.5, "pending")
        n.await_(sent, wait["step"], "ack", "pending")
        led.finish_journey(j, "pending")

        clock.now = at(150)
        led.finish_run(n.run_id, "error")
    return led, n.run_id
