"""Phone menus as callers meet them (issue 13), in both ways of driving a call, against the Twilio simulator.

The company here is a TwiML IVR written for these tests (not the demo's), served on loopback by the
simulator's ``AppServer``: prompts that loop (``<Say loop="3">``), informational speech, a ``*`` back to
the main menu, a ``<Dial>`` to a number nobody answers, a webhook that fails (Twilio's application error)
and a branch that offers a choice and hangs up at once. The simulator runs at a quarter of real time.
"""
import re
import secrets
from pathlib import Path

import pytest

from probes.sim.twilio import TwilioSim
from probes.sim.twilio.appserver import AppServer

PROBER = "+15005550006"
PROBER_SID = "AC0000000000000000000000000000a001"
COMPANY_SID = "AC0000000000000000000000000000a002"
COMPANY_TOKEN = "acme-company-token"
LINE = "+18005550300"
LONG_LINE = "+18005550301"       # the same menu, its prompt said ten times over
PERSON = "+18005550390"
NOWHERE = "+18005550399"        # in no numbers file: the simulator's network cannot connect it
TOKEN_VARIABLE = "PROBES_TEST_IVR_TOKEN"

MAIN = ("Welcome to Acme. For orders, press 1. For opening hours, press 2. For our shop, press 3. "
        "For spare parts, press 4. To speak to someone, press 0.")
ORDERS = "Orders. To track an order, press 1. To go back to the main menu, press star."


def twiml(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><Response>{body}</Response>'


class AcmeIVR:
    """The company's line: the TwiML application, the simulator, the prober's identity."""

    def __init__(self, sub_timeout_s: int = 40):
        self.prober_token = secrets.token_urlsafe(12)
        self.app = AppServer(COMPANY_TOKEN)
        base = self.app.base_url

        def gather(action: str, say: str, timeout_s: int = 4) -> str:
            return (f'<Gather input="dtmf" numDigits="1" timeout="{timeout_s}" action="{base}{action}">'
                    f'<Say loop="3">{say}</Say></Gather>')

        def main_choice(p: dict) -> str:
            return {
                "1": twiml(gather("/orders", ORDERS, sub_timeout_s) + "<Say>Goodbye.</Say><Hangup/>"),
                "2": twiml("<Say>We are open from nine to five, Monday to Friday.</Say>"
                           "<Say>Our shop is at one High Street, next to the station. Thank you for calling.</Say>"
                           "<Hangup/>"),
                "3": twiml(f"<Say>Connecting you to our shop.</Say><Dial timeout=\"5\">{NOWHERE}</Dial>"
                           "<Say>Sorry, nobody could take your call. Goodbye.</Say><Hangup/>"),
                "4": twiml(f'<Redirect method="POST">{base}/parts</Redirect>'),   # not served: the app fails
                "0": twiml(f"<Say>Please hold while we connect you.</Say><Dial>{PERSON}</Dial>"),
            }.get(p.get("Digits", ""), twiml(f'<Redirect method="POST">{base}/voice</Redirect>'))

        def orders(p: dict) -> str:
            if p.get("Digits") == "*":
                return twiml(f'<Redirect method="POST">{base}/voice</Redirect>')
            # Offers a choice, then hangs up before anyone could make it.
            return twiml("<Say>Your order is on its way. To go back to the main menu, press star.</Say><Hangup/>")

        self.app.routes.update({
            "/voice": twiml(gather("/main", MAIN) + "<Say>We did not get your choice. Goodbye.</Say><Hangup/>"),
            "/main": main_choice,
            "/orders": orders,
            "/long": twiml(gather("/main", MAIN).replace('loop="3"', 'loop="10"') + "<Hangup/>"),
        })
        self.numbers = {
            "accounts": {"prober": {"sid": PROBER_SID, "auth_token": self.prober_token},
                         "company": {"sid": COMPANY_SID, "auth_token": COMPANY_TOKEN}},
            "numbers": {PROBER: {"account": "prober"},
                        LINE: {"account": "company", "voice": {"url": f"{base}/voice"}},
                        LONG_LINE: {"account": "company", "voice": {"url": f"{base}/long"}},
                        PERSON: {"person": {"name": "Dana", "answer_after": "0.5s", "greet_after": "0.5s",
                                            "greeting": "Hello, my name is Dana. How can I help?"}}},
        }
        self.sim: TwilioSim | None = None

    def __enter__(self) -> "AcmeIVR":
        self.app.start()
        self.sim = TwilioSim(self.numbers, time_scale=0.25, speech_rate_wps=10).start()
        return self

    def __exit__(self, *exc) -> None:
        self.sim.stop()
        self.app.stop()

    def config(self, reports, monkeypatch, interactive: bool):
        from probes.config import Config

        monkeypatch.setenv(TOKEN_VARIABLE, self.prober_token)
        phone = {"number": PROBER, "account_sid": PROBER_SID, "auth_token": "${" + TOKEN_VARIABLE + "}",
                 "api_base": self.sim.base_url, "late_recordings_s": 2.0}   # the simulator posts them at once
        if interactive:
            phone["webhooks"] = {"listen": "127.0.0.1:0", "public_url": "http://127.0.0.1:0"}
        return Config.model_validate({
            "settings": {"reports_dir": str(reports)},
            "targets": {"acme": {"name": "Acme", "endpoints": {"phone": LINE, "long": LONG_LINE},
                                 "allowlist": [LINE, LONG_LINE]}},
            "identities": {"shopper": {"phone": phone}},
        })

    def digits_sent(self, call_sid: str) -> list[str]:
        """The simulator's own record of the keys the prober's call played."""
        return [e.text for e in self.sim.events if e.kind == "dtmf" and e.call_sid == call_sid and e.detail.get("to")]


@pytest.fixture(scope="module")
def acme():
    with AcmeIVR() as ivr:
        yield ivr


SCENARIO = """
name: {name}
persona: {{name: Jane Doe}}
target: acme
steps:
  - id: call
    channel: phone
    mode: {mode}
    human_within: {human_within}
    menu:
{menu}
"""


def journey(mode: str, menu: str, human_within: str = "40s", name: str = "Acme call") -> str:
    return SCENARIO.format(name=name, mode=mode, menu=menu, human_within=human_within)


def ran_call(run_journeys, acme, reports, monkeypatch, mode, menu, **kw):
    ran = run_journeys(journey(mode, menu, **kw), cfg=acme.config(reports, monkeypatch, mode == "interactive"))
    (step,) = ran.steps
    assert step["status"] != "error", step
    return ran, step


def at_once(call, keys) -> dict:
    """{key: call(key)}, all at once (each its own run, in its own thread: the calls mostly wait on the line)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(len(keys)) as pool:
        return dict(zip(keys, pool.map(call, keys), strict=True))


def in_both_modes(call) -> dict:
    return at_once(call, MODES)


def claimed_presses(step) -> list[str]:
    return [t["text"].removeprefix("pressed ") for t in step["observations"]["transcript"]
            if t["author"] == "customer" and t["text"].startswith("pressed ")]


MODES = ["interactive", "scripted"]

TO_PERSON_VIA_STAR = """\
      - {expect: "for orders press 1", press: "1"}
      - {expect: "to go back to the main menu press star", press: "*", back_to: main}
      - {expect: "to speak to someone press 0", press: "0"}"""

JOURNEYS = {
    # name: (menu, the findings both modes must report)
    "back to main on purpose, then a person": (TO_PERSON_VIA_STAR, set()),
    "back to main, not scripted": (TO_PERSON_VIA_STAR.replace(", back_to: main", ""), {"phone.menu_loop"}),
    "information, then the line hangs up": ('      - {expect: "for opening hours press 2", press: "2"}',
                                            {"phone.dead_end"}),
    "a Dial to a number nobody has": ('      - {expect: "for our shop press 3", press: "3"}', {"phone.dead_end"}),
    "a webhook that fails": ('      - {expect: "for spare parts press 4", press: "4"}',
                             {"phone.application_error"}),
    "a choice offered as the line hangs up": (
        '      - {expect: "for orders press 1", press: "1"}\n'
        '      - {expect: "to track an order press 1", press: "1"}\n'
        '      - {expect: "to go back to the main menu press star", press: "*"}', {"phone.dead_end"}),
}


@pytest.mark.parametrize("name", list(JOURNEYS))
def test_both_modes_reach_the_same_verdict_and_claim_only_keys_the_call_played(name, run_journeys, acme, reports,
                                                                               monkeypatch, tmp_path):
    from conftest import write_scenario

    menu, expected = JOURNEYS[name]
    configs = {mode: acme.config(reports, monkeypatch, mode == "interactive") for mode in MODES}
    paths = {mode: write_scenario(tmp_path, f"{mode}.yaml", journey(mode, menu, name=f"{name} {mode}"))
             for mode in MODES}
    ran_in = in_both_modes(lambda mode: run_journeys(paths[mode], cfg=configs[mode]))
    seen = {}
    for mode in MODES:
        ran = ran_in[mode]
        (step,) = ran.steps
        assert step["status"] != "error", step
        found = {f["check_id"] for f in ran.findings("phone.")}
        seen[mode] = found
        obs = step["observations"]
        # Never invented: every "pressed" row and the menu path are keys the simulator saw played.
        played = acme.digits_sent(obs["call_sid"])
        claimed = claimed_presses(step)
        assert claimed == obs["menu_path"] == played[:len(claimed)], (mode, obs["transcript"])
        # A key played too close to the call's end to be sure of is told as not confirmed, never dropped.
        unsure = [t["text"] for t in obs["transcript"] if t["author"] == "prober"]
        assert all(any(f"press {k}, not confirmed" in u for u in unsure) for k in played[len(claimed):]), unsure
        # The end of the call is told: who, when, the last thing heard.
        end = obs["transcript"][-1]
        assert end["author"] == "call" and obs["call_end"]["by"] in ("company", "prober")
        assert found == expected, (mode, obs["transcript"])
    assert seen["interactive"] == seen["scripted"]


@pytest.mark.parametrize("mode", MODES)
def test_a_key_planned_after_the_line_hung_up_is_marked_planned_never_pressed(mode, run_journeys, acme, reports,
                                                                              monkeypatch):
    menu, _ = JOURNEYS["a choice offered as the line hangs up"]
    ran, step = ran_call(run_journeys, acme, reports, monkeypatch, mode, menu)
    obs = step["observations"]
    assert "*" not in acme.digits_sent(obs["call_sid"]) and obs["menu_path"] == ["1", "1"]
    assert not any("pressed *" in t["text"] for t in obs["transcript"])
    planned = [t for t in obs["transcript"] if t["author"] == "prober"]
    if mode == "scripted":   # the recording heard the offer, after the call had ended: planned, not sent
        assert planned and planned[0]["text"].startswith("planned: press *, not") and planned[0]["label"] == "Not done"
    assert all(t["text"].startswith("planned:") for t in planned)
    assert obs["call_end"]["by"] == "company" and "main menu" in obs["call_end"]["last_heard"]


@pytest.mark.parametrize("mode", MODES)
def test_speech_is_labelled_by_what_it_is_and_an_application_error_is_critical(mode, run_journeys, acme, reports,
                                                                               monkeypatch, tmp_path):
    from conftest import write_scenario

    cfg = acme.config(reports, monkeypatch, mode == "interactive")
    paths = {name: write_scenario(tmp_path, f"{n}.yaml", journey(mode, JOURNEYS[name][0]))
             for n, name in enumerate(["information, then the line hangs up", "a webhook that fails"])}
    info, broken = at_once(lambda name: run_journeys(paths[name], cfg=cfg), list(paths)).values()
    (step,) = info.steps
    assert step["status"] != "error", step
    labels = {t["text"]: t["label"] for t in step["observations"]["transcript"]}
    # (A scripted recording may start a word or two into a sentence.)
    assert labels[next(t for t in labels if "Monday to Friday" in t)] == "Information"
    assert labels[next(t for t in labels if t.startswith("Welcome to Acme"))] == "Phone menu"
    (finding,) = broken.findings("phone.")
    assert finding["check_id"] == "phone.application_error" and finding["severity"] == "critical"
    assert "application error" in finding["snippet"]
    (step,) = broken.steps
    assert step["status"] != "error", step
    assert step["observations"]["call_end"]["text"].startswith("The company's line hung up after an application error")


@pytest.mark.parametrize("mode", MODES)
def test_a_deadline_that_passes_in_the_menu_says_where_the_caller_was(mode, run_journeys, acme, reports,
                                                                      monkeypatch):
    # The orders menu waits 40 s (10 s here) for a choice after its looped prompt; the script expects an option
    # it does not have, and the deadline comes first.
    menu = ('      - {expect: "for orders press 1", press: "1"}\n'
            '      - {expect: "for refunds and returns dial 7", press: "7"}')
    ran, step = ran_call(run_journeys, acme, reports, monkeypatch, mode, menu, human_within="4s")
    (finding,) = ran.findings("phone.")
    assert finding["check_id"] == "phone.no_person"
    assert "still in the menu at level 2" in finding["title"]
    assert "still in the menu at level 2, after pressing 1" in finding["detail"]


def test_back_to_must_name_an_earlier_level_with_file_and_line(tmp_path, acme, reports, monkeypatch):
    from probes.scenario import load_journey
    from probes.yamlsource import InputError
    from conftest import write_scenario

    cfg = acme.config(reports, monkeypatch, interactive=False)
    menu = ('      - {expect: "for orders press 1", press: "1"}\n'
            '      - {expect: "to track an order press 1", press: "1", back_to: 3}')
    path = write_scenario(tmp_path, "bad.yaml", journey("scripted", menu))
    with pytest.raises(InputError, match=r"bad.yaml:11: .*back_to 3 is not an earlier level: this turn is at "
                                         r"level 2"):
        load_journey(path, cfg)
    path = write_scenario(tmp_path, "zero.yaml", journey("scripted", menu.replace("back_to: 3", "back_to: 0")))
    with pytest.raises(InputError, match=r"zero.yaml:11: .*back_to"):
        load_journey(path, cfg)


def test_interactive_presses_as_soon_as_the_option_is_heard_not_after_the_looped_prompt(run_journeys, acme, reports,
                                                                                        monkeypatch):
    menu = '      - {expect: "to speak to someone press 0", press: "0"}'
    scenario = journey("interactive", menu).replace("    mode: interactive", '    mode: interactive\n    to: "{target.long}"')
    ran = run_journeys(scenario, cfg=acme.config(reports, monkeypatch, True))
    (step,) = ran.steps
    obs, m = step["observations"], step["measurements"]
    assert step["status"] == "passed" and obs["menu_path"] == ["0"], obs["transcript"]
    # The prompt is said ten times over; the key went in while the first few were still being said.
    inbound = {e.call_sid for e in acme.sim.events if e.kind == "say" and e.number == LONG_LINE
               and e.detail.get("to") == PROBER}
    loops = [e.at for e in acme.sim.events if e.kind == "say" and e.call_sid in inbound and e.text.startswith("Welcome")]
    (pressed,) = [e.at for e in acme.sim.events if e.kind == "dtmf" and e.call_sid == obs["call_sid"]]
    assert len(loops) <= 3 and pressed > loops[0], (loops, pressed)
    # Time in the menu is reported apart from time on hold.
    assert 0 < m["menu_s"] < m["time_to_person_s"] and m["hold_s"] > 0


DEMO_CALLS = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("phone-*.yaml"))


@pytest.mark.parametrize("name", DEMO_CALLS)
def test_each_demo_phone_journey_reaches_the_same_verdict_in_both_modes(name, run_journeys, phone, company, reports,
                                                                         tmp_path):
    from probes.cli import demo_config

    text = (Path(__file__).resolve().parents[2] / "scenarios" / name).read_text()
    text = re.sub(r"\n    mode: \w+\n", "\n", text)
    paths = {mode: tmp_path / f"{mode}-{name}" for mode in MODES}
    for mode, path in paths.items():
        path.write_text(text.replace("    channel: phone\n", f"    channel: phone\n    mode: {mode}\n"))
    ran_in = in_both_modes(lambda mode: run_journeys(paths[mode], cfg=demo_config(
        company.base_url, reports, phone=phone, interactive=mode == "interactive")))
    outcomes = {}
    for mode in MODES:
        ran = ran_in[mode]
        (step,) = ran.steps
        obs = step["observations"]
        # The verdict: the same in both modes. (The menu path may differ: a scripted call presses on a fixed
        # schedule, and may press once more before the prober, lost, hangs up; it says so.)
        outcomes[mode] = (step["status"], sorted({f["check_id"] for f in ran.findings("phone.")}),
                          obs.get("reachable"))
        if obs.get("call_sid"):   # and only keys the call played are claimed
            played = [e.text for e in phone.sim.events if e.kind == "dtmf" and e.call_sid == obs["call_sid"]
                      and e.detail.get("to")]
            keys = [k for k in obs["menu_path"] if re.fullmatch(r"[0-9*#w]+", k)]
            assert keys == played[:len(keys)], (mode, obs["transcript"])
    assert outcomes["interactive"] == outcomes["scripted"], outcomes


def test_a_menu_cut_short_by_an_early_press_is_known_again_after_other_words():
    # Pressed as soon as "For returns, press 4" was heard: the first prompt stops mid-sentence. When the
    # same options come again after a policy, the customer is back where they started: a loop, not a
    # new menu whose "press 1" the script may take for its own.
    from probes.channels.phone import contains_prompt

    first = ("Thank you for calling Acme. For billing, press 1 or say billing. For technical support, press 2 "
             "or say support. For returns, press 4 or say")
    again = ("You can return most products within 30 days. For billing, press 1 or say billing. For technical "
             "support, press 2 or say support. For returns, press 4 or say returns.")
    assert contains_prompt(again, first)
    # A next level that shares one sentence with the main menu is not the main menu again.
    deeper = ("Returns. To speak to our returns team, press 1. To hear these options again, press 9. "
              "For billing, press 1 or say billing.")
    assert not contains_prompt(deeper, first)


def test_the_tolerant_match_never_takes_another_option_for_the_expected_one():
    # A share of the expected words was enough: "press 1 for sales" matched "press 2 for sales support" (3 of
    # 4 words), and "For sales, press 2. For billing, press 1." held every word of "for sales press 1".
    from probes.channels.phone import CallLog, PhoneStep, heard_matches

    assert not heard_matches("press 1 for sales", "Press 2 for sales support.", 0.7)
    assert not heard_matches("for sales press 1", "For sales, press 2. For billing, press 1.", 0.6)
    assert not heard_matches("for sales press 1", "For sales, press 2. For billing, press 1.", 1.0)  # early press
    assert not heard_matches("for sales press 1", "for sales press 2 for billing press 1", 0.6)  # no punctuation
    # Still tolerant of what recognisers do: number words, a slip, words around it, a prompt cut mid-way.
    assert heard_matches("for sales press 1", "Welcome to Acme. For sales press one. For billing, press 2.", 1.0)
    assert heard_matches("for billing press 1", "for bill in, press 1. For", 0.6)
    assert heard_matches("to go back to the main menu press star",
                         "an order, press 1. To go back to the main menu, press star.", 1.0)
    # And so the call: the option is not offered, which is a mismatch, not a press into sales support.
    step = PhoneStep.model_validate({"channel": "phone", "menu": [{"expect": "press 1 for sales", "press": "1"}]})
    log = CallLog(step, 0.0, answered=0.0)
    menu = "Press 2 for sales support. Press 3 for billing."
    assert log.hear(menu, 0.5) == "listen"          # (one prompt that is not the expected one is a greeting)
    assert log.hear(menu, 5.0) == "stop"
    assert log.mismatch is not None and log.path == []


def test_a_scripted_answer_played_without_its_prompt_heard_does_not_carry_the_caller_further():
    # A scripted call answers on a fixed schedule, heard or not: where a deadline finds the caller counts only
    # the answers up to the last one whose prompt was heard, whatever the line's timing let play before it.
    from probes.channels.phone import CallLog, PhoneStep

    step = PhoneStep.model_validate({"channel": "phone", "menu": [
        {"expect": "for orders press 1", "press": "1"}, {"expect": "for refunds dial 7", "press": "7"}]})

    def where(*unmatched):
        log = CallLog(step, 0.0, answered=0.0, scripted=True)
        for n, blind in enumerate(unmatched):
            log.answered_turn(1.0 + 5 * n, unmatched=blind)
        return log.where()

    assert where(False, True) == ("still in the menu at level 2, after pressing 1 (pressing 7 followed on the "
                                  "script's schedule, its prompt not heard)")
    assert where(True, True) == ("still in the menu at level 1, before any choice (pressing 1 then pressing 7 "
                                 "followed on the script's schedule, their prompts not heard)")
    # A later prompt heard shows the earlier answer led on; all heard: past the menu.
    assert where(True, False) == where(False, False) == "past the menu (after pressing 1 then pressing 7)"
    assert where(False) == "still in the menu at level 2, after pressing 1"
