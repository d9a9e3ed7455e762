"""What one web-form journey costs the machine: CPU seconds of the whole process tree, and memory.

Runs 50 (or more) of the demo company's healthy contact-form journeys, 4 at
once, through the Runner with the default settings (evidence included), and
counts the CPU time of this Python process and everything under it:
Playwright's driver and every Chromium process, renderers that came and went
included (from /proc; Linux only). The demo company's web server runs in this
process too, so its (small) share is counted. Every journey is a healthy form,
so any finding is a false one.

Usage: python tests/benchmarks/journey_cost.py [--journeys 50] [--concurrency 4]
Last line: cpu_s_per_journey=<x> journeys_per_min=<y> peak_pss_mb=<z> false_findings=<f>
           (targets: x <= 1.2, f = 0)
"""
from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from proctree import PeakPss, tree_cpu_by_name  # noqa: E402

from probes.browser import BrowserSession  # noqa: E402
from probes.cli import demo_config  # noqa: E402
from probes.ledger import Ledger  # noqa: E402
from probes.runner import Runner  # noqa: E402
from probes.scenario import load_journey  # noqa: E402
from probes.sim import DemoCompany  # noqa: E402

# The demo's healthy contact form (scenarios/healthy-enquiry.yaml), one journey per copy.
SCENARIO = """
name: Healthy enquiry {i}
persona: {{name: Jane Doe, email: jane.doe@example.com}}
target: demo
steps:
  - id: enquiry
    channel: web_form
    url: "{{target.website}}/contact"
    fields:
      - {{label: Your name, value: "{{persona.name}}"}}
      - {{placeholder: you@example.com, value: "{{persona.email}}"}}
      - {{label: Topic, value: Delivery}}
      - {{label: Your message, value: "How long does delivery to Leeds take? (ref {{token}})"}}
    submit: {{text: Send message}}
    expect: {{text: We have received your message, url: /contact/thanks, within: 60s}}
    save: {{reference: "Your reference is (NW-\\\\d+)"}}
"""


class KeptSession(BrowserSession):
    """The Runner's Chromium, kept open at the end of its run until the benchmark has measured it: when
    Chromium closes, its helper processes are re-parented outside this process tree and their time is lost."""

    async def close(self) -> None:
        pass

    async def close_now(self) -> None:
        await BrowserSession.close(self)


async def main(count: int, concurrency: int, settings: dict) -> None:
    with DemoCompany() as company, tempfile.TemporaryDirectory() as tmp:
        reports = Path(tmp) / "reports"
        config = demo_config(company.base_url, reports)
        if settings:  # --set browser.x=y: only for comparing settings; the figures to report use the defaults
            config = config.model_copy(update={"settings": config.settings.model_copy(update={
                "browser": config.settings.browser.model_copy(update=settings)})})
        journeys = []
        for i in range(count):
            path = Path(tmp) / f"j{i}.yaml"
            path.write_text(SCENARIO.format(i=i))
            journeys.append(load_journey(path, config))
        ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
        runner = Runner(config, ledger, reports, concurrency=concurrency)
        runner.browser = KeptSession(config.settings.browser)
        with PeakPss() as peak:
            before = tree_cpu_by_name(os.getpid())
            t0 = time.perf_counter()
            result = await runner.run(journeys)
            took_s = time.perf_counter() - t0
            after = tree_cpu_by_name(os.getpid())
        await runner.browser.close_now()
        rows = ledger.run_rows(result.run_id)
        ledger.close()
    errors = [s for s in rows["steps"] if s["status"] == "error"]
    findings = rows["findings"]
    for f in findings[:5]:
        print(f"false finding: {f['check']} {f['severity']}: {f['title']}", file=sys.stderr)
    for s in errors[:5]:
        print(f"prober error: {s.get('error') or s['observations']}", file=sys.stderr)
    spent = {n: after[n] - before.get(n, 0.0) for n in after}
    spent[_own_name()] -= peak.own_cpu_s
    cpu_s = sum(spent.values())
    print("cpu_s per journey by process: " + " ".join(
        f"{n}={v / count:.2f}" for n, v in sorted(spent.items(), key=lambda kv: -kv[1])), file=sys.stderr)
    load = os.getloadavg()[0]
    print(f"journeys={count} concurrency={concurrency} run_s={took_s:.1f} cpu_s={cpu_s:.1f} "
          f"prober_errors={len(errors)} load_1min={load:.2f} cores={os.cpu_count()}")
    print(f"cpu_s_per_journey={cpu_s / count:.2f} journeys_per_min={count / took_s * 60:.1f} "
          f"peak_pss_mb={peak.peak_kb / 1024:.0f} false_findings={len(findings)}")


def _own_name() -> str:
    with open("/proc/self/stat") as f:
        return f.read().split("(", 1)[1].rpartition(")")[0]


def _setting(text: str) -> tuple[str, object]:
    key, _, value = text.partition("=")
    key = key.removeprefix("browser.")
    return key, {"true": True, "false": False}.get(value, value)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--journeys", type=int, default=50, help="journeys to run (at least 20)")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--set", action="append", default=[], metavar="browser.KEY=VALUE",
                        help="run with another browser setting, to compare (e.g. browser.trace=off)")
    args = parser.parse_args()
    asyncio.run(main(max(args.journeys, 20), args.concurrency, dict(_setting(s) for s in args.set)))
