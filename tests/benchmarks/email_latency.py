"""How fast and how exactly does the prober record email answers?

Sends 50 contacts (default) through the demo mail desk, whose support
mailbox answers each with an automatic acknowledgement and a person's reply
after known, varied delays, and waits for them with IMAP IDLE on a real
Dovecot. Prints, for every answer:

- detection: from the answer landing in the mailbox (the desk's delivery
  time) to the prober recording it in the ledger (target: p95 <= 1.0 s);
- accuracy: |measured time to the answer - the desk's own logged delay|
  (target: p95 <= 0.5 s).

Usage: python tests/benchmarks/email_latency.py [--contacts 50]
Last line: detection_p95_s=<x> accuracy_p95_s=<y>
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
from probes.sim import DemoCompany  # noqa: E402
from probes.sim.mailnet import DemoMail  # noqa: E402

SCENARIO = """
name: Benchmark question {i}
persona: {{name: Customer {i}}}
target: demo
steps:
  - id: question
    channel: email
    subject: Question about the {word}
    body: "Hello, this is my question about the {word}."
    expect: {{ack_within: 1m, human_within: 2m}}
"""


def _word(i: int) -> str:
    # Distinct words per contact (numbers are blanked when replies are compared as templates).
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "item " + letters[i % 26] + letters[(i // 26) % 26] + "x"


def p95(values: list[float]) -> float:
    ranked = sorted(values)
    return ranked[max(0, math.ceil(0.95 * len(ranked)) - 1)]


async def main(contacts: int) -> None:
    planned: dict[str, float] = {}

    def delays(kind: str, message_id: str) -> float:
        # Known and varied: acks 0.5-1.7 s, people 3-7.5 s, spread over the sub-second range.
        n = len(planned)
        value = 0.5 + (n % 5) * 0.31 if kind == "ack" else 3.0 + (n % 10) * 0.47
        planned[f"{kind}:{message_id}"] = value
        return value

    with tempfile.TemporaryDirectory() as tmp, DemoCompany() as company, \
            DemoMail(Path(tmp) / "mail", delays=delays) as mail:
        reports = Path(tmp) / "reports"
        config = demo_config(company.base_url, reports, mail)
        journeys = []
        for i in range(contacts):
            path = Path(tmp) / f"q{i}.yaml"
            path.write_text(SCENARIO.format(i=i, word=_word(i)))
            journeys.append(load_journey(path, config))
        ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
        started = time.time()
        result = await Runner(config, ledger, reports, concurrency=10).run(journeys, wait_s=120)
        took = time.time() - started
        rows = ledger.run_rows(result.run_id)
        landed = {entry["message_id"]: entry["delivered_at"] for entry in mail.desk.log}
        delay_of = {(entry["kind"], entry["in_reply_to"]): entry["delay_s"] for entry in mail.desk.log}

    detection = [r["observed_at"].timestamp() - landed[r["message_id"]]
                 for r in rows["responses"] if r["message_id"] in landed]
    contact_mid = {c["id"]: c["message_id"] for c in rows["contacts"]}
    accuracy = [abs(a["elapsed_s"] - delay_of[(a["kind"], contact_mid[a["contact_id"]])])
                for a in rows["awaits"] if a["status"] == "met"]
    unsettled = [a for a in rows["awaits"] if a["status"] != "met"]
    if len(detection) < 2 * contacts or unsettled:
        raise SystemExit(f"only {len(detection)} answers recorded, {len(unsettled)} deadlines not met")
    print(f"contacts={contacts} answers={len(detection)} run_s={took:.1f} "
          f"detection_median_s={statistics.median(detection):.3f} accuracy_median_s={statistics.median(accuracy):.3f}")
    print(f"detection_p95_s={p95(detection):.3f} accuracy_p95_s={p95(accuracy):.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=50, help="contacts to send (at least 50)")
    args = parser.parse_args()
    asyncio.run(main(max(args.contacts, 50)))
