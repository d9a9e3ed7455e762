"""phone through the official twilio SDK, against the Twilio simulator and the demo company's IVR, on loopback.

The simulator runs at a quarter of real time (conftest's ``phone`` fixture); the prober's clocks are real,
so its measurements are compared with the simulator's own event log, not with fixed numbers.
"""
import asyncio

import pytest
import requests
from twilio.request_validator import RequestValidator

from probes.sim import phoneline
from probes.sim.phonenet import PROBER_NUMBER

CALL = """
    name: {name}
    persona: {{name: Jane Doe}}
    target: demo
    steps:
      - id: call
        channel: phone
{extra}
"""

BILLING = """\
        menu:
          - expect: "for billing press 1"
            press: "1"
          - expect: "to speak to someone in our billing team press 2"
            press: "2"
        human_within: 30s
        max_menu_depth: 3"""


def call(extra: str = BILLING, name: str = "Call") -> str:
    return CALL.format(name=name, extra=extra)


def with_mode(extra: str, mode: str) -> str:
    return f"        mode: {mode}\n{extra}"


@pytest.fixture
def run_phone(run_journeys, phone_config):
    def run(*scenarios, cfg=None):
        return run_journeys(*scenarios, cfg=cfg or phone_config)
    return run


@pytest.fixture
def scripted_config(company, reports, phone):
    from probes.cli import demo_config

    return demo_config(company.base_url, reports, phone=phone, interactive=False)


def sim_time_to_person(phone, call_sid: str) -> float:
    """The simulator's own account: from the prober's call being answered to the agent starting to speak."""
    events = phone.sim.events
    answered = next(e.at for e in events if e.call_sid == call_sid and e.kind == "status" and e.text == "in-progress")
    agents = {a.number for a in phoneline.AGENTS.values()}
    spoke = next(e.at for e in events if e.kind == "say" and e.number in agents)
    return (spoke - answered).total_seconds()


def the_step(ran) -> dict:
    (step,) = ran.steps
    return step


def test_interactive_call_walks_the_menu_waits_in_the_queue_and_reaches_a_person(run_phone, phone, reports):
    ran = run_phone(call())
    step = the_step(ran)
    assert step["status"] == "passed" and ran.result.exit_code == 0, ran.rows["findings"]
    obs, m = step["observations"], step["measurements"]
    assert obs["mode"] == "interactive" and obs["call_status"] == "completed" and obs["reachable"] is True
    assert obs["menu_path"] == ["1", "2"] and obs["menu_depth"] == 2
    assert [s["status"] for s in obs["statuses"]][-2:] == ["in-progress", "completed"]
    # Who said what: the menu, the customer's key presses, the hold message, then Anna.
    authors = [t["author"] for t in obs["transcript"]]
    assert authors[:4] == ["ivr", "customer", "ivr", "customer"] and "hold" in authors
    agent = next(t for t in obs["transcript"] if t["author"] == "agent")
    assert agent["text"].startswith("Hello, you're through to Northwind billing, my name is Anna")
    assert obs["transcript"][-2]["author"] == "customer"  # the goodbye
    # The end of the call: who hung up, when, and the last thing heard.
    end = obs["transcript"][-1]
    assert end["author"] == "call" and end["label"] == "End of call" and obs["call_end"]["by"] == "prober"
    assert "said goodbye to the person" in end["text"] and "my name is Anna" in obs["call_end"]["last_heard"]
    # Time to a person agrees with the simulator's log (partial results mark when the voice began).
    # (0.3 s, plus a tenth of the time itself: webhooks come later when the machine is busy).
    truth_s = sim_time_to_person(phone, obs["call_sid"])
    assert abs(m["time_to_person_s"] - truth_s) <= 0.3 + 0.1 * truth_s
    assert 0 < m["answer_s"] and 0 < m["hold_s"] < m["time_to_person_s"] < m["duration_s"]
    # Evidence: the transcript and the call's recording, a real WAV file.
    kinds = {e["kind"]: e for e in ran.rows["evidence"]}
    wav = reports / kinds["audio"]["path"]
    assert wav.read_bytes()[:4] == b"RIFF" and wav.stat().st_size > 1000
    assert "transcript" in kinds["text"]["path"]


def test_scripted_call_reaches_the_same_person_without_any_webhook(run_phone, scripted_config, phone):
    ran = run_phone(call(), cfg=scripted_config)
    step = the_step(ran)
    assert step["status"] == "passed", ran.rows["findings"]
    obs, m = step["observations"], step["measurements"]
    assert obs["mode"] == "scripted" and obs["menu_path"] == ["1", "2"] and obs["recordings"] >= 3
    assert any(t["author"] == "agent" and "my name is Anna" in t["text"] for t in obs["transcript"])
    # Recordings start on whole seconds and are read in chunks: coarser, but within a couple of seconds.
    assert abs(m["time_to_person_s"] - sim_time_to_person(phone, obs["call_sid"])) <= 2.5
    # Time in menus apart from time on hold, as in interactive mode.
    assert 0 < m["menu_s"] < m["time_to_person_s"] and "hold_s" in m


@pytest.mark.parametrize("mode", ["interactive", "scripted"])
def test_a_branch_that_hangs_up_is_a_dead_end(run_phone, phone_config, scripted_config, mode):
    extra = with_mode('        menu:\n          - {expect: "for order status press 3", press: "3"}', mode)
    ran = run_phone(call(extra), cfg=phone_config if mode == "interactive" else scripted_config)
    (finding,) = ran.findings("phone.")
    assert finding["check_id"] == "phone.dead_end" and finding["severity"] == "critical"
    # The last words before the line went dead: a Gather's partial result, or the recording cut short.
    assert "please visit our website" in finding["snippet"]
    assert the_step(ran)["observations"]["reachable"] is False


@pytest.mark.parametrize("mode", ["interactive", "scripted"])
def test_a_branch_that_returns_to_the_main_menu_is_a_loop(run_phone, phone_config, scripted_config, mode):
    extra = with_mode('        menu:\n          - {expect: "for returns press 4", press: "4"}\n'
                      '          - {expect: "to speak to our returns team press 1", press: "1"}', mode)
    ran = run_phone(call(extra), cfg=phone_config if mode == "interactive" else scripted_config)
    (finding,) = ran.findings("phone.")
    assert finding["check_id"] == "phone.menu_loop"
    assert "For billing, press 1" in finding["snippet"]  # the main menu, heard again


def test_a_menu_without_the_expected_option_is_a_mismatch_naming_what_was_heard(run_phone):
    extra = ('        menu:\n          - {expect: "for billing press 1", press: "1"}\n'
             '          - {expect: "for refunds press 5", press: "5"}')
    ran = run_phone(call(extra))
    (finding,) = ran.findings("phone.")
    assert finding["check_id"] == "phone.prompt_mismatch" and "level 2" in finding["title"]
    assert finding["snippet"].startswith("Billing. For a copy of an invoice")


def test_answers_by_voice_a_deep_menu_and_the_deadline_for_a_person(run_phone):
    support = ('        menu:\n          - {expect: "for technical support press 2", say: "support"}\n'
               '          - {expect: "for fridges and freezers", say: "fridge"}\n')
    deep = run_phone(call(support + "        max_menu_depth: 1", name="deep"))
    assert {f["check_id"] for f in deep.findings("phone.")} == {"phone.menu_too_deep"}
    obs = the_step(deep)["observations"]
    assert obs["menu_path"] == ["support", "fridge"]
    assert any(t["author"] == "agent" and "my name is Ben" in t["text"] for t in obs["transcript"])
    # The queue holds 1.5 s: a person due within 1 s of the answer does not come in time.
    slow = run_phone(call(support + "        human_within: 1s", name="slow"))
    (finding,) = slow.findings("phone.")
    assert finding["check_id"] == "phone.no_person" and finding["severity"] == "critical"


def test_a_busy_line_and_a_number_that_does_not_exist(run_phone, phone, company, reports):
    busy = run_phone(call('        to: "{target.sales_phone}"', name="busy"))
    (finding,) = busy.findings("phone.")
    assert finding["check_id"] == "phone.busy" and the_step(busy)["observations"]["call_status"] == "busy"

    from probes.cli import demo_config

    cfg = demo_config(company.base_url, reports, phone=phone)
    cfg.targets["demo"].allowlist.append("+18005550177")
    dead = run_phone(call('        to: "+18005550177"', name="dead"), cfg=cfg)
    (finding,) = dead.findings("phone.")
    assert finding["check_id"] == "phone.failed"


def test_the_allowlist_is_checked_before_any_call(run_phone, phone, company, reports):
    from probes.cli import demo_config
    from probes.ledger import Ledger
    from probes.runner import Runner
    from probes.scenario import load_journey
    from probes.yamlsource import InputError
    from conftest import write_scenario

    cfg = demo_config(company.base_url, reports, phone=phone)
    path = write_scenario(reports.parent, "off.yaml", call('        to: "+18005550177"'))
    with pytest.raises(InputError, match=r"\+18005550177 is not on the allowlist"):
        load_journey(path, cfg)
    # Even past validation (a template resolving elsewhere), the runner refuses before calling.
    cfg.targets["demo"].endpoints["phone"] = "+18005550177"
    journey = load_journey(write_scenario(reports.parent, "ok.yaml", call("        menu: []")),
                           demo_config(company.base_url, reports, phone=phone))
    result = asyncio.run(Runner(cfg, Ledger(f"sqlite:///{reports / 'l.sqlite3'}"), reports).run([journey]))
    assert list(result.statuses.values()) == ["error"]
    assert not any(e.kind == "status" and e.number == PROBER_NUMBER for e in phone.sim.events)


def test_webhooks_with_a_forged_or_missing_signature_are_refused():
    from probes.config import Webhooks
    from probes.webhooks import WebhookServer

    async def scenario():
        server = WebhookServer(Webhooks(listen="127.0.0.1:0", public_url="http://127.0.0.1:0"), "the-token")
        await server.start()
        seen = []
        key = server.register(lambda kind, params, at: seen.append((kind, params)) or "<Response><Say>hi</Say></Response>")
        url = server.url(key, "heard")
        params = {"CallSid": "CA" + "1" * 32, "SpeechResult": "press 1"}

        def post(headers):
            return requests.post(url, data=params, headers=headers, timeout=5)

        good = RequestValidator("the-token").compute_signature(url, params)
        forged = RequestValidator("another-token").compute_signature(url, params)
        results = [await asyncio.to_thread(post, h) for h in
                   ({"X-Twilio-Signature": good}, {"X-Twilio-Signature": forged}, {})]
        unknown = await asyncio.to_thread(
            requests.post, server.url("0" * 16, "voice"), data=params, timeout=5,
            headers={"X-Twilio-Signature": RequestValidator("the-token").compute_signature(
                server.url("0" * 16, "voice"), params)})
        await server.stop()
        return results, unknown, seen, server.forged

    (ok, forged, missing), unknown, seen, count = asyncio.run(scenario())
    assert ok.status_code == 200 and "<Say>hi</Say>" in ok.text
    assert forged.status_code == missing.status_code == 403 and count == 2
    assert seen == [("heard", {"CallSid": "CA" + "1" * 32, "SpeechResult": "press 1"})]  # only the genuine one
    assert "<Hangup/>" in unknown.text  # a call the prober no longer follows is ended, not left hanging


def test_after_a_crash_a_call_that_went_out_is_found_and_not_made_again(phone, phone_config):
    from probes.channels import phone as phone_channel
    from probes.results import utcnow
    from probes.runner import StepContext

    identity = phone_config.identities["shopper"].phone
    ctx = StepContext(target=None, values={}, evidence_dir=None, step_key="", browser_session=None,
                      phone_identity=identity)
    contact = {"destination": phoneline.SALES_LINE, "planned_at": utcnow(), "token": "abcdefgh23"}
    assert asyncio.run(phone_channel.find_sent(contact, ctx)) is False
    identity.client().calls.create(to=phoneline.SALES_LINE, from_=PROBER_NUMBER, twiml="<Response/>")
    assert asyncio.run(phone_channel.find_sent(contact, ctx)) is True


def test_a_person_who_cuts_into_a_hold_message_is_timed_from_their_own_first_word():
    from probes.channels.phone import CallLog, PhoneStep

    step = PhoneStep.model_validate({"channel": "phone", "menu": []})
    glued = ("Please hold while we connect you to our billing team. Your call is important to us. Please stay "
             "on the line and the next available member of our team will be Hello, you're through to Northwind "
             "billing, my name is Anna. How can I help?")
    partials = [(10.2, 10), (11.2, 13), (12.2, 16), (13.2, 26), (14.2, 29), (15.2, 32), (16.2, 36)]
    log = CallLog(step, 0.0, answered=0.0)
    assert log.hear(glued, 10.0, partials) == "person"
    assert log.person_text.startswith("Hello, you're through") and log.person_at == 15.2  # the first partial that has "Hello"
    assert [m["author"] for m in log.transcript] == ["hold", "agent"]
    # A person who opens with their own words is timed from the start: nothing is cut off.
    log = CallLog(step, 0.0, answered=0.0)
    assert log.hear("Thanks for holding. My name is Ben, how can I help?", 3.0, [(3.2, 3)]) == "person"
    assert log.person_at == 3.0 and log.person_text.startswith("Thanks for holding")
