"""sms (and WhatsApp) through the official twilio SDK, against the Twilio simulator and the demo company's SMS number."""
import asyncio
import time

import pytest

from probes.sim import phoneline
from probes.sim.phonenet import PROBER_NUMBER

TEXT = """
    name: {name}
    persona: {{name: Jane Doe}}
    target: demo
    steps:
      - id: text
        channel: sms
        to: "{to}"
        body: "Hi, where is my order 1234?"
        expect: {{ack_within: {ack}, human_within: {human}}}
"""


def text(to="{target.sms}", ack="5s", human="10s", name="Text"):
    return TEXT.format(to=to, ack=ack, human=human, name=name)


@pytest.fixture
def run_sms(run_journeys, phone_config):
    def run(*scenarios, cfg=None, wait_s=8.0):
        return run_journeys(*scenarios, cfg=cfg or phone_config, wait_s=wait_s)
    return run


def test_a_text_is_sent_acknowledged_and_answered_by_a_person(run_sms, phone):
    ran = run_sms(text())
    assert ran.result.exit_code == 0 and ran.rows["journeys"][0]["status"] == "passed", ran.rows["findings"]
    (contact,) = ran.rows["contacts"]
    step = ran.steps[0]
    assert contact["status"] == "sent" and contact["destination"] == phoneline.SMS_NUMBER
    assert step["observations"]["delivery_status"] == "delivered"
    # The company got the token in the text.
    received = [e for e in phone.line.log if e["kind"] == "sms_in"]
    assert len(received) == 1 and contact["token"] in received[0]["body"]
    answers = {r["kind"]: r for r in ran.rows["responses"]}
    assert set(answers) == {"auto", "human"}
    assert answers["auto"]["kind_reason"].startswith("arrived") and answers["auto"]["matched_by"] == "token"
    assert answers["human"]["body_text"].startswith("Hi, this is Sam") and answers["human"]["channel"] == "sms"
    awaits = {a["kind"]: a for a in ran.rows["awaits"]}
    assert awaits["ack"]["status"] == awaits["human"]["status"] == "met"
    # The person's answer came sms_human_delay_s (2.5 s) after the message; date_sent has 1 s resolution.
    assert awaits["human"]["elapsed_s"] >= 2.5 - 1.0   # never sooner (later when the machine is busy)
    saved = [e for e in ran.rows["evidence"] if e["label"].startswith(("Text from", "Automatic text"))]
    assert len(saved) == 2


def test_an_answer_that_does_not_come_in_time_is_a_finding(run_sms):
    ran = run_sms(text(human="1s"), wait_s=4.0)
    awaits = {a["kind"]: a for a in ran.rows["awaits"]}
    # The person answers after 2.5 s: by then the 1 s deadline was closed as unanswered.
    assert awaits["ack"]["status"] == "met" and awaits["human"]["status"] == "no_response"
    assert "reply.no_human" in ran.checks() and ran.rows["journeys"][0]["status"] == "failed"


def test_whatsapp_goes_out_from_the_whatsapp_sender_and_is_answered_there(run_sms, phone):
    ran = run_sms(text(to="whatsapp:{target.sms}"))
    assert ran.rows["journeys"][0]["status"] == "passed", ran.rows["findings"]
    (received,) = [e for e in phone.line.log if e["kind"] == "sms_in"]
    assert received["customer"] == f"whatsapp:{PROBER_NUMBER}"
    assert {r["to_addr"] for r in ran.rows["responses"]} == {f"whatsapp:{PROBER_NUMBER}"}


def test_a_number_that_cannot_take_texts_is_a_finding_now(run_sms, phone, company, reports):
    from probes.cli import demo_config

    cfg = demo_config(company.base_url, reports, phone=phone)
    cfg.targets["demo"].allowlist.append("+18005550177")
    ran = run_sms(text(to="+18005550177"), cfg=cfg, wait_s=0)
    (finding,) = ran.findings("sms.")
    assert finding["check_id"] == "sms.undelivered" and "30006" in finding["snippet"]


def test_harvesting_twice_records_each_text_once_and_unmatched_texts_are_kept(run_sms, phone, phone_config, reports):
    from probes.harvest import harvest

    ran = run_sms(text())
    before = len(ran.ledger.responses_where())
    # A text nobody can match: from a number the prober never wrote to, without a token.
    from probes.twilio_http import twilio_client

    twilio_client(phoneline.COMPANY_ACCOUNT_SID, phoneline.COMPANY_AUTH_TOKEN, phone.base_url).messages.create(
        to=PROBER_NUMBER, from_=phoneline.MAIN_LINE, body="Your appliance is ready for collection.")
    time.sleep(1.0)  # delivered, and so dated, a moment later
    result = harvest(ran.ledger, phone_config, reports)
    assert result.read >= 1 and result.unmatched == 1
    assert [u["from"] for u in result.unmatched_samples] == [phoneline.MAIN_LINE]
    again = harvest(ran.ledger, phone_config, reports)
    assert again.matched == 0 and not again.unmatched and not again.unmatched_samples
    assert len(ran.ledger.responses_where()) == before + 1


def test_after_a_crash_a_text_that_went_out_is_found_by_its_token(phone, phone_config):
    from probes.channels import sms
    from probes.results import utcnow
    from probes.runner import StepContext

    identity = phone_config.identities["shopper"].phone
    ctx = StepContext(target=None, values={}, evidence_dir=None, step_key="", browser_session=None,
                      phone_identity=identity)
    contact = {"destination": phoneline.SMS_NUMBER, "planned_at": utcnow(), "token": "abcdefgh23"}
    assert asyncio.run(sms.find_sent(contact, ctx)) is False
    identity.client().messages.create(to=phoneline.SMS_NUMBER, from_=PROBER_NUMBER, body="Hello (ref abcdefgh23)")
    assert asyncio.run(sms.find_sent(contact, ctx)) is True


FORM_ANSWERED_BY_TEXT = """
    name: Form answered by text
    persona: {name: Helen Brooks}
    target: demo
    steps:
      - id: form
        channel: web_form
        url: "{target.website}/contact"
        fields:
          - label: Your name
            value: "{persona.name}"
          - label: Email address
            value: helen.brooks@example.com
          - label: Topic
            value: Technical support
          - label: Your message
            value: "My dryer shows error E21. Please text me back on {reply_phone}."
        submit:
          text: Send message
        expect:
          text: We have received your message
      - id: answer
        await: form
        channel: sms
        human_within: 1m
"""


def test_a_web_form_answered_by_text_is_matched_by_the_companys_number(run_sms, phone, phone_config, reports):
    from probes.harvest import harvest
    from probes.twilio_http import twilio_client

    phone_config.targets["demo"].auto_reply_within_s = 0  # the text below comes within a second or two
    ran = run_sms(FORM_ANSWERED_BY_TEXT, wait_s=0)
    assert [s["status"] for s in ran.steps][1] == "pending"
    # The company texts back without quoting any reference: only its number says who it is.
    twilio_client(phoneline.COMPANY_ACCOUNT_SID, phoneline.COMPANY_AUTH_TOKEN, phone.base_url).messages.create(
        to=PROBER_NUMBER, from_=phoneline.SMS_NUMBER, body="Hi Helen, Priya here: I will call you at 3pm today.")
    time.sleep(1.0)
    harvest(ran.ledger, phone_config, reports)
    (answer,) = [r for r in ran.ledger.responses_where() if r["channel"] == "sms"]
    assert answer["matched_by"] == "number" and answer["kind"] == "human"
    (awaiting,) = ran.ledger.awaits_where()
    assert awaiting["status"] == "met"


def test_a_wrong_token_is_the_probers_error_not_the_companys(run_sms, phone, company, reports, monkeypatch):
    from probes.cli import demo_config
    from probes.sim.phonenet import TOKEN_VARIABLE

    cfg = demo_config(company.base_url, reports, phone=phone)
    monkeypatch.setenv(TOKEN_VARIABLE, "not-the-token")
    ran = run_sms(text(), cfg=cfg, wait_s=0)
    step = ran.steps[0]
    assert step["status"] == "error" and "20003" in step["error"] and ran.result.exit_code == 3
    assert not ran.rows["findings"]  # nothing is blamed on the company


def test_with_the_messaging_webhook_set_an_answer_is_recorded_the_moment_it_arrives(run_journeys, company, reports,
                                                                                   monkeypatch):
    import socket

    from probes.cli import demo_config
    from probes.sim.phonenet import DemoPhone

    # Without the webhook's word the prober would not look again for 10 minutes: what is recorded before the
    # wait ends (it ends as soon as every answer is in) came through the webhook.
    monkeypatch.setattr("probes.runner.HOOKED_LOOK_S", 600.0)
    wait_s = 300.0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = f"http://127.0.0.1:{port}/twilio/inbox/sms"
    with DemoPhone(time_scale=0.25, speech_rate_wps=10, sms_human_delay_s=2.5, prober_sms_url=inbox) as phone:
        cfg = demo_config(company.base_url, reports, phone=phone)
        cfg.identities["shopper"].phone.webhooks.listen = f"127.0.0.1:{port}"
        cfg.identities["shopper"].phone.webhooks.public_url = f"http://127.0.0.1:{port}"
        ran = run_journeys(text(), cfg=cfg, wait_s=wait_s)
        calls = [e for e in phone.sim.events if e.kind == "webhook" and e.text == inbox]
    assert ran.rows["journeys"][0]["status"] == "passed"
    # Twilio told the prober of both answers, and the prober's signature check let it in.
    assert len(calls) == 2 and all(e.detail["status"] == 200 for e in calls)
    # Recorded when told, not at the next look (10 minutes away) nor at the wait's end (5 minutes away);
    # the margin is for a busy machine, far below either.
    sent = {e.detail["sid"]: e.at for e in phone.sim.events if e.kind == "sms" and e.detail.get("status") == "received"}
    lags = [(r["observed_at"] - sent[r["message_id"]]).total_seconds() for r in ran.rows["responses"]]
    assert len(lags) == 2 and max(lags) < wait_s / 3, lags
