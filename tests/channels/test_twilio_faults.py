"""Twilio's own bad moments (5xx, 429 with Retry-After) are waited out, never blamed on the company, and
never make the prober call or text a company twice. The Twilio simulator answers the faults on cue."""
import asyncio
import json
import socket
import threading
import time

import pytest
import requests
from twilio.request_validator import RequestValidator

from probes.sim import phoneline
from probes.sim.phonenet import PROBER_NUMBER

CALL = """
    name: Call
    persona: {name: Jane Doe}
    target: demo
    steps:
      - id: call
        channel: phone
        mode: scripted
        to: "{target.sales_phone}"
        menu: []
"""

TEXT = """
    name: Text
    persona: {name: Jane Doe}
    target: demo
    steps:
      - id: text
        channel: sms
        body: "Hi, where is my order 1234?"
"""


@pytest.fixture
def cfg(phone_config):
    """The demo configuration with Twilio's trouble waited out for a short, test-sized time."""
    phone_config.identities["shopper"].phone.retry_for_s = 20.0
    return phone_config


def calls_placed(phone, to: str) -> list:
    """The calls the prober asked the simulator for, from its number to ``to`` (not the callee's leg)."""
    return [c for c in phone.sim.net.calls.values()
            if c.from_ == PROBER_NUMBER and c.to == to and c.direction == "outbound-api"]


def texts_received(phone) -> list:
    return [e for e in phone.line.log if e["kind"] == "sms_in"]


def test_a_500_then_success_places_the_call_once(run_journeys, cfg, phone):
    phone.sim.faults.add("POST", "Calls.json", 500)
    ran = run_journeys(CALL, cfg=cfg)
    (step,) = ran.steps
    # The sales line is closed in the demo: busy is the company's answer; the 500 was not.
    assert [f["check_id"] for f in ran.findings()] == ["phone.busy"]
    assert step["observations"]["call_status"] == "busy"
    assert len(calls_placed(phone, phoneline.SALES_LINE)) == 1
    (note,) = step["observations"]["twilio_retries"]
    assert "HTTP 500" in note and "sent again" in note


def test_a_500_after_twilio_placed_the_call_does_not_place_it_twice(run_journeys, cfg, phone):
    # Twilio placed the call, then its answer was lost in a 500: sending again would call twice.
    phone.sim.faults.add("POST", "Calls.json", 500, after=True)
    ran = run_journeys(CALL, cfg=cfg)
    (step,) = ran.steps
    assert len(calls_placed(phone, phoneline.SALES_LINE)) == 1
    # The call that went out is the one followed to its end.
    assert step["observations"]["call_sid"] == calls_placed(phone, phoneline.SALES_LINE)[0].sid
    assert step["observations"]["call_status"] == "busy" and "phone.refused" not in ran.checks()
    assert any("not sent again" in n for n in step["observations"]["twilio_retries"])


def test_a_429_is_waited_out_for_as_long_as_retry_after_asks(run_journeys, cfg, phone):
    phone.sim.faults.add("POST", "Messages.json", 429, retry_after_s=2)
    ran = run_journeys(TEXT, cfg=cfg)
    (step,) = ran.steps
    assert step["status"] == "passed" and ran.result.exit_code == 0, ran.rows["findings"]
    assert len(texts_received(phone)) == 1
    (note,) = step["observations"]["twilio_retries"]
    assert "HTTP 429" in note and "after 2.0 s" in note


def test_a_call_refused_with_429_is_placed_once_twilio_lets_it(run_journeys, cfg, phone):
    phone.sim.faults.add("POST", "Calls.json", 429, count=2, retry_after_s=1)
    ran = run_journeys(CALL, cfg=cfg)
    (step,) = ran.steps
    assert [f["check_id"] for f in ran.findings()] == ["phone.busy"]
    assert len(calls_placed(phone, phoneline.SALES_LINE)) == 1
    notes = step["observations"]["twilio_retries"]
    assert len(notes) == 2 and all("HTTP 429" in n and "after 1.0 s" in n for n in notes)


def test_retry_after_in_seconds_or_as_a_date():
    from datetime import timedelta
    from email.utils import format_datetime

    from probes.results import utcnow
    from probes.twilio_http import retry_after_s

    assert retry_after_s("7") == 7.0 and retry_after_s(None) is None and retry_after_s("soon") is None
    later = retry_after_s(format_datetime(utcnow() + timedelta(seconds=90), usegmt=True))
    assert later is not None and 80 <= later <= 90


def test_twilio_down_all_along_is_a_prober_error_not_a_finding(run_journeys, cfg, phone):
    cfg.identities["shopper"].phone.retry_for_s = 3.0
    phone.sim.faults.add("POST", "Calls.json", 503, count=1000)
    ran = run_journeys(CALL, cfg=cfg)
    (step,) = ran.steps
    assert step["status"] == "error" and ran.result.exit_code == 3
    assert "not a verdict on the company" in step["error"] and "HTTP 503" in step["error"]
    assert not ran.rows["findings"]           # no phone.refused
    assert not calls_placed(phone, phoneline.SALES_LINE)
    # Nothing is known to have gone out: the contact stays planned, for a resumed run to ask Twilio.
    (contact,) = ran.rows["contacts"]
    assert contact["status"] == "planned"


def test_a_text_whose_503_came_after_twilio_took_it_is_sent_once(run_journeys, cfg, phone):
    phone.sim.faults.add("POST", "Messages.json", 503, after=True)
    ran = run_journeys(TEXT, cfg=cfg)
    (step,) = ran.steps
    assert step["status"] == "passed" and not ran.rows["findings"]
    assert len(texts_received(phone)) == 1


def test_sms_down_all_along_is_a_prober_error(run_journeys, cfg, phone):
    cfg.identities["shopper"].phone.retry_for_s = 3.0
    phone.sim.faults.add("POST", "Messages.json", 500, count=1000)
    ran = run_journeys(TEXT, cfg=cfg)
    (step,) = ran.steps
    assert step["status"] == "error" and ran.result.exit_code == 3 and not ran.rows["findings"]
    assert not texts_received(phone)


def test_the_simulator_answers_faults_on_cue_in_twilios_format(phone):
    from probes.twilio_http import twilio_client

    base = phone.sim.base_url
    cue = {"method": "POST", "route": "Messages.json", "status": 429, "count": 2, "retry_after_s": 3}
    assert requests.post(f"{base}/_sim/faults", json=cue, timeout=10).status_code == 201
    assert requests.get(f"{base}/_sim/faults", timeout=10).json()[0]["count"] == 2
    sid = "AC" + "0" * 32
    url = f"{base}/2010-04-01/Accounts/{sid}/Messages.json"
    for _ in range(2):
        answer = requests.post(url, data={"To": "+1", "From": "+1", "Body": "x"}, timeout=10)
        assert answer.status_code == 429 and answer.headers["Retry-After"] == "3"
        assert answer.json() == {"code": 20429, "message": "Too Many Requests",
                                 "more_info": "https://www.twilio.com/docs/errors/20429", "status": 429}
    assert requests.get(f"{base}/_sim/faults", timeout=10).json() == []
    # The cue is used up: the next request is served as usual (here: a wrong account, 401).
    assert requests.post(url, data={}, timeout=10).status_code == 401
    # Other routes are untouched, and the SDK sees Twilio's own exception.
    phone.sim.faults.add("GET", "Calls/{Sid}.json", 503)
    from twilio.base.exceptions import TwilioRestException

    client = twilio_client(phoneline.COMPANY_ACCOUNT_SID, phoneline.COMPANY_AUTH_TOKEN, base)
    assert client.calls.list(limit=1) is not None
    with pytest.raises(TwilioRestException) as err:
        client.calls("CA" + "0" * 32).fetch()
    assert err.value.status == 503 and err.value.code == 20503
    assert requests.delete(f"{base}/_sim/faults", timeout=10).status_code == 204


# --- webhooks: replays ------------------------------------------------------------------------------

def test_an_exact_replay_of_an_accepted_webhook_is_refused_and_counted():
    from probes.config import Webhooks
    from probes.webhooks import WebhookServer

    async def scenario():
        server = WebhookServer(Webhooks(listen="127.0.0.1:0", public_url="http://127.0.0.1:0"), "the-token")
        await server.start()
        seen = []
        key = server.register(lambda kind, params, at: seen.append(params) or None)
        url = server.url(key, "status")
        params = {"CallSid": "CA" + "1" * 32, "CallStatus": "ringing", "SequenceNumber": "1"}
        signed = {"X-Twilio-Signature": RequestValidator("the-token").compute_signature(url, params)}
        forged = {"X-Twilio-Signature": RequestValidator("other").compute_signature(url, params)}

        def post(headers):
            return requests.post(url, data=params, headers=headers, timeout=10).status_code

        # Twilio retries a request that got no good answer: a forged copy refused first does not count
        # as having been accepted, so the genuine one still gets in once.
        statuses = [await asyncio.to_thread(post, h) for h in (forged, signed, signed, signed)]
        await server.stop()
        return statuses, seen, server.refused()

    statuses, seen, refused = asyncio.run(scenario())
    assert statuses == [403, 200, 403, 403]
    assert len(seen) == 1
    assert refused == {"forged": 1, "replayed": 2}


def test_listening_urls_are_one_of_a_kind_so_two_empty_results_are_no_replay():
    from probes.config import Webhooks
    from probes.webhooks import WebhookServer

    server = WebhookServer(Webhooks(listen="127.0.0.1:0", public_url="http://127.0.0.1:0"), "t")
    assert server.url("k", "heard", once=True) != server.url("k", "heard", once=True)
    assert server.url("k", "status") == server.url("k", "status")


def test_a_replayed_webhook_shows_in_the_report_and_the_json(run_journeys, company, reports):
    from probes.cli import demo_config
    from probes.report import build_results, render_html
    from probes.sim.phonenet import DemoPhone

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = f"http://127.0.0.1:{port}/twilio/inbox/sms"
    with DemoPhone(time_scale=0.25, speech_rate_wps=10, sms_human_delay_s=2.5, prober_sms_url=inbox) as phone:
        cfg = demo_config(company.base_url, reports, phone=phone)
        cfg.identities["shopper"].phone.webhooks.listen = f"127.0.0.1:{port}"
        cfg.identities["shopper"].phone.webhooks.public_url = f"http://127.0.0.1:{port}"
        params = {"MessageSid": "SM" + "7" * 32, "From": "+15550001111", "To": PROBER_NUMBER, "Body": "hi"}
        signed = {"X-Twilio-Signature": RequestValidator(phone.token).compute_signature(inbox, params)}
        answers: list[int] = []
        over = threading.Event()

        def replay():
            # While the run waits for the person's answer (2.5 s), the same signed request comes twice.
            while not over.is_set() and len(answers) < 2:
                try:
                    answers.append(requests.post(inbox, data=params, headers=signed, timeout=10).status_code)
                except requests.ConnectionError:
                    time.sleep(0.05)   # the prober's webhook server is not listening yet

        thread = threading.Thread(target=replay)
        thread.start()
        try:
            ran = run_journeys(TEXT.replace("body:", "expect: {ack_within: 30s, human_within: 60s}\n        body:"),
                               cfg=cfg, wait_s=30.0)
        finally:
            over.set()
            thread.join(30)
    assert answers == [200, 403]
    doc = build_results(ran.ledger, ran.result.run_id)
    assert doc["summary"]["webhooks_refused"] == {"forged": 0, "replayed": 1}
    assert json.loads(json.dumps(doc))["summary"]["webhooks_refused"]["replayed"] == 1
    html = render_html(doc, reports)
    assert "Refused Twilio webhooks: 0 forged" in html and "1 replayed" in html
    # Refused webhooks are no verdict on the company.
    assert not ran.rows["findings"]
