"""The Twilio simulator's REST API and SMS, used through the official SDK over real HTTP.

What a Twilio user relies on: credentials are checked (20003), unknown things are 404
(20404), bad numbers are refused with Twilio's codes, messages are delivered with
status callbacks, a company's messaging webhook is called (signed) and its <Message>
reply reaches the sender's account, and lists page the way the SDK expects.
"""
from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

import pytest
from twilio.base.exceptions import TwilioRestException

from probes.sim.twilio import ROUTES, TwilioSim
from probes.sim.twilio.appserver import AppServer
from probes.twilio_http import twilio_client

SCALE = 0.1
PROBER_SID, PROBER_TOKEN = "AC" + "0" * 28 + "a001", "prober-secret"
COMPANY_SID, COMPANY_TOKEN = "AC" + "0" * 28 + "a002", "company-secret"
PROBER, SMS_LINE, SILENT_LINE, ANNA = "+15005550006", "+18005550100", "+18005550102", "+18005550190"
REPLY = "Thanks! We will get back to you within a day."


@pytest.fixture
def app():
    routes = {"/sms": f"<Response><Message>{REPLY}</Message></Response>", "/status": "<Response/>"}
    with AppServer([PROBER_TOKEN, COMPANY_TOKEN], routes) as server:
        yield server


@pytest.fixture
def sim(app):
    numbers = {"accounts": {"prober": {"sid": PROBER_SID, "auth_token": PROBER_TOKEN},
                            "company": {"sid": COMPANY_SID, "auth_token": COMPANY_TOKEN}},
               "numbers": {PROBER: {"account": "prober"},
                           SMS_LINE: {"account": "company", "sms": {"url": app.url("/sms")},
                                      "voice": {"twiml": "<Response><Say>Hello</Say></Response>"}},
                           SILENT_LINE: {"account": "company"},
                           ANNA: {"person": {"name": "Anna", "greeting": "Hi"}}}}
    with TwilioSim(numbers, time_scale=SCALE) as s:
        yield s


@pytest.fixture
def prober(sim):
    return twilio_client(PROBER_SID, PROBER_TOKEN, sim.base_url)


@pytest.fixture
def company(sim):
    return twilio_client(COMPANY_SID, COMPANY_TOKEN, sim.base_url)


def get_json(url: str, sid: str | None = None, token: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url)
    if sid is not None:
        request.add_header("Authorization", "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def sms_settled(sim: TwilioSim, sid: str) -> str:
    event = sim.wait_for(lambda e: e.kind == "sms" and e.detail["sid"] == sid
                         and e.detail["status"] in ("delivered", "undelivered", "failed"), 5)
    assert event is not None, f"message {sid} was never delivered"
    return event.detail["status"]


def test_wrong_credentials_are_refused_with_20003(sim, prober):
    with pytest.raises(TwilioRestException) as err:
        twilio_client(PROBER_SID, "not-the-token", sim.base_url).messages.create(to=SMS_LINE, from_=PROBER, body="x")
    assert err.value.status == 401 and err.value.code == 20003
    with pytest.raises(TwilioRestException) as err:  # one account's token does not open another's
        twilio_client(COMPANY_SID, PROBER_TOKEN, sim.base_url).calls("CA" + "0" * 32).fetch()
    assert err.value.code == 20003
    status, body = get_json(f"{sim.base_url}/2010-04-01/Accounts/{PROBER_SID}/Calls.json")
    assert status == 401 and body == {"code": 20003, "message": "Authenticate",
                                      "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}


def test_unknown_resources_are_20404(sim, prober):
    with pytest.raises(TwilioRestException) as err:
        prober.messages("SM" + "0" * 32).fetch()
    assert err.value.status == 404 and err.value.code == 20404
    status, body = get_json(f"{sim.base_url}/2010-04-01/Accounts/{PROBER_SID}/Conferences.json",
                            PROBER_SID, PROBER_TOKEN)
    assert status == 404 and body["code"] == 20404


def test_routes_are_the_specs_path_templates():
    assert ("POST", "/2010-04-01/Accounts/{AccountSid}/Calls.json") in ROUTES
    assert ("GET", "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json") in ROUTES
    assert len(set(ROUTES)) == len(ROUTES)


def test_incoming_phone_numbers_are_the_accounts_own(sim, prober, company, app):
    assert [n.phone_number for n in prober.incoming_phone_numbers.list()] == [PROBER]
    owned = company.incoming_phone_numbers.list()
    assert [n.phone_number for n in owned] == [SMS_LINE, SILENT_LINE]
    line = company.incoming_phone_numbers.list(phone_number=SMS_LINE)[0]
    assert line.sms_url == app.url("/sms") and line.friendly_name == "(800) 555-0100"
    assert line.capabilities == {"voice": True, "sms": True, "mms": True, "fax": False}
    # A TwiML document in the numbers file is served like a TwiML Bin at the number's voice_url.
    with urllib.request.urlopen(line.voice_url, timeout=5) as response:
        assert response.read().decode() == "<Response><Say>Hello</Say></Response>"
    assert company.incoming_phone_numbers(line.sid).fetch().phone_number == SMS_LINE


def test_sms_is_delivered_and_the_companys_reply_reaches_the_sender(sim, app, prober, company):
    sent = prober.messages.create(to=SMS_LINE, from_=PROBER, body="Is my order 4471 on its way?",
                                  status_callback=app.url("/status"))
    assert sent.status == "queued" and sent.direction == "outbound-api" and sent.sid.startswith("SM")
    webhook = app.wait_for("/sms")[0]
    assert webhook.signature_valid
    assert webhook.params["Body"] == "Is my order 4471 on its way?"
    assert webhook.params["From"] == PROBER and webhook.params["To"] == SMS_LINE
    assert webhook.params["AccountSid"] == COMPANY_SID and webhook.params["SmsStatus"] == "received"
    reply = sim.wait_for(lambda e: e.kind == "sms" and e.detail["direction"] == "inbound" and e.detail["to"] == PROBER,
                         5)
    assert reply is not None and reply.text == REPLY
    inbox = prober.messages.list(to=PROBER)
    assert [(m.body, m.direction, m.status) for m in inbox] == [(REPLY, "inbound", "received")]
    assert sms_settled(sim, sent.sid) == "delivered"
    assert prober.messages(sent.sid).fetch().date_sent is not None
    callbacks = app.wait_for("/status", 2)
    assert [h.params["MessageStatus"] for h in callbacks] == ["sent", "delivered"]
    assert all(h.signature_valid and h.params["MessageSid"] == sent.sid for h in callbacks)
    # The company's account holds the message it received and the reply it sent.
    assert sorted((m.direction, m.body) for m in company.messages.list()) == [
        ("inbound", "Is my order 4471 on its way?"), ("outbound-reply", REPLY)]


def test_message_to_a_number_nobody_has_is_undelivered_30006(sim, prober):
    msg = prober.messages.create(to="+18005550999", from_=PROBER, body="hello?")
    assert sms_settled(sim, msg.sid) == "undelivered"
    fetched = prober.messages(msg.sid).fetch()
    assert fetched.status == "undelivered" and fetched.error_code == 30006


def test_whatsapp_addresses_route_like_their_numbers(sim, app, prober):
    msg = prober.messages.create(to=f"whatsapp:{SMS_LINE}", from_=f"whatsapp:{PROBER}", body="Hi on WhatsApp")
    webhook = app.wait_for("/sms")[0]
    assert webhook.params["From"] == f"whatsapp:{PROBER}" and webhook.params["To"] == f"whatsapp:{SMS_LINE}"
    assert sms_settled(sim, msg.sid) == "delivered"
    assert sim.wait_for(lambda e: e.kind == "sms" and e.detail["to"] == f"whatsapp:{PROBER}", 5).text == REPLY


def test_message_errors_have_twilios_codes(sim, prober):
    cases = [(dict(to="555-0100", from_=PROBER, body="x"), 21211),
             (dict(to=SMS_LINE, from_=SILENT_LINE, body="x"), 21606),   # not the prober's number
             (dict(to=SMS_LINE, from_=PROBER, body=""), 21602)]
    for kwargs, code in cases:
        with pytest.raises(TwilioRestException) as err:
            prober.messages.create(**kwargs)
        assert (err.value.code, err.value.status) == (code, 400), kwargs


def test_lists_page_as_twilio_does(sim, prober):
    sids = [prober.messages.create(to=SILENT_LINE, from_=PROBER, body=f"message {i}").sid for i in range(5)]
    assert [m.sid for m in prober.messages.list(to=SILENT_LINE, page_size=2)] == sids[::-1]  # newest first
    url = f"{sim.base_url}/2010-04-01/Accounts/{PROBER_SID}/Messages.json?To=%2B18005550102&PageSize=2"
    status, first = get_json(url, PROBER_SID, PROBER_TOKEN)
    assert status == 200
    assert (first["page"], first["page_size"], first["start"], first["end"]) == (0, 2, 0, 1)
    assert first["previous_page_uri"] is None
    assert first["next_page_uri"].startswith(f"/2010-04-01/Accounts/{PROBER_SID}/Messages.json?To=%2B18005550102")
    assert "PageToken=PA" + first["messages"][1]["sid"] in first["next_page_uri"]
    _, second = get_json(sim.base_url + first["next_page_uri"], PROBER_SID, PROBER_TOKEN)
    assert (second["page"], second["start"], second["end"]) == (1, 2, 3)
    assert [m["sid"] for m in second["messages"]] == sids[2:0:-1]
    assert second["previous_page_uri"] is not None
    _, last = get_json(sim.base_url + second["next_page_uri"], PROBER_SID, PROBER_TOKEN)
    assert [m["sid"] for m in last["messages"]] == [sids[0]] and last["next_page_uri"] is None


def test_date_sent_filters(sim, prober):
    msg = prober.messages.create(to=SILENT_LINE, from_=PROBER, body="dated")
    sms_settled(sim, msg.sid)
    now = datetime.now(timezone.utc)
    assert [m.sid for m in prober.messages.list(date_sent_after=now - timedelta(minutes=1))] == [msg.sid]
    assert prober.messages.list(date_sent_before=now - timedelta(days=1)) == []
    status, body = get_json(f"{sim.base_url}/2010-04-01/Accounts/{PROBER_SID}/Messages.json?DateSent={now.date()}",
                            PROBER_SID, PROBER_TOKEN)
    assert status == 200 and [m["sid"] for m in body["messages"]] == [msg.sid]
