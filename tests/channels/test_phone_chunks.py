"""Scripted calls hear the line in recordings of a few seconds each: what a person says across the end of one
recording must still be heard as one greeting, timed from its first words (issue 13).

The line here puts the caller straight through to a person whose greeting is longer than a recording, so it is
always split over two or three of them, and who then waits in silence until the prober's document ends: the
last chance to hear them. The simulator runs at a quarter of real time, speaking at an ordinary 2.5 words a
second.
"""
import secrets

import pytest

from probes.sim.twilio import TwilioSim
from probes.sim.twilio.appserver import AppServer

PROBER = "+15005550006"
PROBER_SID = "AC0000000000000000000000000000c001"
COMPANY_SID = "AC0000000000000000000000000000c002"
COMPANY_TOKEN = "chunk-company-token"
LINE = "+18005550500"
PERSON = "+18005550590"
TOKEN_VARIABLE = "PROBES_TEST_CHUNKS_TOKEN"
# 15 words, 6 s; what marks the person is 14 of them, 5.6 s: longer than a 5 s recording, so always split.
GREETING = "Hello, thank you for waiting, you are through to Dana at the Acme care desk."
SIGN = "thank you for waiting, you are through to dana at the acme care desk"


@pytest.fixture(scope="module")
def line():
    token = secrets.token_urlsafe(12)
    app = AppServer(COMPANY_TOKEN, {"/voice": "<Response><Say>Connecting you now.</Say>"
                                              f"<Dial>{PERSON}</Dial></Response>"})
    numbers = {"accounts": {"prober": {"sid": PROBER_SID, "auth_token": token},
                            "company": {"sid": COMPANY_SID, "auth_token": COMPANY_TOKEN}},
               "numbers": {PROBER: {"account": "prober"},
                           LINE: {"account": "company", "voice": {"url": f"{app.base_url}/voice"}},
                           # Answers about 2 s into the call, greets from about 6 s to 12 s: across the end of the
                           # second 5 s recording, and not long before the third, the document's last, ends.
                           PERSON: {"person": {"name": "Dana", "answer_after": "0.5s", "greet_after": "4s",
                                               "greeting": GREETING}}}}
    app.start()
    sim = TwilioSim(numbers, time_scale=0.25).start()
    try:
        yield sim, token
    finally:
        sim.stop()
        app.stop()


def config(sim, token, reports, monkeypatch, interactive: bool):
    from probes.config import Config

    monkeypatch.setenv(TOKEN_VARIABLE, token)
    phone = {"number": PROBER, "account_sid": PROBER_SID, "auth_token": "${" + TOKEN_VARIABLE + "}",
             "api_base": sim.base_url, "late_recordings_s": 2.0}   # the simulator posts them at once
    if interactive:
        phone["webhooks"] = {"listen": "127.0.0.1:0", "public_url": "http://127.0.0.1:0"}
    return Config.model_validate({"settings": {"reports_dir": str(reports)},
                                  "targets": {"acme": {"name": "Acme", "endpoints": {"phone": LINE},
                                                       "allowlist": [LINE]}},
                                  "identities": {"shopper": {"phone": phone}}})


SCENARIO = f"""
name: Straight to Dana ({{mode}})
persona: {{{{name: Jane Doe}}}}
target: acme
steps:
  - id: call
    channel: phone
    mode: {{mode}}
    human_within: 15s
    person: {{{{says: "{SIGN}"}}}}
"""


@pytest.mark.parametrize("mode", ["scripted", "interactive"])
def test_a_greeting_split_over_recordings_near_the_deadline_is_a_person_not_no_person(mode, line, run_journeys,
                                                                                       reports, monkeypatch):
    sim, token = line
    ran = run_journeys(SCENARIO.format(mode=mode), cfg=config(sim, token, reports, monkeypatch, mode == "interactive"))
    (step,) = ran.steps
    obs, m = step["observations"], step["measurements"]
    assert step["status"] == "passed" and not ran.findings("phone."), (ran.findings("phone."), obs["transcript"])
    assert obs["reachable"] is True
    (person,) = [t for t in obs["transcript"] if t["author"] == "agent"]
    # The person's row starts with their first words, whichever recording they fell in.
    assert person["text"].startswith("Hello, thank you"), obs["transcript"]
    assert not any("Hello, thank" in t["text"] for t in obs["transcript"]
                   if t["author"] not in ("agent", "call"))   # (the end-of-call row quotes the last words)
    # Timed from the first words, not from the recording that finished the sentence (the simulator's own log;
    # a scripted call knows recordings' starts to the second).
    answered = next(e.at for e in sim.events if e.call_sid == obs["call_sid"] and e.kind == "status"
                    and e.text == "in-progress")
    spoke = next(e.at for e in sim.events if e.kind == "say" and e.number == PERSON and e.at > answered
                 and e.detail.get("to") == PROBER)
    assert m["time_to_person_s"] <= (spoke - answered).total_seconds() + (1.0 if mode == "scripted" else 0.5)


def test_a_person_split_over_recordings_is_placed_where_their_first_words_were_said():
    from probes.channels.phone import CallLog, PhoneStep, _hear_recording

    step = PhoneStep.model_validate({"channel": "phone", "menu": []})
    log = CallLog(step, 0.0, answered=0.0, scripted=True)

    def hear(text, at, duration_s=5.0):
        decision = _hear_recording(log, text, at, duration_s)
        if decision == "listen":   # as _read_recordings keeps them
            log.carry.append({"text": text, "at": at, "duration": duration_s, "row": len(log.transcript) - 1})
        return decision

    assert hear("Please hold, your call is important to us.", 20.0) == "listen"
    # "my name is" falls across the end of the recording; neither part alone says who is speaking.
    assert hear("Please hold. Hello, my name", 25.0) == "listen"
    assert hear("is Sam. Sorry for the wait.", 30.0) == "person"
    assert log.person_text == "Hello, my name is Sam. Sorry for the wait."
    # Three words at the end of a 5 s recording that began at 25 s: said from about 28.8 s, not at 30 s.
    assert log.person_at == pytest.approx(30.0 - 3 / 2.5)
    assert [(t["author"], t["text"]) for t in log.transcript] == [
        ("hold", "Please hold, your call is important to us."), ("hold", "Please hold."),
        ("agent", "Hello, my name is Sam. Sorry for the wait.")]
