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

Usage: python tests/benchmarks/phone_timing.py [--calls 30] [--max-concurrency 15]
Last line: time_to_human_error_p95_s=<x> concurrent_calls_ok=<n>   (target: error <= 0.5 s)
  n: the highest concurrency at which every call of the round ran without errors.
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


async def main(calls: int, max_concurrency: int, hold_s: float, speech_wps: float, greet_after_s: float) -> None:
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
    wall = time.time() - started
    all_errors = [e for r in results for e in r["errors"]]
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
    print(f"time_to_human_error_p95_s={p95(all_errors):.3f} concurrent_calls_ok={max(ok_levels, default=0)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=30, help="calls in all (at least 30)")
    parser.add_argument("--max-concurrency", type=int, default=15, help="calls at once in the last rounds")
    parser.add_argument("--hold", type=float, default=3.0, help="seconds the queue holds a caller before the "
                        "agent is called (the agent answers 1 s later)")
    parser.add_argument("--speech-wps", type=float, default=3.0, help="the simulator's speaking rate, words/s")
    parser.add_argument("--greet-after", type=float, default=1.5, help="seconds from the bridge to the person's "
                        "first word (0.1: no pause after the cut-off hold message)")
    args = parser.parse_args()
    asyncio.run(main(max(args.calls, 30), max(args.max_concurrency, 1), args.hold, args.speech_wps,
                     args.greet_after))
