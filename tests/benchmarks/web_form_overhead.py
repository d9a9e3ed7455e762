"""How much slower is the prober's web_form step than a hand-written Playwright script?

Both fill and submit the demo company's healthy contact form in the same
Chromium, capturing the same evidence (a full-page screenshot before and
after sending, and a Playwright trace as the prober's default
settings.browser.trace keeps it: DOM snapshots, no screencast). The
prober's side is a whole run of a one-step journey through the Runner, so
its ledger writes, allowlist guard and checks are counted too. Pairs are
interleaved (and their order alternated) so both see the same machine.

Usage: python tests/benchmarks/web_form_overhead.py [--pairs 25]
Last line: overhead_ratio=<median prober / median baseline>  (target <= 1.15)
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.async_api import async_playwright  # noqa: E402

from probes.browser import BrowserSession, launch_options  # noqa: E402
from probes.cli import demo_config  # noqa: E402
from probes.ledger import Ledger  # noqa: E402
from probes.runner import Runner  # noqa: E402
from probes.scenario import load_journey  # noqa: E402
from probes.sim import DemoCompany  # noqa: E402

SCENARIO = """
name: Benchmark enquiry
persona: {name: Jane Doe, email: jane@example.com}
target: demo
steps:
  - id: enquiry
    channel: web_form
    url: "{target.website}/contact"
    fields:
      - {label: Your name, value: "{persona.name}"}
      - {label: Email address, value: "{persona.email}"}
      - {label: Topic, value: Delivery}
      - {label: Your message, value: "How long does delivery take? {token}"}
    submit: {text: Send message}
    expect: {text: We have received your message, url: /contact/thanks}
"""


class SharedSession(BrowserSession):
    """The benchmark's one browser, lent to the Runner and not closed by it."""

    def __init__(self, browser, settings):
        super().__init__(settings)
        self._browser = browser   # the session's own Chromium, as in a run (its tabs are reused from step to step)

    async def get(self):
        return self._browser

    async def close(self):
        pass


async def baseline(browser, base_url: str, out: Path, i: int) -> float:
    """What a developer would write by hand for the same fill, submit and evidence."""
    t0 = time.perf_counter()
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    await context.tracing.start(screenshots=False, snapshots=True)  # as settings.browser.trace: on
    page = await context.new_page()
    await page.goto(f"{base_url}/contact")
    await page.get_by_label("Your name").fill("Jane Doe")
    await page.get_by_label("Email address").fill("jane@example.com")
    await page.get_by_label("Topic").select_option(label="Delivery")
    await page.get_by_label("Your message").fill(f"How long does delivery take? base{i}")
    await page.screenshot(path=str(out / f"base{i}-before.png"), full_page=True)
    await page.get_by_role("button", name="Send message").click()
    await page.wait_for_url("**/contact/thanks**")
    await page.get_by_text("We have received your message").wait_for()
    await page.screenshot(path=str(out / f"base{i}-after.png"), full_page=True)
    await context.tracing.stop(path=str(out / f"base{i}-trace.zip"))
    await context.close()
    return time.perf_counter() - t0


async def prober(runner: Runner, journey) -> float:
    t0 = time.perf_counter()
    result = await runner.run([journey])
    elapsed = time.perf_counter() - t0
    if result.exit_code != 0:
        raise SystemExit(f"the prober's run did not pass: {result.statuses}")
    return elapsed


async def main(pairs: int) -> None:
    with DemoCompany() as company, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        (out / "j.yaml").write_text(SCENARIO)
        config = demo_config(company.base_url, out / "reports")
        journey = load_journey(out / "j.yaml", config)
        ledger = Ledger(f"sqlite:///{out / 'reports' / 'ledger.sqlite3'}")
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(**launch_options(config.settings.browser, pw.chromium.executable_path))
            runner = Runner(config, ledger, out / "reports")
            runner.browser = SharedSession(browser, config.settings.browser)
            for i in range(2):  # warm-up: page cache, first-context costs
                await baseline(browser, company.base_url, out, -1 - i)
                await prober(runner, journey)
            base_times, probe_times = [], []
            for i in range(pairs):
                if i % 2 == 0:
                    base_times.append(await baseline(browser, company.base_url, out, i))
                    probe_times.append(await prober(runner, journey))
                else:
                    probe_times.append(await prober(runner, journey))
                    base_times.append(await baseline(browser, company.base_url, out, i))
                print(f"pair {i + 1:>2}/{pairs}: baseline {base_times[-1]:.3f} s  prober {probe_times[-1]:.3f} s",
                      file=sys.stderr)
            await browser.close()
        ledger.close()
    b, p = statistics.median(base_times), statistics.median(probe_times)
    print(f"pairs={pairs} baseline_median_s={b:.3f} prober_median_s={p:.3f}")
    print(f"overhead_ratio={p / b:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=25, help="interleaved pairs to time (at least 20)")
    args = parser.parse_args()
    asyncio.run(main(max(args.pairs, 20)))
