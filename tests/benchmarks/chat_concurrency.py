"""Twenty (or more) chats at once against the demo chat widget, with known reply delays.

Each chat asks one question; the demo's bot answers after a delay the
benchmark chose for that chat and logged. Prints per chat how far the
prober's measured time to first reply is from that delay, and the peak
memory of the whole process tree (this Python and every Chromium process,
as the sum of their proportional set sizes: shared pages counted once).

Usage: python tests/benchmarks/chat_concurrency.py [--chats 20]
Last line: first_reply_error_p95_s=<x> peak_rss_mb=<y>   (target: error <= 0.3 s)
"""
from __future__ import annotations

import argparse
import asyncio
import math
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from probes.cli import demo_config  # noqa: E402
from probes.ledger import Ledger  # noqa: E402
from probes.runner import Runner  # noqa: E402
from probes.scenario import load_journey  # noqa: E402
from probes.sim import DemoCompany  # noqa: E402
from probes.sim.chat import ChatServer  # noqa: E402

SCENARIO = """
name: Chat {i}
persona: {{name: Customer {i}}}
target: demo
steps:
  - id: chat
    channel: chat
    url: "{{target.website}}/chat"
    widget: northwind
    ready_within: 60s
    turns:
      - say: "Question {i}: how long does delivery take?"
        within: 60s
"""


def tree_rss_kb(pid: int) -> int:
    """Memory of pid and all its descendants, from /proc: each process's proportional share (PSS),
    so pages Chromium's processes share are counted once, not once per process."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def p95(values: list[float]) -> float:
    ranked = sorted(values)
    return ranked[max(0, math.ceil(0.95 * len(ranked)) - 1)]


async def main(chats: int) -> None:
    chosen: dict[str, float] = {}

    def delays(kind: str, session: str) -> float:
        # Known and varied per chat: 0.5 s to 2.4 s.
        return chosen.setdefault(session, 0.5 + (len(chosen) % 20) * 0.1)

    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss_kb(os.getpid()))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    with tempfile.TemporaryDirectory() as tmp, ChatServer(delays=delays) as chat, DemoCompany(chat=chat) as site:
        reports = Path(tmp) / "reports"
        config = demo_config(site.base_url, reports, chat=chat)
        journeys = []
        for i in range(chats):
            path = Path(tmp) / f"c{i}.yaml"
            path.write_text(SCENARIO.format(i=i))
            journeys.append(load_journey(path, config))
        ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
        started = time.time()
        result = await Runner(config, ledger, reports, concurrency=chats).run(journeys)
        took = time.time() - started
        rows = ledger.run_rows(result.run_id)
        log = list(chat.log)
    stop.set()
    sampler.join()
    # Each chat's measured first reply against the delay the bot logged for that very question.
    delay_of = {e["question"]: e["delay_s"] for e in log if e.get("question")}
    errors = []
    for step in rows["steps"]:
        if "first_reply_s" not in step["measurements"]:
            raise SystemExit(f"a chat got no answer: {rows['findings'][:3]}")
        question = next(t["text"] for t in step["observations"]["transcript"] if t["author"] == "customer")
        errors.append(abs(step["measurements"]["first_reply_s"] - delay_of[question]))
    print(f"chats={chats} run_s={took:.1f} first_reply_error_median_s={sorted(errors)[len(errors) // 2]:.3f}")
    print(f"first_reply_error_p95_s={p95(errors):.3f} peak_rss_mb={peak[0] / 1024:.0f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chats", type=int, default=20, help="chats at once (at least 20)")
    args = parser.parse_args()
    asyncio.run(main(max(args.chats, 20)))
