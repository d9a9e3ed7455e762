"""How exactly does the prober time "the company answered" to "a person speaks", many calls at once?

Places calls (30 by default) through the official twilio SDK to the Twilio
simulator, in real time, into the demo company's IVR with known prompt and
queue timings: the simulator speaks every prompt at a fixed rate
(``--speech-wps``, 3 words a second by default), the queue holds each caller
``--hold`` seconds (3 by default) before the line calls the agent, who
answers after a further second and, after a breath (``--greet-after``,
1.5 s), greets. Calls alternate between the billing path (press 1, press 2:
Anna) and the support path (press 2, press 2: Ben), so the menus they hear
differ. With the defaults the person picks up while the hold message (20
words, about 6.7 s) is still playing and cuts it short, as people do.
``--greet-after 0.1`` leaves no pause: the queue intro, the hold message and
the greeting then reach the prober as one recognised utterance, and it has to
tell where in it the person began. ``--hold 10`` lets the hold message end
(and the hold music play) before the person speaks. The calls run in rounds of
increasing concurrency (5, 10, 15 calls at once by default: steps of 5 up to
``--max-concurrency``), all calls of a round started together; more calls
than those rounds hold are run in further rounds at the highest concurrency.

For every call the prober's measured ``time_to_person_s`` (from the ledger)
is compared with the simulator's own log: from the prober's leg going
"in-progress" to the agent bridged to that very call (followed through the
network's legs and the "bridge" event, not just the first agent to speak)
starting their greeting. A call runs "without errors" when its step passed
with a time to a person measured.

Then menus whose prompts loop (``<Say loop="3">``, a TwiML IVR written for
this benchmark, on a second simulator): five journeys (two levels to a
person; one level to a person; ``*`` back to the main menu on purpose
(``back_to: main``) then to a person; information then a hang-up; a webhook
that fails), each run ``--loop-calls`` times in interactive mode and as many
times in scripted mode, all at once. ``press_delay`` is, for every key the
simulator saw a call play, in either mode, the time from the end of the
expected words (in the first round of the prompt that held them) to the key
press; each mode's own figure is on the line before the last (a scripted
call presses when the prompt's last round has ended, see the README). ``scripted_agreement`` is the share of
(interactive, scripted) pairs of the same journey whose phone findings are
the same set. Calls of the looping menus that reached a person add to the
time-to-human errors.

Usage: python tests/benchmarks/phone_timing.py [--calls 30] [--max-concurrency 15] [--loop-calls 2]
Line before the last: concurrent_calls_ok=<n> press_delay_interactive_p95_s=<i> press_delay_scripted_p95_s=<s>:
  the highest concurrency at which every demo call of the round ran without errors, and each mode's press delay.
Last line: time_to_human_error_p95_s=<x> press_delay_p95_s=<y> scripted_agreement=<a>
  (targets: x <= 0.5, y <= 1.0, a = 1.0)
"""
from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from probes.cli import demo_config  # noqa: E402
from probes.ledger import Ledger  # noqa: E402
from probes.runner import Runner  # noqa: E402
from probes.scenario import load_journey  # noqa: E402
from probes.sim import phoneline  # noqa: E402
from probes.sim.phonenet import DemoPhone  # noqa: E402
from probes.sim.twilio import TwilioSim  # noqa: E402
from probes.sim.twilio.appserver import AppServer  # noqa: E402

SCENARIO = """
name: Call {i}
persona: {{name: Caller {i}}}
target: demo
steps:
  - id: call
    channel: phone
    menu:
{menu}
    human_within: 60s
    max_menu_depth: 3
"""

PATHS = {
    "billing": ('      - {expect: "for billing press 1", press: "1"}\n'
                '      - {expect: "to speak to someone in our billing team press 2", press: "2"}'),
    "support": ('      - {expect: "for technical support press 2", press: "2"}\n'
                '      - {expect: "for fridges and freezers press 2", press: "2"}'),
}
STEP = 5  # concurrency grows by this much per round


def p95(values: list[float]) -> float:
    ranked = sorted(values)
    return ranked[max(0, math.ceil(0.95 * len(ranked)) - 1)]


def rounds(calls: int, max_concurrency: int) -> list[int]:
    """Calls at once per round: STEP, 2*STEP, ... up to max_concurrency, then max again until calls are placed."""
    out = list(range(STEP, max_concurrency + 1, STEP)) or [max_concurrency]
    if out[-1] != max_concurrency:
        out.append(max_concurrency)
    while sum(out) < calls:
        out.append(max_concurrency)
    return out


def sim_time_to_person(phone: DemoPhone, prober_sid: str) -> tuple[float, str] | None:
    """The simulator's account for one call: its "in-progress" to the greeting of the agent bridged to it.

    The prober's leg reaches the IVR's inbound leg (its ``outer``); the line's ``<Enqueue>`` bridges that
    leg to the agent's leg; the agent's "say" is on the agent's leg. Returns (seconds, agent's name).
    """
    sim = phone.sim
    events = sim.events
    answered = next((e.at for e in events if e.call_sid == prober_sid and e.kind == "status"
                     and e.text == "in-progress"), None)
    call = sim.net.calls.get(prober_sid)
    inbound = getattr(call.outer, "sid", None) if call is not None else None
    if answered is None or inbound is None:
        return None
    other = {e.detail.get("with_call_sid") for e in events if e.kind == "bridge" and e.call_sid == inbound}
    other |= {e.call_sid for e in events if e.kind == "bridge" and e.detail.get("with_call_sid") == inbound}
    agents = {a.number: a.name for a in phoneline.AGENTS.values()}
    spoke = next((e for e in events if e.kind == "say" and e.call_sid in other and e.number in agents), None)
    if spoke is None:
        return None
    return (spoke.at - answered).total_seconds(), agents[spoke.number]

# --- menus whose prompts loop ---------------------------------------------------------------------------

LOOP_PROBER, LOOP_PROBER_SID = "+15005550006", "AC0000000000000000000000000000b001"
LOOP_COMPANY_SID, LOOP_COMPANY_TOKEN = "AC0000000000000000000000000000b002", "contoso-token"
LOOP_LINE, LOOP_PERSON = "+18005550400", "+18005550490"
LOOP_MAIN = "Welcome to Contoso. For sales, press 1. For service, press 2. For our address, press 3. For parts, press 4."
LOOP_SALES = "Sales. For new orders, press 1. To go back to the main menu, press star."
LOOP_TOKEN_VARIABLE = "PROBES_BENCH_LOOP_TOKEN"
LOOP_JOURNEYS = {
    # name: (menu turns as (expect, press, back_to), the prompt each press answers)
    "sales": [("for new orders press 1", "1", None)],
    "service": [],
    "back": [("to go back to the main menu press star", "*", "main"), ("for service press 2", "2", None)],
    "address": None,
    "parts": None,
}


def loop_twiml(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><Response>{body}</Response>'


class LoopingIVR:
    """Contoso's line: every prompt said three times over before it listens."""

    def __init__(self, speech_wps: float):
        import secrets

        self.token = secrets.token_urlsafe(12)
        self.app = AppServer(LOOP_COMPANY_TOKEN)
        base = self.app.base_url

        def gather(action: str, say: str) -> str:
            return (f'<Gather input="dtmf" numDigits="1" timeout="8" action="{base}{action}">'
                    f'<Say loop="3">{say}</Say></Gather>')

        person = loop_twiml(f"<Say>Please hold.</Say><Dial>{LOOP_PERSON}</Dial>")

        def main_choice(p: dict) -> str:
            return {"1": loop_twiml(gather("/sales", LOOP_SALES) + "<Hangup/>"),
                    "2": person,
                    "3": loop_twiml("<Say>We are at one Market Street, by the river.</Say><Say>Thank you for "
                                    "calling. Goodbye.</Say><Hangup/>"),
                    "4": loop_twiml(f'<Redirect method="POST">{base}/broken</Redirect>'),
                    }.get(p.get("Digits", ""), loop_twiml(f'<Redirect method="POST">{base}/voice</Redirect>'))

        def sales(p: dict) -> str:
            if p.get("Digits") == "*":
                return loop_twiml(f'<Redirect method="POST">{base}/voice</Redirect>')
            return person

        self.app.routes.update({"/voice": loop_twiml(gather("/main", LOOP_MAIN) + "<Hangup/>"),
                                "/main": main_choice, "/sales": sales})
        self.numbers = {
            "accounts": {"prober": {"sid": LOOP_PROBER_SID, "auth_token": self.token},
                         "company": {"sid": LOOP_COMPANY_SID, "auth_token": LOOP_COMPANY_TOKEN}},
            "numbers": {LOOP_PROBER: {"account": "prober"},
                        LOOP_LINE: {"account": "company", "voice": {"url": f"{base}/voice"}},
                        LOOP_PERSON: {"person": {"name": "Eve", "answer_after": "1s", "greet_after": "1s",
                                                 "greeting": "Hello, my name is Eve. How can I help?"}}},
        }
        self.speech_wps = speech_wps
        self.sim: TwilioSim | None = None

    def __enter__(self) -> "LoopingIVR":
        import os

        self.app.start()
        self.sim = TwilioSim(self.numbers, time_scale=1.0, speech_rate_wps=self.speech_wps).start()
        os.environ[LOOP_TOKEN_VARIABLE] = self.token
        return self

    def __exit__(self, *exc) -> None:
        self.sim.stop()
        self.app.stop()

    def config(self, reports: Path, interactive: bool):
        from probes.config import Config

        phone = {"number": LOOP_PROBER, "account_sid": LOOP_PROBER_SID,
                 "auth_token": "${" + LOOP_TOKEN_VARIABLE + "}", "api_base": self.sim.base_url}
        if interactive:
            phone["webhooks"] = {"listen": "127.0.0.1:0", "public_url": "http://127.0.0.1:0"}
        return Config.model_validate({
            "settings": {"reports_dir": str(reports)},
            "targets": {"contoso": {"name": "Contoso", "endpoints": {"phone": LOOP_LINE}, "allowlist": [LOOP_LINE]}},
            "identities": {"shopper": {"phone": phone}}})

    def time_to_person(self, prober_sid: str) -> float | None:
        """The simulator's account: the prober's leg answered to Eve's first word on the leg dialled for it."""
        events = self.sim.events
        answered = next((e.at for e in events if e.call_sid == prober_sid and e.kind == "status"
                         and e.text == "in-progress"), None)
        call = self.sim.net.calls.get(prober_sid)
        inbound = call.outer if call is not None else None
        legs = {c.sid for c in getattr(inbound, "children", [])}
        spoke = next((e.at for e in events if e.kind == "say" and e.call_sid in legs and e.number == LOOP_PERSON), None)
        return None if answered is None or spoke is None else (spoke - answered).total_seconds()

    def press_delays(self, prober_sid: str, menu: list[tuple[str, str]]) -> list[float]:
        """For each key the call played: from the end of its expected words (first round) to the press."""
        events = self.sim.events
        call = self.sim.net.calls.get(prober_sid)
        inbound = getattr(call.outer, "sid", None) if call is not None else None
        says = [e for e in events if e.kind == "say" and e.call_sid == inbound]
        presses = [e for e in events if e.kind == "dtmf" and e.call_sid == prober_sid and e.detail.get("to")]
        out = []
        for (expect, _), press in zip(menu, presses, strict=False):
            # The round of the prompt that was playing (or last played) when the key went in, and the first
            # round of the same prompt before it: the expected words ended there.
            before = [e for e in says if e.at <= press.at]
            if not before:
                continue
            text = before[-1].text
            first = before[-1]
            for e in reversed(before):
                if e.text != text:
                    break
                first = e
            said = text.lower().replace(",", "").replace(".", "").split()
            last = expect.lower().split()[-1]
            index = max(i for i, w in enumerate(said) if w == last) if last in said else len(said) - 1
            end = first.at.timestamp() + (index + 1) / self.speech_wps
            out.append(press.at.timestamp() - end)
        return out


LOOP_SCENARIO = """
name: {name}
persona: {{name: Caller}}
target: contoso
steps:
  - id: call
    channel: phone
    mode: {mode}
    human_within: 150s
    menu:
{menu}
"""


def loop_menu(name: str) -> list[tuple[str, str, str | None]]:
    first = {"sales": ("for sales press 1", "1"), "service": ("for service press 2", "2"),
             "back": ("for sales press 1", "1"), "address": ("for our address press 3", "3"),
             "parts": ("for parts press 4", "4")}[name]
    return [(first[0], first[1], None), *(LOOP_JOURNEYS[name] or [])]


async def looping_menus(tmp: Path, loop_calls: int, speech_wps: float) -> tuple[list[float], list[float],
                                                                                list[float], list[bool]]:
    """Returns (time-to-human errors, interactive press delays, scripted press delays, agreement per pair)."""
    errors, delays, scripted_delays, agree = [], [], [], []
    with LoopingIVR(speech_wps) as ivr:
        runs = {}
        for mode in ("interactive", "scripted"):
            reports = tmp / f"loop-{mode}"
            config = ivr.config(reports, mode == "interactive")
            journeys = []
            for name in LOOP_JOURNEYS:
                for i in range(loop_calls):
                    turns = "\n".join(f'      - {{expect: "{e}", press: "{p}"' + (f", back_to: {b}}}" if b else "}")
                                      for e, p, b in loop_menu(name))
                    file = tmp / f"loop-{mode}-{name}-{i}.yaml"
                    file.write_text(LOOP_SCENARIO.format(name=f"{name} {i}", mode=mode, menu=turns))
                    journeys.append(load_journey(file, config))
            runs[mode] = (config, reports, journeys)
        # Both modes at once: the same menus, the same load.
        results = await asyncio.gather(*(
            Runner(cfg, Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}"), reports,
                   concurrency=len(journeys)).run(journeys) for cfg, reports, journeys in runs.values()))
        found: dict[str, dict[str, set]] = {}
        for (mode, (_, reports, _)), result in zip(runs.items(), results, strict=True):
            rows = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}").run_rows(result.run_id)
            names = {j["id"]: j["name"] for j in rows["journeys"]}
            for step in rows["steps"]:
                name = names.get(step.get("journey_id"), "?")
                found.setdefault(mode, {})[name] = {f["check_id"] for f in rows["findings"]
                                                    if f.get("step_id") == step["id"]} | \
                    ({"(prober error)"} if step["status"] == "error" else set())
                sid = step["observations"].get("call_sid")
                if not sid:
                    continue
                menu = [(e, p) for e, p, _ in loop_menu(name.split()[0])]
                (delays if mode == "interactive" else scripted_delays).extend(ivr.press_delays(sid, menu))
                measured = step["measurements"].get("time_to_person_s")
                truth = ivr.time_to_person(sid)
                if mode == "interactive" and measured is not None and truth is not None:
                    errors.append(abs(measured - truth))
        for name, seen in found.get("interactive", {}).items():
            other = found.get("scripted", {}).get(name)
            agree.append(other == seen)
            if other != seen:
                print(f"  disagree: {name}: interactive {sorted(seen)}, scripted {sorted(other or [])}",
                      file=sys.stderr)
    return errors, delays, scripted_delays, agree


async def main(calls: int, max_concurrency: int, hold_s: float, speech_wps: float, greet_after_s: float,
               loop_calls: int) -> None:
    plan = rounds(calls, max_concurrency)
    print(f"{sum(plan)} calls in rounds of {', '.join(map(str, plan))} at once; hold {hold_s:g} s, "
          f"speech {speech_wps:g} words/s, greeting {greet_after_s:g} s after the bridge, real time", file=sys.stderr)
    results: list[dict] = []   # one per round
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp, \
            DemoPhone(hold_s=hold_s, time_scale=1.0, speech_rate_wps=speech_wps, greet_after_s=greet_after_s) as phone:
        reports = Path(tmp) / "reports"
        # Phone steps never open the website: any loopback URL will do for the target's endpoint.
        config = demo_config("http://127.0.0.1:9", reports, phone=phone)
        ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
        placed = 0
        for n in plan:
            journeys, path_of = [], {}
            for i in range(placed, placed + n):
                path = "billing" if i % 2 == 0 else "support"
                file = Path(tmp) / f"call{i}.yaml"
                file.write_text(SCENARIO.format(i=i, menu=PATHS[path]))
                journeys.append(load_journey(file, config))
                path_of[f"Call {i}"] = path
            placed += n
            t0 = time.time()
            result = await Runner(config, ledger, reports, concurrency=n).run(journeys)
            took = time.time() - t0
            rows = ledger.run_rows(result.run_id)
            names = {j["id"]: j["name"] for j in rows["journeys"]}
            errors, signed, failed = [], [], []
            for step in rows["steps"]:
                measured = step["measurements"].get("time_to_person_s")
                sid = step["observations"].get("call_sid")
                sim = sim_time_to_person(phone, sid) if sid else None
                name = names.get(step.get("journey_id"), "?")
                if step["status"] != "passed" or measured is None or sim is None:
                    why = [f["title"] for f in rows["findings"] if f.get("step_id") == step["id"]] or \
                          [f"status {step['status']}, measured {measured}, simulator {sim}"]
                    failed.append(f"{name} ({path_of.get(name, '?')}): {'; '.join(why)}")
                    continue
                signed.append(measured - sim[0])
                errors.append(abs(measured - sim[0]))
            for line in failed:
                print(f"  failed: {line}", file=sys.stderr)
            ranked = sorted(errors)
            entry = {"n": n, "ok": len(errors), "failed": n - len(errors), "errors": errors, "signed": signed,
                     "took": took}
            results.append(entry)
            print(f"round: {n} at once, {entry['ok']} ok, {entry['failed']} failed, {took:.1f} s; "
                  + (f"error p50 {statistics.median(ranked):.3f} s, p95 {p95(ranked):.3f} s, "
                     f"max {ranked[-1]:.3f} s, mean measured-simulator {statistics.mean(signed):+.3f} s"
                     if ranked else "no call reached a person"), file=sys.stderr)
        print(f"looping menus: {len(LOOP_JOURNEYS) * loop_calls} journeys, each in both modes, all at once",
              file=sys.stderr)
        loop_errors, delays, scripted_delays, agree = await looping_menus(Path(tmp), loop_calls, speech_wps)
    wall = time.time() - started
    for mode, ds in (("interactive", delays), ("scripted", scripted_delays)):
        print(f"looping menus: press delay ({mode}) "
              + (f"p50 {statistics.median(ds):.3f} s, p95 {p95(ds):.3f} s, max {max(ds):.3f} s over {len(ds)} presses"
                 if ds else "- (no key played)"), file=sys.stderr)
    print(f"looping menus: {sum(agree)} of {len(agree)} pairs agree; time-to-human errors {len(loop_errors)}",
          file=sys.stderr)
    both = delays + scripted_delays   # every key either mode played: the target is for the prober, not one mode
    all_errors = [e for r in results for e in r["errors"]] + loop_errors
    all_signed = [e for r in results for e in r["signed"]]
    ok_levels = [r["n"] for r in results if r["failed"] == 0]
    if not all_errors:
        raise SystemExit("no call reached a person")
    for r in results:
        ranked = sorted(r["errors"])
        print(f"concurrency={r['n']} calls_ok={r['ok']} calls_failed={r['failed']} round_s={r['took']:.1f} "
              + (f"error_p50_s={statistics.median(ranked):.3f} error_p95_s={p95(ranked):.3f} "
                 f"error_max_s={ranked[-1]:.3f}" if ranked else "error_p50_s=- error_p95_s=- error_max_s=-"))
    print(f"calls={sum(r['n'] for r in results)} calls_ok={len(all_errors)} wall_s={wall:.1f} "
          f"error_median_s={statistics.median(all_errors):.3f} error_max_s={max(all_errors):.3f} "
          f"bias_s={statistics.mean(all_signed):+.3f}")
    print(f"concurrent_calls_ok={max(ok_levels, default=0)} "
          f"press_delay_interactive_p95_s={p95(delays) if delays else float('nan'):.3f} "
          f"press_delay_scripted_p95_s={p95(scripted_delays) if scripted_delays else float('nan'):.3f}")
    print(f"time_to_human_error_p95_s={p95(all_errors):.3f} "
          f"press_delay_p95_s={p95(both) if both else float('nan'):.3f} "
          f"scripted_agreement={sum(agree) / len(agree) if agree else 0:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=30, help="calls in all (at least 30)")
    parser.add_argument("--max-concurrency", type=int, default=15, help="calls at once in the last rounds")
    parser.add_argument("--hold", type=float, default=3.0, help="seconds the queue holds a caller before the "
                        "agent is called (the agent answers 1 s later)")
    parser.add_argument("--speech-wps", type=float, default=3.0, help="the simulator's speaking rate, words/s")
    parser.add_argument("--greet-after", type=float, default=1.5, help="seconds from the bridge to the person's "
                        "first word (0.1: no pause after the cut-off hold message)")
    parser.add_argument("--loop-calls", type=int, default=2, help="calls of each looping-menu journey per mode")
    args = parser.parse_args()
    asyncio.run(main(max(args.calls, 30), max(args.max_concurrency, 1), args.hold, args.speech_wps,
                     args.greet_after, max(1, args.loop_calls)))
