"""How fast and how exactly does the prober record email answers?

Sends 50 contacts (default) through a real SMTP gateway (aiosmtpd, tests/channels/faulty_smtp.py) in front
of the demo mail desk, whose support mailbox answers each with an automatic acknowledgement and a person's
reply after known, varied delays. While the journeys are still being sent, a harvester waits for the answers
on a real Dovecot (IMAP NOOP every `poll_s` while answers are due soon, else IDLE), as `probes run --wait`
does after sending (the same harvest, on its waiting path: `record_first`). Prints, for every answer:

- detection: from the answer landing in the mailbox (the desk's delivery time) to the prober having it
  recorded in the ledger: its row (raw message, arrival time, match and kind) committed, as a second
  connection polling the ledger every 20 ms first sees it (target: p95 <= 1.0 s). Its judgment (checks,
  awaits settled) comes right after, in the same harvest; the run waits for it. `seen` is the part up
  to the prober reading the message from the mailbox (its observed_at);
- accuracy: |measured time to the answer - its true time|, the true time being from the customer pressing
  send (the prober's start of the SMTP transaction, or the gateway seeing the connection if that was
  earlier) to the desk delivering the answer (target: p95 <= 0.5 s);
- negative: answers measured as arriving before their contact (target: 0);
- late_starts: contacts whose start came after the gateway saw their connection (target: 0; a clock started
  at the 250 makes every one late), and start_to_connection_p95_s, how long after the start the gateway saw
  it (a busy machine's scheduling; it counts in every answer time, as a customer's wait).

With --slow-250 S the gateway passes each message on at once and answers its `250` S seconds later (a
gateway scanning under load): acknowledgements then land before the `250`, and must still be timed from
the start of the transaction, never negative.

Usage: python tests/benchmarks/email_latency.py [--contacts 50] [--slow-250 S]
Last line: detection_p95_s=<x> accuracy_p95_s=<y> negative=<n>
"""
from __future__ import annotations

import argparse
import asyncio
import json
import math
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT, ROOT / "tests"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from channels.faulty_smtp import FaultySmtp  # noqa: E402

from probes.cli import demo_config  # noqa: E402
from probes.harvest import MailboxError, harvest, mailboxes_of  # noqa: E402
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
ANSWER_KINDS = ("ack", "human")   # the awaits the desk's two answers settle (promises are left aside)
WAIT_S = 180.0                    # how long the answers may take after the last journey, on a busy machine
DEBUG = "--debug" in sys.argv


def _word(i: int) -> str:
    # Distinct words per contact (numbers are blanked when replies are compared as templates).
    letters = "abcdefghijklmnopqrstuvwxyz"
    return "item " + letters[i % 26] + letters[(i // 26) % 26] + "x"


def p95(values: list[float]) -> float:
    ranked = sorted(values)
    return ranked[max(0, math.ceil(0.95 * len(ranked)) - 1)] if ranked else float("nan")


def read_answers(ledger: Ledger, config, reports: Path, ready: threading.Event, stop: threading.Event) -> None:
    """Harvest now and on every new message (Mailbox.wait_for_mail, as `run --wait`) until told to stop: one
    harvester, as the runner's.

    In a thread of its own: the run's sends fill the event loop's worker threads (a slow 250 holds each)."""
    (box,) = mailboxes_of(config)
    try:
        while not stop.is_set():
            try:
                began = time.time()
                got = harvest(ledger, config, reports, open_boxes=[box], retry_s=0, record_first=True)
                ready.set()   # connected and read once: the run may start
                if DEBUG:
                    print(f"harvest read={got.read} took_s={time.time() - began:.3f}", file=sys.stderr)
                if not stop.is_set():
                    box.wait_for_mail(1.0)   # as the runner waits: NOOP while answers are due soon, else IDLE
            except MailboxError as exc:
                print(f"reading the mailbox: {exc}; again", file=sys.stderr)
                time.sleep(0.5)
    finally:
        box.close()


def watch_ledger(path: Path, recorded: dict[str, float], stop: threading.Event) -> None:
    """Note when each response row first shows in the ledger (committed), as another process would see it."""
    seen_id = 0
    while not stop.is_set():
        if path.exists():
            db = sqlite3.connect(path, timeout=60)
            try:
                rows = db.execute("SELECT id, message_id FROM responses WHERE id > ? ORDER BY id", (seen_id,)).fetchall()
            except sqlite3.OperationalError:
                rows = []   # the schema is not there yet
            finally:
                db.close()
            now = time.time()
            for rid, message_id in rows:
                recorded.setdefault(message_id, now)
                seen_id = max(seen_id, rid)
        stop.wait(0.02)


def serve_gateway(next_hop: str, slow_250_s: float) -> None:
    """The gateway, in a process of its own (so its clock readings wait for no thread of the prober's):
    prints its port, serves until its stdin closes, then prints what it saw as JSON."""
    host, port = next_hop.rsplit(":", 1)
    with FaultySmtp(next_hop=(host, int(port)), accept_after_s=slow_250_s) as gateway:
        print(gateway.port, flush=True)
        sys.stdin.read()
        print(json.dumps(gateway.accepted), flush=True)


def unsettled(ledger: Ledger, run_id: str) -> list[dict]:
    return [a for a in ledger.awaits_where(run_id=run_id) if a["kind"] in ANSWER_KINDS and a["status"] == "pending"]


async def main(contacts: int, slow_250_s: float) -> None:
    planned: dict[str, float] = {}

    def delays(kind: str, message_id: str) -> float:
        # Known and varied: acks 0.5-1.7 s, people 3-7.5 s, spread over the sub-second range.
        n = len(planned)
        value = 0.5 + (n % 5) * 0.31 if kind == "ack" else 3.0 + (n % 10) * 0.47
        planned[f"{kind}:{message_id}"] = value
        return value

    with tempfile.TemporaryDirectory() as tmp, DemoCompany() as company, \
            DemoMail(Path(tmp) / "mail", delays=delays) as mail:
        gateway = subprocess.Popen([sys.executable, __file__, "--serve-gateway", f"{mail.relay.host}:{mail.relay.port}",
                                    "--slow-250", str(slow_250_s)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   text=True)
        gateway_port = int(gateway.stdout.readline())
        reports = Path(tmp) / "reports"
        config = demo_config(company.base_url, reports, mail)
        relay = config.identities["shopper"].email.smtp
        relay.port, relay.timeout_s = gateway_port, max(relay.timeout_s, slow_250_s + 30)
        journeys = []
        for i in range(contacts):
            path = Path(tmp) / f"q{i}.yaml"
            path.write_text(SCENARIO.format(i=i, word=_word(i)))
            journeys.append(load_journey(path, config))
        ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
        run_id = "email-latency"
        ready, stop = threading.Event(), threading.Event()
        reader = threading.Thread(target=read_answers, args=(ledger, config, reports, ready, stop), daemon=True)
        reader.start()
        recorded: dict[str, float] = {}   # Message-ID -> when its row first showed in the ledger
        watcher = threading.Thread(target=watch_ledger, args=(reports / "ledger.sqlite3", recorded, stop), daemon=True)
        watcher.start()
        if not ready.wait(120):
            raise SystemExit("the harvester did not start within 120 s")
        started = time.time()
        try:
            result = await Runner(config, ledger, reports, concurrency=10).run(journeys, run_id=run_id)
            sent_s = time.time() - started
            give_up = time.monotonic() + WAIT_S
            while unsettled(ledger, run_id) and time.monotonic() < give_up and reader.is_alive():
                await asyncio.sleep(0.5)
        finally:
            stop.set()
            reader.join(timeout=60)
            watcher.join(timeout=60)
        took = time.time() - started
        rows = ledger.run_rows(result.run_id)
        landed = {entry["message_id"]: entry["delivered_at"] for entry in mail.desk.log}
        seen, _ = gateway.communicate(timeout=60)
        opened = {entry["message_id"]: entry["opened_at"] for entry in json.loads(seen)}

    contact_by_id = {c["id"]: c for c in rows["contacts"]}
    response_by_id = {r["id"]: r for r in rows["responses"]}
    answers = [r for r in rows["responses"] if r["kind"] in ("auto", "human")]
    detection = [recorded[r["message_id"]] - landed[r["message_id"]] for r in answers
                 if r["message_id"] in landed and r["message_id"] in recorded]
    read_s = [r["observed_at"].timestamp() - landed[r["message_id"]] for r in answers if r["message_id"] in landed]
    accuracy, negative, lag = [], 0, []
    for a in rows["awaits"]:
        if a["kind"] not in ANSWER_KINDS or a["status"] != "met":
            continue
        answer, contact = response_by_id[a["response_id"]], contact_by_id[a["contact_id"]]
        # The customer's clock: from pressing send (the prober's start of sending, which cannot have come
        # after the gateway saw the connection) to the answer landing.
        pressed = min(contact["sent_at"].timestamp(), opened[contact["message_id"]])
        truth = landed[answer["message_id"]] - pressed
        accuracy.append(abs(a["elapsed_s"] - truth))
        negative += a["elapsed_s"] < 0
        if DEBUG:
            print(a["kind"], "error", round(a["elapsed_s"] - truth, 3), "start->connection",
                  round(opened[contact["message_id"]] - contact["sent_at"].timestamp(), 3),
                  "observed-landed", round(answer["observed_at"].timestamp() - landed[answer["message_id"]], 3),
                  "recorded-landed", round(recorded[answer["message_id"]] - landed[answer["message_id"]], 3))
    # What the report shows beside each answer: its arrival after the contact's time.
    negative += sum((r["arrived_at"] - contact_by_id[r["contact_id"]]["sent_at"]).total_seconds() < 0
                    for r in answers)
    # The start is the start: before the gateway saw the connection (a clock started at the 250 is not).
    lag = [opened[c["message_id"]] - c["sent_at"].timestamp() for c in rows["contacts"]]
    late_starts = sum(x < 0 for x in lag)
    acceptance = [c["accepted_at"].timestamp() - c["sent_at"].timestamp() for c in rows["contacts"]
                  if c.get("accepted_at") and c.get("sent_at")]
    waiting = unsettled(ledger, run_id)
    if len(detection) < 2 * contacts or waiting:
        raise SystemExit(f"only {len(detection)} answers recorded, {len(waiting)} deadlines not met")
    print(f"contacts={contacts} answers={len(detection)} slow_250_s={slow_250_s:g} sending_s={sent_s:.1f} "
          f"run_s={took:.1f} acceptance_median_s={statistics.median(acceptance) if acceptance else float('nan'):.3f} "
          f"start_to_connection_p95_s={p95(lag):.3f} late_starts={late_starts} "
          f"detection_median_s={statistics.median(detection):.3f} accuracy_median_s={statistics.median(accuracy):.3f} "
          f"seen_median_s={statistics.median(read_s):.3f} seen_p95_s={p95(read_s):.3f}")
    print(f"detection_p95_s={p95(detection):.3f} accuracy_p95_s={p95(accuracy):.3f} negative={negative}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=50, help="contacts to send (default 50)")
    parser.add_argument("--slow-250", type=float, default=0.0, metavar="S",
                        help="the gateway answers each message's 250 S seconds after passing it on (default 0)")
    parser.add_argument("--debug", action="store_true", help="print every answer's figures")
    parser.add_argument("--serve-gateway", metavar="HOST:PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_gateway:
        serve_gateway(args.serve_gateway, args.slow_250)
        raise SystemExit(0)
    asyncio.run(main(max(args.contacts, 1), max(args.slow_250, 0.0)))
