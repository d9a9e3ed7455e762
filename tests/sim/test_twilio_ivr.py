"""The Twilio simulator against the test IVR (probes.sim.testivr), over real HTTP on loopback.

What scripted and interactive probers rely on: a recording chunk's transcription holds
only what was said during it; a company webhook that fails sounds and is logged as on
Twilio (the application error message, error 11200 / 12100 as a Call Notification in the
company's account); a <Dial> to a number nobody has does what the numbers file says, and
says so in the event log; <Say> voice and language are recorded; the menu's keys lead
where the test IVR's docstring says. time_scale 0.1 runs every simulated second in 0.1 s.
"""
from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import time

import pytest
import yaml

from probes.sim import testivr
from probes.sim.testivr import (AGENT_GREETING, AGENT_NUMBER, BACK_HINT, BILLING_MENU, COMPANY_ACCOUNT_SID,
                                COMPANY_TOKEN, DIRECTIONS, GOODBYE, IVR_NUMBER, MAIN_MENU, NOBODY,
                                PROBER_ACCOUNT_SID, PROBER_NUMBER, UNKNOWN_NUMBER, IvrPhone)
from probes.sim.twilio import TwilioSim
from probes.sim.twilio.events import SimEvent, event_json, event_text
from probes.sim.twilio.twiml import APP_ERROR_TEXT
from probes.twilio_http import twilio_client

SCALE = 0.1
FINAL = ("completed", "busy", "failed", "no-answer", "canceled")
HANG_UP_LATER = '<Pause length="120"/>'


@pytest.fixture
def ivr():
    with IvrPhone(time_scale=SCALE) as phone:
        yield phone


def clients(phone: IvrPhone):
    return (twilio_client(PROBER_ACCOUNT_SID, phone.token, phone.base_url),
            twilio_client(COMPANY_ACCOUNT_SID, COMPANY_TOKEN, phone.base_url))


def call(phone: IvrPhone, twiml: str):
    prober, _ = clients(phone)
    return prober.calls.create(to=IVR_NUMBER, from_=PROBER_NUMBER, twiml=f"<Response>{twiml}</Response>")


def ended(sim: TwilioSim, call_sid: str, timeout_s: float = 90.0) -> str:
    event = sim.wait_for(lambda e: e.kind == "status" and e.call_sid == call_sid and e.text in FINAL, timeout_s)
    assert event is not None, f"call {call_sid} did not end"
    return event.text


def inbound_leg(sim: TwilioSim) -> str:
    event = sim.wait_for(kind="status", text="ringing", number=IVR_NUMBER, timeout_s=30)
    assert event is not None and event.detail["direction"] == "inbound"
    return event.call_sid


def heard_by_prober(sim: TwilioSim) -> list[str]:
    """What the prober's leg was told, in order (a <Say> cut off by a key press still counts once)."""
    return [e.text for e in sim.events if e.kind == "say" and e.detail.get("to") == PROBER_NUMBER]


def wait_until(predicate, timeout_s: float = 60.0, step_s: float = 0.1):
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(step_s)


# --- recording chunks: what was said during each -------------------------------------------------------

def test_each_recording_chunk_is_transcribed_with_only_the_words_said_during_it():
    # A scripted prober listening to the looping main menu in 5-second chunks (2.5 words a second).
    # A third of real time: a busy machine's lag between chunks stays a small share of a word.
    with IvrPhone(time_scale=0.3) as ivr:
        chunk = '<Record maxLength="5" timeout="5" playBeep="false" transcribe="true"/>'
        placed = call(ivr, chunk * 5 + "<Hangup/>")
        assert ended(ivr.sim, placed.sid) == "completed"
        prober, _ = clients(ivr)
        recordings = [e.text for e in ivr.sim.events if e.kind == "recording" and e.call_sid == placed.sid]
        assert len(recordings) == 5
        chunks = [t.split() for t in wait_until(lambda: _transcriptions(prober, recordings))]
    # 5 s at 2.5 words a second: 12 or 13 words whose middle falls in the chunk, never the whole menu
    # (the first chunk may start a moment before the menu does).
    assert all(9 <= len(words) <= 13 for words in chunks), [len(w) for w in chunks]
    said = ((MAIN_MENU + " ") * 3).split()
    heard = [w for words in chunks for w in words]
    assert _in_order_losing_at_most(heard, said, len(chunks)), (heard, said)
    assert chunks[0][:4] == ["Thank", "you", "for", "calling"]


def _transcriptions(prober, recordings: list[str]) -> list[str] | None:
    got = [prober.recordings(sid).transcriptions.list() for sid in recordings]
    return [t[0].transcription_text for t in got] if all(got) else None


def _in_order_losing_at_most(heard: list[str], said: list[str], lost: int) -> bool:
    """``heard`` is ``said``'s beginning with at most ``lost`` words dropped (one per chunk boundary)."""
    i = 0
    for word in said:
        if i < len(heard) and heard[i] == word:
            i += 1
        elif i < len(heard):
            lost -= 1
    return i == len(heard) and lost >= 0


def test_words_of_a_cut_off_sentence_after_the_cut_are_not_in_the_chunk():
    from probes.sim.twilio.network import Utterance

    utt = Utterance("+1", "one two three four five six seven eight nine ten", "speech", 100.0, 104.0, ())
    # 0.4 s a word: words 1-5 have their middles in [100, 102), 6-10 in [102, 104).
    assert utt.words_between(100.0, 102.0) == "one two three four five".split()
    assert utt.words_between(102.0, 110.0) == "six seven eight nine ten".split()
    assert utt.words_between(99.0, 100.1) == []          # the first word's middle is at 100.2
    utt.ended = 101.0                                    # cut off: only words said before 101
    assert utt.words_between(100.0, 110.0) == ["one", "two"]


# --- a company webhook that fails ---------------------------------------------------------------------

@pytest.mark.parametrize("key, code, path", [("4", 11200, "/ivr/orders"), ("5", 12100, "/ivr/returns")])
def test_a_failing_company_webhook_says_the_application_error_and_is_a_notification(ivr, key, code, path):
    placed = call(ivr, f'<Play digits="ww{key}"/>'
                       '<Record maxLength="60" timeout="10" playBeep="false" transcribe="true"/>')
    leg = inbound_leg(ivr.sim)
    assert ended(ivr.sim, placed.sid) == "completed"
    events = [e for e in ivr.sim.events if e.call_sid == leg]
    error = next(e for e in events if e.kind == "error")
    assert error.detail["code"] == code and error.detail["url"].endswith(path)
    assert [e.text for e in events if e.kind == "hangup"] == ["application error"]
    assert heard_by_prober(ivr.sim)[-1] == APP_ERROR_TEXT
    # The prober's own recording heard the message (this is all a caller can know of it).
    prober, company = clients(ivr)
    rec = wait_until(lambda: prober.recordings.list(call_sid=placed.sid))[0]
    text = wait_until(lambda: rec.transcriptions.list())[0].transcription_text
    assert "an application error has occurred" in text
    # Twilio logs it in the account that owns the failing application: the company's, not the prober's.
    notes = company.calls(leg).notifications.list()
    assert [(n.error_code, n.log) for n in notes] == [(str(code), "0")]
    note = company.notifications(notes[0].sid).fetch()
    assert note.request_url.endswith(path) and note.call_sid == leg
    if code == 11200:
        assert note.response_body == "Internal Server Error" and note.request_method == "POST"
        assert "Digits" not in (note.request_variables or "") and f"CallSid={leg}" in note.request_variables
    assert prober.notifications.list() == []


def test_a_failing_status_callback_is_a_warning_and_the_call_goes_on(ivr):
    prober, _ = clients(ivr)
    placed = prober.calls.create(to=IVR_NUMBER, from_=PROBER_NUMBER, twiml='<Response><Play digits="ww1"/>'
                                 f"{HANG_UP_LATER}</Response>", status_callback=ivr.app.url("/no-such-callback"),
                                 status_callback_event=["answered", "completed"])
    assert ended(ivr.sim, placed.sid) == "completed"
    assert heard_by_prober(ivr.sim)[-1] == GOODBYE   # the call went on to the end of the directions
    notes = wait_until(lambda: prober.calls(placed.sid).notifications.list() if len(
        prober.calls(placed.sid).notifications.list()) == 2 else None)
    assert {(n.error_code, n.log) for n in notes} == {("15003", "1")}


# --- numbers the simulator does not know -------------------------------------------------------------

@pytest.mark.parametrize("unknown, status", [
    ("failed", "failed"), ("busy", "busy"), ("no_answer", "no-answer"),
    ({"person": {"name": "Pat", "answer_after": "1s", "greeting": "Repairs, Pat speaking."}}, "completed")])
def test_a_dial_to_an_unknown_number_does_what_the_numbers_file_says_and_is_logged(unknown, status):
    console = io.StringIO()
    with IvrPhone(time_scale=SCALE, unknown_numbers=unknown, echo=console) as phone:
        placed = call(phone, '<Play digits="ww3"/>' + HANG_UP_LATER)
        if status == "completed":   # the partner answers: the prober hears them, then hangs up itself
            assert phone.sim.wait_for(kind="say", text="Repairs, Pat speaking.", timeout_s=60) is not None
            clients(phone)[0].calls(placed.sid).update(status="completed")
        assert ended(phone.sim, placed.sid) == "completed"
        leg = inbound_leg(phone.sim)
        dial_end = phone.sim.wait_for(kind="dial_end", call_sid=leg, timeout_s=30)
        events = phone.sim.events
    unknown_event = next(e for e in events if e.kind == "unknown_number")
    assert unknown_event.text == UNKNOWN_NUMBER
    assert dial_end.text == status and dial_end.detail["target"] == UNKNOWN_NUMBER
    dial = next(e for e in events if e.kind == "dial" and e.call_sid == leg)
    assert dial.text == UNKNOWN_NUMBER
    if status != "completed":  # the app's dial action tells the caller, who hears it before the company hangs up
        assert NOBODY in [e.text for e in events if e.kind == "say" and e.detail.get("to") == PROBER_NUMBER]
    text = console.getvalue()
    assert f"{UNKNOWN_NUMBER} is not in the numbers file" in text
    assert f"dial to {UNKNOWN_NUMBER}: {status}" in text


def test_unknown_numbers_rejects_what_it_does_not_know():
    from probes.sim.twilio import load_numbers
    from probes.yamlsource import InputError

    base = {"accounts": {"a": {"sid": PROBER_ACCOUNT_SID, "auth_token": "t"}}}
    assert load_numbers(base).unknown_numbers == "failed"   # the documented default
    with pytest.raises(InputError):
        load_numbers({**base, "unknown_numbers": "ring forever"})


# --- <Say> voice and language ------------------------------------------------------------------------

def test_say_voice_language_and_loop_are_recorded():
    numbers = {"accounts": {"prober": {"sid": PROBER_ACCOUNT_SID, "auth_token": "p"},
                            "company": {"sid": COMPANY_ACCOUNT_SID, "auth_token": "c"}},
               "numbers": {PROBER_NUMBER: {"account": "prober"},
                           IVR_NUMBER: {"account": "company", "voice": {"twiml": (
                               '<Response><Say voice="Polly.Amy" language="en-GB" loop="2">Hello there.</Say>'
                               '<Say>Bye.</Say></Response>')}}}}
    with TwilioSim(numbers, time_scale=SCALE) as sim:
        placed = twilio_client(PROBER_ACCOUNT_SID, "p", sim.base_url).calls.create(
            to=IVR_NUMBER, from_=PROBER_NUMBER, twiml=f"<Response>{HANG_UP_LATER}</Response>")
        ended(sim, placed.sid)
        says = [(e.text, e.detail["voice"], e.detail["language"], e.detail["loop"], e.detail["loops"])
                for e in sim.events if e.kind == "say"]
    assert says == [("Hello there.", "Polly.Amy", "en-GB", 1, 2), ("Hello there.", "Polly.Amy", "en-GB", 2, 2),
                    ("Bye.", None, None, 1, 1)]


# --- the test IVR's menu --------------------------------------------------------------------------------

def test_key_1_is_information_then_goodbye_and_the_company_hangs_up(ivr):
    placed = call(ivr, '<Play digits="ww1"/>' + HANG_UP_LATER)
    leg = inbound_leg(ivr.sim)
    assert ended(ivr.sim, placed.sid) == "completed"
    assert heard_by_prober(ivr.sim) == [MAIN_MENU, DIRECTIONS, BACK_HINT, GOODBYE]
    assert [e.text for e in ivr.sim.events if e.kind == "hangup" and e.call_sid == leg] == ["hangup"]
    assert [e.text for e in ivr.sim.events if e.kind == "hangup" and e.call_sid == placed.sid] == \
        ["far end hung up"]


def test_star_returns_to_the_main_menu_and_billing_reaches_a_person(ivr):
    prober, _ = clients(ivr)
    placed = call(ivr, '<Play digits="ww1"/>' + HANG_UP_LATER)
    # An interactive prober reacts to what it hears: star on the hint, then 2 and 1 for a billing agent.
    assert ivr.sim.wait_for(kind="say", text=BACK_HINT, timeout_s=60) is not None
    prober.calls(placed.sid).update(twiml=f'<Response><Play digits="*"/>{HANG_UP_LATER}</Response>')
    assert ivr.sim.wait_for(lambda e: e.kind == "say" and e.text == MAIN_MENU
                            and e.detail["loop"] == 1, timeout_s=60) is not None
    wait_until(lambda: heard_by_prober(ivr.sim).count(MAIN_MENU) == 2)
    prober.calls(placed.sid).update(twiml=f'<Response><Play digits="2"/>{HANG_UP_LATER}</Response>')
    assert ivr.sim.wait_for(kind="say", text=BILLING_MENU, timeout_s=60) is not None
    prober.calls(placed.sid).update(twiml=f'<Response><Play digits="1"/>{HANG_UP_LATER}</Response>')
    greeting = ivr.sim.wait_for(kind="say", text=AGENT_GREETING, timeout_s=60)
    assert greeting is not None and greeting.number == AGENT_NUMBER
    prober.calls(placed.sid).update(status="completed")
    assert ended(ivr.sim, placed.sid) == "completed"
    heard = heard_by_prober(ivr.sim)
    assert heard[:4] == [MAIN_MENU, DIRECTIONS, BACK_HINT, MAIN_MENU]
    assert heard[-3:] == [BILLING_MENU, testivr.HOLD_MESSAGE, AGENT_GREETING]


def test_the_main_menu_prompt_loops_three_times_then_the_company_says_goodbye(ivr):
    placed = call(ivr, HANG_UP_LATER)
    assert ended(ivr.sim, placed.sid) == "completed"
    assert heard_by_prober(ivr.sim) == [MAIN_MENU] * 3 + [testivr.NO_CHOICE]


# --- the event log: console text and JSON lines ---------------------------------------------------------

def test_event_lines_say_what_happened():
    from datetime import datetime, timezone

    at = datetime(2026, 12, 2, 14, 0, 1, 250000, tzinfo=timezone.utc)
    hook = SimEvent(at, "CA" + "0" * 26 + "abc123", IVR_NUMBER, "webhook", "http://127.0.0.1:5000/ivr/orders",
                    {"method": "POST", "status": 500, "elapsed_s": 0.0123, "error": "HTTP 500"})
    assert event_text(hook) == ("14:00:01.250  abc123  +18005550400  webhook POST http://127.0.0.1:5000/ivr/orders"
                                " -> HTTP 500 in 0.012 s")
    assert json.loads(event_json(hook)) == {"at": "2026-12-02T14:00:01.250+00:00", "call_sid": hook.call_sid,
                                            "number": IVR_NUMBER, "kind": "webhook", "text": hook.text,
                                            "method": "POST", "status": 500, "elapsed_s": 0.0123,
                                            "error": "HTTP 500"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_probes_sim_twilio_prints_the_event_log_and_writes_it_with_log(tmp_path):
    from conftest import ROOT, ctrl_c_works, probes_command

    app = IvrPhone().app      # only the TwiML app: the simulator runs as the CLI
    app.start()
    try:
        numbers_file = tmp_path / "numbers.yaml"
        numbers_file.write_text(yaml.safe_dump({
            "accounts": {"prober": {"sid": PROBER_ACCOUNT_SID, "auth_token": "${TEST_PROBER_TOKEN}"},
                         "company": {"sid": COMPANY_ACCOUNT_SID, "auth_token": COMPANY_TOKEN}},
            "numbers": {PROBER_NUMBER: {"account": "prober"},
                        IVR_NUMBER: {"account": "company", "voice": {"url": app.url("/ivr/voice")}}}}))
        port, log_file = _free_port(), tmp_path / "events.jsonl"
        proc = subprocess.Popen(
            [*probes_command(), "sim", "twilio", "--numbers", str(numbers_file), "--port", str(port),
             "--time-scale", str(SCALE), "--log", str(log_file)],
            env={**os.environ, "PYTHONPATH": str(ROOT), "TEST_PROBER_TOKEN": "the-users-choice"},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=ctrl_c_works)
        try:
            prober = twilio_client(PROBER_ACCOUNT_SID, "the-users-choice", f"http://127.0.0.1:{port}")
            wait_until(lambda: _answers(prober), timeout_s=120)
            sids = [prober.calls.create(to=IVR_NUMBER, from_=PROBER_NUMBER,
                                        twiml=f'<Response><Play digits="ww{key}"/>{HANG_UP_LATER}</Response>').sid
                    for key in ("3", "4")]   # a dial to an unknown number; a webhook answering 500 (at once)
            wait_until(lambda: all(prober.calls(sid).fetch().status in FINAL for sid in sids), timeout_s=90)
        finally:
            proc.send_signal(signal.SIGINT)
            out, _ = proc.communicate(timeout=60)
    finally:
        app.stop()
    assert "Stopped." in out
    for line in ([f"{sid[-6:]}  {PROBER_NUMBER}  call queued (outbound-api, {PROBER_NUMBER} -> {IVR_NUMBER})"
                  for sid in sids] +
                 [f'says "{MAIN_MENU}" [loop 1/3]', "gathers dtmf (timeout 5 s, 1 digit(s))", "got digits 3",
                  f"dials {UNKNOWN_NUMBER} (rings up to 15 s)",
                  f"{UNKNOWN_NUMBER} is not in the numbers file: failed (unknown_numbers)",
                  f"dial to {UNKNOWN_NUMBER}: failed", f'says "{NOBODY}"', "hung up: hangup (status completed)",
                  "hung up: far end hung up (status completed)", "got digits 4",
                  f"webhook POST {app.url('/ivr/orders')} -> HTTP 500 in ",
                  f"ERROR 11200: HTTP retrieval failure: HTTP 500 ({app.url('/ivr/orders')})",
                  f'says "{APP_ERROR_TEXT}"', "hung up: application error (status completed)",
                  "any other number: not in service (fails)"]):
        assert line in out, f"{line!r} not in the console output:\n{out}"
    assert "the-users-choice" not in out
    events = [json.loads(line) for line in log_file.read_text().splitlines()]
    kinds = {e["kind"] for e in events}
    assert {"status", "webhook", "say", "gather", "heard", "dial", "unknown_number", "dial_end", "error",
            "hangup"} <= kinds
    error = next(e for e in events if e["kind"] == "error")
    assert error["code"] == 11200 and error["url"] == app.url("/ivr/orders")
    assert error["notification_sid"].startswith("NO")
    assert all(e["at"].endswith("+00:00") for e in events)


def _answers(client) -> bool:
    try:
        client.calls.list(limit=1)
        return True
    except Exception:  # noqa: BLE001 - not listening yet
        return False


def test_the_demo_telephone_world_writes_the_same_event_log(tmp_path):
    from probes.sim import phoneline
    from probes.sim.phonenet import PROBER_ACCOUNT_SID as DEMO_SID
    from probes.sim.phonenet import PROBER_NUMBER as DEMO_NUMBER
    from probes.sim.phonenet import DemoPhone

    console, log_file = io.StringIO(), tmp_path / "demo-events.jsonl"
    with DemoPhone(time_scale=SCALE, echo=console, log_path=log_file) as phone:
        placed = twilio_client(DEMO_SID, phone.token, phone.base_url).calls.create(
            to=phoneline.MAIN_LINE, from_=DEMO_NUMBER, twiml='<Response><Pause length="3"/><Hangup/></Response>')
        assert phone.sim is not None and ended(phone.sim, placed.sid) == "completed"
    events = [json.loads(line) for line in log_file.read_text().splitlines()]
    assert any(e["kind"] == "hangup" and e["call_sid"] == placed.sid and e["text"] == "hangup" for e in events)
    assert f"{placed.sid[-6:]}  {DEMO_NUMBER}  hung up: hangup (status completed)" in console.getvalue()


def test_the_ivr_phone_fixture_gives_a_configuration_whose_token_works(ivr_phone, reports):
    cfg = ivr_phone.config(reports)
    assert cfg.targets["ivr"].endpoints["phone"] == IVR_NUMBER
    phone = cfg.identities["shopper"].phone
    assert phone.account_sid == PROBER_ACCOUNT_SID and phone.api_base == ivr_phone.base_url
    token = os.environ[testivr.TOKEN_VARIABLE]   # exported by the fixture, as a user exports theirs
    numbers = twilio_client(PROBER_ACCOUNT_SID, token, ivr_phone.base_url).incoming_phone_numbers.list()
    assert [n.phone_number for n in numbers] == [PROBER_NUMBER]
