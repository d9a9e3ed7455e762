"""Tests for the demo company's phone lines: signed webhooks posted directly, then whole calls through the simulator."""

from __future__ import annotations

import io
import re
import threading
import time
import urllib.error
import urllib.request
import wave
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import VoiceResponse

from probes.sim import phoneline as pl
from probes.sim.phoneline import (
    BILLING_AGENT,
    COMPANY_ACCOUNT_SID,
    COMPANY_AUTH_TOKEN,
    MAIN_LINE,
    SALES_AGENT,
    SALES_LINE,
    SMS_NUMBER,
    SUPPORT_AGENT,
    DemoPhoneLine,
    demo_numbers,
    find_reference,
)
from probes.twilio_http import twilio_client

CALLER = "+15005550006"
HOLD_S = 0.4
SMS_DELAY_S = 0.3


# --------------------------------------------------------------------------
# A stand-in for the REST API: records what the line asks Twilio to do.


class FakeRest:
    def __init__(self, caller_status: str = "in-progress") -> None:
        self.caller_status = caller_status
        self.created: list[tuple[float, dict]] = []
        self.sent: list[tuple[float, dict]] = []
        self.event = threading.Event()
        self.calls = _Calls(self)
        self.messages = SimpleNamespace(create=self._text)

    def _text(self, **kwargs):
        self.sent.append((time.monotonic(), kwargs))
        self.event.set()
        return SimpleNamespace(sid="SM" + "f" * 32)


class _Calls:
    def __init__(self, rest: FakeRest) -> None:
        self.rest = rest

    def __call__(self, sid: str):
        return SimpleNamespace(fetch=lambda: SimpleNamespace(sid=sid, status=self.rest.caller_status))

    def create(self, **kwargs):
        self.rest.created.append((time.monotonic(), kwargs))
        self.rest.event.set()
        return SimpleNamespace(sid="CA" + "e" * 32)


@pytest.fixture
def rest():
    return FakeRest()


@pytest.fixture
def line(rest):
    with DemoPhoneLine(client=rest, hold_s=HOLD_S, sms_human_delay_s=SMS_DELAY_S) as phone:
        yield phone


def signed_post(url: str, params: dict[str, str], *, token: str = COMPANY_AUTH_TOKEN,
                signature: str | None = None, signed_url: str | None = None) -> tuple[int, str]:
    """POST a webhook as Twilio would; ``signature``/``signed_url``/``token`` forge it."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature is None:
        signature = RequestValidator(token).compute_signature(signed_url or url, params)
    if signature:
        headers["X-Twilio-Signature"] = signature
    request = urllib.request.Request(url, urlencode(params).encode(), headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def webhook(line: DemoPhoneLine, path_or_url: str, **params: str) -> ET.Element:
    """POST a validly signed voice webhook and return the parsed TwiML."""
    url = path_or_url if path_or_url.startswith("http") else line.base_url + path_or_url
    params = {"CallSid": "CA" + "1" * 32, "AccountSid": COMPANY_ACCOUNT_SID, "From": CALLER, "To": MAIN_LINE,
              "CallStatus": "in-progress", "Direction": "inbound", "ApiVersion": "2010-04-01", **params}
    status, body = signed_post(url, params)
    assert status == 200, body
    root = ET.fromstring(body.encode())
    assert root.tag == "Response"
    return root


def says(root: ET.Element) -> list[str]:
    return [e.text or "" for e in root.iter("Say")]


def verbs(root: ET.Element) -> list[str]:
    return [child.tag for child in root]


def choose(line: DemoPhoneLine, menu: str, attempt: int = 0, **params: str) -> ET.Element:
    return webhook(line, f"/voice/choice?{urlencode({'menu': menu, 'attempt': attempt})}", **params)


# --------------------------------------------------------------------------
# Signatures


def test_main_line_greets_and_gathers_keys_or_speech(line):
    root = webhook(line, "/voice/main")
    assert verbs(root) == ["Gather", "Redirect"]
    gather = root.find("Gather")
    assert gather.get("input") == "dtmf speech" and gather.get("numDigits") == "1"
    assert "billing" in gather.get("hints")
    action = urlsplit(gather.get("action"))
    assert f"{action.scheme}://{action.netloc}" == line.base_url  # absolute, as twiml= calls need
    assert dict(parse_qsl(action.query)) == {"menu": "main", "attempt": "0"}
    assert says(gather) == [pl.GREETING, pl.MAIN_MENU]
    assert root.find("Redirect").text == line.url("/voice/menu", menu="main", attempt=1)


@pytest.mark.parametrize("forgery", ["unsigned", "wrong token", "other url", "garbage", "tampered params"])
def test_forged_webhooks_are_refused(line, forgery):
    url = line.base_url + "/voice/choice?menu=main&attempt=0"
    params = {"CallSid": "CA" + "2" * 32, "From": CALLER, "To": MAIN_LINE, "Digits": "1"}
    kwargs = {
        "unsigned": {"signature": ""},
        "wrong token": {"token": "not-the-company-token"},
        "other url": {"signed_url": line.base_url + "/voice/choice?menu=billing&attempt=0"},
        "garbage": {"signature": "bm90IGEgc2lnbmF0dXJl"},
        "tampered params": {"signature": RequestValidator(COMPANY_AUTH_TOKEN).compute_signature(
            url, dict(params, Digits="2"))},
    }[forgery]
    status, body = signed_post(url, params, **kwargs)
    assert status == 403
    assert "Signature" in body
    assert line.log_snapshot()[-1]["kind"] == "forged"
    assert not any(entry["kind"] == "choice" for entry in line.log_snapshot())


def test_public_url_is_what_gets_validated(rest):
    with DemoPhoneLine(client=rest, public_url="https://phone.northwind.example") as line:
        params = {"CallSid": "CA" + "3" * 32, "From": CALLER, "To": MAIN_LINE}
        status, _ = signed_post(line.base_url + "/voice/main", params)
        assert status == 403  # signed for the loopback URL, but Twilio knows the public one
        status, body = signed_post(line.base_url + "/voice/main", params,
                                   signed_url="https://phone.northwind.example/voice/main")
        assert status == 200
        assert "https://phone.northwind.example/voice/choice?" in body


def test_get_webhook_is_validated_with_its_query(line):
    url = line.base_url + "/voice/sales?" + urlencode({"CallSid": "CA" + "4" * 32, "From": CALLER})
    signature = RequestValidator(COMPANY_AUTH_TOKEN).compute_signature(url, {})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"X-Twilio-Signature": signature})) as resp:
        assert ET.fromstring(resp.read()).find("Reject") is not None
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url)
    assert refused.value.code == 403


def test_hold_music_is_an_unsigned_wav(line):
    with urllib.request.urlopen(line.base_url + "/hold.wav") as response:
        assert response.headers["Content-Type"] == "audio/wav"
        data = response.read()
    with wave.open(io.BytesIO(data)) as wav:
        assert wav.getnchannels() == 1
        assert wav.getnframes() / wav.getframerate() == pytest.approx(pl.HOLD_MUSIC_S)


def test_unknown_path_is_404(line):
    assert signed_post(line.base_url + "/voice/nowhere", {"CallSid": "CA1"})[0] == 404


# --------------------------------------------------------------------------
# The main line's menus


@pytest.mark.parametrize("menu,answer,prompt", [
    ("main", {"Digits": "1"}, pl.BILLING_MENU),
    ("main", {"SpeechResult": "Billing.", "Confidence": "0.9"}, pl.BILLING_MENU),
    ("main", {"Digits": "2"}, pl.SUPPORT_MENU),
    ("main", {"SpeechResult": "technical support please"}, pl.SUPPORT_MENU),
    ("main", {"Digits": "9"}, pl.MAIN_MENU),
    ("main", {"SpeechResult": "Repeat."}, pl.MAIN_MENU),
])
def test_menu_choices_lead_to_the_next_menu(line, menu, answer, prompt):
    root = choose(line, menu, **answer)
    assert verbs(root) == ["Gather", "Redirect"]
    assert says(root.find("Gather"))[-1] == prompt


def test_invoice_copy_answers_and_hangs_up(line):
    root = choose(line, "billing", Digits="1")
    assert verbs(root) == ["Say", "Hangup"]
    assert says(root) == [pl.INVOICE_INFO]


@pytest.mark.parametrize("answer", [{"Digits": "3"}, {"SpeechResult": "Order status."}])
def test_order_status_is_a_dead_end(line, answer):
    root = choose(line, "main", **answer)
    assert verbs(root) == ["Say", "Hangup"]
    assert says(root) == [pl.ORDER_STATUS]


def test_returns_loops_back_to_the_main_menu(line):
    root = choose(line, "main", Digits="4")
    assert verbs(root) == ["Say", "Redirect"]
    assert says(root) == [pl.RETURNS_INFO]
    menu = webhook(line, root.find("Redirect").text)
    assert says(menu.find("Gather")) == [pl.MAIN_MENU]  # the menu again, without the greeting


def test_no_input_repeats_the_menu_twice_then_says_goodbye(line):
    root = webhook(line, "/voice/main")
    heard = 1
    while root.find("Redirect") is not None:
        root = webhook(line, root.find("Redirect").text)  # what Twilio does after a silent Gather
        heard += 1
    assert heard == 1 + pl.MAX_REPEATS
    assert verbs(root) == ["Gather", "Say", "Say", "Hangup"]
    assert says(root)[-2:] == [pl.NO_CHOICE, pl.GOODBYE]


def test_unknown_choice_apologises_and_repeats_until_it_gives_up(line):
    root = choose(line, "main", attempt=0, Digits="7")
    assert says(root.find("Gather")) == [pl.NOT_UNDERSTOOD, pl.MAIN_MENU]
    assert dict(parse_qsl(urlsplit(root.find("Gather").get("action")).query))["attempt"] == "1"
    root = choose(line, "main", attempt=pl.MAX_REPEATS, SpeechResult="banana")
    assert verbs(root) == ["Say", "Say", "Hangup"]
    assert says(root) == [pl.NOT_UNDERSTOOD, pl.GOODBYE]


@pytest.mark.parametrize("menu,answer,queue", [
    ("billing", {"Digits": "2"}, "billing"),
    ("billing", {"SpeechResult": "I'd like to speak to someone"}, "billing"),
    ("support", {"Digits": "1"}, "support"),
    ("support", {"SpeechResult": "My fridge."}, "support"),
])
def test_asking_for_a_person_joins_a_queue(line, menu, answer, queue):
    root = choose(line, menu, **answer)
    assert verbs(root) == ["Say", "Enqueue"]
    enqueue = root.find("Enqueue")
    assert enqueue.text == queue
    assert enqueue.get("waitUrl") == line.url("/voice/hold", queue=queue)
    assert enqueue.get("action") == line.url("/voice/queue-result", queue=queue)


# --------------------------------------------------------------------------
# Queue: hold music, then the agent is called by REST


def test_hold_then_the_agent_is_called_to_dequeue(line, rest):
    sid = "CA" + "5" * 32
    started = time.monotonic()
    for _ in range(3):  # Twilio requests waitUrl again after every round of hold music
        root = webhook(line, "/voice/hold?queue=billing", CallSid=sid, QueuePosition="1", QueueTime="0")
        assert verbs(root) == ["Say", "Play"]
        assert says(root) == [pl.HOLD_MESSAGE]
        assert root.find("Play").text == line.url("/hold.wav")
    assert rest.event.wait(60)
    assert len(rest.created) == 1  # one agent per caller, however often the hold music loops
    at, call = rest.created[0]
    assert at - started >= HOLD_S - 0.005   # after the hold time, never sooner (later on a busy machine)
    assert call["to"] == BILLING_AGENT and call["from_"] == MAIN_LINE
    twiml = ET.fromstring(call["twiml"])
    assert twiml.find("Dial/Queue").text == "billing"
    kinds = [entry["kind"] for entry in line.log_snapshot()]
    assert kinds.count("enqueued") == 1 and kinds.count("agent_call") == 1
    logged = next(e for e in line.log_snapshot() if e["kind"] == "agent_call")
    assert logged["agent"] == "Anna" and logged["held_s"] >= HOLD_S - 0.005

    root = webhook(line, "/voice/queue-result?queue=billing", CallSid=sid, QueueResult="bridged", QueueTime="1")
    assert verbs(root) == ["Hangup"]


def test_no_agent_for_a_caller_who_left_the_queue(line, rest):
    sid = "CA" + "6" * 32
    webhook(line, "/voice/hold?queue=support", CallSid=sid)
    root = webhook(line, "/voice/queue-result?queue=support", CallSid=sid, QueueResult="hangup")
    assert verbs(root) == ["Hangup"]
    time.sleep(HOLD_S + 0.2)
    assert rest.created == []


def test_no_agent_for_a_caller_whose_call_has_ended(rest):
    rest.caller_status = "completed"  # hung up without the Enqueue action reaching us
    with DemoPhoneLine(client=rest, hold_s=0.1) as line:
        webhook(line, "/voice/hold?queue=support", CallSid="CA" + "7" * 32)
        # Wait for the line's decision (logged when the hold time is up), however long the machine takes.
        deadline = time.monotonic() + 60
        while not line.log_snapshot()[-1].get("skipped") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert line.log_snapshot()[-1]["skipped"] == "caller completed"
        assert rest.created == []


# --------------------------------------------------------------------------
# Sales line


NY_WEDNESDAY_10AM = datetime(2026, 11, 18, 15, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("now,is_open", [
    (NY_WEDNESDAY_10AM, True),
    (datetime(2026, 11, 18, 13, 59, tzinfo=timezone.utc), False),  # 08:59 in New York
    (datetime(2026, 11, 18, 22, 0, tzinfo=timezone.utc), False),  # 17:00 in New York
    (datetime(2026, 7, 15, 20, 59, tzinfo=timezone.utc), True),  # 16:59, summer time
    (datetime(2026, 11, 21, 15, 0, tzinfo=timezone.utc), False),  # Saturday
    (pl.DEMO_NOW, False),
])
def test_sales_line_is_busy_out_of_hours(rest, now, is_open):
    with DemoPhoneLine(client=rest, now=lambda: now) as line:
        root = webhook(line, "/voice/sales", To=SALES_LINE)
    if is_open:
        assert verbs(root) == ["Say", "Dial"]
        assert says(root) == [pl.SALES_WELCOME]
        assert root.find("Dial/Number").text == SALES_AGENT
    else:
        assert verbs(root) == ["Reject"]
        assert root.find("Reject").get("reason") == "busy"


def test_demo_clock_keeps_the_sales_line_busy(line):
    root = webhook(line, "/voice/sales", To=SALES_LINE)
    assert root.find("Reject").get("reason") == "busy"


# --------------------------------------------------------------------------
# SMS


def sms(line: DemoPhoneLine, body: str, sender: str = CALLER) -> ET.Element:
    params = {"MessageSid": "SM" + "1" * 32, "AccountSid": COMPANY_ACCOUNT_SID, "From": sender, "To": SMS_NUMBER,
              "Body": body, "NumMedia": "0", "ApiVersion": "2010-04-01"}
    status, text = signed_post(line.base_url + "/sms", params)
    assert status == 200, text
    return ET.fromstring(text.encode())


def test_sms_gets_an_auto_reply_then_a_human_one(line, rest):
    started = time.monotonic()
    root = sms(line, "Hello, where is my order? ref AB12CD")
    replies = [m.text for m in root.iter("Message")]
    assert len(replies) == 1
    assert "ref AB12CD" in replies[0] and "within 2 hours" in replies[0]
    assert rest.event.wait(60)
    at, sent = rest.sent[0]
    assert at - started >= SMS_DELAY_S - 0.005   # the person answers after the delay, never sooner
    assert sent["from_"] == SMS_NUMBER and sent["to"] == CALLER
    assert sent["body"].startswith("Hi, this is Sam from Northwind Appliances")
    assert "ref AB12CD" in sent["body"] and "on its way" in sent["body"]


def test_sms_reference_can_be_a_ledger_token(line, rest):
    root = sms(line, "My fridge is broken k7q9x2abcd", sender="whatsapp:+15005550007")
    assert "k7q9x2abcd" in root.find("Message").text
    assert rest.event.wait(60)
    sent = rest.sent[0][1]
    assert sent["to"] == "whatsapp:+15005550007"
    assert "k7q9x2abcd" in sent["body"] and "engineer" in sent["body"]


def test_sms_without_reference_and_never_to_ourselves(line, rest):
    assert "ref" not in sms(line, "Do you sell kettles?").find("Message").text
    assert sms(line, "loop?", sender=MAIN_LINE).find("Message") is None
    assert rest.event.wait(60)   # the answer to the customer went out; one to ourselves would be due by now
    time.sleep(SMS_DELAY_S + 0.3)
    assert [s[1]["to"] for s in rest.sent] == [CALLER]


@pytest.mark.parametrize("text,reference", [
    ("ref ABC123", "ABC123"),
    ("Subject [ref k7q9x2abcd]", "k7q9x2abcd"),
    ("Reference: NW-1001 please", "NW-1001"),
    ("my token is z2z3z4z5z6", "z2z3z4z5z6"),
    ("I want a refund for my department store order", None),
    ("", None),
])
def test_find_reference(text, reference):
    assert find_reference(text) == reference


# --------------------------------------------------------------------------
# The numbers file


def test_demo_numbers():
    numbers = demo_numbers("http://127.0.0.1:8791/", CALLER, "AC" + "0" * 28 + "a001", "prober-secret")
    assert numbers["accounts"] == {
        "prober": {"sid": "AC" + "0" * 28 + "a001", "auth_token": "prober-secret"},
        "company": {"sid": COMPANY_ACCOUNT_SID, "auth_token": COMPANY_AUTH_TOKEN},
    }
    lines = numbers["numbers"]
    assert lines[CALLER] == {"account": "prober"}
    assert lines[MAIN_LINE]["voice"]["url"] == "http://127.0.0.1:8791/voice/main"
    assert lines[SALES_LINE]["voice"]["url"] == "http://127.0.0.1:8791/voice/sales"
    assert lines[SMS_NUMBER]["sms"]["url"] == "http://127.0.0.1:8791/sms"
    assert lines[BILLING_AGENT]["person"]["name"] == "Anna"
    assert lines[SUPPORT_AGENT]["person"]["greeting"].startswith("Hello, you're through to Northwind")
    assert {line.number for line in pl.LINES} <= set(lines)


# --------------------------------------------------------------------------
# End to end: whole calls and messages through the Twilio simulator, with the official SDK

PROBER_SID = "AC" + "0" * 28 + "a001"
PROBER_TOKEN = "prober-secret"
TIME_SCALE = 0.1  # simulated speech, rings and waits run ten times faster
E2E_HOLD_S = 1.0  # real seconds: the line's own timers are not scaled
E2E_SMS_DELAY_S = 0.5


def norm(text: str) -> str:
    """Words only, lower case: speech results need not keep the prompt's punctuation."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


class Caller:
    """The prober's leg of a call: listens with ``<Gather input="speech">`` and answers by script.

    ``script`` is a list of (words to wait for, what to do then): digits to press
    (``<Play digits>``), ``"say:…"`` to speak, ``None`` to keep listening, or
    ``"hangup"``. After the last step the caller keeps listening until the call ends.
    """

    def __init__(self, script: list[tuple[str, str | None]]) -> None:
        self.script = list(script)
        self.step = 0
        self.heard: list[tuple[datetime, str]] = []
        self.statuses: list[str] = []
        self.forged = 0
        self.done = threading.Event()
        self.ended = threading.Event()
        self._lock = threading.Lock()
        caller = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                params = dict(parse_qsl(body, keep_blank_values=True))
                url = caller.base_url + self.path
                if not RequestValidator(PROBER_TOKEN).validate(url, params, self.headers.get("X-Twilio-Signature", "")):
                    caller.forged += 1
                twiml = caller.answer(urlsplit(self.path).path, params)
                data = twiml.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def listen(self, first: str = "") -> str:
        response = VoiceResponse()
        if first.startswith("say:"):
            response.say(first[4:])
        elif first and first != "hangup":
            response.play(digits=first)
        response.gather(input="speech", speech_timeout="auto", timeout=30, action=self.base_url + "/heard")
        response.redirect(self.base_url + "/listen")
        return str(response)

    def answer(self, path: str, params: dict[str, str]) -> str:
        if path == "/status":
            with self._lock:
                self.statuses.append(params.get("CallStatus", ""))
            if params.get("CallStatus") in pl._ENDED:
                self.ended.set()
            return str(VoiceResponse())
        if path != "/heard":
            return self.listen()
        text = params.get("SpeechResult", "")
        with self._lock:
            self.heard.append((datetime.now(timezone.utc), text))
            action = None
            # One result may hold several prompts (e.g. greeting and menu): act on the last one.
            while self.step < len(self.script) and norm(self.script[self.step][0]) in norm(text):
                action = self.script[self.step][1]
                self.step += 1
            if self.step == len(self.script):
                self.done.set()
        if action == "hangup":
            response = VoiceResponse()
            response.hangup()
            return str(response)
        return self.listen(action or "")

    def texts(self) -> list[str]:
        with self._lock:
            return [text for _, text in self.heard]


@pytest.fixture(scope="module")
def network():
    """The demo line behind the simulator, as the demo runs them: line first, then the sim."""
    from probes.sim.twilio import TwilioSim

    with DemoPhoneLine(hold_s=E2E_HOLD_S, sms_human_delay_s=E2E_SMS_DELAY_S) as line:
        numbers = demo_numbers(line.base_url, CALLER, PROBER_SID, PROBER_TOKEN)
        with TwilioSim(numbers, time_scale=TIME_SCALE) as sim:
            line.api_base = sim.base_url
            yield SimpleNamespace(line=line, sim=sim, client=twilio_client(PROBER_SID, PROBER_TOKEN, sim.base_url))


def place_call(network, to: str, caller: Caller):
    return network.client.calls.create(
        to=to, from_=CALLER, twiml=caller.listen(),
        status_callback=caller.base_url + "/status",
        status_callback_event=["initiated", "ringing", "answered", "completed"])


@pytest.fixture
def caller_for(network):
    callers: list[Caller] = []

    def make(script):
        callers.append(Caller(script))
        return callers[-1]

    yield make
    for caller in callers:
        caller.close()


def events(network, **match) -> list:
    return [e for e in network.sim.events if all(getattr(e, k) == v for k, v in match.items())]


def test_e2e_speech_gather_hears_the_main_menu(network, caller_for):
    caller = caller_for([("Thank you for calling Northwind", None), ("For billing, press 1", "hangup")])
    call = place_call(network, MAIN_LINE, caller)
    assert caller.done.wait(120), caller.texts()
    assert caller.ended.wait(60)
    texts = caller.texts()
    assert any(norm(pl.MAIN_MENU) in norm(t) for t in texts), texts
    assert caller.forged == 0
    assert network.client.calls(call.sid).fetch().status == "completed"


def test_e2e_keys_reach_anna_after_the_hold(network, caller_for):
    caller = caller_for([("For billing, press 1", "1"), ("speak to someone in our billing team", "2"),
                         ("my name is Anna", "hangup")])
    call = place_call(network, MAIN_LINE, caller)
    assert caller.done.wait(120), caller.texts()
    assert any("important to us" in norm(t) for t in caller.texts())  # the hold message was heard
    assert caller.ended.wait(60)

    log = network.line.log_snapshot()
    enqueued = next(e for e in log if e["kind"] == "enqueued" and e["queue"] == "billing")
    agent_call = next(e for e in log if e["kind"] == "agent_call" and e["call_sid"] == enqueued["call_sid"])
    assert agent_call["agent"] == "Anna" and agent_call["held_s"] >= E2E_HOLD_S - 0.005   # never sooner
    greeting = next(e for e in events(network, number=BILLING_AGENT, kind="say"))
    assert greeting.text == pl.AGENTS["billing"].greeting
    answered = next(e for e in events(network, call_sid=call.sid, kind="status") if e.text == "in-progress")
    # What the benchmark compares: the simulator's time to a person, which includes the hold.
    held = (greeting.at - enqueued["at"]).total_seconds()
    assert E2E_HOLD_S <= held < E2E_HOLD_S + 1.5
    assert (greeting.at - answered.at).total_seconds() > held
    assert caller.forged == 0


def test_e2e_speech_reaches_ben(network, caller_for):
    caller = caller_for([("For billing, press 1", "say:support"), ("For fridges and freezers", "say:fridge"),
                         ("my name is Ben", "hangup")])
    place_call(network, MAIN_LINE, caller)
    assert caller.done.wait(120), caller.texts()
    assert any(e["kind"] == "choice" and e["speech"] for e in network.line.log_snapshot())


def test_e2e_order_status_dead_end_hangs_up(network, caller_for):
    started = datetime.now(timezone.utc)
    caller = caller_for([("For billing, press 1", "3"), ("check the status of your order", None)])
    call = place_call(network, MAIN_LINE, caller)
    assert caller.done.wait(120), caller.texts()
    assert caller.ended.wait(60)  # the company hung up: the caller never does in this script
    assert network.client.calls(call.sid).fetch().status == "completed"
    assert norm(caller.texts()[-1]) == norm(pl.ORDER_STATUS)
    # This call's legs only: the call before it in this module may hang up late on a busy machine.
    legs = {call.sid, network.sim.net.calls[call.sid].outer.sid}
    hangups = [e for e in events(network, kind="hangup") if e.at >= started and e.call_sid in legs]
    assert (hangups[0].number, hangups[0].text) == (MAIN_LINE, "hangup")  # by <Hangup/>, on the company's leg


def test_e2e_returns_loops_back_to_the_main_menu(network, caller_for):
    caller = caller_for([("For billing, press 1", "4"), ("return most products within 30 days", None),
                         ("For billing, press 1", "hangup")])
    place_call(network, MAIN_LINE, caller)
    assert caller.done.wait(120), caller.texts()
    assert sum(norm(pl.MAIN_MENU) in norm(t) for t in caller.texts()) == 2


def test_e2e_sales_line_is_busy(network, caller_for):
    caller = caller_for([])
    call = place_call(network, SALES_LINE, caller)
    assert caller.ended.wait(60)
    assert network.client.calls(call.sid).fetch().status == "busy"
    assert caller.heard == []


def test_e2e_sms_gets_an_auto_reply_and_a_human_reply(network):
    sent = network.client.messages.create(from_=CALLER, to=SMS_NUMBER, body="Where is my order? ref k7q9x2abcd")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        replies = network.client.messages.list(to=CALLER)
        if len(replies) >= 2:
            break
        time.sleep(0.1)
    replies = sorted(network.client.messages.list(to=CALLER), key=lambda m: m.date_created)
    bodies = [m.body for m in replies]
    assert len(bodies) == 2, bodies
    auto, human = sorted(bodies, key=lambda b: not b.startswith("Thanks for your message"))
    assert "within 2 hours" in auto and "k7q9x2abcd" in auto
    assert human.startswith("Hi, this is Sam") and "k7q9x2abcd" in human
    assert all(m.from_ == SMS_NUMBER for m in replies)
    assert sent.sid not in {m.sid for m in replies}


def test_e2e_webhooks_signed_with_another_token_are_refused(caller_for):
    from probes.sim.twilio import TwilioSim

    with DemoPhoneLine() as line:
        numbers = demo_numbers(line.base_url, CALLER, PROBER_SID, PROBER_TOKEN, company_token="someone-elses-token")
        with TwilioSim(numbers, time_scale=TIME_SCALE) as sim:
            client = twilio_client(PROBER_SID, PROBER_TOKEN, sim.base_url)
            caller = caller_for([("application error", None)])
            place_call(SimpleNamespace(client=client), MAIN_LINE, caller)
            assert caller.done.wait(120), caller.texts()
            assert caller.ended.wait(60)
            refused = [e for e in sim.events if e.kind == "webhook" and "/voice/main" in e.text]
            assert refused and refused[0].detail["status"] == 403
    assert [e["kind"] for e in line.log_snapshot()] == ["forged"]
