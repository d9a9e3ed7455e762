"""The Twilio simulator held to Twilio's own OpenAPI description (twilio_api_v2010.json).

First the checker itself, on hand-made exchanges, so we know it can fail; then every
route of ``probes.sim.twilio.ROUTES`` driven through the official SDK with a
ContractHttpClient that checks each request and response on the wire.
"""
from __future__ import annotations

import copy
import io
import json
import re
import threading
import time
import wave
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
import requests
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.rest import Client

from probes.sim.twilio import MEDIA_ROUTES, ROUTES, TwilioSim
from sim.twilio_contract import (
    ContractChecker,
    ContractHttpClient,
    basic_auth,
    is_rfc2822_utc,
    load_spec,
)

ACCOUNT = "AC" + "a" * 32
CALL_SID = "CA" + "b" * 32
CALLS = "/2010-04-01/Accounts/{AccountSid}/Calls.json"
CALL = "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json"
AUTH = basic_auth(ACCOUNT, "secret")
JSON = {"Content-Type": "application/json"}
FORM = {**AUTH, "Content-Type": "application/x-www-form-urlencoded"}


def url(path: str) -> str:
    return "http://127.0.0.1:9" + path.replace("{AccountSid}", ACCOUNT).replace("{Sid}", CALL_SID)


@pytest.fixture(scope="module")
def spec():
    return load_spec()


@pytest.fixture
def checker(spec):
    return ContractChecker(spec)


@pytest.fixture(scope="module")
def call_example(spec):
    """Twilio's own example of a fetched Call, from the spec."""
    op = spec.raw["paths"][CALL]["get"]
    return op["responses"]["200"]["content"]["application/json"]["examples"]["fetch"]["value"]


def call_page(call: dict, **overrides) -> dict:
    base = f"/2010-04-01/Accounts/{ACCOUNT}/Calls.json"
    page = {"calls": [call], "start": 0, "end": 0, "page": 0, "page_size": 50,
            "first_page_uri": f"{base}?PageSize=50&Page=0", "next_page_uri": None, "previous_page_uri": None,
            "uri": f"{base}?PageSize=50&Page=0"}
    page.update(overrides)
    return page


def messages(violations) -> list[str]:
    return [f"{v.kind}: {v.message}" for v in violations]


# --- the checker on hand-made exchanges ----------------------------------------------------------

def test_spec_loads_once(spec):
    # Loaded once per session (how fast is the machine's business, not a test's).
    assert load_spec() is spec
    assert spec.template_for(f"/2010-04-01/Accounts/{ACCOUNT}/Calls/{CALL_SID}.json") == CALL
    assert spec.template_for(f"/2010-04-01/Accounts/{ACCOUNT}/Recordings/RE{'c' * 32}.wav") is None


def test_twilios_own_example_passes(checker, call_example):
    assert checker.check("GET", url(CALL), AUTH, None, 200, JSON, json.dumps(call_example)) == []
    assert checker.covered == {("GET", CALL)}


def test_call_with_wrong_status_type_is_a_violation(checker, call_example):
    broken = dict(call_example, status=42)
    found = messages(checker.check("GET", url(CALL), AUTH, None, 200, JSON, json.dumps(broken)))
    assert "response: status: 42 is not of type 'string'" in found
    assert any(m.startswith("response: status: 42 is not one of ['queued'") for m in found)
    assert checker.violations and str(checker.violations[0]).startswith(f"[response] GET {CALL} -> 200: status")


def test_missing_extra_and_misdated_fields_are_violations(checker, call_example):
    broken = dict(call_example, date_created="2019-10-18T17:00:00Z", sid="CA123", recording_url="x")
    del broken["queue_time"]
    found = messages(checker.check("GET", url(CALL), AUTH, None, 200, JSON, json.dumps(broken)))
    assert "response: 'queue_time' is a required property" in found
    assert "response: Additional properties are not allowed ('recording_url' was unexpected)" in found
    assert "response: date_created: '2019-10-18T17:00:00Z' is not a 'date-time-rfc-2822'" in found
    assert "response: sid: 'CA123' does not match '^CA[0-9a-fA-F]{32}$'" in found


def test_free_form_maps_stay_open(checker, call_example):
    call = copy.deepcopy(call_example)
    call["subresource_uris"]["made_up"] = "/x.json"  # subresource_uris lists no properties in the spec
    assert checker.check("GET", url(CALL), AUTH, None, 200, JSON, json.dumps(call)) == []


def test_rfc2822_dates():
    assert is_rfc2822_utc("Sun, 22 Nov 2026 13:00:00 +0000")
    assert is_rfc2822_utc(None)
    assert not is_rfc2822_utc("Mon, 22 Nov 2026 13:00:00 +0000")  # 22 Nov 2026 is a Sunday
    assert not is_rfc2822_utc("Sun, 22 Nov 2026 13:00:00 +0100")
    assert not is_rfc2822_utc("Sun, 22 Nov 2026 13:00:00 GMT")
    assert not is_rfc2822_utc("2026-11-22T13:00:00Z")


def test_list_item_errors_carry_their_path(checker, call_example):
    page = call_page(dict(call_example, status="ended"))
    found = messages(checker.check("GET", url(CALLS), AUTH, None, 200, JSON, json.dumps(page)))
    assert any(m.startswith("response: calls[0].status: 'ended' is not one of") for m in found)


def test_paging_arithmetic(checker, call_example):
    base = f"/2010-04-01/Accounts/{ACCOUNT}/Calls.json"
    good = call_page(call_example, page_size=1, first_page_uri=f"{base}?To=%2B1555&PageSize=1&Page=0",
                     next_page_uri=f"{base}?To=%2B1555&PageSize=1&Page=1&PageToken=PA{CALL_SID}",
                     uri=f"{base}?To=%2B1555&PageSize=1&Page=0")
    query = "?To=%2B1555&PageSize=1"
    assert checker.check("GET", url(CALLS) + query, AUTH, None, 200, JSON, json.dumps(good)) == []

    bad = dict(good, page_size=50, end=3,
               next_page_uri=f"{base}?PageSize=1&Page=1", previous_page_uri=f"{base}?PageSize=1&Page=0")
    found = messages(checker.check("GET", url(CALLS) + query, AUTH, None, 200, JSON, json.dumps(bad)))
    assert "paging: page_size: 50, the request asked for 1" in found
    assert "paging: end: 3, start 0 + 1 items - 1 = 0" in found
    assert "paging: next_page_uri: drops or changes the filter To=['+1555'] (has None)" in found
    assert "paging: previous_page_uri: set on the first page" in found


def test_resource_uri_follows_twilios_examples(checker, spec):
    path = "/2010-04-01/Accounts/{AccountSid}/Recordings/{RecordingSid}/Transcriptions/{Sid}.json"
    op = spec.raw["paths"][path]["get"]
    example = op["responses"]["200"]["content"]["application/json"]["examples"]["fetch"]["value"]
    example = dict(example, price=None)  # the example's price is a string, its schema says number
    where = url(path).replace("{RecordingSid}", example["recording_sid"]).replace(CALL_SID, example["sid"])
    assert checker.check("GET", where, AUTH, None, 200, JSON, json.dumps(example)) == []
    nested = dict(example, uri=urlsplit(where).path)  # Twilio keeps the account-level uri here
    found = messages(checker.check("GET", where, AUTH, None, 200, JSON, json.dumps(nested)))
    assert found == [("uri: uri: /2010-04-01/Accounts/{sid}/Recordings/{sid}/Transcriptions/{sid}.json, "
                      "Twilio's examples give /2010-04-01/Accounts/{sid}/Transcriptions/{sid}.json")]
    other = dict(example, uri=example["uri"].replace(example["sid"], "TR" + "f" * 32))
    found = messages(checker.check("GET", where, AUTH, None, 200, JSON, json.dumps(other)))
    assert found == [f"uri: uri: {other['uri']} does not end with the resource's own sid {example['sid']}.json"]


def test_twilio_error_shape(checker):
    good = {"code": 20404, "message": "The requested resource was not found",
            "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}
    assert checker.check("GET", url(CALL), AUTH, None, 404, JSON, json.dumps(good)) == []

    found = messages(checker.check("GET", url(CALL), AUTH, None, 404, JSON,
                                   json.dumps({"error": "not found", "code": "20404", "status": 400})))
    assert "error-shape: code: '20404' is not int" in found
    assert "error-shape: message: missing" in found
    assert "error-shape: status: 400 but the HTTP status is 404" in found
    assert any(m.startswith("error-shape: unexpected keys ['error']") for m in found)
    found = messages(checker.check("GET", url(CALL), AUTH, None, 401, {"Content-Type": "text/plain"}, "nope"))
    assert "error-shape: Content-Type is 'text/plain', Twilio sends application/json" in found


def test_request_violations(checker, call_example):
    found = messages(checker.check("GET", url(CALL), {}, None, 200, JSON, json.dumps(call_example)))
    assert any("SecurityValidationError" in m for m in found)  # no Basic auth

    found = messages(checker.check("GET", url(CALLS) + "?Status=ended", AUTH, None, 200, JSON,
                                   json.dumps(call_page(call_example))))
    assert any(m.startswith("request: Invalid query parameter: Status: 'ended' is not one of") for m in found)

    for when in ("2026-11-22", "2026-11-22T13:00:00Z"):  # both forms Twilio documents for date filters
        found = checker.check("GET", url(CALLS) + f"?StartTime%3E={when}", AUTH, None, 200, JSON,
                              json.dumps(call_page(call_example)))
        assert [v for v in found if v.kind == "request"] == []
    found = messages(checker.check("GET", url(CALLS) + "?StartTime=22/11/2026", AUTH, None, 200, JSON,
                                   json.dumps(call_page(call_example))))
    assert "request: Invalid query parameter: StartTime: '22/11/2026' is not a 'date-time'" in found

    found = messages(checker.check("POST", url(CALLS), FORM, "To=%2B15005550006&Method=PUT", 201, JSON,
                                   json.dumps(call_example)))
    assert "request: 'From' is a required property" in found
    assert "request: Method: 'PUT' is not one of ['GET', 'POST']" in found

    found = messages(checker.check("GET", url(CALL).replace(CALL_SID, "CAnothex"), AUTH, None, 200, JSON,
                                   json.dumps(call_example)))
    assert any("Sid" in m and "does not match" in m for m in found)


def test_wrong_status_code_and_unknown_route(checker, call_example):
    found = messages(checker.check("POST", url(CALLS), FORM, "To=%2B1&From=%2B2&Url=http%3A%2F%2Fx", 200, JSON,
                                   json.dumps(call_example)))
    assert found == ["response: ResponseNotFound: Unknown response http status: 200"]  # create answers 201
    found = checker.check("GET", url(CALL).replace(".json", ".wav"), AUTH, None, 200,
                          {"Content-Type": "audio/x-wav"}, b"RIFF")
    assert [v.kind for v in found] == ["not-in-spec"]


class FixedTwilio(BaseHTTPRequestHandler):
    """Answers every request with the body the test put in ``server.answer``."""

    def do_GET(self):
        status, body = self.server.answer
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def fixed_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FixedTwilio)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_http_client_checks_what_the_sdk_sends_and_gets(fixed_server, spec, call_example):
    http = ContractHttpClient(f"http://127.0.0.1:{fixed_server.server_port}", ContractChecker(spec))
    client = Client(ACCOUNT, "secret", http_client=http, environment={})

    fixed_server.answer = (200, call_example)
    assert client.calls(CALL_SID).fetch().status == "completed"
    assert http.checker.violations == []

    fixed_server.answer = (200, dict(call_example, status=42))
    assert client.calls(CALL_SID).fetch().status == 42  # the SDK does not notice; the checker does
    assert [str(v) for v in http.checker.violations][:1] == [
        f"[response] GET {CALL} -> 200: status: 42 is not of type 'string'"]
    assert http.checker.covered == {("GET", CALL)}
    assert all(e.status == 200 for e in http.checker.exchanges) and len(http.checker.exchanges) == 2


# --- the simulator, driven through the official SDK ------------------------------------------------

PROBER_SID, PROBER_TOKEN = "AC" + "0" * 28 + "a001", "prober-secret"
COMPANY_SID, COMPANY_TOKEN = "AC" + "0" * 28 + "a002", "company-secret"
PROBER_NUMBER, PROBER_SECOND = "+15005550006", "+15005550007"
VOICEMAIL, QUEUE_LINE, ANNA, BUSY = "+18005550100", "+18005550150", "+18005550190", "+18005550111"
CALLER_SAYS = "I would like a refund for my toaster please"
FINAL = {"completed", "busy", "failed", "no-answer", "canceled"}
UNKNOWN = "0" * 32  # the hex part of a well-formed SID that names nothing
TIME_SCALE = 0.1

NUMBERS = {
    "accounts": {"prober": {"sid": PROBER_SID, "auth_token": PROBER_TOKEN},
                 "company": {"sid": COMPANY_SID, "auth_token": COMPANY_TOKEN}},
    "numbers": {
        PROBER_NUMBER: {"account": "prober"},
        PROBER_SECOND: {"account": "prober"},
        VOICEMAIL: {"account": "company",
                    "voice": {"twiml": "<Response><Say>Please leave a message.</Say>"
                                       '<Record maxLength="6" timeout="2" playBeep="false" transcribe="true"/>'
                                       "</Response>"},
                    "sms": {"twiml": "<Response><Message>Thanks, we got your message.</Message></Response>"}},
        QUEUE_LINE: {"account": "company", "voice": {"twiml": "<Response><Enqueue>support</Enqueue></Response>"}},
        ANNA: {"person": {"name": "Anna", "answer_after": "1s", "greeting": "Hello, this is Anna.",
                          "hangup_after": "2s"}},
        BUSY: {"busy": True},
    },
}


def normalized(template: str) -> str:
    """Path templates compared by shape: {CallSid} and {Sid} are both just a parameter."""
    return re.sub(r"\{[^}]+\}", "{}", template)


def wait_for(fetch, done, timeout_s: float = 15.0, step_s: float = 0.1):
    """Poll ``fetch()`` through the SDK until ``done(result)``; every poll is a checked exchange too."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = fetch()
        if done(result):
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting; last: {result!r}")
        time.sleep(step_s)


def expect_error(call, status: int, code: int, seen: list) -> None:
    """Run an SDK call that must fail; note (expected status, code, got status, code)."""
    with pytest.raises(TwilioException) as info:
        call()
    err = info.value
    if isinstance(err, TwilioRestException):
        seen.append((status, code, err.status, err.code))
    else:  # a list page that failed: the SDK keeps the raw response
        response = err.args[1]
        seen.append((status, code, response.status_code, json.loads(response.text).get("code")))


def drive_calls(prober, company, sim, facts: dict) -> None:
    """Create (Twiml and Url), queue, redirect, hang up, fetch, list with filters, page both ways."""
    since = facts["since"]
    voicemail = prober.calls.create(
        to=VOICEMAIL, from_=PROBER_NUMBER, record=True,
        twiml=f'<Response><Pause length="3"/><Say>{CALLER_SAYS}</Say><Pause length="4"/><Hangup/></Response>',
        status_callback_event=["initiated", "answered", "completed"], timeout=20)
    queued = prober.calls.create(to=QUEUE_LINE, from_=PROBER_NUMBER, twiml='<Response><Pause length="60"/></Response>')
    anna = prober.calls.create(to=ANNA, from_=PROBER_SECOND, url=f"{sim.base_url}/no-such-app", method="POST")
    busy = prober.calls.create(to=BUSY, from_=PROBER_NUMBER, twiml="<Response><Hangup/></Response>")
    facts["created"] = [voicemail, queued, anna, busy]

    # The queue line's leg waits in "support" until the prober hangs up.
    wait_for(lambda: company.queues.list(), lambda qs: any(q.current_size for q in qs))
    facts["queue"] = company.queues(company.queues.list()[0].sid).fetch()
    prober.calls(queued.sid).update(twiml='<Response><Say>Moving you along.</Say><Pause length="60"/></Response>')
    facts["hung_up"] = prober.calls(queued.sid).update(status="completed")

    for call in facts["created"]:
        wait_for(lambda c=call: prober.calls(c.sid).fetch(), lambda c: c.status in FINAL, timeout_s=20)
    facts["final"] = {c.sid: prober.calls(c.sid).fetch().status for c in facts["created"]}
    facts["to_voicemail"] = prober.calls.list(to=VOICEMAIL, from_=PROBER_NUMBER, status="completed",
                                              start_time_after=since)
    facts["busy_calls"] = prober.calls.list(status="busy")
    facts["paged_calls"] = prober.calls.list(page_size=1, limit=4)  # follows next_page_uri three times
    first = prober.calls.page(page_size=2)
    second = first.next_page()
    back = second.previous_page() if second else None
    facts["pages"] = tuple([c.sid for c in page] if page else None for page in (first, second, back))


def drive_recordings(prober, company, facts: dict) -> None:
    """The whole call (Record=true) in the prober's account; <Record transcribe> in the company's."""
    voicemail = facts["created"][0]
    recs = wait_for(lambda: prober.recordings.list(call_sid=voicemail.sid), lambda r: len(r) >= 1)
    facts["call_recording"] = prober.recordings(recs[0].sid).fetch()
    facts["call_recordings"] = prober.calls(voicemail.sid).recordings.list()
    prober.calls(voicemail.sid).recordings(recs[0].sid).fetch()
    prober.recordings.list(page_size=1, date_created_after=facts["since"])
    facts["voicemail_recording"] = rec = wait_for(lambda: company.recordings.list(), lambda r: len(r) >= 1)[0]
    trs = wait_for(lambda: company.recordings(rec.sid).transcriptions.list(), lambda t: len(t) >= 1)
    facts["transcription"] = company.recordings(rec.sid).transcriptions(trs[0].sid).fetch()
    facts["transcriptions"] = company.transcriptions.list()
    company.transcriptions(trs[0].sid).fetch()


def drive_messages_and_numbers(prober, facts: dict) -> None:
    sms = prober.messages.create(to=VOICEMAIL, from_=PROBER_NUMBER, body="Where is my order?")
    wait_for(lambda: prober.messages.list(from_=VOICEMAIL, to=PROBER_NUMBER), lambda m: len(m) >= 1)
    facts["sms"] = wait_for(lambda: prober.messages(sms.sid).fetch(), lambda m: m.status == "delivered")
    facts["sent_since"] = prober.messages.list(to=VOICEMAIL, date_sent_after=facts["since"], page_size=1)
    facts["all_messages"] = prober.messages.list(page_size=1, limit=5)

    facts["numbers"] = prober.incoming_phone_numbers.list(page_size=1)
    facts["number"] = prober.incoming_phone_numbers(facts["numbers"][0].sid).fetch()
    facts["filtered_numbers"] = prober.incoming_phone_numbers.list(phone_number=PROBER_SECOND)
    facts["account"] = prober.api.v2010.accounts(PROBER_SID).fetch()   # how preflight checks credentials


def drive_notifications(prober, facts: dict) -> None:
    """The call to Anna ran a Url that answers 404: Twilio's 11200, in the prober's own account."""
    anna = facts["created"][2]
    notes = wait_for(lambda: prober.calls(anna.sid).notifications.list(), lambda n: len(n) >= 1)
    facts["call_notification"] = prober.calls(anna.sid).notifications(notes[0].sid).fetch()
    facts["notifications"] = prober.notifications.list(log=0, message_date_after=facts["since"].date())
    facts["notification"] = prober.notifications(notes[0].sid).fetch()


def drive_errors(prober, company, wrong, facts: dict) -> None:
    """404 on every route that names a resource, 400 for bad To / unowned From, 401 for a wrong token."""
    seen, voicemail, rec = facts["errors"], facts["created"][0], facts["voicemail_recording"]
    for attempt in (
            lambda: prober.calls("CA" + UNKNOWN).fetch(),
            lambda: prober.calls("CA" + UNKNOWN).update(status="completed"),
            lambda: company.calls(voicemail.sid).fetch(),  # the prober's call, not the company's
            lambda: prober.messages("SM" + UNKNOWN).fetch(),
            lambda: prober.recordings("RE" + UNKNOWN).fetch(),
            lambda: prober.calls("CA" + UNKNOWN).recordings.list(),
            lambda: prober.calls(voicemail.sid).recordings("RE" + UNKNOWN).fetch(),
            lambda: company.recordings("RE" + UNKNOWN).transcriptions.list(),
            lambda: company.recordings(rec.sid).transcriptions("TR" + UNKNOWN).fetch(),
            lambda: company.transcriptions("TR" + UNKNOWN).fetch(),
            lambda: company.queues("QU" + UNKNOWN).fetch(),
            lambda: prober.incoming_phone_numbers("PN" + UNKNOWN).fetch(),
            lambda: prober.notifications("NO" + UNKNOWN).fetch(),
            lambda: prober.calls("CA" + UNKNOWN).notifications.list(),
            lambda: prober.calls(facts["created"][2].sid).notifications("NO" + UNKNOWN).fetch()):
        expect_error(attempt, 404, 20404, seen)
    expect_error(lambda: prober.calls.create(to="12345", from_=PROBER_NUMBER, twiml="<Response/>"), 400, 21211, seen)
    expect_error(lambda: prober.messages.create(to="not-a-number", from_=PROBER_NUMBER, body="hi"), 400, 21211, seen)
    expect_error(lambda: prober.calls.create(to=ANNA, from_=VOICEMAIL, twiml="<Response/>"), 400, 21210, seen)
    expect_error(lambda: prober.messages.create(to=ANNA, from_=VOICEMAIL, body="hi"), 400, 21606, seen)
    expect_error(lambda: wrong.calls.list(), 401, 20003, seen)
    expect_error(lambda: wrong.api.v2010.accounts(PROBER_SID).fetch(), 401, 20003, seen)
    expect_error(lambda: prober.api.v2010.accounts(COMPANY_SID).fetch(), 401, 20003, seen)  # not its own
    expect_error(lambda: wrong.messages.create(to=VOICEMAIL, from_=PROBER_NUMBER, body="hi"), 401, 20003, seen)


@pytest.fixture(scope="module")
def driven(spec):
    """Every ROUTES entry driven through the SDK against a running simulator; returns what was seen."""
    checker = ContractChecker(spec)
    facts: dict = {"errors": [], "checker": checker, "since": datetime.now(UTC) - timedelta(minutes=1)}
    with TwilioSim(NUMBERS, time_scale=TIME_SCALE) as sim:
        def client(sid, token):
            return Client(sid, token, http_client=ContractHttpClient(sim.base_url, checker), environment={})

        prober, company = client(PROBER_SID, PROBER_TOKEN), client(COMPANY_SID, COMPANY_TOKEN)
        drive_calls(prober, company, sim, facts)
        drive_recordings(prober, company, facts)
        drive_messages_and_numbers(prober, facts)
        drive_notifications(prober, facts)
        drive_errors(prober, company, client(PROBER_SID, "not-the-token"), facts)
        # Recording media is not in the spec: fetched as the prober would, by media_url (public, as on Twilio).
        facts["media"] = {suffix: requests.get(facts["call_recording"].media_url + suffix, timeout=10)
                          for suffix in (".wav", "")}
        facts["media_unknown"] = requests.get(
            f"{sim.base_url}/2010-04-01/Accounts/{PROBER_SID}/Recordings/RE{UNKNOWN}.wav", timeout=10)
    return facts


def test_simulator_keeps_to_twilios_spec(driven):
    checker = driven["checker"]
    assert not checker.violations, (f"{len(checker.violations)} contract violations "
                                    f"(see /tmp/twilio-contract-findings.txt):\n{checker.report()}")


def test_every_route_is_exercised_successfully(driven, spec):
    checker = driven["checker"]
    ok = {(e.method, normalized(e.template)) for e in checker.exchanges if e.template and e.status < 300}
    failed = {(e.method, normalized(e.template)) for e in checker.exchanges if e.template and e.status >= 400}
    missing = [f"{m} {t}" for m, t in ROUTES if (m, normalized(t)) not in ok]
    assert not missing, "routes never answered successfully:\n" + "\n".join(missing)
    for method, template in ROUTES:
        assert spec.operation(method, template) is not None, f"{method} {template} is not in Twilio's spec"
    unfailed = [f"{m} {t}" for m, t in ROUTES
                if "{AccountSid}" in t and "{" in t.split("{AccountSid}")[1] and (m, normalized(t)) not in failed]
    assert not unfailed, "routes naming a resource never answered 404:\n" + "\n".join(unfailed)
    assert ("POST", normalized(CALLS)) in failed and ("GET", normalized(CALLS)) in failed
    # Every exchange was checked (how long a check takes is the machine's business, not a test's).
    assert all(e.check_s >= 0 for e in checker.exchanges)


def test_errors_are_twilios(driven):
    wrong = [f"expected HTTP {s} / {c}, got HTTP {gs} / {gc}"
             for s, c, gs, gc in driven["errors"] if (s, c) != (gs, gc)]
    assert not wrong, "\n".join(wrong)
    assert {c for _, c, _, _ in driven["errors"]} == {20404, 21211, 21210, 21606, 20003}


def test_paging_was_followed(driven):
    first, second, back = driven["pages"]
    assert len(driven["paged_calls"]) == 4 and len({c.sid for c in driven["paged_calls"]}) == 4
    assert len(first) == 2 and second is not None and len(second) == 2
    assert back == first and set(first).isdisjoint(second)
    assert first + second == [c.sid for c in driven["paged_calls"]]  # newest first, both ways
    assert len(driven["numbers"]) == 2  # two owned numbers, one per page
    assert [n.phone_number for n in driven["filtered_numbers"]] == [PROBER_SECOND]
    assert len(driven["all_messages"]) == 2  # the message sent and its auto-reply
    assert [m.to for m in driven["sent_since"]] == [VOICEMAIL]


def test_resources_say_what_happened(driven):
    voicemail, queued, _anna, busy = driven["created"]
    final = driven["final"]
    assert final[voicemail.sid] == "completed" and final[busy.sid] == "busy" and final[queued.sid] == "completed"
    assert [c.sid for c in driven["to_voicemail"]] == [voicemail.sid]
    assert [c.sid for c in driven["busy_calls"]] == [busy.sid]
    assert driven["hung_up"].sid == queued.sid
    assert driven["queue"].friendly_name == "support" and driven["queue"].current_size == 1
    assert driven["call_recording"].call_sid == voicemail.sid
    assert [r.sid for r in driven["call_recordings"]] == [driven["call_recording"].sid]
    assert driven["transcription"].recording_sid == driven["voicemail_recording"].sid
    assert "refund" in (driven["transcription"].transcription_text or "")
    assert driven["sms"].status == "delivered" and driven["sms"].body == "Where is my order?"
    assert driven["account"].sid == PROBER_SID and driven["account"].status == "active"
    assert driven["number"].phone_number in (PROBER_NUMBER, PROBER_SECOND)


def test_a_failed_webhook_is_a_notification_of_error_11200(driven):
    anna = driven["created"][2]
    note = driven["call_notification"]
    assert note.call_sid == anna.sid and note.error_code == "11200" and note.log == "0"
    assert note.request_url.endswith("/no-such-app") and note.request_method == "POST"
    assert "CallSid=" + anna.sid in (note.request_variables or "")
    assert note.more_info == "https://www.twilio.com/docs/errors/11200"
    assert [n.sid for n in driven["notifications"]] == [note.sid]
    assert driven["notification"].error_code == "11200" and driven["notification"].call_sid == anna.sid


def test_recording_media_is_a_wav_of_the_recordings_length(driven, spec):
    for _method, template in MEDIA_ROUTES:  # why these are checked here and not by the contract checker
        assert spec.template_for(template) is None, f"{template} is in the spec after all"
    rec = driven["call_recording"]
    assert urlsplit(rec.media_url).path == f"/2010-04-01/Accounts/{PROBER_SID}/Recordings/{rec.sid}"
    for suffix, response in driven["media"].items():
        assert response.status_code == 200, suffix
        assert response.headers["Content-Type"].split(";")[0] == "audio/x-wav", suffix
        assert response.content[:4] == b"RIFF" and response.content[8:12] == b"WAVE", suffix
        with wave.open(io.BytesIO(response.content)) as wav:
            seconds = wav.getnframes() / wav.getframerate()
            assert wav.getnchannels() in (1, 2) and wav.getsampwidth() == 2
        assert abs(seconds - int(rec.duration)) <= 1.0, (suffix, seconds, rec.duration)
    unknown = driven["media_unknown"]
    assert unknown.status_code == 404 and unknown.json()["code"] == 20404
