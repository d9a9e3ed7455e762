"""The Twilio simulator's telephone network: calls placed with the official SDK over real HTTP.

Each test builds a small world (a prober account, a company account, an IVR on a
signature-checking loopback TwiML app, people, busy lines), places calls the way
the prober does, and checks what a user of Twilio relies on: statuses and their
callbacks, what a <Gather> hears, DTMF, dialling people, queues, recordings.
time_scale 0.1 runs every simulated second in 0.1 s.
"""
from __future__ import annotations

import io
import threading
import time
import urllib.request
import wave
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from twilio.base.exceptions import TwilioRestException

from probes.sim.twilio import TwilioSim
from probes.sim.twilio.appserver import AppServer
from probes.sim.twilio.twiml import APP_ERROR_TEXT
from probes.twilio_http import twilio_client

SCALE = 0.1
PROBER_SID, PROBER_TOKEN = "AC" + "0" * 28 + "a001", "prober-secret"
COMPANY_SID, COMPANY_TOKEN = "AC" + "0" * 28 + "a002", "company-secret"
PROBER, IVR, COMPANY_OUT, ANNA, BUSY, NO_ANSWER = ("+15005550006", "+18005550100", "+18005550101", "+18005550190",
                                                 "+18005550111", "+18005550122")
GREETING = "Hello, this is Anna in billing. How can I help?"
MENU = "Welcome to Northwind. For billing press 1. To leave a message press 2."


def numbers(app: AppServer, **extra) -> dict:
    return {"accounts": {"prober": {"sid": PROBER_SID, "auth_token": PROBER_TOKEN},
                         "company": {"sid": COMPANY_SID, "auth_token": COMPANY_TOKEN}},
            "numbers": {PROBER: {"account": "prober"},
                        IVR: {"account": "company", "voice": {"url": app.url("/voice")}},
                        COMPANY_OUT: {"account": "company"},
                        ANNA: {"person": {"name": "Anna", "answer_after": "2s", "greeting": GREETING,
                                          "hangup_after": "30s"}},
                        BUSY: {"busy": True}, NO_ANSWER: {"no_answer": True}, **extra}}


IVR_APP = {
    "/voice": f'<Response><Gather numDigits="1" action="/menu" timeout="5"><Say>{MENU}</Say></Gather>'
              '<Say>Goodbye.</Say></Response>',
    "/menu": lambda p: {"1": "<Response><Say>Connecting you to billing.</Say>"
                             f"<Dial action=\"/dialled\">{ANNA}</Dial></Response>",
                        "2": '<Response><Say>Leave your message after the tone.</Say>'
                             '<Record action="/recorded" /></Response>'}.get(p.get("Digits", ""),
                                                                            "<Response><Hangup/></Response>"),
    "/dialled": "<Response><Hangup/></Response>",
    "/status": "<Response/>", "/partial": "<Response/>",
}


@pytest.fixture
def app():
    with AppServer([PROBER_TOKEN, COMPANY_TOKEN], dict(IVR_APP)) as server:
        yield server


@pytest.fixture
def sim(app):
    with TwilioSim(numbers(app), time_scale=SCALE) as s:
        yield s


@pytest.fixture
def prober(sim):
    return twilio_client(PROBER_SID, PROBER_TOKEN, sim.base_url)


@pytest.fixture
def company(sim):
    return twilio_client(COMPANY_SID, COMPANY_TOKEN, sim.base_url)


def gather(app: AppServer, name: str, **attrs: str) -> str:
    """The prober's way of listening: a speech (and DTMF) Gather whose result goes to /<name>."""
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return (f'<Gather input="speech dtmf" speechTimeout="auto" timeout="8" action="{app.url("/" + name)}"'
            f' partialResultCallback="{app.url("/partial")}"{extra}/>')


def listen(app: AppServer, name: str, then: str = "<Response><Hangup/></Response>") -> str:
    """A prober document that listens once; /<name> answers ``then``."""
    app.routes[f"/{name}"] = then
    return f"<Response>{gather(app, name)}</Response>"


def listen_until(app: AppServer, name: str, text: str) -> str:
    """A prober document that keeps listening until what it hears ends with ``text``, then hangs up."""
    doc = f'<Response>{gather(app, name, actionOnEmptyResult="true")}</Response>'
    app.routes[f"/{name}"] = lambda p: ("<Response><Hangup/></Response>" if p.get("SpeechResult", "").endswith(text)
                                        else doc)
    return doc


def finished(sim: TwilioSim, call_sid: str, timeout_s: float = 60.0) -> str:
    event = sim.wait_for(lambda e: e.kind == "status" and e.call_sid == call_sid
                         and e.text in ("completed", "busy", "failed", "no-answer", "canceled"), timeout_s)
    assert event is not None, f"call {call_sid} did not end"
    return event.text


def statuses(sim: TwilioSim, call_sid: str) -> list[str]:
    return [e.text for e in sim.events if e.kind == "status" and e.call_sid == call_sid]


def test_call_progresses_and_reports_every_status_with_signed_callbacks(sim, app, prober):
    call = prober.calls.create(to=IVR, from_=PROBER, twiml=listen(app, "heard"),
                               status_callback=app.url("/status"),
                               status_callback_event=["initiated", "ringing", "answered", "completed"])
    assert call.status == "queued" and call.direction == "outbound-api" and call.to == IVR
    assert finished(sim, call.sid) == "completed"
    assert statuses(sim, call.sid) == ["queued", "ringing", "in-progress", "completed"]
    hits = app.wait_for("/status", 4)
    assert [h.params["CallStatus"] for h in hits] == ["initiated", "ringing", "in-progress", "completed"]
    assert all(h.signature_valid and h.params["CallSid"] == call.sid and h.params["AccountSid"] == PROBER_SID
               for h in hits)
    assert [h.params["SequenceNumber"] for h in hits] == ["0", "1", "2", "3"]
    fetched = prober.calls(call.sid).fetch()
    assert fetched.status == "completed" and int(fetched.duration) >= 0
    assert fetched.start_time is not None and fetched.end_time >= fetched.start_time
    # The company's application ran on an inbound leg in the company's account, signed with its token.
    voice = app.wait_for("/voice")[0]
    assert voice.signature_valid and voice.params["AccountSid"] == COMPANY_SID
    assert voice.params["Direction"] == "inbound" and voice.params["From"] == PROBER
    inbound = twilio_client(COMPANY_SID, COMPANY_TOKEN, sim.base_url).calls.list(to=IVR)
    assert [c.direction for c in inbound] == ["inbound"] and inbound[0].status == "completed"


def test_answer_takes_about_a_second_of_ringing(sim, app, prober):
    call = prober.calls.create(to=IVR, from_=PROBER, twiml=listen(app, "heard"))
    finished(sim, call.sid)
    at = {e.text: e.at for e in sim.events if e.kind == "status" and e.call_sid == call.sid}
    ring_s = (at["in-progress"] - at["ringing"]).total_seconds()
    # Never answered before the ring is over; how much later depends on the machine, not the simulator.
    assert list(at) == ["queued", "ringing", "in-progress", "completed"]
    assert ring_s >= 0.9 * SCALE


def test_speech_gather_hears_the_ivr_menu_whole_and_partial_results_come_early(sim, app, prober):
    call = prober.calls.create(to=IVR, from_=PROBER, twiml=listen(app, "heard"))
    heard = app.wait_for("/heard")[0]
    assert heard.signature_valid
    assert heard.params["SpeechResult"] == MENU
    assert 0.0 < float(heard.params["Confidence"]) <= 1.0
    say = next(e for e in sim.events if e.kind == "say" and e.number == IVR)
    partial = app.wait_for("/partial")[0]
    assert partial.params["UnstableSpeechResult"].split()[0] == "Welcome"
    # The first partial result is how the prober times when a voice began: ~0.2 s (scaled) after it did.
    delay_s = (partial.at - say.at).total_seconds()
    assert delay_s >= 0.2 * SCALE - 0.005   # not before the voice began (later on a busy machine)
    # A <Say> lasts as long as its words take at 2.5 words per second.
    assert (say.detail["ends_at"] - say.at).total_seconds() == pytest.approx(len(MENU.split()) / 2.5 * SCALE, abs=1e-3)
    heard_event = next(e for e in sim.events if e.kind == "heard" and e.call_sid == call.sid)
    assert heard_event.text == MENU and heard_event.detail["input"] == "speech"


def test_dtmf_reaches_the_ivr_and_dial_connects_a_person_who_greets(sim, app, prober):
    doc = listen(app, "heard", then=f'<Response><Play digits="1"/>{gather(app, "connecting")}</Response>')
    app.routes["/connecting"] = listen(app, "greeted")
    call = prober.calls.create(to=IVR, from_=PROBER, twiml=doc)
    menu = app.wait_for("/menu")[0]
    assert menu.params["Digits"] == "1"
    assert app.wait_for("/connecting")[0].params["SpeechResult"] == "Connecting you to billing."
    greeted = app.wait_for("/greeted", timeout_s=60)[0]
    assert greeted.params["SpeechResult"] == GREETING
    assert finished(sim, call.sid) == "completed"
    events = sim.events
    greeting = next(e for e in events if e.kind == "say" and e.number == ANNA)
    assert greeting.text == GREETING and greeting.detail["to"] == PROBER
    child = next(e for e in events if e.kind == "status" and e.detail["direction"] == "outbound-dial")
    answered = next(e for e in events if e.kind == "status" and e.call_sid == child.call_sid
                    and e.text == "in-progress")
    ringing = next(e for e in events if e.kind == "status" and e.call_sid == child.call_sid and e.text == "ringing")
    assert (answered.at - ringing.at).total_seconds() >= 2 * SCALE - 0.005  # answer_after, never sooner
    assert greeting.at >= answered.at
    # Hanging up the prober's call ends the company's leg and its <Dial> child (Anna's phone).
    assert finished(sim, child.call_sid) == "completed"
    dialled = app.wait_for("/dialled")[0]
    assert dialled.params["DialCallStatus"] == "completed" and dialled.params["DialCallSid"] == child.call_sid


def test_record_makes_a_recording_with_a_wav_and_a_transcription(sim, app, prober):
    app.routes["/voice"] = ('<Response><Say>Please leave a message.</Say>'
                            f'<Record timeout="2" transcribe="true" transcribeCallback="{app.url("/transcribed")}"'
                            ' action="/recorded"/></Response>')
    app.routes["/recorded"] = "<Response><Say>Thank you.</Say></Response>"
    app.routes["/transcribed"] = "<Response/>"
    message = "Hello, I am calling about my order 4471. Please call me back."
    prober_doc = f"<Response><Pause length=\"3\"/><Say>{message}</Say><Pause length=\"5\"/></Response>"
    call = prober.calls.create(to=IVR, from_=PROBER, twiml=prober_doc)
    recorded = app.wait_for("/recorded", timeout_s=60)[0]
    assert recorded.signature_valid and recorded.params["RecordingSid"].startswith("RE")
    transcribed = app.wait_for("/transcribed", timeout_s=60)[0]
    assert transcribed.params["TranscriptionText"] == message
    assert transcribed.params["TranscriptionStatus"] == "completed"
    company = twilio_client(COMPANY_SID, COMPANY_TOKEN, sim.base_url)
    rec = company.recordings(recorded.params["RecordingSid"]).fetch()
    assert rec.source == "RecordVerb" and rec.status == "completed"
    assert rec.transcriptions.list()[0].transcription_text == message
    assert company.transcriptions.list()[0].recording_sid == rec.sid
    with urllib.request.urlopen(recorded.params["RecordingUrl"] + ".wav", timeout=5) as response:
        audio = wave.open(io.BytesIO(response.read()))
    length_s = audio.getnframes() / audio.getframerate()
    # Recording ran from the beep to 2 (scaled) seconds of silence after the message.
    speech_s = len(message.split()) / 2.5 * SCALE
    assert speech_s + 2 * SCALE - 0.05 <= length_s <= speech_s + 5 * SCALE
    finished(sim, call.sid)


def test_queue_holds_the_caller_until_an_agent_call_dequeues_and_bridges(sim, app, prober, company):
    app.routes["/voice"] = ('<Response><Say>All our agents are busy.</Say>'
                            '<Enqueue waitUrl="/hold" action="/left">support</Enqueue></Response>')
    app.routes["/hold"] = "<Response><Say>You are number one in the queue.</Say><Pause length=\"2\"/></Response>"
    app.routes["/left"] = lambda p: f"<Response><Say>Queue result {p['QueueResult']}</Say></Response>"
    doc = listen_until(app, "heard", GREETING)
    call = prober.calls.create(to=IVR, from_=PROBER, twiml=doc)
    hold = app.wait_for("/hold", 2)[0]  # the wait music loops until someone dequeues
    assert hold.params["QueuePosition"] == "1" and hold.params["CurrentQueueSize"] == "1"
    queue = company.queues.list()[0]
    assert queue.friendly_name == "support" and queue.current_size == 1
    # The agent first hears a whisper, then takes the caller: Anna greets the caller, not the whisper.
    agent = company.calls.create(to=ANNA, from_=COMPANY_OUT, twiml="<Response><Say>A caller is waiting.</Say>"
                                                                   "<Dial><Queue>support</Queue></Dial></Response>")
    assert finished(sim, call.sid, 20) == "completed"
    heard = [h.params.get("SpeechResult") for h in app.requests("/heard")]
    # Heard in order (one result, or two when a busy machine's webhook fetch for /hold outlasts the pause
    # that ends an utterance).
    assert " ".join(h for h in heard[:2] if h).startswith("All our agents are busy. You are number one in the queue.")
    assert heard[-2].startswith("You are number one")  # the hold message stops the moment Anna is connected
    kinds = [e.kind for e in sim.events]
    assert kinds.index("enqueue") < kinds.index("dequeue") < kinds.index("bridge")
    dequeue = next(e for e in sim.events if e.kind == "dequeue")
    assert dequeue.detail["by_call_sid"] == agent.sid
    greeting = next(e for e in sim.events if e.kind == "say" and e.number == ANNA)
    assert greeting.detail["to"] == PROBER
    # A person draws breath before speaking (greet_after, 1.5 s by default): the greeting is a sentence
    # of its own, not glued to the cut-off hold message.
    assert (greeting.at - dequeue.at).total_seconds() >= 1.5 * sim.clock.time_scale - 0.005
    assert heard[-1] == GREETING
    assert company.queues(queue.sid).fetch().current_size == 0
    finished(sim, agent.sid)


def test_busy_no_answer_and_unknown_numbers_end_as_twilio_reports_them(sim, app, prober):
    busy = prober.calls.create(to=BUSY, from_=PROBER, twiml="<Response><Say>hi</Say></Response>")
    silent = prober.calls.create(to=NO_ANSWER, from_=PROBER, twiml="<Response><Say>hi</Say></Response>", timeout=5)
    unknown = prober.calls.create(to="+18005550999", from_=PROBER, twiml="<Response><Say>hi</Say></Response>")
    assert finished(sim, busy.sid) == "busy"
    assert finished(sim, unknown.sid) == "failed"
    assert finished(sim, silent.sid) == "no-answer"
    rings = {e.text: e.at for e in sim.events if e.kind == "status" and e.call_sid == silent.sid}
    assert list(rings) == ["queued", "ringing", "no-answer"]
    # It rang for the whole ring time before giving up (later, never sooner, on a busy machine).
    assert (rings["no-answer"] - rings["ringing"]).total_seconds() >= 5 * SCALE - 0.005
    assert prober.calls(busy.sid).fetch().duration == "0"


def test_reject_busy_makes_the_caller_busy(sim, app, prober):
    app.routes["/voice"] = '<Response><Reject reason="busy"/></Response>'
    call = prober.calls.create(to=IVR, from_=PROBER, twiml="<Response><Say>hi</Say></Response>")
    assert finished(sim, call.sid) == "busy"
    assert "in-progress" not in statuses(sim, call.sid)


def test_failing_application_says_an_application_error_occurred_and_hangs_up(sim, app, prober):
    del app.routes["/voice"]  # the company's webhook answers 404
    call = prober.calls.create(to=IVR, from_=PROBER, twiml=listen(app, "heard"))
    assert app.wait_for("/heard")[0].params["SpeechResult"] == APP_ERROR_TEXT
    error = next(e for e in sim.events if e.kind == "error")
    assert error.detail["code"] == 11200 and error.number == IVR
    inbound = next(e for e in sim.events if e.kind == "hangup" and e.number == IVR)
    assert inbound.text == "application error"
    finished(sim, call.sid)


def test_send_digits_are_played_after_answer_before_the_calls_own_twiml(sim, app, prober):
    call = prober.calls.create(to=IVR, from_=PROBER, send_digits="ww1", twiml=listen(app, "heard"))
    menu = app.wait_for("/menu")[0]
    assert menu.params["Digits"] == "1"
    dtmf = next(e for e in sim.events if e.kind == "dtmf")
    answered = next(e for e in sim.events if e.kind == "status" and e.call_sid == call.sid and e.text == "in-progress")
    # Played once the call is answered (how soon after depends on the machine, not the simulator).
    assert dtmf.text == "ww1" and dtmf.at >= answered.at
    finished(sim, call.sid)


def test_rest_update_redirects_a_live_call_and_hangs_it_up(sim, app, prober):
    app.routes["/voice"] = '<Response><Pause length="60"/></Response>'
    call = prober.calls.create(to=IVR, from_=PROBER, twiml='<Response><Pause length="60"/></Response>')
    assert sim.wait_for(kind="status", call_sid=call.sid, text="in-progress", timeout_s=30)
    updated = prober.calls(call.sid).update(
        twiml='<Response><Say>Changed my mind</Say><Pause length="60"/></Response>')
    assert updated.status == "in-progress"
    assert sim.wait_for(kind="say", call_sid=call.sid, text="Changed my mind", timeout_s=30)
    done = prober.calls(call.sid).update(status="completed")
    assert done.status == "completed"
    assert finished(sim, call.sid) == "completed"
    with pytest.raises(TwilioRestException) as err:
        prober.calls(call.sid).update(status="completed")
    assert err.value.code == 21220


def test_canceling_a_ringing_call(sim, app, prober):
    call = prober.calls.create(to=ANNA, from_=PROBER, twiml="<Response><Say>hi</Say></Response>")
    assert sim.wait_for(kind="status", call_sid=call.sid, text="ringing", timeout_s=30)
    assert prober.calls(call.sid).update(status="canceled").status == "canceled"
    assert statuses(sim, call.sid) == ["queued", "ringing", "canceled"]
    time.sleep(2.5 * SCALE)  # Anna would have answered by now
    assert not [e for e in sim.events if e.kind == "say" and e.number == ANNA]


def test_calling_a_person_directly_hears_the_greeting(sim, app, prober):
    call = prober.calls.create(to=ANNA, from_=PROBER, twiml=listen(app, "greeted"), record=True)
    assert app.wait_for("/greeted")[0].params["SpeechResult"] == GREETING
    finished(sim, call.sid)
    recording = prober.recordings.list(call_sid=call.sid)[0]
    assert recording.source == "OutboundAPI"
    assert prober.calls(call.sid).recordings.list()[0].sid == recording.sid


def test_play_lasts_as_long_as_the_wav_and_redirect_follows_relative_urls(sim, app, prober):
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(8000)
        w.writeframes(b"\0\0" * 8000 * 3)
    data = buf.getvalue()

    class Audio(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "audio/wav")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    audio = ThreadingHTTPServer(("127.0.0.1", 0), Audio)
    threading.Thread(target=audio.serve_forever, daemon=True).start()
    try:
        app.routes["/voice"] = "<Response><Redirect>/music</Redirect></Response>"
        app.routes["/music"] = (f"<Response><Play>http://127.0.0.1:{audio.server_address[1]}/hold.wav</Play>"
                                "<Say>Still there?</Say></Response>")
        call = prober.calls.create(to=IVR, from_=PROBER, twiml=listen(app, "heard"))
        heard = app.wait_for("/heard")[0]
        assert heard.params["SpeechResult"] == "Still there?"  # music is sound, not speech
        play = next(e for e in sim.events if e.kind == "play")
        assert (play.detail["ends_at"] - play.at).total_seconds() == pytest.approx(3 * SCALE, abs=1e-3)
        finished(sim, call.sid)
    finally:
        audio.shutdown()
        audio.server_close()


def test_gather_timeout_without_input_moves_on_and_utterance_under_way_is_heard_whole(sim, app, prober):
    # The IVR speaks first; the prober only starts listening half-way through the menu.
    doc = ('<Response><Pause length="2"/>'
           f'<Gather input="speech" speechTimeout="auto" action="{app.url("/heard")}"/></Response>')
    app.routes["/heard"] = "<Response><Hangup/></Response>"
    call = prober.calls.create(to=IVR, from_=PROBER, twiml=doc)
    assert app.wait_for("/heard")[0].params["SpeechResult"] == MENU
    finished(sim, call.sid)
    # The IVR's own Gather got nothing and went on to its next verb.
    app.routes["/voice"] = '<Response><Gather timeout="1"><Say>Hi</Say></Gather><Say>No input.</Say></Response>'
    call = prober.calls.create(to=IVR, from_=PROBER, twiml=listen(app, "nothing", then=listen(app, "second")))
    assert app.wait_for("/second")[0].params["SpeechResult"] == "No input."
    finished(sim, call.sid)


def test_call_errors(sim, prober, company):
    with pytest.raises(TwilioRestException) as err:
        prober.calls.create(to=IVR, from_=COMPANY_OUT, twiml="<Response/>")
    assert err.value.code == 21210 and err.value.status == 400
    with pytest.raises(TwilioRestException) as err:
        prober.calls.create(to="0800 555 0100", from_=PROBER, twiml="<Response/>")
    assert err.value.code == 21211
    with pytest.raises(TwilioRestException) as err:
        prober.calls("CA" + "f" * 32).fetch()
    assert err.value.code == 20404 and err.value.status == 404
    call = prober.calls.create(to=BUSY, from_=PROBER, twiml="<Response/>")
    with pytest.raises(TwilioRestException) as err:  # another account's call is not found
        company.calls(call.sid).fetch()
    assert err.value.code == 20404


def test_dial_reports_a_busy_number_then_connects_to_another_application(app):
    other = "+18005550177"
    app.routes["/voice"] = f'<Response><Dial action="/dialled" timeout="5">{BUSY}</Dial></Response>'
    app.routes["/dialled"] = lambda p: (f'<Response><Dial action="/end">{other}</Dial></Response>'
                                        if p["DialCallStatus"] == "busy" else "<Response><Hangup/></Response>")
    app.routes["/other"] = '<Response><Say>Sales desk, how can I help?</Say><Pause length="10"/></Response>'
    app.routes["/end"] = "<Response/>"
    with TwilioSim(numbers(app, **{other: {"account": "company", "voice": {"url": app.url("/other")}}}),
                   time_scale=SCALE) as sim:
        prober = twilio_client(PROBER_SID, PROBER_TOKEN, sim.base_url)
        call = prober.calls.create(to=IVR, from_=PROBER, twiml=listen_until(app, "heard", "how can I help?"))
        assert app.wait_for("/dialled")[0].params["DialCallStatus"] == "busy"
        assert app.wait_for("/heard")[0].params["SpeechResult"] == "Sales desk, how can I help?"
        finished(sim, call.sid)
        # The other number's application ran on its own inbound leg, reached through the <Dial> child.
        other_leg = next(e for e in sim.events if e.kind == "say" and e.number == other)
        assert other_leg.detail["to"] == PROBER
        assert app.wait_for("/end")[0].params["DialCallStatus"] == "completed"


def test_finish_keys_and_a_text_message_sent_during_a_call(sim, app, prober):
    app.routes["/voice"] = ('<Response><Gather action="/account" finishOnKey="#"><Say>Enter your account number '
                            'followed by the hash key.</Say></Gather></Response>')
    app.routes["/account"] = ('<Response><Message>Your reference is 42.</Message>'
                              '<Record action="/recorded" finishOnKey="*" playBeep="false"/></Response>')
    app.routes["/recorded"] = "<Response><Hangup/></Response>"
    call = prober.calls.create(to=IVR, from_=PROBER, twiml='<Response><Play digits="ww4471#"/><Say>My fridge is '
                               'broken.</Say><Play digits="*"/><Pause length="10"/></Response>')
    account = app.wait_for("/account")[0].params
    assert (account["Digits"], account["FinishedOnKey"]) == ("4471", "#")
    assert app.wait_for("/recorded")[0].params["Digits"] == "*"
    assert finished(sim, call.sid) == "completed"
    text = sim.wait_for(lambda e: e.kind == "sms" and e.detail["to"] == PROBER and e.detail["status"] == "received", 5)
    assert text is not None and text.text == "Your reference is 42."
    assert [m.body for m in prober.messages.list(to=PROBER)] == ["Your reference is 42."]
