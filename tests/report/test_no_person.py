"""A "no answer from a person" that says what did arrive, and a report whose answer cards above it say they
were automatic: two helpdesk auto-replies harvested from a real Dovecot, the deadline closed, the report
rendered."""
import email
import email.policy
import re
import time
from email.utils import format_datetime
from pathlib import Path

from probes.harvest import harvest
from probes.report import build_results, write_report
from probes.results import utcnow

HELPDESKS = Path(__file__).parent.parent / "data" / "helpdesks"

ASK = """
    name: Ask and hear only machines
    persona: {name: Jane Doe, email: jane@example.com}
    target: demo
    steps:
      - id: question
        channel: email
        to: returns@northwind.example
        subject: Where is my refund?
        body: "Hello, where is my refund? Jane"
        expect: {ack_within: 1h, human_within: 1s}
"""


def addressed(name: str, contact: dict) -> bytes:
    msg = email.message_from_bytes((HELPDESKS / name).read_bytes(), policy=email.policy.default)
    for name in ("To", "Date", "X-Fixture-Source", "X-Fixture-Expect", "X-Fixture-Why"):
        del msg[name]
    msg["To"], msg["Date"] = contact["reply_address"], format_datetime(utcnow())
    msg["In-Reply-To"] = contact["message_id"]
    return msg.as_bytes()


def test_no_answer_from_a_person_says_what_arrived_and_the_report_links_the_automatic_cards(
        run_journeys, mail, mail_config, reports, tmp_path):
    mail_config.targets["demo"].auto_reply_within_s = 0
    ran = run_journeys(ASK, cfg=mail_config)
    (contact,) = ran.rows["contacts"]
    mail.imap.deliver("shopper", addressed("osticket-auto-reply.eml", contact))
    mail.imap.deliver("shopper", addressed("zendesk-acknowledgement.eml", contact))
    (due,) = [a["due_at"] for a in ran.ledger.run_rows(ran.result.run_id)["awaits"] if a["kind"] == "human"]
    while utcnow() <= due:   # the mailbox must be read after the deadline for it to be closed
        time.sleep(0.2)
    harvest(ran.ledger, mail_config, reports)

    rows = ran.ledger.run_rows(ran.result.run_id)
    (finding,) = [f for f in rows["findings"] if f["check_id"] == "reply.no_human"]
    detail = finding["detail"]
    assert detail.startswith("No answer from a person came back before the deadline. 2 answers arrived (+"), detail
    assert re.search(r"arrived \(\+\d+\.\d s, \+\d+\.\d s\); both were judged automatic \(", detail), detail
    for why in ("Auto-Submitted: auto-replied", "X-Autoreply header", "Zendesk puts it on every message",
                "Your request (4711) has been received"):
        assert why in detail, why
    assert "Nothing came back" not in detail

    page = write_report(build_results(ran.ledger, ran.result.run_id), tmp_path / "report").read_text()
    cards = re.findall(r'<li class="response" id="([^"]+)">\s*<div class="head"><span class="badge rk-auto"[^>]*>'
                       r'automatic</span> <span class="muted small">\(not counted as an answer from a person\)', page)
    assert len(cards) == 2, "each automatic answer card says it does not count as a person's answer"
    links = re.search(r'<p class="automatic-answers small">Judged automatic, so not an answer from a person: (.*?)</p>',
                      page, re.S)
    assert links, "the finding links to the automatic answers"
    assert sorted(re.findall(r'href="#([^"]+)"', links.group(1))) == sorted(cards)


def test_the_verdict_names_each_arrival_and_why_it_was_automatic():
    import datetime as dt

    from probes.awaits import verdict, what_arrived

    sent = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.timezone.utc)
    why = "Auto-Submitted: auto-replied; says “do not reply” at the top"
    came = [{"kind": "own_copy", "arrived_at": sent},
            {"kind": "auto", "kind_reason": why, "arrived_at": sent + dt.timedelta(seconds=0.2)},
            {"kind": "auto", "kind_reason": why, "arrived_at": sent + dt.timedelta(seconds=62.8)}]
    said = what_arrived(came, sent)
    assert said == f"2 answers arrived (+0.2 s, +62.8 s); both were judged automatic ({why})."
    f = verdict("human", "1 business day", "no_response", None, said)
    assert f.check == "reply.no_human" and f.severity == "critical" and f.detail.endswith(said)
    # Different reasons: each answer's own, by its time.
    came[2]["kind_reason"] = "the same text was sent to 2 other contacts of this run"
    assert what_arrived(came, sent).endswith(
        f"(+0.2 s: {why} / +62.8 s: the same text was sent to 2 other contacts of this run).")
    # Nothing but our own copy: the old words, nothing to explain.
    assert what_arrived(came[:1], sent) == ""
    assert verdict("human", "1 business day", "no_response", None, "").detail.startswith("Nothing came back")
    assert "nothing from a person came by then. 2 answers" in verdict(
        "promise", 'promised "within 24 hours"', "no_response", None, said).detail
