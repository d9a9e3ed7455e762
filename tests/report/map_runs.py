"""Runs for the journey map tests, written through the ledger API as a real run and harvest would write them.

``cross_channel``: a web form answered by e-mail (an automatic reply after 50 min, then a person 4 h 12 min after
sending who greets "Dear [name]" and promises an e-mail "within 24 hours", which came late); ``phone_only``: a
call whose menu ended in a dead end, heard as an IVR prompt, in a stage the scenario named; ``broken_form``: a
contact form that answered with a server error, its screenshot kept as evidence. ``run_of`` records one run
holding the journeys given.
"""
from __future__ import annotations

import datetime as dt

from probes.results import Finding

T0 = dt.datetime(2026, 11, 3, 9, 0, tzinfo=dt.timezone.utc)
ACK_AFTER_S = 50 * 60.0
HUMAN_AFTER_S = 4 * 3600 + 12 * 60          # "4 h 12 min of silence"
PLACEHOLDER_QUOTE = "Dear [name], thank you for contacting Acme"
IVR_PROMPT = "Sorry, all our lines are closed. Goodbye."


def _at(s: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=s)


def run_of(ledger, run_id: str, *journeys, day: int = 0, kind: str = "run", evidence_root: str = ".") -> str:
    """One run of the journeys given (cross_channel, phone_only, broken_form), as the runner and harvest write
    it; ``day``: started that many days after T0 (the journeys' own times stay at T0)."""
    ledger.start_run(kind, evidence_root=evidence_root, run_id=run_id)
    ledger.update_row("runs", run_id, started_at=T0 + dt.timedelta(days=day))
    for add in journeys:
        add(ledger, run_id)
    ledger.finish_run(run_id, "failed")
    ledger.update_row("runs", run_id, finished_at=_at(120))
    return run_id


def cross_channel(ledger, run_id: str, human_after_s: float = HUMAN_AFTER_S) -> None:
    """Web form → e-mail answers → a promise kept late; a placeholder greeting and a late answer (a person
    answers ``human_after_s`` after the form was sent)."""
    jid = ledger.start_journey(run_id, name="Refund by web form", file="refund.yaml", target="acme",
                               target_name="Acme Ltd", tags=["refund"],
                               persona={"name": "Jane Roe", "language": "en", "situation": "bereavement"})
    ledger.update_row("journeys", jid, started_at=T0)
    form = ledger.start_step(jid, 0, "send", "web_form", "Send the refund request")
    cid = ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=form, channel="web_form", destination="x",
                              token=f"{run_id}-tok", idempotency_key=f"{run_id}/send")
    ledger.mark_contact(cid, "sent", sent_at=_at(12))
    ledger.finish_step(form, "passed", {"page_load_s": 1.2}, {"reachable": True}, started_at=_at(0))
    ledger.update_row("steps", form, finished_at=_at(12))
    wait = ledger.start_step(jid, 1, "answer", "await", "Wait for the answer")
    ack = ledger.add_await(run_id=run_id, journey_id=jid, step_id=wait, contact_id=cid, channel="email",
                           kind="ack", deadline_text="1 hour", due_at=_at(12 + 3600))
    human = ledger.add_await(run_id=run_id, journey_id=jid, step_id=wait, contact_id=cid, channel="email",
                             kind="human", deadline_text="2 hours", due_at=_at(12 + 7200))
    rid_ack = ledger.add_response(channel="email", mailbox="shopper", uidvalidity=1, uid=cid * 10 + 1, contact_id=cid,
                                  matched_by="token", kind="auto", observed_at=_at(12 + ACK_AFTER_S),
                                  arrived_at=_at(12 + ACK_AFTER_S), subject="We got your message",
                                  body_text="We received your request and will reply soon.")
    rid = ledger.add_response(channel="email", mailbox="shopper", uidvalidity=1, uid=cid * 10 + 2, contact_id=cid,
                              matched_by="token", kind="human", observed_at=_at(12 + human_after_s),
                              arrived_at=_at(12 + human_after_s), subject="Re: refund",
                              body_text=PLACEHOLDER_QUOTE + ". We will e-mail you the label within 24 hours.")
    ledger.settle_await(ack, "met", response_id=rid_ack, elapsed_s=ACK_AFTER_S)
    ledger.settle_await(human, "late", response_id=rid, elapsed_s=human_after_s)
    promise = ledger.add_await(run_id=run_id, journey_id=jid, step_id=wait, contact_id=cid, channel="email",
                               kind="promise", deadline_text="promised \u201cwithin 24 hours\u201d",
                               due_at=_at(12 + human_after_s + 86400))
    ledger.settle_await(promise, "late", elapsed_s=human_after_s + 90000)
    ledger.add_finding(run_id, jid, wait, Finding("reply.late_human", "major",
                                                  "An answer from a person came late: after 4 h 12 min, "
                                                  "promised within 2 hours"), cid)
    ledger.add_finding(run_id, jid, wait, Finding("placeholder", "major", "The greeting is an unfilled template",
                                                  snippet=PLACEHOLDER_QUOTE), cid)
    ledger.add_finding(run_id, jid, wait, Finding("canned", "minor", "A canned acknowledgement",
                                                  snippet="We received your request"), cid)
    ledger.add_finding(run_id, jid, wait, Finding("promise.late", "major",
                                                  "A promise came true late: promised \u201cwithin 24 hours\u201d"),
                       cid)
    ledger.finish_step(wait, "failed", observations={"awaiting": "send", "channel": "email"}, started_at=_at(12))
    ledger.finish_journey(jid, "failed")
    ledger.update_row("journeys", jid, finished_at=_at(30))


def phone_only(ledger, run_id: str) -> None:
    """A call whose menu leads nowhere; the customer never reaches anyone."""
    jid = ledger.start_journey(run_id, name="Call about a delivery", file="call.yaml", target="acme",
                               target_name="Acme Ltd", tags=["phone"], persona={"name": "Sam Poe", "language": "en"})
    ledger.update_row("journeys", jid, started_at=T0)
    call = ledger.start_step(jid, 0, "call", "phone", "Call the service line")
    ledger.add_finding(run_id, jid, call, Finding("phone.dead_end", "critical", "The company hung up before the customer reached a person",
                                                  snippet=IVR_PROMPT))
    transcript = [{"author": "ivr", "kind": "menu", "text": "Welcome to Acme. Press 1 for orders.", "t_s": 2.0},
                  {"author": "customer", "kind": "dtmf", "text": "1", "t_s": 9.0},
                  {"author": "ivr", "kind": "prompt", "text": IVR_PROMPT, "t_s": 12.0}]
    ledger.finish_step(call, "failed", {"call_s": 95.0}, {"reachable": False, "transcript": transcript,
                                                          "stage": "Phone the shop"}, started_at=_at(0))
    ledger.update_row("steps", call, finished_at=_at(95))
    ledger.finish_journey(jid, "failed")


SERVER_ERROR = "Error 500: something went wrong on our side"


def broken_form(ledger, run_id: str) -> None:
    """A contact form that answered with a server error; the page it showed is kept as a screenshot
    (``shots/<run id>-after.png`` under the run's evidence root, which the caller creates: see write_shot)."""
    jid = ledger.start_journey(run_id, name="Ask by contact form", file="form.yaml", target="acme",
                               target_name="Acme Ltd", tags=["form"], persona={"name": "Ada Poe", "language": "en"})
    ledger.update_row("journeys", jid, started_at=T0)
    form = ledger.start_step(jid, 0, "ask", "web_form", "Send the question")
    ledger.add_finding(run_id, jid, form, Finding("web_form.http_error", "critical",
                                                  "The form answered with a server error (HTTP 500)",
                                                  snippet=SERVER_ERROR))
    ledger.add_evidence(run_id, jid, form, "screenshot", "after sending", f"shots/{run_id}-after.png", None)
    ledger.finish_step(form, "failed", {"page_load_s": 0.8}, {"reachable": False}, started_at=_at(0))
    ledger.update_row("steps", form, finished_at=_at(6))
    ledger.finish_journey(jid, "failed")


def write_shot(root, run_id: str) -> None:
    """The screenshot broken_form records: a white page with a red error banner (Pillow)."""
    from PIL import Image, ImageDraw

    path = root / "shots" / f"{run_id}-after.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    im = Image.new("RGB", (1280, 2400), "white")
    ImageDraw.Draw(im).rectangle((0, 0, 1280, 300), fill=(200, 30, 30))
    im.save(path)
