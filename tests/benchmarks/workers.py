"""Journeys per minute through `probes worker` processes on the task queue, and whether any ran twice or not at all.

Starts a throwaway PostgreSQL (tests/pg.py), the demo company and its mail world, and queues the demo's
web-form and e-mail journeys (scenarios/healthy-enquiry.yaml and email-support-answered.yaml, as copies) N times
each with `probes run --queue`; runs them through 1 worker, then (a new run) through 2 workers, each a real
`probes worker` process with --concurrency C. Throughput counts from the queueing to the run's last journey
ending. Then it counts, from the company's side, what arrived: a contact the company got twice is a double send;
a journey without exactly one contact sent, or a run that never finished, is lost.

Also prints the workers' CPU time per journey (the worker processes and their waited-for descendants:
Playwright's driver and Chromium; not PostgreSQL's or the demo company's), for sizing: journeys per core-minute.

Usage: python tests/benchmarks/workers.py [--n 10] [--concurrency 4]
Last line: journeys=<n> per_min_1w=<a> per_min_2w=<b> double_sends=<d> lost=<l>   (targets: d = 0, l = 0)
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pg import PostgresServer  # noqa: E402

from probes.ledger import Ledger  # noqa: E402
from probes.sim import DemoCompany  # noqa: E402
from probes.sim.mailnet import DemoMail  # noqa: E402

DEADLINE_S = 1800

FORM = """
name: Healthy enquiry {i}
persona: {{name: Jane Doe {i}, email: jane.doe@example.com}}
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
"""

EMAIL = """
name: Email to support {i}
persona: {{name: Jane Doe {i}, email: jane.doe@example.com}}
target: demo
steps:
  - id: question
    channel: email
    to: "{{target.support_email}}"
    subject: Delivery time for a washing machine ({i})
    body: Hello, how long does delivery to Leeds take? {{persona.name}}
    expect: {{ack_within: 10m, human_within: 30m}}
"""


def probes() -> list[str]:
    script = Path(sys.executable).parent / "probes"
    return [str(script)] if script.exists() else [sys.executable, "-m", "probes"]


def one_round(folder: Path, env: dict, workers: int, concurrency: int, url: str, company, n: int):
    """Queue 2n journeys, run them through `workers` workers; (seconds, web-form double sends, lost, worker CPU
    seconds)."""
    scenarios = folder / f"round{workers}"
    scenarios.mkdir()
    for i in range(n):
        (scenarios / f"form{i:03d}.yaml").write_text(textwrap.dedent(FORM.format(i=i)))
        (scenarios / f"email{i:03d}.yaml").write_text(textwrap.dedent(EMAIL.format(i=i)))
    procs = [subprocess.Popen([*probes(), "worker", "--location", "bench", "--concurrency", str(concurrency)],
                              cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for _ in range(workers)]
    try:
        # Timed from when the workers are up and listening: their start (imports) is not the queue's work.
        import psycopg

        from probes.queue import conninfo_for

        with psycopg.connect(conninfo_for(url), autocommit=True) as conn:
            while conn.execute("SELECT count(*) FROM procrastinate_workers").fetchone()[0] < workers:
                time.sleep(0.2)
        started = time.monotonic()
        done = subprocess.run([*probes(), "run", "--queue", "--no-preflight", scenarios.name], cwd=folder, env=env,
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0:
            raise SystemExit(done.stdout + done.stderr)
        run_id = done.stdout.split("Run ", 1)[1].split(":", 1)[0]
        ledger = Ledger(url)
        while (ledger.get_run(run_id) or {}).get("status") == "running":
            if time.monotonic() - started > DEADLINE_S:
                break
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        rows = ledger.run_rows(run_id)
        ledger.close()
    finally:
        for p in procs:
            p.terminate()
        cpu_s = 0.0
        for p in procs:
            # The worker's CPU time and its waited-for descendants' (Playwright's driver, Chromium).
            _, _, usage = os.wait4(p.pid, 0)
            p.returncode = 0
            cpu_s += usage.ru_utime + usage.ru_stime
    tokens = {c["token"] for c in rows["contacts"]}
    arrived = Counter(t for m in company.inbox for t in tokens if t in m["fields"].get("message", ""))
    double = sum(c - 1 for c in arrived.values() if c > 1)
    per_journey = Counter(c["journey_id"] for c in rows["contacts"] if c["status"] == "sent")
    lost = 2 * n - sum(1 for j in rows["journeys"] if per_journey.get(j["id"]) == 1)
    return elapsed, double, lost, cpu_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10, help="copies of each of the two journeys (default 10)")
    parser.add_argument("--concurrency", type=int, default=4, help="journeys per worker at once (default 4)")
    args = parser.parse_args()
    import yaml

    pg = PostgresServer()
    folder = Path(tempfile.mkdtemp(prefix="probes-workers-"))
    try:
        with DemoCompany() as company, DemoMail(folder / "mail", ack_delay_s=0.3, human_delay_s=2.5) as mail:
            url = pg.new_database()
            # The ledger's and the queue's tables first, so neither round pays for making them.
            from probes.queue import conninfo_for, ensure_schema

            Ledger(url).close()
            ensure_schema(conninfo_for(url))
            doc = {"settings": {"ledger": url, "reports_dir": "reports",
                                "queue": {"heartbeat_s": 2, "stalled_after_s": 60, "harvest_cron": "* * * * * */5",
                                          "tend_cron": "* * * * * */2"}},
                   "targets": {"demo": {"name": "Demo", "endpoints": {"website": company.base_url,
                                                                        "support_email": "support@northwind.example"},
                                        "allowlist": [company.base_url + "/", "@northwind.example"],
                                        "auto_reply_within_s": 2.0}},
                   "identities": {"shopper": mail.identity()}}
            (folder / "probes.yaml").write_text(yaml.safe_dump(doc))
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            results = {}
            for workers in (1, 2):
                before = Counter(m["subject"] for m in mail.desk.received)
                elapsed, double, lost, cpu_s = one_round(folder, env, workers, args.concurrency, url, company, args.n)
                # E-mail double sends: a subject of this round the company got more than once.
                after = Counter(m["subject"] for m in mail.desk.received)
                double += sum(c - before.get(s, 0) - 1 for s, c in after.items()
                              if "Delivery time" in str(s) and c - before.get(s, 0) > 1)
                results[workers] = (elapsed, double, lost)
                print(f"{workers} worker(s) x {args.concurrency}: {2 * args.n} journeys in {elapsed:.1f} s "
                      f"({2 * args.n / elapsed * 60:.1f}/min), workers' CPU {cpu_s:.1f} s "
                      f"({cpu_s / (2 * args.n):.2f} s per journey: {60 * 2 * args.n / cpu_s:.0f} journeys per "
                      f"core-minute), double sends {double}, lost {lost}", flush=True)
    finally:
        pg.stop()
    total = 2 * args.n
    print(f"journeys={total * 2} per_min_1w={total / results[1][0] * 60:.1f} "
          f"per_min_2w={total / results[2][0] * 60:.1f} double_sends={results[1][1] + results[2][1]} "
          f"lost={results[1][2] + results[2][2]}")


if __name__ == "__main__":
    main()
